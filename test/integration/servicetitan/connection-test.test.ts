import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIRED_SCOPES, testConnection } from '../../../main/servicetitan';
import { startServiceTitanSimulator } from '../../simulators/servicetitan';
import type { ServiceTitanSimulator } from '../../simulators/servicetitan';

let sim: ServiceTitanSimulator;

beforeAll(async () => {
  sim = await startServiceTitanSimulator({ seed: 5, invoices: 20, bills: 5 });
});
afterAll(async () => {
  await sim.stop();
});

const failing = (report: Awaited<ReturnType<typeof testConnection>>) => report.checks.filter((c) => !c.ok);

describe('testConnection names what fails', () => {
  it('passes every check with good credentials and all scopes', async () => {
    const report = await testConnection(sim.connection());
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual([
      'Sign-in (client ID and secret)',
      'App key',
      `Tenant ${sim.tenantId}`,
      ...REQUIRED_SCOPES.map((s) => expect.stringContaining(s) as unknown as string),
    ]);
  });

  it('wrong client secret → the sign-in check fails, and the secret never appears in the report', async () => {
    const secret = 'cs1.this-is-definitely-the-wrong-secret';
    const report = await testConnection({ ...sim.connection(), clientSecret: secret });
    expect(report.ok).toBe(false);
    expect(failing(report)).toEqual([
      expect.objectContaining({ name: 'Sign-in (client ID and secret)', code: 'st_bad_credentials' }),
    ]);
    expect(failing(report)[0]!.message).toMatch(/client ID and client secret/);
    expect(JSON.stringify(report)).not.toContain(secret);
  });

  it('wrong app key → the app key check fails', async () => {
    const report = await testConnection({ ...sim.connection(), appKey: 'ak1.not-the-right-key' });
    expect(failing(report)).toEqual([expect.objectContaining({ name: 'App key', code: 'st_bad_app_key' })]);
    expect(JSON.stringify(report)).not.toContain('ak1.not-the-right-key');
  });

  it('unknown tenant → the tenant check fails', async () => {
    const report = await testConnection({ ...sim.connection(), tenantId: '999999' });
    expect(failing(report)).toEqual([
      expect.objectContaining({ name: 'Tenant 999999', code: 'st_unknown_tenant' }),
    ]);
    expect(failing(report)[0]!.message).toContain('999999');
  });

  it('missing scopes → exactly those permissions fail, each named', async () => {
    sim.setScopes(
      sim.clientId,
      REQUIRED_SCOPES.filter((s) => s !== 'tn.acc.apbills:w' && s !== 'tn.crm.locations:r'),
    );
    try {
      const report = await testConnection(sim.connection());
      expect(report.ok).toBe(false);
      expect(failing(report).map((c) => [c.scope, c.code])).toEqual([
        ['tn.acc.apbills:w', 'st_missing_scope'],
        ['tn.crm.locations:r', 'st_missing_scope'],
      ]);
      expect(failing(report)[0]!.message).toContain('tn.acc.apbills:w');
      expect(failing(report)[0]!.message).toContain('mark AP bills as exported');
    } finally {
      sim.setScopes(sim.clientId, [...REQUIRED_SCOPES]);
    }
  });

  it('makes one cheap call per scope and changes nothing', async () => {
    sim.resetCalls();
    const before = sim.records('invoices').map((i) => i.syncStatus);
    await testConnection(sim.connection());
    expect(sim.calls().total - (sim.calls().byEndpoint.token ?? 0)).toBe(REQUIRED_SCOPES.length);
    expect(sim.records('invoices').map((i) => i.syncStatus)).toEqual(before);
  });
});
