import { createHash } from 'node:crypto';
import http from 'node:http';
import { close, listen, readRequest, writeResponse } from '../common/http';
import { SimClock } from './clock';
import { CONTROL_PREFIX, handleControl } from './controls';
import { generateCompany } from './data/generate';
import type { TenantData } from './data/types';
import { loadFixture } from './fixture';
import type { FixtureSimulatorSettings } from './fixture';
import { apiError } from './handlers';
import { handleApi } from './pipeline';
import { SimControls } from './simulator';
import type { SimTenantInfo } from './simulator';
import { StSpecs } from './spec';
import { SimState } from './state';
import type { ExportEnd, SimBehaviour } from './state';
import { TenantStore } from './store';
import type { ThrottleLimit } from './throttle';
import { SimulatorViolationError } from './violations';
import { WebhookEmitter } from './webhooks';
import type { WebhookOptions } from './webhooks';

export type { SimConnection, SimTenantInfo } from './simulator';
export type { WebhookDelivery, WebhookOptions } from './webhooks';
export { signBody, INVOICE_EVENT_TYPES } from './webhooks';
export type { Resource } from './store';
export type { FaultSpec } from '../common/faults';
export type { ExportEnd } from './state';
export type { ThrottleLimit } from './throttle';
export { KNOWN_GAPS, SimulatorViolationError } from './violations';

/** Token requests per client id the sign-in service allows by default (an assumption; see README). */
export const DEFAULT_TOKEN_RATE_LIMIT: ThrottleLimit = { burst: 10, perSecond: 5 };

/** Options of `startServiceTitanSimulator`. */
export interface ServiceTitanSimulatorOptions {
  /** Port on 127.0.0.1; 0 or absent = a free one. */
  port?: number;
  /** Seed of the generated company (same seed, same data). Default 1. */
  seed?: number;
  /** Invoices of the main tenant. Default 200. */
  invoices?: number;
  /** AP bills of the main tenant (70 % procurement, 30 % standalone). Default 60. */
  bills?: number;
  /** Customers of the main tenant. Default: one per 8 invoices, at least 24, at most 2,000. */
  customers?: number;
  /** Load the main tenant from a JSON fixture instead of generating it (format in README.md). */
  fixture?: string;
  /** Token lifetime; ServiceTitan's is 900 s. */
  tokenLifetimeSeconds?: number;
  /** Send `tn.acc.invoice-*` CloudEvents here, signed with HMAC-SHA256. */
  webhook?: WebhookOptions;
  /** Folder with the official ServiceTitan spec files (default `test/simulators/specs/…`). */
  specDir?: string;
  /** Records per export-feed page. Default 500. */
  exportPageSize?: number;
  /** Requests per second per tenant before 429; `0` disables. Default 60. */
  rateLimitPerSecond?: number;
  /** Token requests per client id before 429 (`burst` at once, refilled at `perSecond` on the simulated clock); `false` disables. Default `DEFAULT_TOKEN_RATE_LIMIT`. */
  tokenRateLimit?: ThrottleLimit | false;
  /** Send `Retry-After` with 429 answers (the gateway does). `false` leaves only the seconds in the message. Default true. */
  retryAfterHeader?: boolean;
  /** How the export feed ends: `exact` (hasMore false on the last page with data, the default) or `until-empty` (hasMore true until an empty page). */
  exportEnd?: ExportEnd;
  /** `stop()` rejects when answers broke the spec (unless expected with `expectViolations`). Default true. */
  failOnViolations?: boolean;
  /** Generated documents fall in the `spanDays` days before this date. Default: today 00:00 UTC. */
  anchorDate?: string;
  /** Days before `anchorDate` the generated documents are spread over (e.g. one month's worth). Default 60. */
  spanDays?: number;
  /** Also seed a second, small tenant (for isolation tests). Default true. */
  secondTenant?: boolean;
}

/** A running ServiceTitan simulator: connection details plus the test controls. */
export class ServiceTitanSimulator extends SimControls {
  /** Main tenant id. */
  readonly tenantId: string;
  /** Main tenant's client id. */
  readonly clientId: string;
  /** Main tenant's client secret. */
  readonly clientSecret: string;

  constructor(
    state: SimState,
    baseUrl: string,
    appKey: string,
    tenants: SimTenantInfo[],
    private readonly server: http.Server,
    private readonly failOnViolations: boolean,
  ) {
    super(state, baseUrl, appKey, tenants);
    this.tenantId = tenants[0]!.tenantId;
    this.clientId = tenants[0]!.clientId;
    this.clientSecret = tenants[0]!.clientSecret;
  }

  /**
   * Stops the server and closes every connection. Rejects with a `SimulatorViolationError` listing the answers that
   * broke the spec, so every test that uses the simulator checks them (unless `failOnViolations: false`).
   */
  async stop(): Promise<void> {
    await close(this.server);
    const unexpected = this.state.violations.unexpected();
    if (this.failOnViolations && unexpected.length) throw new SimulatorViolationError(unexpected);
  }
}

function secret(kind: string, seed: number, tenantId: string): string {
  return createHash('sha256').update(`${kind}:${seed}:${tenantId}`).digest('hex').slice(0, 32);
}

