/** Price list: [sku id, name, type, unit price in øre, unit cost in øre]. */
export const SKUS: [number, string, 'Service' | 'Material' | 'Equipment', number, number][] = [
  [9001, 'Feilsøking og reparasjon – time', 'Service', 125_000, 0],
  [9002, 'Serviceavtale varmepumpe – årlig kontroll', 'Service', 249_000, 0],
  [9003, 'Spyling av avløp', 'Service', 189_000, 0],
  [9101, 'Kobberrør 15 mm (meter)', 'Material', 14_900, 8_200],
  [9102, 'Blandebatteri kjøkken – Ørsta', 'Material', 289_000, 160_000],
  [9103, 'Sikkerhetsventil ¾″', 'Material', 48_500, 23_000],
  [9104, 'Kulde-medium R32 (kg)', 'Material', 95_000, 51_000],
  [9201, 'Varmepumpe luft/luft 6 kW', 'Equipment', 2_450_000, 1_540_000],
  [9202, 'Varmtvannsbereder 200 L', 'Equipment', 1_690_000, 1_020_000],
];

/** Options for the document generator. */
export interface DocumentOptions {
  invoices: number;
  bills: number;
  anchor: number;
  /** Days before `anchor` the documents are spread over. */
  spanDays: number;
}
