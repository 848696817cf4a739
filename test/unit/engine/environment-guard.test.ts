import { describe, expect, it } from 'vitest';
import { assertEnvironmentsAllowed, isSandboxIntoProduction } from '../../../main/engine/environment-guard';
import { ProfileConfig } from '../../../shared/profile-config';

const base = ProfileConfig.parse({
  id: 'p',
  servicetitan: {
    environment: 'integration',
    authUrl: 'https://auth-integration.servicetitan.io/connect/token',
    apiBaseUrl: 'https://api-integration.servicetitan.io',
    tenantId: '1',
    clientId: 'c',
  },
  visma: {
    environment: 'production',
    tokenUrl: 'https://connect.visma.com/connect/token',
    apiBaseUrl: 'https://api.finance.visma.net',
    tenantId: 't',
    companyId: '9',
    companyName: 'Real Books AS',
    clientId: 'v',
  },
});

describe('sandbox → production guard', () => {
  it('refuses an unconfirmed integration tenant posting into a production company, naming the company', () => {
    expect(isSandboxIntoProduction(base)).toBe(true);
    expect(() => assertEnvironmentsAllowed(base)).toThrow(/Real Books AS.*confirm/);
  });
  it('allows it once confirmed, and never blocks other pairs', () => {
    expect(() =>
      assertEnvironmentsAllowed({
        ...base,
        sync: { crossEnvironmentConfirmedAt: '2026-11-25T10:00:00.000Z' } as never,
      }),
    ).not.toThrow();
    const prod = { ...base, servicetitan: { ...base.servicetitan, environment: 'production' as const } };
    const sandbox = { ...base, visma: { ...base.visma, environment: 'sandbox' as const } };
    expect(() => assertEnvironmentsAllowed(prod)).not.toThrow();
    expect(() => assertEnvironmentsAllowed(sandbox)).not.toThrow();
  });
});