function todayUtc(): number {
  const d = new Date();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** The main tenant (generated, or from the fixture with the behaviour switches it carries) and the second one. */
function companiesFor(options: ServiceTitanSimulatorOptions, specs: StSpecs, seed: number) {
  const anchor = options.anchorDate ? Date.parse(options.anchorDate) : todayUtc();
  if (Number.isNaN(anchor)) throw new Error(`anchorDate '${options.anchorDate}' is not a date.`);
  const spanDays = options.spanDays ?? 60;
  if (!(spanDays > 0)) throw new Error(`spanDays must be a positive number of days, not ${spanDays}.`);
  const main = { tenantId: '8450100', name: 'Nordic Comfort Heating & Plumbing' };
  const fixture = options.fixture ? loadFixture(options.fixture, specs, main) : undefined;
  const companies: TenantData[] = [
    fixture?.company ??
      generateCompany({
        ...main,
        seed,
        invoices: options.invoices ?? 200,
        bills: options.bills ?? 60,
        ...(options.customers !== undefined && { customers: options.customers }),
        anchor,
        spanDays,
      }),
  ];
  if (options.secondTenant ?? true) {
    const second = { tenantId: '8450200', name: 'Fjellbekk Rør og Varme AS' };
    companies.push(
      generateCompany({ ...second, seed: seed + 1000, invoices: 25, bills: 8, anchor, spanDays }),
    );
  }
  return { companies, settings: fixture?.settings ?? {} };
}

/** Builds the simulator's state: start options first, then the fixture's `simulator` block, then the defaults. */
function stateFor(options: ServiceTitanSimulatorOptions, settings: FixtureSimulatorSettings, specs: StSpecs) {
  const pick = <K extends keyof FixtureSimulatorSettings & keyof ServiceTitanSimulatorOptions>(key: K) =>
    options[key] ?? settings[key];
  const clock = new SimClock();
  const apiPerSecond = pick('rateLimitPerSecond') ?? 60;
  const tokenLimit = pick('tokenRateLimit');
  const behaviour: SimBehaviour = {
    exportEnd: pick('exportEnd') ?? 'exact',
    exportPageSize: pick('exportPageSize') ?? 500,
    retryAfterHeader: pick('retryAfterHeader') ?? true,
  };
  const webhooks = new WebhookEmitter(options.webhook, {
    now: clock.now,
    onViolation: (text) => state.violations.add(text),
  });
  const state: SimState = new SimState(
    specs,
    clock,
    webhooks,
    {
      api: apiPerSecond > 0 ? { burst: apiPerSecond, perSecond: apiPerSecond } : undefined,
      token: tokenLimit === false ? undefined : (tokenLimit ?? DEFAULT_TOKEN_RATE_LIMIT),
    },
    behaviour,
    pick('tokenLifetimeSeconds') ?? 900,
    options.seed ?? 1,
  );
  return state;
}

/** Serves one HTTP request: `/__sim` controls, or the API through the pipeline (faults, checks, handler). */
function serve(state: SimState, controls: () => ServiceTitanSimulator): http.RequestListener {
  return (req, res) => {
    void (async () => {
      let parsed;
      try {
        parsed = await readRequest(req);
      } catch {
        writeResponse(res, apiError(400, 'The request body is not valid JSON.'));
        return;
      }
      if (parsed.url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
        writeResponse(res, await handleControl(controls(), parsed));
        return;
      }
      const outcome = handleApi(state, parsed);
      if (outcome.delayMs) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
      if (outcome.drop) {
        req.socket.destroy();
        return;
      }
      if (!res.destroyed && outcome.response) writeResponse(res, outcome.response);
    })().catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed)
        writeResponse(res, apiError(500, `Simulator failure: ${String(error)}`));
    });
  };
}

/** Starts a stateful ServiceTitan simulator on 127.0.0.1 that validates every request and answer against the official spec. */
export async function startServiceTitanSimulator(
  options: ServiceTitanSimulatorOptions = {},
): Promise<ServiceTitanSimulator> {
  const seed = options.seed ?? 1;
  const specs = new StSpecs(options.specDir);
  const { companies, settings } = companiesFor(options, specs, seed);
  const state = stateFor(options, settings, specs);
  const appKey = `ak1.${secret('app', seed, 'all')}`;
  state.auth.appKeys.add(appKey);
  const tenants: SimTenantInfo[] = companies.map((c) => {
    state.tenants.set(c.tenantId, new TenantStore(c, state.clock, state.behaviour));
    const info = {
      tenantId: c.tenantId,
      name: c.name,
      clientId: `cid.sim${c.tenantId}`,
      clientSecret: `cs1.${secret('client', seed, c.tenantId)}`,
    };
    state.auth.addClient({ ...info, scopes: new Set(specs.allScopes) });
    return info;
  });
  // The controls need the base URL, known only once the server listens.
  const holder: { sim?: ServiceTitanSimulator } = {};
  const server = http.createServer(serve(state, () => holder.sim!));
  const baseUrl = await listen(server, options.port ?? 0);
  const failOnViolations = options.failOnViolations ?? true;
  holder.sim = new ServiceTitanSimulator(state, baseUrl, appKey, tenants, server, failOnViolations);
  return holder.sim;
}
