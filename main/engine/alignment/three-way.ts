import { PARTY_FIELDS, sameValue, type PartyField, type PartyFields } from './fields';
import { nameKey } from './normalize-name';

/** The last synced values of a linked pair, one set per side (the sides may spell the same value differently). */
export interface PairSnapshot {
  st: PartyFields;
  visma: PartyFields;
}

/** A field changed on both sides since the last sync, to different values. */
export interface FieldConflict {
  field: PartyField;
  base: string | null;
  st: string;
  visma: string;
}

/** What to do with one linked pair. */
export interface PairPlan {
  /** Fields to write to Visma (ServiceTitan changed them). */
  toVisma: Partial<PartyFields>;
  /** Fields to write to ServiceTitan (Visma changed them). */
  toSt: Partial<PartyFields>;
  conflicts: FieldConflict[];
  /** The snapshot once the writes have landed (conflicting fields keep their old base). */
  next: PairSnapshot;
}

/**
 * Three-way comparison of a linked pair against its snapshot. A field changed on one side flows to the other; a
 * field changed on both sides to different values is a conflict and neither side is written. Without a snapshot
 * (a new link), equal values are taken as the base, an empty side is filled from the other, and different values
 * are conflicts (names equal apart from spelling or legal form are not). Fields named in `blocked` (open conflicts) are left alone. Pure.
 */
export function planPair(
  snapshot: PairSnapshot | null,
  st: PartyFields,
  visma: PartyFields,
  blocked: ReadonlySet<PartyField> = new Set(),
): PairPlan {
  const plan: PairPlan = {
    toVisma: {},
    toSt: {},
    conflicts: [],
    next: { st: { ...st }, visma: { ...visma } },
  };
  for (const f of PARTY_FIELDS) {
    const s = st[f];
    const v = visma[f];
    const keepBase = () => {
      plan.next.st[f] = snapshot ? snapshot.st[f] : s;
      plan.next.visma[f] = snapshot ? snapshot.visma[f] : v;
    };
    if (blocked.has(f)) {
      keepBase();
      continue;
    }
    if (sameValue(f, s, v)) continue;
    // A new link made on names that are equal apart from spelling or legal form keeps each side's spelling.
    if (!snapshot && f === 'name' && nameKey(s) === nameKey(v)) continue;
    const stChanged = snapshot ? snapshot.st[f] !== s : s !== '' && v === '' ? true : null;
    const vismaChanged = snapshot ? snapshot.visma[f] !== v : v !== '' && s === '' ? true : null;
    if (stChanged && !vismaChanged) {
      plan.toVisma[f] = s;
      plan.next.visma[f] = s;
    } else if (vismaChanged && !stChanged) {
      plan.toSt[f] = v;
      plan.next.st[f] = v;
    } else if (stChanged === false && vismaChanged === false) {
      // Both unchanged yet different: they were already different when linked and the conflict was settled.
      continue;
    } else {
      plan.conflicts.push({ field: f, base: snapshot ? snapshot.st[f] : null, st: s, visma: v });
      keepBase();
    }
  }
  return plan;
}

/** Whether a plan changes anything on either side. */
export function planWrites(plan: PairPlan): boolean {
  return Object.keys(plan.toVisma).length > 0 || Object.keys(plan.toSt).length > 0;
}
