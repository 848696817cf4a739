import { costCenterSegment, segmentValueByName } from '../mapping/defaults';
import { loadRules } from '../mapping/rule-store';
import type { StBusinessUnitInfo, VBranch, VSegment } from '../master-data/types';
import { getCursor, setCursor } from '../source-store';
import { audit, type AlignContext } from './context';
import { foldText } from './normalize-name';
import { reconcileDrift, type DriftFinding } from './store/drift';
import { offerSuggestion } from './store/suggestions';

/** What the business-unit step did. */
export interface BusinessUnitCounts {
  units: number;
  suggested: number;
  driftOpen: number;
}

/** A suggested cost center and branch for a business unit, by name. */
export interface DimensionSuggestion {
  costCenter?: string | undefined;
  branch?: string | undefined;
}

/** Suggests a cost-center segment value and branch whose name matches the business unit's. Pure. */
export function suggestDimensions(
  unit: StBusinessUnitInfo,
  segments: readonly VSegment[],
  branches: readonly VBranch[],
  costCenterSegmentId: number | null,
): DimensionSuggestion {
  const segment = costCenterSegment(segments, costCenterSegmentId);
  const wanted = foldText(unit.name);
  return {
    costCenter: segment ? segmentValueByName(segment, unit.name) : undefined,
    branch: branches.find((b) => foldText(b.name) === wanted || foldText(b.number) === wanted)?.number,
  };
}

function knownUnits(ctx: AlignContext): Set<string> {
  return new Set(
    (
      ctx.db.prepare('SELECT st_id FROM md_known_units WHERE profile_id = ?').all(ctx.profileId) as {
        st_id: string;
      }[]
    ).map((r) => r.st_id),
  );
}

/**
 * Business units → cost-center values and branches: suggestions by name for units without a rule; a business unit
 * that appears after the first run is flagged until it is mapped (`st-visma mappings` or `masterdata accept`).
 */
export async function alignBusinessUnits(ctx: AlignContext): Promise<BusinessUnitCounts> {
  const [units, segments, branches] = await Promise.all([
    ctx.ports.st.businessUnits(),
    ctx.ports.visma.segments(),
    ctx.ports.visma.branches(),
  ]);
  const at = ctx.now().toISOString();
  const first = !getCursor(ctx.db, ctx.profileId, 'md:units:baseline');
  const known = knownUnits(ctx);
  const rules = loadRules(ctx.db, ctx.profileId).businessUnitDimensions;
  const counts: BusinessUnitCounts = { units: units.length, suggested: 0, driftOpen: 0 };
  const findings: DriftFinding[] = [];
  for (const unit of units) {
    if (!known.has(unit.id)) {
      ctx.db
        .prepare(
          'INSERT INTO md_known_units (profile_id, st_id, name, origin, first_seen_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(ctx.profileId, unit.id, unit.name, first ? 'baseline' : 'new', at);
    }
    if (rules[unit.id] || !unit.active) continue;
    const suggestion = suggestDimensions(unit, segments, branches, ctx.settings.costCenterSegmentId);
    const key = JSON.stringify(suggestion);
    if (
      (suggestion.costCenter || suggestion.branch) &&
      offerSuggestion(
        ctx.db,
        ctx.profileId,
        {
          kind: 'business-unit',
          stId: unit.id,
          vismaKey: key,
          confidence: 0.7,
          reasons: [`name "${unit.name}"`],
        },
        at,
      )
    ) {
      counts.suggested++;
    }
    const isNew =
      !first &&
      (!known.has(unit.id) ||
        ctx.db
          .prepare("SELECT 1 FROM md_known_units WHERE profile_id = ? AND st_id = ? AND origin = 'new'")
          .get(ctx.profileId, unit.id));
    if (isNew || !suggestion.costCenter) {
      const hint = suggestion.costCenter
        ? ` Suggested by name: cost center ${suggestion.costCenter}${suggestion.branch ? `, branch ${suggestion.branch}` : ''}.`
        : ' No cost center matches its name.';
      findings.push({
        subjectKey: unit.id,
        code: 'unit_unmapped',
        text: `Business unit "${unit.name}" ${isNew ? 'is new in ServiceTitan and ' : ''}has no Visma cost center or branch mapped.${hint}`,
        details: { ...suggestion, name: unit.name },
      });
    }
  }
  if (first) setCursor(ctx.db, ctx.profileId, 'md:units:baseline', at);
  const { opened, cleared } = reconcileDrift(ctx.db, ctx.profileId, 'business-unit', findings, at);
  for (const d of opened)
    audit(ctx, 'drift.opened', 'info', d.text, {
      subject: 'business-unit',
      stId: d.subjectKey,
      code: d.code,
    });
  for (const d of cleared)
    audit(ctx, 'drift.cleared', 'success', `Resolved: ${d.text}`, {
      subject: 'business-unit',
      stId: d.subjectKey,
      code: d.code,
    });
  counts.driftOpen = findings.length;
  return counts;
}
