import { CallCounter, FaultInjector } from '../common/faults';
import type { FaultSpec } from '../common/faults';
import { close, listen, seededRandom } from '../common/http';
import type { CompanyIdentity, CompanyState, SimDocumentKind } from './model';
import { nextVersion } from './model';
import { seedCompany, seededClosedPeriod } from './seed';
import { loadFixture } from './fixture';
import { vismaValidator } from './spec';
import { TokenIssuer } from './tokens';
import { FixedWindowLimiter } from './rate-limit';
import type { RateLimitConfig, WindowUsage } from './rate-limit';
import { createVismaServer } from './server';
import type { ContractViolation } from './server';
import { controlRoutes, storedDocuments, touchSupplier } from './controls';
import type { Ledger, SimControls } from './controls';
import { journalDto } from './dto-documents';
import { masterDataHandlers } from './handlers/master-data';
import { partyHandlers } from './handlers/parties';
import { documentHandlers } from './handlers/documents';
import { journalHandlers } from './handlers/journal';
import { timestamp } from './clock';

export type { CompanyIdentity, ContractViolation, FaultSpec, Ledger, RateLimitConfig, WindowUsage };

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
  /** "Today" for the seeded periods (default now). */
  today?: Date;
  /** Path of the official OpenAPI file (default `test/simulators/specs/…`). */
  specFile?: string;
}

/** A running Visma simulator with its test controls. */
export interface VismaSimulator extends SimControls {
  baseUrl: string;
  tokenUrl: string;
  apiBaseUrl: string;
  /** The simulated companies and their credentials; `closedPeriod` is the month the seed closed in the customer ledger. */
  companies: (CompanyIdentity & { closedPeriod: string })[];
  /** Stored documents, rendered as the API renders them. */
  documents(kind?: SimDocumentKind, companyId?: string): Record<string, unknown>[];
  /** GL batches (JournalTransactionDto) of a company. */
  batches(companyId?: string): Record<string, unknown>[];
  rateLimitUsage(): WindowUsage[];
  violations(): ContractViolation[];
  stop(): Promise<void>;
}

/** Starts the stateful Visma.net ERP simulator on 127.0.0.1 (port 0 = any free port). */
export async function startVismaSimulator(options: VismaSimulatorOptions = {}): Promise<VismaSimulator> {
  const today = options.today ?? new Date();
  const random = seededRandom(options.seed ?? 1);
  const validator = vismaValidator(options.specFile);
  const companies: CompanyState[] = options.fixture
    ? loadFixture(options.fixture, validator, today)
    : defaultCompanies(random, today);
  const issuer = new TokenIssuer(() => companies, options.tokenLifetimeSeconds ?? 3600);
  const limiter = new FixedWindowLimiter(options.rateLimit ?? { budget: 15_000, windowSeconds: 3600 });
  const faults = new FaultInjector(options.seed ?? 1);
  const counter = new CallCounter();
  const violations: ContractViolation[] = [];
  let baseUrl = '';
  const companyOf = (companyId?: string): CompanyState => {
    const c =
      companyId === undefined ? companies[0] : companies.find((x) => x.identity.companyId === companyId);
    if (!c) throw new Error(`The simulator has no company ${companyId ?? ''}.`);
    return c;
  };
  const closedPeriod = seededClosedPeriod(today);
  const controls: SimControls = {
    companyIdentities: () => companies.map((c) => ({ ...c.identity, closedPeriod })),
    company: companyOf,
    injectFault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    counters: () => counter.snapshot(),
    resetCounters: () => counter.reset(),
    setPeriodClosed(period, closed, ledger = 'customer', companyId) {
      const p = companyOf(companyId).periods.get(period);
      if (!p) throw new Error(`No financial period ${period}.`);
      if (ledger === 'customer' || ledger === 'all') p.closedInCustomerLedger = closed;
      if (ledger === 'supplier' || ledger === 'all') p.closedInSupplierLedger = closed;
      if (ledger === 'general' || ledger === 'all') p.closedInGeneralLedger = closed;
    },
    setAccountActive(accountCD, active, companyId) {
      const a = companyOf(companyId).accounts.get(accountCD);
      if (!a) throw new Error(`No account ${accountCD}.`);
      a.active = active;
      a.lastModified = timestamp();
    },
    createAccount(account, companyId) {
      const company = companyOf(companyId);
      company.accounts.set(account.accountCD, {
        accountID: company.series.internalId++,
        accountCD: account.accountCD,
        description: account.description,
        type: account.type,
        active: account.active ?? true,
        ...(account.taxCategory ? { taxCategory: account.taxCategory } : {}),
        lastModified: timestamp(),
      });
    },
    touchSupplier: (number, changes, companyId) => touchSupplier(companyOf(companyId), number, changes),
    touchSupplierInvoice(number, changes = {}, companyId) {
      const company = companyOf(companyId);
      const doc = company.documents.get(`supplierInvoice:${number}`);
      if (!doc) throw new Error(`No supplier invoice ${number}.`);
      if (changes.text !== undefined) doc.text = changes.text;
      doc.version = nextVersion(company);
      doc.lastModified = timestamp();
    },
    setLicensed: (licensed, companyId) => void (companyOf(companyId).licensed = licensed),
    expireTokens: () => issuer.expireAll(),
    setRateLimit: (config) => limiter.configure(config),
    rateLimitUsage: () => limiter.usage(),
    violations: () => [...violations],
  };
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
    baseUrl: () => baseUrl,
    controls: controlRoutes(controls),
  });
  baseUrl = await listen(server, options.port ?? 0);
  return {
    ...controls,
    baseUrl,
    tokenUrl: `${baseUrl}/connect/token`,
    apiBaseUrl: baseUrl,
    companies: companies.map((c) => ({ ...c.identity, closedPeriod })),
    documents: (kind, companyId) => storedDocuments(companyOf(companyId), kind ?? null),
    batches: (companyId) =>
      [...companyOf(companyId).batches.values()].map((b) => journalDto(companyOf(companyId), b)),
    rateLimitUsage: () => limiter.usage(),
    violations: () => [...violations],
    stop: () => close(server),
  };
}

function defaultCompanies(random: () => number, today: Date): CompanyState[] {
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
    ),
  ];
}
