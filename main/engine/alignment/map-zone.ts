import { audit, type AlignContext } from './context';
import { setZoneCodes, type ZoneCodeChoice } from './decisions';
import { loadRegister, registerZone } from './store/tax-zones';
import { alignTaxZones, type TaxZoneCounts } from './tax-zones';
import { codesForZone, suggestVatZone } from './zone-codes';

/**
 * Maps (or re-maps) a ServiceTitan tax zone: accepts its current rates, sets the Visma VAT zone (given, else kept,
 * else suggested by rate) and the VAT codes (given ones become explicit rules; the rest are chosen by rate), then
 * re-checks tax drift so documents in the zone stop waiting when nothing else is wrong.
 */
export async function mapZone(
  ctx: AlignContext,
  stZoneId: string,
  choice: { vatZoneId?: string | undefined } & ZoneCodeChoice,
): Promise<TaxZoneCounts> {
  const [zones, codes, vatZones] = await Promise.all([
    ctx.ports.st.taxZones(),
    ctx.ports.visma.vatCodes(),
    ctx.ports.visma.vatZones(),
  ]);
  const zone = zones.find((z) => z.id === stZoneId);
  if (!zone) throw new Error(`ServiceTitan has no tax zone ${stZoneId}.`);
  if (choice.vatZoneId && !vatZones.some((z) => z.id === choice.vatZoneId))
    throw new Error(`Visma has no VAT zone ${choice.vatZoneId}.`);
  const known = new Map(codes.map((c) => [c.vatId, c]));
  const { vatZoneId: _ignored, ...explicit } = choice;
  for (const vatId of Object.values(explicit).filter((v): v is string => !!v)) {
    const code = known.get(vatId);
    if (!code) throw new Error(`Visma has no VAT code ${vatId}.`);
    if (code.notValidAfter && code.notValidAfter.slice(0, 10) < ctx.today)
      throw new Error(`Visma VAT code ${vatId} is not valid after ${code.notValidAfter.slice(0, 10)}.`);
  }
  const vatZoneId =
    choice.vatZoneId ??
    loadRegister(ctx.db, ctx.profileId).get(stZoneId)?.vatZoneId ??
    suggestVatZone(zone, codes, ctx.today);
  const byRate = codesForZone(zone, vatZoneId, codes, ctx.today);
  const at = ctx.now().toISOString();
  ctx.db.transaction(() => {
    setZoneCodes(ctx.db, ctx.profileId, stZoneId, explicit, ctx.actor);
    registerZone(
      ctx.db,
      ctx.profileId,
      {
        stZoneId,
        name: zone.name,
        vatZoneId,
        laborRate: zone.laborRate,
        materialRate: zone.materialRate,
        codes: byRate,
      },
      'user',
      at,
    );
  })();
  audit(
    ctx,
    'taxzone.mapped',
    'success',
    `Tax zone "${zone.name}" (${zone.laborRate} %) mapped to Visma VAT zone ${vatZoneId ?? '(none)'}; VAT codes ${byRate.map((c) => c.vatId).join(', ') || '(none)'}${Object.keys(explicit).length ? `, explicit: ${JSON.stringify(explicit)}` : ''}.`,
    {
      stZoneId,
      vatZoneId,
      codes: byRate,
      explicit,
    },
  );
  return alignTaxZones(ctx);
}
