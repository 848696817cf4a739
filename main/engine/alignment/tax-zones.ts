import { loadRules } from '../mapping/rule-store';
import { getCursor, setCursor } from '../source-store';
import { audit, type AlignContext } from './context';
import { reconcileDrift } from './store/drift';
import { loadRegister, registerZone } from './store/tax-zones';
import { detectTaxDrift } from './tax-drift';
import { codesForZone, suggestVatZone } from './zone-codes';

/** What the tax-zone step did. */
export interface TaxZoneCounts {
  zones: number;
  registered: number;
  driftOpened: number;
  driftCleared: number;
  driftOpen: number;
}

/**
 * Tax zones ↔ VAT. On the first run every ServiceTitan zone is accepted with its current rates, a suggested Visma VAT
 * zone and the VAT codes chosen by rate. From then on, drift is reported (never written: ServiceTitan tax zones are
 * read-only in its API): new unmapped zones, rate changes, mapped VAT codes removed or no longer valid in Visma.
 * Documents in a zone with open drift wait (the engine's resolver consults `flaggedTaxZones`).
 */
export async function alignTaxZones(ctx: AlignContext): Promise<TaxZoneCounts> {
  const [zones, vatCodes] = await Promise.all([ctx.ports.st.taxZones(), ctx.ports.visma.vatCodes()]);
  const at = ctx.now().toISOString();
  const counts: TaxZoneCounts = {
    zones: zones.length,
    registered: 0,
    driftOpened: 0,
    driftCleared: 0,
    driftOpen: 0,
  };
  if (!getCursor(ctx.db, ctx.profileId, 'md:taxzones:baseline')) {
    const register = loadRegister(ctx.db, ctx.profileId);
    for (const zone of zones.filter((z) => !register.has(z.id))) {
      const vatZoneId = suggestVatZone(zone, vatCodes, ctx.today);
      const codes = codesForZone(zone, vatZoneId, vatCodes, ctx.today);
      registerZone(
        ctx.db,
        ctx.profileId,
        {
          stZoneId: zone.id,
          name: zone.name,
          vatZoneId,
          laborRate: zone.laborRate,
          materialRate: zone.materialRate,
          codes,
        },
        'baseline',
        at,
      );
      counts.registered++;
      audit(
        ctx,
        'taxzone.registered',
        'info',
        `Tax zone "${zone.name}" mapped to Visma VAT zone ${vatZoneId ?? '(none)'} with VAT codes ${codes.map((c) => c.vatId).join(', ') || '(none)'} by its rate.`,
        {
          stZoneId: zone.id,
          vatZoneId,
          codes,
        },
      );
    }
    setCursor(ctx.db, ctx.profileId, 'md:taxzones:baseline', at);
  }
  const drift = detectTaxDrift({
    zones,
    register: loadRegister(ctx.db, ctx.profileId),
    rules: loadRules(ctx.db, ctx.profileId).vatByTaxZone,
    vatCodes: new Map(vatCodes.map((c) => [c.vatId, c])),
    today: ctx.today,
  });
  const findings = drift.map((d) => ({
    subjectKey: d.stZoneId,
    code: d.code,
    text: d.text,
    details: d.details,
  }));
  const { opened, cleared } = reconcileDrift(ctx.db, ctx.profileId, 'tax-zone', findings, at);
  for (const d of opened)
    audit(ctx, 'drift.opened', 'blocked', d.text, {
      subject: 'tax-zone',
      stZoneId: d.subjectKey,
      code: d.code,
      ...d.details,
    });
  for (const d of cleared)
    audit(ctx, 'drift.cleared', 'success', `Resolved: ${d.text}`, {
      subject: 'tax-zone',
      stZoneId: d.subjectKey,
      code: d.code,
    });
  counts.driftOpened = opened.length;
  counts.driftCleared = cleared.length;
  counts.driftOpen = findings.length;
  return counts;
}
