import { z } from 'zod';
import type { SimRequest, SimResponse } from '../common/http';
import { FaultSpec } from '../common/faults';
import type { CompanyIdentity, CompanyState, SimAccount, SimDocumentKind } from './model';
import { nextVersion, nowIn } from './model';
import { customerDocumentDto, journalDto, supplierInvoiceDto } from './dto-documents';
import type { RateLimitConfig } from './rate-limit';
import { DocumentRelease, ReleaseSettings } from './release-policy';
import type { ViolationMatcher } from './violations';
import { record } from './unwrap';

/** The ledgers a period can be closed in. */
export type Ledger = 'customer' | 'supplier' | 'general';

/** Programmatic test controls; the `/__sim/` HTTP routes call these. */
export interface SimControls {
  companyIdentities(): (CompanyIdentity & { closedPeriod: string })[];
  company(companyId?: string): CompanyState;
  injectFault(spec: FaultSpec): number;
  /** How many calls an injected fault was applied to so far. */
  faultsApplied(): number;
  clearFaults(): void;
  counters(): { total: number; byEndpoint: Record<string, number> };
  resetCounters(): void;
  setPeriodClosed(period: string, closed: boolean, ledger?: Ledger | 'all', companyId?: string): void;
  setAccountActive(accountCD: string, active: boolean, companyId?: string): void;
  createAccount(
    account: Pick<SimAccount, 'accountCD' | 'description' | 'type'> & {
      taxCategory?: string;
      active?: boolean;
    },
    companyId?: string,
  ): void;
  touchSupplier(number: string, changes?: { name?: string }, companyId?: string): void;
  touchSupplierInvoice(number: string, changes?: { text?: string }, companyId?: string): void;
  setLicensed(licensed: boolean, companyId?: string): void;
  expireTokens(): void;
  setRateLimit(config: RateLimitConfig): void;
  rateLimitUsage(): unknown;
  violations(): unknown;
  /** The release behaviour in force. */
  releaseSettings(): ReleaseSettings;
  /** Changes how releases behave from now on (fields left out keep their value). */
  setRelease(changes: Partial<ReleaseSettings>): void;
  /** Fixes one document's release behaviour (null: back to the company-wide settings). */
  setDocumentRelease(
    kind: SimDocumentKind,
    number: string,
    release: DocumentRelease | null,
    companyId?: string,
  ): void;
  /** Finishes every queued release now (except `never`), as if their time had come. */
  finishReleases(companyId?: string): void;
  /** Allows violations the test provokes on purpose, so `stop()` does not fail on them. */
  expectViolations(matcher: ViolationMatcher): void;
}

const DOCUMENT_KINDS = ['customerInvoice', 'customerCreditNote', 'supplierInvoice'] as const;
const Matcher = z.object({
  kind: z.enum(['request', 'response', 'crash']).optional(),
  operationId: z.string().optional(),
  problem: z.string().optional(),
});

type Route = [
  method: string,
  pattern: RegExp,
  run: (m: string[], req: SimRequest, companyId: string | undefined) => unknown,
];

