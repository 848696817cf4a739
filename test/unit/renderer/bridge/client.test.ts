import { describe, expect, it } from 'vitest';
import type { BridgeApi } from '../../../../shared/contract/bridge';
import { BridgeCallError, createBridgeClient } from '../../../../renderer/bridge/client';
import { createMemoryBridge, sampleProfiles } from '../support/memory-bridge';

/** A bridge whose `settings.get` answers with `answer()` (anything, to test what the client accepts). */
function replying(answer: () => Promise<unknown>): BridgeApi {
  return { ...createMemoryBridge(), 'settings.get': answer } as unknown as BridgeApi;
}

const value = (reply: unknown) => () => Promise.resolve(reply);

async function failure(promise: Promise<unknown>): Promise<BridgeCallError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof BridgeCallError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('the typed bridge client', () => {
  it('returns the validated value of a successful call', async () => {
    const client = createBridgeClient(createMemoryBridge({ profiles: sampleProfiles }));
    const list = await client.call('profiles.list', {});
    expect(list.profiles.map((p) => p.id)).toEqual(['nordic-hvac', 'test-company']);
    expect(list.activeProfileId).toBe('nordic-hvac');
  });

  it('throws a BridgeCallError with the code and message main sent', async () => {
    const client = createBridgeClient(createMemoryBridge({ profiles: sampleProfiles }));
    const err = await failure(client.call('profiles.setActive', { profileId: 'nobody' }));
    expect(err.code).toBe('not_found');
    expect(err.message).toBe('No profile "nobody".');
    expect(err.channel).toBe('profiles.setActive');
  });

  it('rejects an answer that does not match the channel output schema', async () => {
    const client = createBridgeClient(
      replying(value({ ok: true, value: { locale: 'de', activeProfileId: null } })),
    );
    expect((await failure(client.call('settings.get', {}))).code).toBe('invalid_response');
  });

  it('rejects an envelope that is not a BridgeResult', async () => {
    const client = createBridgeClient(replying(value({ value: 1 })));
    expect((await failure(client.call('settings.get', {}))).code).toBe('invalid_response');
  });

  it('maps an unknown error code to internal and a thrown transport to unavailable', async () => {
    const odd = createBridgeClient(replying(value({ ok: false, error: { code: 'weird', message: 'm' } })));
    expect((await failure(odd.call('settings.get', {}))).code).toBe('internal');
    const broken = createBridgeClient(replying(() => Promise.reject(new Error('ipc gone'))));
    const err = await failure(broken.call('settings.get', {}));
    expect(err.code).toBe('unavailable');
    expect(err.message).toContain('ipc gone');
  });

  it('passes on only events whose payload matches the schema', () => {
    const bridge = createMemoryBridge();
    const client = createBridgeClient(bridge);
    const seen: string[] = [];
    client.on('log.line', (line) => seen.push(line.message));
    bridge.emit('log.line', { time: '2026-01-31T10:00:00Z', level: 'info', message: 'ok' });
    bridge.emit('log.line', { message: 'missing fields' });
    expect(seen).toEqual(['ok']);
  });
});
