import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * Where the simulators are: from source, `test/simulators/demo-entry.ts`; in a build, the separate demo bundle that
 * scripts/build-main.mjs writes and names in `__DEMO_SIMULATORS__` (relative to the bundle running this code).
 */
function simulatorsFile(): string {
  return typeof __DEMO_SIMULATORS__ === 'undefined'
    ? fileURLToPath(new URL('../../test/simulators/demo-entry.ts', import.meta.url))
    : fileURLToPath(new URL(__DEMO_SIMULATORS__, import.meta.url));
}

/** What the CLI needs from the ServiceTitan simulator (declared here: product code never imports test code). */
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

/** What the CLI needs from the Visma simulator. */
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

/** Everything the demo entry exports. */
type SimulatorModules = StSimulatorModule & VismaSimulatorModule & { SEED_MAPPINGS: unknown };

/** True when the simulators are there: a source checkout, or a build with its demo bundle. */
export function simulatorsAvailable(): boolean {
  return existsSync(simulatorsFile());
}

/** Loads the simulators lazily, so nothing else depends on them; the bundle is CommonJS for both CJS and ESM hosts. */
async function loadSimulators(): Promise<SimulatorModules> {
  const file = simulatorsFile();
  const loaded = (
    typeof __DEMO_SIMULATORS__ === 'undefined'
      ? await import(new URL('../../test/simulators/demo-entry.ts', import.meta.url).href)
      : createRequire(import.meta.url)(file)
  ) as Partial<SimulatorModules>;
  if (
    typeof loaded.startServiceTitanSimulator !== 'function' ||
    typeof loaded.startVismaSimulator !== 'function'
  )
    throw new Error(
      `${file} does not export the simulators (startServiceTitanSimulator, startVismaSimulator).`,
    );
  return loaded as SimulatorModules;
}

/**
 * Starts the ServiceTitan and Visma simulators on free ports (or `port` and `port + 1`) and returns a complete
 * profile config for them. Loaded lazily so the engine never depends on test code.
 */
export async function startSimulators(options: SimulatorOptions = {}): Promise<RunningSimulators> {
  if (!simulatorsAvailable()) {
    throw new Error(
      `The demo simulators are missing (${simulatorsFile()}): rebuild with \`npm run build:main\`.`,
    );
  }
  const sims = await loadSimulators();

  const seed = options.seed ?? 1;
  const [stSim, vismaSim] = await Promise.all([
    sims.startServiceTitanSimulator({
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
    sims.startVismaSimulator({
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
    mappings: sims.SEED_MAPPINGS,
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
