import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StAppKeyError, createServiceTitanClient } from '../../../main/servicetitan';

/** A stand-in ServiceTitan that refuses the first `refusals` API calls the way the given header says. */
function fakeServiceTitan(refusals: number, wwwAuthenticate: string | undefined) {
  let tokens = 0;
  let apiCalls = 0;
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/connect/token')) {
      tokens += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: `t${tokens}`, expires_in: 900, token_type: 'Bearer' }));
      return;
    }
    apiCalls += 1;
    if (apiCalls <= refusals) {
      res.writeHead(401, {
        'content-type': 'application/json',
        ...(wwwAuthenticate ? { 'www-authenticate': wwwAuthenticate } : {}),
      });
      res.end(JSON.stringify({ title: 'Unauthorized', status: 401 }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ page: 1, pageSize: 50, hasMore: false, data: [] }));
  });
  return { server, stats: () => ({ tokens, apiCalls }) };
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function client(base: string, clientId: string) {
  return createServiceTitanClient(
    {
      environment: 'integration',
      authUrl: `${base}/connect/token`,
      apiBaseUrl: base,
      tenantId: '123',
      clientId,
      clientSecret: 'cs1.refusal-test-secret',
      appKey: 'ak1.refusal-test-key',
    },
    { backoffBaseMs: 1 },
  );
}

describe('401 handling', () => {
  const revoked = fakeServiceTitan(2, 'Bearer error="invalid_token"');
  const wrongKey = fakeServiceTitan(5, undefined);
  let revokedUrl: string;
  let wrongKeyUrl: string;
  beforeAll(async () => {
    revokedUrl = await listen(revoked.server);
    wrongKeyUrl = await listen(wrongKey.server);
  });
  afterAll(() => {
    revoked.server.close();
    wrongKey.server.close();
  });

  it('signs in again when fresh tokens keep being refused as invalid (revoked meanwhile), then succeeds', async () => {
    const zones = [];
    for await (const z of client(revokedUrl, 'cid.revoked').taxZones()) zones.push(z);
    expect(zones).toEqual([]);
    expect(revoked.stats()).toEqual({ tokens: 3, apiCalls: 3 });
  });

  it('treats a 401 that survives one fresh sign-in without a token hint as a credentials problem', async () => {
    const run = async () => {
      for await (const _ of client(wrongKeyUrl, 'cid.wrongkey').taxZones()) void _;
    };
    await expect(run()).rejects.toBeInstanceOf(StAppKeyError);
    expect(wrongKey.stats()).toEqual({ tokens: 2, apiCalls: 2 });
  });
});
