import { TokenCache } from '../../../main/http/token-cache';
import type { VismaClientOptions, VismaConnectionWithSecret } from '../../../main/visma';
import type { VismaSimulator } from '../../simulators/visma';

/** The connection of simulated company `index` (0 = A, 1 = B). */
export function connectionFor(sim: VismaSimulator, index = 0): VismaConnectionWithSecret {
  const c = sim.companies[index]!;
  return {
    tokenUrl: sim.tokenUrl,
    apiBaseUrl: sim.apiBaseUrl,
    tenantId: c.tenantId,
    companyId: c.companyId,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
  };
}

/** Fast, isolated client options for tests (own token cache, short backoff). */
export function testOptions(extra: VismaClientOptions = {}): VismaClientOptions {
  return { tokenCache: new TokenCache(), backoffBaseMs: 5, backoffCapMs: 50, timeoutMs: 5_000, ...extra };
}

/** A date in the current month (an open period in the seed). */
export function thisMonth(day = 10): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Awaits a condition by polling it (no timeout of its own: the test's timeout bounds it). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
): Promise<T> {
  for (;;) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A bearer token for simulated company `index`, fetched over HTTP like any client would. */
export async function rawToken(sim: VismaSimulator, index = 0): Promise<string> {
  const c = sim.companies[index]!;
  const res = await fetch(sim.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: c.clientSecret,
      scope:
        'vismanet_erp_service_api:create vismanet_erp_service_api:read vismanet_erp_service_api:update vismanet_erp_service_api:delete',
      tenant_id: c.tenantId,
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A raw HTTP caller for the simulated API (for requests our client would never send). */
export function rawApi(sim: VismaSimulator, bearer: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(sim.apiBaseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
}
