import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProfileConfig } from '../../../shared/profile-config';
import type { SyncSettingsInput } from '../../../shared/sync-settings';
import { connectProfile, type EnginePorts } from '../../../main/engine/connect';
import { importMappings } from '../../../main/engine/mapping/rule-store';
import { runSync, type SyncSummary } from '../../../main/engine/run-sync';
import { openLedger } from '../../../main/storage/ledger';
import type { Ledger } from '../../../main/storage/types';
import {
  startServiceTitanSimulator,
  type ServiceTitanSimulator,
  type ServiceTitanSimulatorOptions,
} from '../../simulators/servicetitan';
import { startVismaSimulator, type VismaSimulator, type VismaSimulatorOptions } from '../../simulators/visma';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';
import { ANCHORED } from '../../support/test-day';

/** Both simulators, a profile config for them, a ledger in a temp dir, and the engine's ports. */
export interface Harness {
  st: ServiceTitanSimulator;
  visma: VismaSimulator;
  config: ProfileConfig;
  dataDir: string;
  db: Ledger;
  ports: EnginePorts;
  sync(trigger?: 'cli' | 'manual'): Promise<SyncSummary>;
  /** Moves the engine's clock past the landing grace of unanswered creates (Visma's and ServiceTitan's clocks stay). */
  afterGrace(): void;
  /** Moves the engine's clock forward by `ms`. */
  advance(ms: number): void;
  /** The engine's clock (real time plus what `afterGrace` added). */
  now(): Date;
  /** A second installation on its own data folder (a second PC, or a scheduled task on another folder). */
  installation(options?: { mappings?: boolean; prepare?: (dataDir: string) => void }): Promise<Installation>;
  stop(): Promise<void>;
}

/** Another installation (its own data folder and ledger) syncing the same tenant into the same company. */
export interface Installation {
  dataDir: string;
  db: Ledger;
  ports: EnginePorts;
  sync(trigger?: 'cli' | 'manual'): Promise<SyncSummary>;
  stop(): void;
}

/** Options of a harness. */
export interface HarnessOptions {
  st?: ServiceTitanSimulatorOptions;
  visma?: VismaSimulatorOptions;
  sync?: SyncSettingsInput;
  /** Import the seed mapping file (default true). */
  mappings?: boolean;
  timeZone?: string;
}

/** Fast client backoffs so fault tests do not wait for real seconds. */
export const FAST_CLIENTS = {
  st: { backoffBaseMs: 5, maxRetries: 6, maxRateLimitWaits: 20 },
  visma: { backoffBaseMs: 5, backoffCapMs: 50, maxRetries: 6, maxRateLimitRetries: 20 },
};

/**
 * Visma timeouts of the test profiles: generous, so a loaded machine never makes a slow answer look lost, and a
 * landing grace well beyond them (in-process tests move the engine's clock instead of waiting for it).
 */
export const TEST_TIMEOUTS = { requestTimeoutSeconds: 10, landingGraceSeconds: 30 };

/** The profile config that points at running simulators. */
export function configFor(
  st: ServiceTitanSimulator,
  visma: VismaSimulator,
  sync: SyncSettingsInput = {},
  timeZone = 'Europe/Oslo',
): ProfileConfig {
  const company = visma.companies[0]!;
  return {
    id: 'test',
    name: 'Engine test',
    timeZone,
    servicetitan: {
      environment: 'integration',
      authUrl: st.authUrl,
      apiBaseUrl: st.apiBaseUrl,
      tenantId: String(st.tenantId),
      clientId: st.clientId,
      clientSecret: st.clientSecret,
      appKey: st.appKey,
    },
    visma: {
      environment: 'sandbox',
      tokenUrl: visma.tokenUrl,
      apiBaseUrl: visma.apiBaseUrl,
      tenantId: company.tenantId,
      companyId: company.companyId,
      clientId: company.clientId,
      clientSecret: company.clientSecret,
      requestTimeoutSeconds: TEST_TIMEOUTS.requestTimeoutSeconds,
      landingGraceSeconds: TEST_TIMEOUTS.landingGraceSeconds,
    },
    sync: sync as ProfileConfig['sync'],
  };
}

/** Starts everything a test needs. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const [st, visma] = await Promise.all([
    startServiceTitanSimulator({ seed: 1, invoices: 60, bills: 20, ...ANCHORED.st, ...options.st }),
    startVismaSimulator({ seed: 1, ...ANCHORED.visma, ...options.visma }),
  ]);
  const config = configFor(st, visma, options.sync, options.timeZone);
  const dataDir = mkdtempSync(join(tmpdir(), 'st-visma-engine-'));
  const db = openLedger(join(dataDir, 'ledger.sqlite'));
  if (options.mappings !== false) importMappings(db, config.id, SEED_MAPPINGS, 'system');
  const ports = await connectProfile(config, undefined, FAST_CLIENTS);
  const profile = config;
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  return {
    st,
    visma,
    config,
    dataDir,
    db,
    ports,
    sync: (trigger = 'cli') => runSync(profile, { db, ...ports, now }, { trigger }),
    afterGrace: () => void (offsetMs += (TEST_TIMEOUTS.landingGraceSeconds + 1) * 1000),
    advance: (ms) => void (offsetMs += ms),
    now,
    async installation(opts = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'st-visma-engine-2-'));
      opts.prepare?.(dir);
      const other = openLedger(join(dir, 'ledger.sqlite'));
      if (opts.mappings !== false) importMappings(other, config.id, SEED_MAPPINGS, 'system');
      const otherPorts = await connectProfile(config, undefined, FAST_CLIENTS);
      return {
        dataDir: dir,
        db: other,
        ports: otherPorts,
        sync: (trigger = 'cli') => runSync(profile, { db: other, ...otherPorts, now }, { trigger }),
        stop() {
          other.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
    async stop() {
      db.close();
      await Promise.all([st.stop(), visma.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
