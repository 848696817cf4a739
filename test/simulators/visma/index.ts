import { CallCounter, FaultInjector } from '../common/faults';
import type { FaultSpec } from '../common/faults';
import { close, listen, seededRandom } from '../common/http';
import type { CompanyIdentity, CompanyState, FiscalCalendar, SimDocumentKind } from './model';
import type { CompanySetup } from './seed';
import { seedCompany } from './seed';
import { loadFixture } from './fixture';
import { vismaValidator } from './spec';
import { TokenIssuer } from './tokens';
import { FixedWindowLimiter } from './rate-limit';
import type { RateLimitConfig, WindowUsage } from './rate-limit';
import { createVismaServer } from './server';
import type { ContractViolation } from './server';
import { controlRoutes, storedDocuments } from './controls';
import { createControls } from './control-impl';
import type { Ledger, SimControls } from './controls';
import { journalDto } from './dto-documents';
import { masterDataHandlers } from './handlers/master-data';
import { partyHandlers } from './handlers/parties';
import { documentHandlers } from './handlers/documents';
import { journalHandlers } from './handlers/journal';
import { assertTimeZone } from './clock';
import { calendarFrom } from './calendar';
import { ReleasePolicy } from './release-policy';
import type { DocumentRelease, ReleaseMode, ReleaseSettings } from './release-policy';
import { settleReleases } from './release';
import { unexpectedProblems, violationError } from './violations';
import type { ViolationMatcher } from './violations';

export type {
  CompanyIdentity,
  ContractViolation,
  DocumentRelease,
  FaultSpec,
  FiscalCalendar,
  Ledger,
  RateLimitConfig,
  ReleaseMode,
  ReleaseSettings,
  ViolationMatcher,
  WindowUsage,
};
export { KNOWN_GAPS } from './violations';

/** Options of `startVismaSimulator`. */
export interface VismaSimulatorOptions {
  port?: number;
  seed?: number;
  /** A JSON file with companies in the official DTO shapes (see README). */
  fixture?: string;
  tokenLifetimeSeconds?: number;
  /** Calls per fixed window for each company and client (default 15 000 per hour). */
  rateLimit?: RateLimitConfig;
  /** The largest page the list endpoints serve (default 500). */
  maxPageSize?: number;
  /** The page served when a list call sends no `pageSize` (default 100; an assumption, see README). */
  defaultPageSize?: number;
  /** "Today" for the seeded periods (default now). */
  today?: Date;
  /** Path of the official OpenAPI file (default `test/simulators/specs/…`). */
  specFile?: string;
  /** The companies' time zone: timestamps are local date-times in it (default Europe/Oslo). */
  timeZone?: string;
  /** The companies' financial calendar (default: calendar year, twelve periods). */
  calendar?: Partial<FiscalCalendar>;
  /** How releases behave (default: 30 % of the documents queued for 500 ms; see README). */
  release?: Partial<ReleaseSettings>;
  /** `stop()` rejects when a request or answer broke the contract unless expected (default true). */
  checkViolationsOnStop?: boolean;
}

/** A running Visma simulator with its test controls. */
export interface VismaSimulator extends SimControls {
  baseUrl: string;
  tokenUrl: string;
  apiBaseUrl: string;
  /** The simulated companies and their credentials; `closedPeriod` is the period the seed closed in the customer ledger. */
  companies: (CompanyIdentity & { closedPeriod: string })[];
  /** Stored documents, rendered as the API renders them. */
  documents(kind?: SimDocumentKind, companyId?: string): Record<string, unknown>[];
  /** GL batches (JournalTransactionDto) of a company. */
  batches(companyId?: string): Record<string, unknown>[];
  rateLimitUsage(): WindowUsage[];
  violations(): ContractViolation[];
  /** Violations no `expectViolations` allowed. */
  unexpectedViolations(): ContractViolation[];
  /** Stops the servers; rejects with the unexpected violations (unless `checkViolationsOnStop` is false). */
  stop(): Promise<void>;
}

