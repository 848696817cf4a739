import { SyncSettings } from '../../../shared/sync-settings';
import type { Ledger } from '../../storage/types';
import { periodOfDate } from '../master-data/periods';
import type { VPeriod } from '../master-data/types';
import type { StPort, VismaPort } from '../ports';
import { closeChecklist } from './checklist';
import { classifyClose, type OtherVismaDoc } from './close';
import { closeStDocs, liveInRange, type DayRange } from './close-inputs';
import { documentsElsewhere, readPeriodDocuments } from './close-visma';
import { keyOfFound } from './keys';
import { keysByVismaNumber, ledgerRefs, periodLedgerDocs } from './ledger-side';
import { matchPeriod } from './match';
import { addDays, parsePeriod, type ReconPeriod } from './period';
import { drilldownCounts, handTotals, periodTotals } from './totals';
import type { LedgerRef, Reconciliation, VismaDoc } from './types';
import { vismaDocOf } from './visma-side';
import { readGlLevel } from './gl-read';

/** The profile fields a reconciliation needs. */
export interface ReconProfile {
  id: string;
  timeZone: string;
  /** The ServiceTitan tenant, part of every marker. */
  servicetitan: { tenantId: string };
  /** Sync settings: which ServiceTitan documents count, the holding account. */
  sync?: unknown;
  visma?: { companyId?: string; companyName?: string | undefined };
}

/** The APIs a reconciliation reads. */
export type ReconVisma = Pick<
  VismaPort,
  'listDocumentsInPeriod' | 'listChangedDocuments' | 'periods' | 'glBalances' | 'callCount'
>;

/** The ledger and both ports (ServiceTitan optional: without it the ledger stands in); `now` stamps the report. */
export interface ReconDeps {
  db: Ledger;
  visma: ReconVisma;
  st?: Pick<StPort, 'periodDocuments' | 'callCount'>;
  now?: () => Date;
}

/** The calendar month's period in Visma's own calendar: its id and its days (fiscal years need not start in January). */
async function vismaPeriod(visma: ReconVisma, period: string): Promise<ReconPeriod> {
  const month = parsePeriod(period);
  const periods = new Map<string, VPeriod>((await visma.periods()).map((p) => [p.period, p]));
  const id = periodOfDate(month.firstDay, periods);
  if (!id)
    throw new Error(
      `Visma has no financial period for ${period}: create the financial year in Visma (General ledger → Financial years), then reconcile again.`,
    );
  const found = periods.get(id);
  return {
    period,
    financialPeriod: id,
    firstDay: found?.startDate ?? month.firstDay,
    nextFirstDay: found?.endDate ? addDays(found.endDate, 1) : month.nextFirstDay,
  };
}

/** CPU milliseconds (user + system) this process has used so far. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Time spent waiting for each API, and in all; and the CPU time of the work between the waits (a process-wide
 * figure: the close's calls are sequential, so nothing else of it runs while one is awaited).
 */
function stopwatch() {
  const started = performance.now();
  const cpuStarted = cpuMs();
  let vismaMs = 0;
  let servicetitanMs = 0;
  let waitingCpuMs = 0;
  const timed = async <T>(work: Promise<T>, add: (ms: number) => void): Promise<T> => {
    const from = performance.now();
    const cpuFrom = cpuMs();
    try {
      return await work;
    } finally {
      add(performance.now() - from);
      waitingCpuMs += cpuMs() - cpuFrom;
    }
  };
  return {
    visma: <T>(work: Promise<T>) => timed(work, (ms) => (vismaMs += ms)),
    st: <T>(work: Promise<T>) => timed(work, (ms) => (servicetitanMs += ms)),
    timings: () => ({
      vismaMs: Math.round(vismaMs),
      servicetitanMs: Math.round(servicetitanMs),
      totalMs: Math.round(performance.now() - started),
      engineCpuMs: Math.round(cpuMs() - cpuStarted - waitingCpuMs),
    }),
  };
}

/** A wait wrapper of the stopwatch. */
type Wait = <T>(work: Promise<T>) => Promise<T>;

/**
 * The Visma port with each call's wait timed (answer parsing included, as it is part of the call); everything the
 * close does with the answers stays the close's own work.
 */
function timedVisma(visma: ReconVisma, wait: Wait): ReconVisma {
  return {
    listDocumentsInPeriod: (...args) => wait(visma.listDocumentsInPeriod(...args)),
    listChangedDocuments: (...args) => wait(visma.listChangedDocuments(...args)),
    periods: () => wait(visma.periods()),
    glBalances: (financialPeriod) => wait(visma.glBalances(financialPeriod)),
    callCount: () => visma.callCount(),
  };
}

