import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  StCredentialsError,
  StRateLimitedError,
  StUnavailableError,
  createServiceTitanClient,
} from '../../../main/servicetitan';
import { rateLimitWaitMs } from '../../../main/servicetitan/retry-hint';

/** How the stand-in answers one request. */
type Step = { status: number; headers?: Record<string, string>; body?: unknown } | 'drop' | 'token' | 'page';

const GATEWAY = (seconds: number) => ({
  statusCode: 429,
  message: `Rate limit is exceeded. Try again in ${seconds} seconds.`,
});

/**
 * A stand-in ServiceTitan: token requests and API calls each follow their own script; past the end of a script it
 * answers normally (a token, an empty page).
 */
function standIn(tokenSteps: Step[], apiSteps: Step[] = []) {
  const seen = { token: 0, api: 0 };
  const server = http.createServer((req, res) => {
    const isToken = req.url?.startsWith('/connect/token') ?? false;
    seen[isToken ? 'token' : 'api'] += 1;
    const step = (isToken ? tokenSteps : apiSteps).shift() ?? (isToken ? 'token' : 'page');
    if (step === 'drop') {
      req.socket.destroy();
      return;
    }
    const answer =
      step === 'token'
        ? { status: 200, body: { access_token: `t${seen.token}`, expires_in: 900, token_type: 'Bearer' } }
        : step === 'page'
          ? { status: 200, body: { page: 1, pageSize: 50, hasMore: false, data: [] } }
          : step;
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  });
  return { server, seen };
}

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

let clientNumber = 0;
async function clientFor(server: http.Server, options: Parameters<typeof createServiceTitanClient>[1] = {}) {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return createServiceTitanClient(
    {
      environment: 'integration',
      authUrl: `${base}/connect/token`,
      apiBaseUrl: base,
      tenantId: '123',
      // A client id of its own per test: the process-wide token cache must not hand one test another's token.
      clientId: `cid.retry${++clientNumber}`,
      clientSecret: 'cs1.token-retry-secret',
      appKey: 'ak1.token-retry-key',
    },
    { backoffBaseMs: 1, random: () => 0, ...options },
  );
}

async function zones(client: Awaited<ReturnType<typeof clientFor>>): Promise<number> {
  let n = 0;
  for await (const _ of client.taxZones()) n++;
  return n;
}

describe('sign-in retries', () => {
  it('waits out 429s, a 5xx and a dropped connection at the token endpoint, then signs in', async () => {
    const { server, seen } = standIn([
      { status: 429, headers: { 'retry-after': '0' }, body: GATEWAY(0) },
      { status: 503, body: { title: 'Service Unavailable' } },
      'drop',
      { status: 429, body: GATEWAY(0) },
    ]);
    const client = await clientFor(server);
    expect(await zones(client)).toBe(0);
    expect(seen).toEqual({ token: 5, api: 1 });
    expect(client.calls().byEndpoint.token).toBe(5);
  });

  it('gives up on a throttled sign-in after the allowed waits, with a plain rate-limit error', async () => {
    const throttled = Array.from({ length: 10 }, (): Step => ({ status: 429, body: GATEWAY(0) }));
    const { server, seen } = standIn(throttled);
    const client = await clientFor(server, { maxRateLimitWaits: 3 });
    const error = await zones(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StRateLimitedError);
    expect((error as StRateLimitedError).endpoint).toBe('token');
    expect(seen).toEqual({ token: 4, api: 0 });
  });

  it('gives up on a failing sign-in service after the retries, and never retries refused credentials', async () => {
    const failing = standIn(Array.from({ length: 10 }, (): Step => ({ status: 502 })));
    const client = await clientFor(failing.server, { maxRetries: 2 });
    await expect(zones(client)).rejects.toBeInstanceOf(StUnavailableError);
    expect(failing.seen.token).toBe(3);

    const refused = standIn([{ status: 400, body: { error: 'invalid_client' } }]);
    const wrong = await clientFor(refused.server);
    await expect(zones(wrong)).rejects.toBeInstanceOf(StCredentialsError);
    expect(refused.seen.token).toBe(1);
  });

  it('falls back to the seconds in the gateway message when a 429 has no Retry-After', async () => {
    // With this backoff a guess would wait 10 s (over the test timeout); the message says 0 s.
    const { server, seen } = standIn(
      [{ status: 429, body: GATEWAY(0) }],
      [{ status: 429, body: GATEWAY(0) }],
    );
    const client = await clientFor(server, { backoffBaseMs: 60_000, random: () => 1 });
    expect(await zones(client)).toBe(0);
    expect(seen).toEqual({ token: 2, api: 2 });
  });
});

describe('429 wait', () => {
  it('takes Retry-After first, then the gateway message, and caps both at five minutes', () => {
    const now = Date.UTC(2026, 5, 20, 12, 0, 0);
    expect(rateLimitWaitMs('3', GATEWAY(9), now)).toBe(3000);
    expect(rateLimitWaitMs(new Date(now + 2000).toUTCString(), undefined, now)).toBe(2000);
    expect(rateLimitWaitMs(undefined, GATEWAY(7), now)).toBe(7000);
    expect(rateLimitWaitMs(undefined, 'Rate limit is exceeded. Try again in 1 second.', now)).toBe(1000);
    expect(rateLimitWaitMs(undefined, GATEWAY(4000), now)).toBe(300_000);
    expect(rateLimitWaitMs(undefined, { title: 'Too many requests' }, now)).toBeUndefined();
  });
});
