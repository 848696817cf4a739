import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger } from '../../../main/storage/ledger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHandlers } from '../../../main/api/handlers';
import { EventBus } from '../../../main/api/events';
import { startBridgeServer, type BridgeServer } from '../../../main/host/bridge-server';
import { MemorySettingsStore, TestSecretStore } from '../../support/memory-stores';

let server: BridgeServer;
const events = new EventBus();

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'host-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const handlers = createHandlers({
    settings: new MemorySettingsStore(),
    secrets: new TestSecretStore(),
    ledger: openLedger(':memory:'),
    events,
    host: 'browser',
    dataDir: rendererDir,
    demo: false,
    version: '0.0.0-test',
  });
  server = await startBridgeServer({ handlers, events, rendererDir });
});

afterAll(async () => {
  await server.close();
});

async function post(
  channel: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; json: any }> {
  const res = await fetch(`${server.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

function openSocket(url: string, origin: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin, headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('browser host bridge', () => {
  it('answers a valid call with the token', async () => {
    const r = await post('app.info', {}, { 'x-bridge-token': server.token, origin: server.origin });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, value: { host: 'browser', version: '0.0.0-test' } });
  });

  it('refuses a call without the token, with a clear message', async () => {
    const r = await post('app.info', {}, {});
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('unauthorized');
    expect(r.json.error.message).toMatch(/token/);
  });

  it('refuses a call from a wrong Origin even with the token', async () => {
    const r = await post('app.info', {}, { 'x-bridge-token': server.token, origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('forbidden_origin');
  });

  it('refuses input that fails the schema and names the field', async () => {
    const r = await post('settings.setLocale', { locale: 'klingon' }, { 'x-bridge-token': server.token });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_input');
    expect(r.json.error.issues[0].path).toBe('locale');
    expect(r.json.error.message).toMatch(/settings\.setLocale/);
  });

  it('refuses an unknown channel', async () => {
    const r = await post('secrets.dump', {}, { 'x-bridge-token': server.token });
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('unknown_channel');
  });

  it('WebSocket: refuses a missing token and a wrong Origin, serves calls and events otherwise', async () => {
    await expect(openSocket(`${server.origin.replace('http', 'ws')}/bridge`, server.origin)).rejects.toThrow(
      '401',
    );
    await expect(
      openSocket(
        `${server.origin.replace('http', 'ws')}/bridge?token=${server.token}`,
        'http://evil.example',
      ),
    ).rejects.toThrow('403');
    const ws = await openSocket(
      `${server.origin.replace('http', 'ws')}/bridge?token=${server.token}`,
      server.origin,
    );
    const messages: any[] = [];
    const got = (pred: (m: any) => boolean) =>
      new Promise<any>((resolve) => {
        const check = () => {
          const m = messages.find(pred);
          if (m) resolve(m);
        };
        ws.on('message', (d) => {
          messages.push(JSON.parse((d as Buffer).toString('utf8')));
          check();
        });
        check();
      });
    ws.send(JSON.stringify({ type: 'call', id: 7, channel: 'settings.setLocale', input: { locale: 'xx' } }));
    const bad = await got((m) => m.id === 7);
    expect(bad.result.error.code).toBe('invalid_input');
    ws.send(JSON.stringify({ type: 'call', id: 8, channel: 'settings.setLocale', input: { locale: 'nb' } }));
    expect((await got((m) => m.id === 8)).result).toEqual({ ok: true, value: { locale: 'nb' } });
    events.emit('log.line', { time: new Date().toISOString(), level: 'info', message: 'hello' });
    expect((await got((m) => m.type === 'event')).payload.message).toBe('hello');
    ws.close();
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await fetch(`${server.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`${server.origin}/..%2f..%2fetc%2fpasswd`);
    expect(escape.status).toBe(404);
  });

  it('refuses a forged Host on HTTP and on the WebSocket upgrade, and still answers afterwards', async () => {
    const port = new URL(server.origin).port;
    const getWithHost = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.get(`${server.origin}/`, { headers: { host } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
      });
    const forged = await getWithHost(`rebind.evil.example:${port}`);
    expect(forged.status).toBe(421);
    expect(forged.body).toMatch(/only to 127\.0\.0\.1/);
    expect(forged.body).not.toContain('<title>');
    expect((await getWithHost('127.0.0.1:1')).status).toBe(421);
    expect((await getWithHost(`localhost:${port}`)).status).toBe(200);
    expect((await getWithHost(`127.0.0.1:${port}`)).status).toBe(200);
    await expect(
      openSocket(`${server.origin.replace('http', 'ws')}/bridge?token=${server.token}`, server.origin, {
        host: `rebind.evil.example:${port}`,
      }),
    ).rejects.toThrow('421');
    const r = await post('app.info', {}, { 'x-bridge-token': server.token, origin: server.origin });
    expect(r.status).toBe(200);
  });

  it('answers a 10 MB call body with 413 and keeps serving', async () => {
    const huge = await fetch(`${server.origin}/api/call/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bridge-token': server.token, origin: server.origin },
      body: JSON.stringify({ pad: 'x'.repeat(10_000_000) }),
    }).then(
      async (res) => ({ status: res.status, json: (await res.json()) as { error: { message: string } } }),
      (err: unknown) => ({ status: 0, json: { error: { message: String(err) } } }),
    );
    expect(huge.status).toBe(413);
    expect(huge.json.error.message).toContain('at most');
    const r = await post('app.info', {}, { 'x-bridge-token': server.token, origin: server.origin });
    expect(r.status).toBe(200);
  });

  it('closes a socket that sends a 2 MB message (1009) and keeps serving', async () => {
    const wsUrl = `${server.origin.replace('http', 'ws')}/bridge?token=${server.token}`;
    const big = await openSocket(wsUrl, server.origin);
    const closed = new Promise<{ code: number }>((resolve) => big.once('close', (code) => resolve({ code })));
    big.on('error', () => undefined);
    big.send(
      JSON.stringify({ type: 'call', id: 1, channel: 'app.info', input: { pad: 'x'.repeat(2_000_000) } }),
    );
    expect((await closed).code).toBe(1009);

    const r = await post('app.info', {}, { 'x-bridge-token': server.token, origin: server.origin });
    expect(r.status).toBe(200);
    const ws = await openSocket(wsUrl, server.origin);
    const answer = new Promise<any>((resolve) =>
      ws.on('message', (d) => resolve(JSON.parse((d as Buffer).toString('utf8')))),
    );
    ws.send(JSON.stringify({ type: 'call', id: 2, channel: 'app.info', input: {} }));
    expect((await answer).result).toMatchObject({ ok: true, value: { host: 'browser' } });
    ws.close();
  });
});
