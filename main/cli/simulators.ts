import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProfileConfig } from '../../shared/profile-config';
import type { SimBehaviour } from './sim-behaviour';

/** Options shared by `sim` and `demo`. */
export interface SimulatorOptions {
  seed?: number;
  invoices?: number;
  bills?: number;
  fixture?: string;
  vismaFixture?: string;
  port?: number;
  stTokenLifetimeSeconds?: number;
  /** Simulator switches (`--behaviour FILE`). */
  behaviour?: SimBehaviour;
}

/** Both simulators running, the profile that points at them, and the mapping file that glues the two companies. */
export interface RunningSimulators {
  config: ProfileConfig;
  /** A `mappings import` file for the seeded pair (what an accountant would set up in the wizard). */
  mappings: unknown;
  stop(): Promise<void>;
}

const simulatorRoot = new URL('../../test/simulators/', import.meta.url);

/** What the CLI needs from `test/simulators/servicetitan` (declared here: product code never imports test code). */
interface StSimulatorModule {
  startServiceTitanSimulator(
    options: {
      seed?: number;
      port?: number;
      invoices?: number;
      bills?: number;
      fixture?: string;
      tokenLifetimeSeconds?: number;
      failOnViolations?: boolean;
    } & NonNullable<SimBehaviour['servicetitan']>,
  ): Promise<{
    authUrl: string;
    apiBaseUrl: string;
    tenantId: number | string;
    clientId: string;
    clientSecret: string;
    appKey: string;
    violations(): unknown[];
    stop(): Promise<void>;
  }>;
}

/** What the CLI needs from `test/simulators/visma`. */
interface VismaSimulatorModule {
  startVismaSimulator(
    options: {
      seed?: number;
      port?: number;
      fixture?: string;
      checkViolationsOnStop?: boolean;
    } & NonNullable<SimBehaviour['visma']>,
  ): Promise<{
    tokenUrl: string;
    apiBaseUrl: string;
    companies: {
      tenantId: string;
      companyId: string;
      name: string;
      clientId: string;
      clientSecret: string;
    }[];
    violations(): unknown[];
    stop(): Promise<void>;
  }>;
}

/** True when this is a source checkout that has the simulators (they are not in the packaged app). */
export function simulatorsAvailable(): boolean {
  return existsSync(fileURLToPath(new URL('servicetitan/index.ts', simulatorRoot)));
}

/**
 * Starts the ServiceTitan and Visma simulators on free ports (or `port` and `port + 1`) and returns a complete
 * profile config for them. Loaded lazily so the engine never depends on test code.
 */
export async function startSimulators(options: SimulatorOptions = {}): Promise<RunningSimulators> {
  if (!simulatorsAvailable()) {
    throw new Error('The simulators are only available in a source checkout of st-visma-connector.');
  }
  const st = (await import(new URL('servicetitan/index.ts', simulatorRoot).href)) as StSimulatorModule;
  const visma = (await import(new URL('visma/index.ts', simulatorRoot).href)) as VismaSimulatorModule;
  const seeds = (await import(new URL('seed-mappings.ts', simulatorRoot).href)) as { SEED_MAPPINGS: unknown };

  const seed = options.seed ?? 1;
  const [stSim, vismaSim] = await Promise.all([
    st.startServiceTitanSimulator({
      seed,
      ...(options.port ? { port: options.port } : {}),
      ...(options.invoices !== undefined ? { invoices: options.invoices } : {}),
      ...(options.bills !== undefined ? { bills: options.bills } : {}),
      ...(options.fixture ? { fixture: options.fixture } : {}),
      ...(options.stTokenLifetimeSeconds ? { tokenLifetimeSeconds: options.stTokenLifetimeSeconds } : {}),
      ...options.behaviour?.servicetitan,
      // A long-running demo reports what broke the API descriptions when it stops instead of failing then.
      failOnViolations: false,
    }),
    visma.startVismaSimulator({
      seed,
      ...options.behaviour?.visma,
      checkViolationsOnStop: false,
      ...(options.port ? { port: options.port + 1 } : {}),
      ...(options.vismaFixture ? { fixture: options.vismaFixture } : {}),
    }),
  ]);
  const company = vismaSim.companies[0];
  if (!company) throw new Error('The Visma simulator started without a company.');
  const config: ProfileConfig = {
    id: 'demo',
    name: 'Demo: Nordic Comfort Heating & Plumbing',
    timeZone: 'Europe/Oslo',
    servicetitan: {
      environment: 'integration',
      authUrl: stSim.authUrl,
      apiBaseUrl: stSim.apiBaseUrl,
      tenantId: String(stSim.tenantId),
      clientId: stSim.clientId,
      clientSecret: stSim.clientSecret,
      appKey: stSim.appKey,
    },
    visma: {
      environment: 'sandbox',
      tokenUrl: vismaSim.tokenUrl,
      apiBaseUrl: vismaSim.apiBaseUrl,
      tenantId: company.tenantId,
      companyId: company.companyId,
      companyName: company.name,
      clientId: company.clientId,
      clientSecret: company.clientSecret,
    },
  };
  return {
    config,
    mappings: seeds.SEED_MAPPINGS,
    async stop() {
      const broken = stSim.violations().length + vismaSim.violations().length;
      await Promise.all([stSim.stop(), vismaSim.stop()]);
      if (broken > 0)
        process.stderr.write(
          `st-visma: the simulators saw ${broken} request(s) or answer(s) that break the official API descriptions.\n`,
        );
    },
  };
}
