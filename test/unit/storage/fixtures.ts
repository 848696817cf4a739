import type { ProfileConfig } from '../../../shared/profile-config';

/** A complete profile with recognisable fake secrets. */
export function fullProfile(id = 'acme'): ProfileConfig {
  return {
    id,
    name: 'Acme Heating',
    timeZone: 'Europe/Oslo',
    servicetitan: {
      environment: 'integration',
      authUrl: 'https://auth-integration.servicetitan.io/connect/token',
      apiBaseUrl: 'https://api-integration.servicetitan.io',
      tenantId: '12345',
      clientId: 'cid.acme',
      clientSecret: `st-client-secret-${id}-0001`,
      appKey: `st-app-key-${id}-0001`,
    },
    visma: {
      environment: 'sandbox',
      tokenUrl: 'https://connect.visma.com/connect/token',
      apiBaseUrl: 'https://api.finance.visma.net',
      tenantId: 'vt-1',
      companyId: '1234567',
      clientId: 'isv_acme',
      clientSecret: `visma-client-secret-${id}-0001`,
    },
    webhook: {
      enabled: false,
      port: 0,
      signatureHeader: 'x-servicetitan-signature',
      signatureEncoding: 'hex',
      hmacKey: `webhook-hmac-key-${id}-0123456789abcdef`,
    },
  };
}
