import type { Ledger } from '../../../storage/types';
import type { RegisteredZone, ZoneCode } from '../tax-drift';

/** The accepted tax zones of a profile (the rates and VAT codes each was mapped with). */
export function loadRegister(db: Ledger, profileId: string): Map<string, RegisteredZone> {
  const rows = db.prepare('SELECT * FROM md_tax_zones WHERE profile_id = ?').all(profileId) as {
    st_zone_id: string;
    name: string;
    vat_zone_id: string | null;
    labor_rate: string;
    material_rate: string;
    codes_json: string;
  }[];
  return new Map(
    rows.map((r) => [
      r.st_zone_id,
      {
        stZoneId: r.st_zone_id,
        name: r.name,
        vatZoneId: r.vat_zone_id,
        laborRate: r.labor_rate,
        materialRate: r.material_rate,
        codes: JSON.parse(r.codes_json) as ZoneCode[],
      },
    ]),
  );
}

/** Accepts a zone into the register (first run: baseline; later: the accountant's mapping). */
export function registerZone(
  db: Ledger,
  profileId: string,
  zone: RegisteredZone,
  origin: 'baseline' | 'user',
  at: string,
): void {
  db.prepare(
    `INSERT INTO md_tax_zones (profile_id, st_zone_id, name, vat_zone_id, labor_rate, material_rate, codes_json, origin, accepted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (profile_id, st_zone_id) DO UPDATE SET name = excluded.name, vat_zone_id = excluded.vat_zone_id,
       labor_rate = excluded.labor_rate, material_rate = excluded.material_rate, codes_json = excluded.codes_json,
       origin = excluded.origin, accepted_at = excluded.accepted_at`,
  ).run(
    profileId,
    zone.stZoneId,
    zone.name,
    zone.vatZoneId,
    zone.laborRate,
    zone.materialRate,
    JSON.stringify(zone.codes),
    origin,
    at,
  );
}
