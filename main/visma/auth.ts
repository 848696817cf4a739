import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import type { CachedToken } from '../http/token-cache';
import { parseRetryAfter } from '../http/retry-after';
import { redactor } from '../log/redactor';
import { VismaError } from './errors';
import { parseErrorBody } from './error-map';

/** The scopes of the Visma.net ERP service API. */
export const VISMA_SCOPES = ['create', 'read', 'update', 'delete']
  .map((s) => `vismanet_erp_service_api:${s}`)
  .join(' ');

/** What the token request needs. */
export interface TokenRequest {
  tokenUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

const TokenResponse = z.object({
  access_token: z.string().min(1, 'access_token is empty'),
  expires_in: z.number().positive('expires_in must be positive'),
  token_type: z.string().optional(),
});

/**
 * Visma Connect could not issue a token right now (429 or 5xx): worth another try after `retryAfterMs` (from
 * `Retry-After`) or a backoff.
 */
export class TokenEndpointBusy extends VismaError {
  constructor(
    status: number,
    detail: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super({
      code: status === 429 ? 'rate_limited' : 'server_error',
      endpoint: 'POST token',
      status,
      detail,
      message:
        status === 429
          ? 'Visma Connect asked us to slow down while signing in (HTTP 429). The sync will continue later.'
          : `Visma Connect could not issue an access token (HTTP ${status}${detail ? `: "${detail}"` : ''}). Try again later.`,
    });
    this.name = 'TokenEndpointBusy';
  }
}

/**
 * Requests a client-credentials token from Visma Connect (`tenant_id` picks the company). Network errors are thrown as
 * is; 429 and 5xx as `TokenEndpointBusy`; other refusals as a VismaError naming the likely mistake.
 */
export async function requestToken(
  http: AxiosInstance,
  request: TokenRequest,
  now: () => number,
): Promise<CachedToken> {
  redactor.add(request.clientSecret);
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: request.clientId,
    client_secret: request.clientSecret,
    scope: VISMA_SCOPES,
    tenant_id: request.tenantId,
  });
  const res = await http.post<string>(request.tokenUrl, form.toString(), {
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
  });
  if (res.status === 429 || res.status >= 500) {
    const retryAfter = (res.headers as Record<string, unknown>)['retry-after'];
    throw new TokenEndpointBusy(
      res.status,
      parseErrorBody(res.data).text,
      parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined, now()),
    );
  }
  if (res.status !== 200) throw tokenRefusal(res.status, res.data, request);
  let json: unknown;
  try {
    json = JSON.parse(res.data);
  } catch {
    json = undefined;
  }
  const parsed = TokenResponse.safeParse(json);
  if (!parsed.success) {
    throw new VismaError({
      code: 'bad_response',
      endpoint: 'POST token',
      status: res.status,
      message: `Visma Connect answered the token request with something that is not a token (${parsed.error.issues[0]?.message ?? 'unreadable'}).`,
    });
  }
  redactor.add(parsed.data.access_token);
  return { accessToken: parsed.data.access_token, expiresAt: now() + parsed.data.expires_in * 1000 };
}

function tokenRefusal(status: number, raw: unknown, request: TokenRequest): VismaError {
  const parsed = parseErrorBody(raw);
  const base = { endpoint: 'POST token', status, detail: parsed.text };
  switch (parsed.oauthError) {
    case 'invalid_client':
      return new VismaError({
        ...base,
        code: 'invalid_client',
        message: `Visma Connect did not accept the client id "${request.clientId}" or its client secret. Check both in the Visma Developer Portal.`,
      });
    case 'invalid_tenant':
    case 'unauthorized_client':
      return new VismaError({
        ...base,
        code: 'wrong_tenant',
        message: `Visma Connect refused tenant id ${request.tenantId} for this integration. Use the company tenant id (Visma Admin → Company → Edit → Configuration → Tenant id), not the customer tenant id, and make sure a tenant administrator approved the integration for that company.`,
      });
    case 'invalid_scope':
      return new VismaError({
        ...base,
        code: 'missing_api_role',
        message:
          'Visma Connect refused the ERP API scopes: the integration is not set up for the Visma.net ERP service API.',
      });
    default:
      return new VismaError({
        ...base,
        code: 'unauthorized',
        message: `Visma Connect refused the token request (HTTP ${status}: ${parsed.text || 'no details'}).`,
      });
  }
}
