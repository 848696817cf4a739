import { randomBytes } from 'node:crypto';
import type { SimResponse } from '../common/http';
import type { CompanyState } from './model';
import { record } from './unwrap';
import { gatewayError } from './errors';

/** The scopes of the Visma.net ERP service API. */
export const SERVICE_SCOPES = ['create', 'read', 'update', 'delete'].map(
  (s) => `vismanet_erp_service_api:${s}`,
);

/** What a bearer token stands for. `companyId` is absent when it was issued for a customer tenant. */
export interface TokenInfo {
  tenantId: string;
  clientId: string;
  companyId?: string;
  scopes: string[];
  expiresAt: number;
}

/** Visma Connect's token endpoint (client credentials with `tenant_id`) and bearer-token checks. */
export class TokenIssuer {
  private readonly tokens = new Map<string, TokenInfo>();

  constructor(
    private readonly companies: () => CompanyState[],
    private readonly lifetimeSeconds: number,
  ) {}

  /**
   * Answers `POST /connect/token`. The client authenticates with `client_id`/`client_secret` form fields or with HTTP
   * Basic (`client_secret_basic`, RFC 6749 §2.3.1: both parts form-urlencoded, then base64), never with both.
   */
  issue(body: unknown, authorization?: string, now = Date.now()): SimResponse {
    const form = { ...record(body) };
    const oauthError = (error: string, description: string, status = 400): SimResponse => ({
      status,
      body: { error, error_description: description },
    });
    const basic = basicCredentials(authorization);
    if (basic === 'malformed')
      return oauthError('invalid_client', 'The Basic authorization header cannot be read.', 401);
    if (basic) {
      if (form.client_secret !== undefined)
        return oauthError('invalid_request', 'Use one client authentication method, not both.');
      if (form.client_id !== undefined && form.client_id !== basic.clientId)
        return oauthError('invalid_request', 'client_id differs from the Basic authorization header.');
      form.client_id = basic.clientId;
      form.client_secret = basic.clientSecret;
    }
    if (form.grant_type !== 'client_credentials')
      return oauthError('unsupported_grant_type', 'Only client_credentials is supported.');
    const owned = this.companies().filter((c) => c.identity.clientId === form.client_id);
    if (owned.length === 0 || owned[0]!.identity.clientSecret !== form.client_secret)
      // RFC 6749 §5.2: a client that authenticated with the Authorization header gets 401.
      return oauthError('invalid_client', 'Invalid client or client credentials.', basic ? 401 : 400);
    const requested = typeof form.scope === 'string' ? form.scope.split(/\s+/).filter(Boolean) : [];
    const unknown = requested.filter((s) => !SERVICE_SCOPES.includes(s));
    if (unknown.length) return oauthError('invalid_scope', `Unknown scope: ${unknown.join(' ')}`);
    const tenantId = typeof form.tenant_id === 'string' ? form.tenant_id : '';
    if (!tenantId) return oauthError('invalid_request', 'tenant_id is required for this API.');
    const byCompanyTenant = owned.find((c) => c.identity.tenantId === tenantId);
    const byCustomerTenant = owned.find((c) => c.identity.customerTenantId === tenantId);
    if (!byCompanyTenant && !byCustomerTenant)
      return oauthError('invalid_tenant', 'The client is not authorised for this tenant.');
    const accessToken = `sim-visma-${randomBytes(24).toString('hex')}`;
    this.tokens.set(accessToken, {
      tenantId,
      clientId: String(form.client_id),
      ...(byCompanyTenant ? { companyId: byCompanyTenant.identity.companyId } : {}),
      scopes: requested,
      expiresAt: now + this.lifetimeSeconds * 1000,
    });
    return {
      status: 200,
      headers: { 'cache-control': 'no-store' },
      body: {
        access_token: accessToken,
        expires_in: this.lifetimeSeconds,
        token_type: 'Bearer',
        scope: requested.join(' '),
      },
    };
  }

  /** The token behind an `Authorization` header, or the gateway's 401. */
  verify(authorization: string | undefined, now = Date.now()): TokenInfo | SimResponse {
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
    const info = token ? this.tokens.get(token) : undefined;
    if (!info || info.expiresAt <= now)
      return gatewayError(401, 'Unauthorized. Access token is missing or invalid.');
    return info;
  }

  /** Makes every issued token expire now (tests of refresh on 401). */
  expireAll(): void {
    for (const info of this.tokens.values()) info.expiresAt = 0;
  }
}

/** Client id and secret from an HTTP Basic header (undefined when there is none). */
function basicCredentials(
  authorization: string | undefined,
): { clientId: string; clientSecret: string } | 'malformed' | undefined {
  const encoded = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  const part = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return { clientId: part(decoded.slice(0, colon)), clientSecret: part(decoded.slice(colon + 1)) };
  } catch {
    return 'malformed';
  }
}

/** The scope an HTTP method needs. */
export function scopeFor(method: string, path: string): string {
  if (method === 'GET') return 'vismanet_erp_service_api:read';
  if (method === 'PUT' || /\/action\//i.test(path)) return 'vismanet_erp_service_api:update';
  if (method === 'DELETE') return 'vismanet_erp_service_api:delete';
  return 'vismanet_erp_service_api:create';
}
