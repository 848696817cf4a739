import type { Ledger } from '../../storage/types';
import type { VismaPort } from '../ports';
import { keyOfFound } from './keys';
import { keysByVismaNumber, ledgerRefs, periodDocuments } from './ledger-side';
import { matchPeriod } from './match';
import { addDays, parsePeriod } from './period';
import { emptyCloseReport } from './close-empty';
import { drilldownCounts, handTotals, periodTotals } from './totals';
import type { Reconciliation } from './types';
import { readPeriodDocuments, vismaDocOf } from './visma-side';

/** The profile fields a reconciliation needs. */
export interface ReconProfile {
  id: string;
  timeZone: string;
  /** The ServiceTitan tenant, part of every marker. */
  servicetitan: { tenantId: string };
}

/** The ledger and the Visma port; `now` stamps the report (tests pass a fixed clock). */
export interface ReconDeps {
  db: Ledger;
  visma: Pick<VismaPort, 'listDocumentsInPeriod' | 'callCount'>;
  now?: () => Date;
}

/**
 * Reconciles a period (`YYYY-MM`): the ledger's eligible ServiceTitan documents dated in it (profile time zone)
 * against Visma's documents of the financial period, read in bulk (one paged list per document kind).
 */
export async function reconcilePeriod(
  profile: ReconProfile,
  deps: ReconDeps,
  period: string,
): Promise<Reconciliation> {
  const p = parsePeriod(period);
  const callsBefore = deps.visma.callCount();
  const found = await readPeriodDocuments(deps.visma, p.financialPeriod);
  const vismaCalls = deps.visma.callCount() - callsBefore;
  const stDocs = periodDocuments(deps.db, profile, p);
  const keysByNumber = keysByVismaNumber(
    deps.db,
    profile.id,
    found.filter((d) => !keyOfFound(d)),
  );
  const vismaDocs = found.map((doc) => vismaDocOf(doc, keysByNumber));
  const inPeriod = new Set(stDocs.map((d) => d.key));
  const otherKeys = [...new Set(vismaDocs.map((d) => d.key).filter((k) => k !== null && !inPeriod.has(k)))];
  const drilldown = matchPeriod({
    financialPeriod: p.financialPeriod,
    stDocs,
    vismaDocs,
    elsewhere: ledgerRefs(deps.db, profile, otherKeys as string[]),
  });
  return {
    profileId: profile.id,
    period: p.period,
    financialPeriod: p.financialPeriod,
    timeZone: profile.timeZone,
    generatedAt: (deps.now?.() ?? new Date()).toISOString(),
    ...periodTotals(drilldown),
    postedByHandTotals: handTotals(drilldown),
    counts: drilldownCounts(drilldown),
    ...drilldown,
    vismaCalls,
    ...emptyCloseReport(p.firstDay, addDays(p.nextFirstDay, -1)),
  };
}