/** Routes `/__sim/…` requests to the controls. Company: `?company=<companyId>` (default the first). */
export function controlRoutes(controls: SimControls): (req: SimRequest) => SimResponse {
  const done = { ok: true };
  const routes: Route[] = [
    ['GET', /^companies$/, () => controls.companyIdentities()],
    ['POST', /^faults$/, (_m, req) => ({ active: controls.injectFault(FaultSpec.parse(req.body)) })],
    ['DELETE', /^faults$/, () => (controls.clearFaults(), done)],
    ['GET', /^counters$/, () => controls.counters()],
    ['GET', /^faults\/applied$/, () => ({ applied: controls.faultsApplied() })],
    ['DELETE', /^counters$/, () => (controls.resetCounters(), done)],
    [
      'POST',
      /^periods\/(\d{6})\/(close|open)$/,
      (m, req, c) => (
        controls.setPeriodClosed(
          m[1]!,
          m[2] === 'close',
          (record(req.body).ledger as Ledger | 'all' | undefined) ?? 'customer',
          c,
        ),
        done
      ),
    ],
    [
      'POST',
      /^accounts\/([^/]+)\/(activate|deactivate)$/,
      (m, _r, c) => (controls.setAccountActive(m[1]!, m[2] === 'activate', c), done),
    ],
    [
      'POST',
      /^accounts$/,
      (_m, req, c) => (
        controls.createAccount(req.body as Parameters<SimControls['createAccount']>[0], c),
        done
      ),
    ],
    [
      'POST',
      /^suppliers\/([^/]+)\/touch$/,
      (m, req, c) => (controls.touchSupplier(m[1]!, record(req.body), c), done),
    ],
    [
      'POST',
      /^supplier-invoices\/([^/]+)\/touch$/,
      (m, req, c) => (controls.touchSupplierInvoice(m[1]!, record(req.body), c), done),
    ],
    [
      'POST',
      /^licence$/,
      (_m, req, c) => (controls.setLicensed(record(req.body).licensed !== false, c), done),
    ],
    ['POST', /^tokens\/expire$/, () => (controls.expireTokens(), done)],
    ['GET', /^rate-limit$/, () => controls.rateLimitUsage()],
    [
      'PUT',
      /^rate-limit$/,
      (_m, req) => (
        controls.setRateLimit({
          budget: Number(record(req.body).budget),
          windowSeconds: Number(record(req.body).windowSeconds),
        }),
        done
      ),
    ],
    ['GET', /^violations$/, () => controls.violations()],
    [
      'POST',
      /^violations\/expect$/,
      (_m, req) => (controls.expectViolations(strip(Matcher.parse(req.body ?? {}))), done),
    ],
    ['GET', /^release$/, () => controls.releaseSettings()],
    [
      'PUT',
      /^release$/,
      (_m, req) => (controls.setRelease(strip(ReleaseSettings.partial().parse(req.body ?? {}))), done),
    ],
    ['POST', /^releases\/finish$/, (_m, _r, c) => (controls.finishReleases(c), done)],
    [
      'POST',
      /^releases\/([A-Za-z]+)\/([^/]+)$/,
      (m, req, c) => (
        controls.setDocumentRelease(
          z.enum(DOCUMENT_KINDS).parse(m[1]),
          m[2]!,
          strip(DocumentRelease.parse(req.body)),
          c,
        ),
        done
      ),
    ],
    [
      'DELETE',
      /^releases\/([A-Za-z]+)\/([^/]+)$/,
      (m, _r, c) => (controls.setDocumentRelease(z.enum(DOCUMENT_KINDS).parse(m[1]), m[2]!, null, c), done),
    ],
    [
      'GET',
      /^documents$/,
      (_m, req, c) =>
        storedDocuments(controls.company(c), req.url.searchParams.get('kind') as SimDocumentKind | null),
    ],
    [
      'GET',
      /^batches$/,
      (_m, _r, c) =>
        [...controls.company(c).batches.values()].map((batch) => journalDto(controls.company(c), batch)),
    ],
  ];
  return (req) => {
    const rest = decodeURIComponent(req.url.pathname.replace(/^\/__sim\//, '').replace(/\/$/, ''));
    const companyId = req.url.searchParams.get('company') ?? undefined;
    for (const [method, pattern, run] of routes) {
      const m = pattern.exec(rest);
      if (m && method === req.method) return { status: 200, body: run([...m], req, companyId) };
    }
    return { status: 404, body: { message: `Unknown simulator control ${req.method} ${req.url.pathname}` } };
  };
}

/** Stored documents as the API would render them. */
export function storedDocuments(
  company: CompanyState,
  kind: SimDocumentKind | null,
): Record<string, unknown>[] {
  return [...company.documents.values()]
    .filter((d) => kind === null || d.kind === kind)
    .map((d) => ({
      kind: d.kind,
      ...(d.kind === 'supplierInvoice' ? supplierInvoiceDto(company, d) : customerDocumentDto(company, d)),
    }));
}

/** Bumps a supplier's row version as if someone edited it in Visma (makes held ETags stale). */
export function touchSupplier(company: CompanyState, number: string, changes: { name?: string } = {}): void {
  const s = company.suppliers.get(number);
  if (!s) throw new Error(`No supplier ${number} in ${company.identity.name}`);
  if (changes.name) s.name = changes.name;
  s.version = nextVersion(company);
  s.lastModified = nowIn(company);
}

/** Drops keys whose value is undefined (zod output → exact optional properties). */
function strip<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