/** Starts the stateful Visma.net ERP simulator on 127.0.0.1 (port 0 = any free port). */
export async function startVismaSimulator(options: VismaSimulatorOptions = {}): Promise<VismaSimulator> {
  const today = options.today ?? new Date();
  const seed = options.seed ?? 1;
  const validator = vismaValidator(options.specFile);
  const setup = companySetup(options);
  const companies: CompanyState[] = options.fixture
    ? loadFixture(options.fixture, validator, today, setup)
    : defaultCompanies(seededRandom(seed), today, setup);
  const issuer = new TokenIssuer(() => companies, options.tokenLifetimeSeconds ?? 3600);
  const limiter = new FixedWindowLimiter(options.rateLimit ?? { budget: 15_000, windowSeconds: 3600 });
  const faults = new FaultInjector(seed);
  const counter = new CallCounter();
  const release = new ReleasePolicy(options.release, seed);
  const violations: ContractViolation[] = [];
  const expected: ViolationMatcher[] = [];
  let baseUrl = '';
  const companyOf = (companyId?: string): CompanyState => {
    const c =
      companyId === undefined ? companies[0] : companies.find((x) => x.identity.companyId === companyId);
    if (!c) throw new Error(`The simulator has no company ${companyId ?? ''}.`);
    settleReleases(c);
    return c;
  };
  const controls = createControls({
    companies,
    companyOf,
    faults,
    counter,
    issuer,
    limiter,
    release,
    violations,
    expected,
  });
  const server = createVismaServer({
    companies,
    validator,
    handlers: { ...masterDataHandlers, ...partyHandlers, ...documentHandlers, ...journalHandlers },
    issuer,
    limiter,
    faults,
    counter,
    violations,
    maxPageSize: () => options.maxPageSize ?? 500,
    defaultPageSize: () => options.defaultPageSize ?? 100,
    release,
    baseUrl: () => baseUrl,
    controls: controlRoutes(controls),
  });
  baseUrl = await listen(server, options.port ?? 0);
  const unexpected = () => unexpectedProblems(violations, expected);
  return {
    ...controls,
    baseUrl,
    tokenUrl: `${baseUrl}/connect/token`,
    apiBaseUrl: baseUrl,
    companies: controls.companyIdentities(),
    documents: (kind, companyId) => storedDocuments(companyOf(companyId), kind ?? null),
    batches: (companyId) =>
      [...companyOf(companyId).batches.values()].map((b) => journalDto(companyOf(companyId), b)),
    rateLimitUsage: () => limiter.usage(),
    violations: () => [...violations],
    unexpectedViolations: unexpected,
    async stop() {
      await close(server);
      const left = unexpected();
      if (left.length && options.checkViolationsOnStop !== false) throw violationError(left);
    },
  };
}

function companySetup(options: VismaSimulatorOptions): CompanySetup {
  const timeZone = options.timeZone ?? 'Europe/Oslo';
  assertTimeZone(timeZone);
  return { timeZone, calendar: calendarFrom(options.calendar) };
}

function defaultCompanies(random: () => number, today: Date, setup: CompanySetup): CompanyState[] {
  const guid = (): string => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const secret = (): string =>
    Array.from({ length: 40 }, () => Math.floor(random() * 36).toString(36)).join('');
  return [
    seedCompany(
      {
        name: 'Nordic Comfort Heating & Plumbing AS',
        tenantId: guid(),
        customerTenantId: guid(),
        companyId: '5123401',
        clientId: 'isv_nordic_comfort_connector',
        clientSecret: secret(),
      },
      'A',
      today,
      setup,
    ),
    seedCompany(
      {
        name: 'Fjordbris Rør AS',
        tenantId: guid(),
        customerTenantId: guid(),
        companyId: '5123402',
        clientId: 'isv_fjordbris_connector',
        clientSecret: secret(),
      },
      'B',
      today,
      setup,
    ),
  ];
}
