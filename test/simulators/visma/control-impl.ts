import type { CallCounter, FaultInjector } from '../common/faults';
import type { CompanyState } from './model';
import { nextVersion, nowIn } from './model';
import type { TokenIssuer } from './tokens';
import type { FixedWindowLimiter } from './rate-limit';
import type { ReleasePolicy } from './release-policy';
import type { ContractViolation } from './server';
import type { SimControls } from './controls';
import { touchSupplier } from './controls';
import { settleReleases } from './release';
import type { ViolationMatcher } from './violations';

/** What the test controls act on. */
export interface ControlState {
  companies: CompanyState[];
  /** A company by id (default the first), with its due background releases carried out. */
  companyOf: (companyId?: string) => CompanyState;
  faults: FaultInjector;
  counter: CallCounter;
  issuer: TokenIssuer;
  limiter: FixedWindowLimiter;
  release: ReleasePolicy;
  violations: ContractViolation[];
  /** Violations tests declared they provoke on purpose. */
  expected: ViolationMatcher[];
}

/** The programmatic test controls (the `/__sim/` routes call the same). */
export function createControls(state: ControlState): SimControls {
  const { companies, companyOf, faults, counter, issuer, limiter, release, violations, expected } = state;
  const identities = () => companies.map((c) => ({ ...c.identity, closedPeriod: c.closedPeriod }));
  return {
    companyIdentities: identities,
    company: companyOf,
    injectFault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    faultsApplied: () => faults.appliedCount(),
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
      const company = companyOf(companyId);
      const a = company.accounts.get(accountCD);
      if (!a) throw new Error(`No account ${accountCD}.`);
      a.active = active;
      a.lastModified = nowIn(company);
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
        lastModified: nowIn(company),
      });
    },
    touchSupplier: (number, changes, companyId) => touchSupplier(companyOf(companyId), number, changes),
    touchSupplierInvoice(number, changes = {}, companyId) {
      const company = companyOf(companyId);
      const doc = company.documents.get(`supplierInvoice:${number}`);
      if (!doc) throw new Error(`No supplier invoice ${number}.`);
      if (changes.text !== undefined) doc.text = changes.text;
      doc.version = nextVersion(company);
      doc.lastModified = nowIn(company);
    },
    setLicensed: (licensed, companyId) => void (companyOf(companyId).licensed = licensed),
    expireTokens: () => issuer.expireAll(),
    setRateLimit: (config) => limiter.configure(config),
    rateLimitUsage: () => limiter.usage(),
    violations: () => [...violations],
    releaseSettings: () => release.current(),
    setRelease: (changes) => release.configure(changes),
    setDocumentRelease: (kind, number, rule, companyId) =>
      release.setFor(companyOf(companyId), kind, number, rule),
    finishReleases(companyId) {
      const company = companyOf(companyId);
      const now = Date.now();
      for (const doc of company.documents.values())
        if (doc.pendingRelease && doc.pendingRelease.dueAt !== null) doc.pendingRelease.dueAt = now;
      settleReleases(company, now);
    },
    expectViolations: (matcher) => void expected.push(matcher),
  };
}
