import { mkdirSync, openSync, readSync, closeSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform, release, version as osVersion } from 'node:os';
import { basename, join } from 'node:path';
import { SECRET_KINDS } from '../../storage/secrets/keys';
import { Redactor, redactor } from '../../log/redactor';
import type { AppServices } from '../services';
import { listFiles } from './data-folder';
import { ledgerStats } from './ledger-stats';

/** How much of each log file goes into a diagnostics folder: its newest part. */
export const LOG_TAIL_BYTES = 5 * 1024 * 1024;

/** What was written. */
export interface DiagnosticsOutcome {
  folder: string;
  files: string[];
  secretsKnown: number;
}

/** `diagnostics-2026-03-01T10-00-00-000Z`: sortable, and valid on Windows. */
export function diagnosticsFolderName(now: Date): string {
  return `diagnostics-${now.toISOString().replace(/[:.]/g, '-')}`;
}

function readTail(file: string, bytes: number): string {
  const size = statSync(file).size;
  const start = Math.max(0, size - bytes);
  const buffer = Buffer.alloc(size - start);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  const text = buffer.toString('utf8');
  // A cut inside a line (or a character) would only confuse: start at the next whole line.
  return start > 0 ? text.slice(text.indexOf('\n') + 1) : text;
}

/**
 * A redactor that knows every secret in the keychain for every profile (not only those this process has touched),
 * on top of the process-wide one; returns it with the number of values it knows.
 */
async function keychainRedactor(
  services: AppServices,
): Promise<{ redact: (t: string) => string; known: number }> {
  const local = new Redactor();
  let known = 0;
  for (const profile of services.settings.read().profiles) {
    for (const kind of SECRET_KINDS) {
      const value = await services.secrets.get(profile.id, kind).catch(() => null);
      if (value) {
        local.add(value);
        known += 1;
      }
    }
  }
  return { redact: (text) => redactor.redact(local.redact(text)), known };
}

async function secretStatus(services: AppServices): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const p of services.settings.read().profiles) {
    out[p.id] = await services.secrets.status(p.id).catch((err: unknown) => ({
      error: err instanceof Error ? err.message : String(err),
    }));
  }
  return out;
}

function versions(services: AppServices): Record<string, unknown> {
  return {
    app: services.version,
    host: services.host,
    demo: services.demo,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
    os: { platform: platform(), release: release(), version: osVersion(), arch: arch() },
  };
}

function ledgerSection(services: AppServices): Record<string, unknown> {
  const state = services.ledgerStore?.state ?? { state: 'open' as const };
  const base = { file: services.ledgerStore?.file ?? services.ledger.name, state: state.state };
  if (state.state !== 'open')
    return { ...base, problem: 'error' in state ? String(state.error.message) : null };
  return { ...base, ...ledgerStats(services.ledger) };
}

/**
 * Writes `<data dir>/diagnostics/diagnostics-<time>/` for support: versions, settings (which never hold secrets),
 * which secrets are set (never their values), ledger statistics, the data folder's files and sizes, and the newest
 * part of every log. Every text passes a redactor that knows each secret in the keychain before it is written.
 */
export async function exportDiagnostics(services: AppServices, now: Date): Promise<DiagnosticsOutcome> {
  const folder = join(services.dataDir, 'diagnostics', diagnosticsFolderName(now));
  mkdirSync(join(folder, 'logs'), { recursive: true });
  const { redact, known } = await keychainRedactor(services);
  const files: string[] = [];
  const write = (name: string, text: string) => {
    writeFileSync(join(folder, name), text, { mode: 0o600 });
    files.push(name);
  };
  // JSON is masked value by value, so a hidden value never breaks the file for whoever reads it.
  const json = (name: string, value: unknown) =>
    write(name, JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? redact(v) : v), 2) + '\n');
  json('versions.json', { writtenAt: now.toISOString(), ...versions(services) });
  json('settings.json', { location: services.settings.location, ...services.settings.read() });
  json('secrets.json', await secretStatus(services));
  json('ledger.json', ledgerSection(services));
  json('data-folder.json', listFiles(services.dataDir, ['diagnostics']));
  const logs = join(services.dataDir, 'logs');
  for (const log of listFiles(logs)) {
    const name = basename(log.path);
    try {
      write(join('logs', name), redact(readTail(join(logs, log.path), LOG_TAIL_BYTES)));
    } catch (err) {
      write(join('logs', `${name}.unreadable.txt`), redact(err instanceof Error ? err.message : String(err)));
    }
  }
  return { folder, files, secretsKnown: known };
}
