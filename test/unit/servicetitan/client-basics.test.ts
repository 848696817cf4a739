import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../main/http/rate-limiter';
import { refreshMarginMs } from '../../../main/servicetitan/auth';
import {
  StScopeError,
  StTenantError,
  checkCredentials,
  createServiceTitanClient,
} from '../../../main/servicetitan';

describe('rate limiter', () => {
  it('spaces requests 1000/N ms apart and honours a pause', async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new RateLimiter(
      60,
      () => now,
      (ms) => {
        waits.push(Math.round(ms));
        return Promise.resolve();
      },
    );
    for (let i = 0; i < 4; i++) await limiter.acquire();
    expect(waits).toEqual([17, 33, 50]);
    now = 1000;
    limiter.pause(2000);
    await limiter.acquire();
    expect(waits[waits.length - 1]).toBe(2000);
  });
});

describe('token refresh margin', () => {
  it('is a minute for 15-minute tokens and a tenth of short lifetimes', () => {
    expect(refreshMarginMs(900)).toBe(60_000);
    expect(refreshMarginMs(2)).toBe(200);
  });
});

describe('connection settings and errors', () => {
  const connection = {
    environment: 'integration' as const,
    authUrl: 'http://127.0.0.1:1/connect/token',
    apiBaseUrl: 'http://127.0.0.1:1',
    tenantId: '123',
    clientId: 'cid.x',
    clientSecret: 'cs1.secret-value',
    appKey: 'ak1.app-key-value',
  };

  it('explains incomplete settings in plain words, without echoing secrets', () => {
    expect(() => checkCredentials({ ...connection, tenantId: 'abc' })).toThrow(/tenant id is a number/);
    expect(() => checkCredentials({ ...connection, appKey: '' })).toThrow(/app key is missing/);
    expect(() => createServiceTitanClient({ ...connection, clientSecret: '' })).toThrow(
      /client secret is missing/,
    );
  });

  it('gives each failure a code and a message an accountant can act on', () => {
    const scope = new StScopeError('tn.acc.apbills:r', 'read AP bills', 'ApBills_GetListPaginated');
    expect(scope.code).toBe('st_missing_scope');
    expect(scope.message).toContain('tn.acc.apbills:r');
    expect(new StTenantError('42').message).toContain('tenant 42');
  });
});