/** ServiceTitan's documents of the days, read live; null (with the reason) when ServiceTitan cannot be read. */
async function readLive(profile: ReconProfile, deps: ReconDeps, range: DayRange, wait: Wait) {
  if (!deps.st) return { live: null, error: null };
  try {
    const batch = await wait(
      deps.st.periodDocuments({
        // ServiceTitan filters in UTC: a day either side covers every time zone, the exact local day is kept below.
        invoicedFrom: `${addDays(range.firstDay, -1)}T00:00:00Z`,
        invoicedBefore: `${addDays(range.nextFirstDay, 1)}T00:00:00Z`,
        // Bills are filtered by when they were entered: a week before the period catches bills entered ahead.
        billsCreatedFrom: `${addDays(range.firstDay, -7)}T00:00:00Z`,
      }),
    );
    return {
      live: liveInRange(batch.envelopes, range, profile.timeZone, profile.servicetitan.tenantId),
      error: null,
    };
  } catch (err) {
    return { live: null, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Visma's documents under each marker of the period (the period's own and those found in other periods), and the
 * period's documents under markers of other periods' documents, with the ledger's record of those.
 */
function keyedVisma(
  vismaDocs: readonly VismaDoc[],
  inPeriod: ReadonlySet<string>,
  farAway: ReadonlyMap<string, VismaDoc[]>,
  elsewhere: ReadonlyMap<string, LedgerRef>,
): { vismaByKey: Map<string, VismaDoc[]>; others: OtherVismaDoc[] } {
  const vismaByKey = new Map<string, VismaDoc[]>();
  const add = (key: string, docs: readonly VismaDoc[]) => {
    const list = vismaByKey.get(key);
    if (list) list.push(...docs);
    else vismaByKey.set(key, [...docs]);
  };
  const others: OtherVismaDoc[] = [];
  for (const doc of vismaDocs) {
    if (!doc.key) continue;
    if (inPeriod.has(doc.key)) add(doc.key, [doc]);
    else others.push({ visma: doc, source: elsewhere.get(doc.key) ?? null });
  }
  for (const [key, docs] of farAway) add(key, docs);
  return { vismaByKey, others };
}

/**
 * Visma's side of the period: its documents (read once, the presence lists brought up to date on the way) with their
 * keys, and the GL level they explain. The documents as Visma listed them are kept no longer than this needs.
 */
async function vismaSide(
  profile: ReconProfile,
  deps: ReconDeps,
  visma: ReconVisma,
  p: ReconPeriod,
  settings: SyncSettings,
) {
  const now = deps.now ?? (() => new Date());
  const found = await readPeriodDocuments({ db: deps.db, profile, visma, now }, p.financialPeriod);
  const gl = await readGlLevel(
    { db: deps.db, profileId: profile.id, visma, settings },
    p.financialPeriod,
    found,
  );
  const carried = found.map(keyOfFound);
  const keysByNumber = keysByVismaNumber(
    deps.db,
    profile.id,
    found.filter((_, i) => !carried[i]),
  );
  return { vismaDocs: found.map((doc, i) => vismaDocOf(doc, keysByNumber, carried[i])), gl };
}

/** ServiceTitan's side of the period: read live (the ledger standing in), each document joined with the ledger. */
async function serviceTitanSide(
  profile: ReconProfile,
  deps: ReconDeps,
  p: ReconPeriod,
  settings: SyncSettings,
  wait: Wait,
) {
  const before = deps.st?.callCount() ?? 0;
  const { live, error } = await readLive(profile, deps, p, wait);
  return {
    closeDocs: closeStDocs(deps.db, profile, settings, live, periodLedgerDocs(deps.db, profile, p)),
    live: live !== null,
    error,
    calls: (deps.st?.callCount() ?? 0) - before,
  };
}

/**
 * Reconciles a period (`YYYY-MM`, the month whose first day falls in a Visma period) three ways: ServiceTitan read
 * live, the ledger, and Visma (the period's documents in bulk and the general ledger's balances of the accounts the
 * mappings use, plus wherever else Visma holds the period's markers). Every document lands in one bucket with its
 * reason; the drill-down lists and totals of earlier versions are kept.
 */
export async function reconcilePeriod(
  profile: ReconProfile,
  deps: ReconDeps,
  period: string,
): Promise<Reconciliation> {
  const now = deps.now ?? (() => new Date());
  const settings = SyncSettings.parse(profile.sync ?? {});
  const vismaBefore = deps.visma.callCount();
  const clock = stopwatch();
  const visma = timedVisma(deps.visma, clock.visma);
  const p = await vismaPeriod(visma, period);
  const { vismaDocs, gl } = await vismaSide(profile, deps, visma, p, settings);
  const stSide = await serviceTitanSide(profile, deps, p, settings, clock.st);
  const { closeDocs } = stSide;
  const stDocs = closeDocs.map((d) => d.st);
  const inPeriod = new Set(stDocs.map((d) => d.key));
  const otherKeys = [...new Set(vismaDocs.map((d) => d.key).filter((k) => k !== null && !inPeriod.has(k)))];
  const elsewhere = ledgerRefs(deps.db, profile, otherKeys as string[]);
  const drilldown = matchPeriod({ financialPeriod: p.financialPeriod, stDocs, vismaDocs, elsewhere });
  const farAway = await documentsElsewhere(
    { db: deps.db, profile, visma, now },
    [...inPeriod],
    p.financialPeriod,
  );
  const { vismaByKey, others } = keyedVisma(vismaDocs, inPeriod, farAway, elsewhere);
  const close = classifyClose({
    stDocs: closeDocs,
    vismaByKey,
    postedByHand: vismaDocs.filter((d) => !d.key),
    others,
  });
  return {
    profileId: profile.id,
    period: p.period,
    financialPeriod: p.financialPeriod,
    timeZone: profile.timeZone,
    generatedAt: now().toISOString(),
    ...periodTotals(drilldown),
    postedByHandTotals: handTotals(drilldown),
    counts: drilldownCounts(drilldown),
    ...drilldown,
    ...close,
    checklist: closeChecklist(close.entries, gl.level),
    gl: gl.level,
    glError: gl.error,
    servicetitanLive: stSide.live,
    servicetitanError: stSide.error,
    servicetitanCalls: stSide.calls,
    companyName: profile.visma?.companyName ?? profile.visma?.companyId ?? null,
    timings: clock.timings(),
    periodStart: p.firstDay,
    periodEnd: addDays(p.nextFirstDay, -1),
    vismaCalls: deps.visma.callCount() - vismaBefore,
  };
}
