/**
 * The report's chart of differences by business unit as inline SVG: one horizontal bar per unit of ServiceTitan
 * minus Visma booked (gross, all document types), drawn from a zero line (negative bars to the left). Pure
 * computation; the pixel geometry is the only place amounts become floating-point numbers.
 */
import { money, sum, toCents } from '../../../shared/money';
import { escapeHtml } from './html-escape';
import { displayAmount } from './report-format';
import type { ReportLocale } from './report-text';
import { unitLabel } from './totals-order';
import type { TotalsRow } from './types';

/** One business unit's difference (decimal string, ServiceTitan minus Visma booked). */
export interface UnitDifference {
  label: string;
  difference: string;
}

/** The per-unit differences summed over document types, sorted by label. */
export function differencesByUnit(totals: readonly TotalsRow[], locale: ReportLocale): UnitDifference[] {
  const units = new Map<string, { label: string; amounts: string[] }>();
  for (const row of totals) {
    const key = row.businessUnitId ?? `name:${row.businessUnitName ?? ''}`;
    const unit = units.get(key) ?? { label: unitLabel(row, locale), amounts: [] };
    unit.amounts.push(row.difference.amount);
    units.set(key, unit);
  }
  return [...units.values()]
    .map((u) => ({ label: u.label, difference: toCents(sum(u.amounts)) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

const WIDTH = 680;
const LABEL_RIGHT = 200;
const BAR_LEFT = 212;
const BAR_RIGHT = 560;
const ROW = 26;
const BAR = 16;
const PAD = 12;

const px = (n: number) => Number(n.toFixed(1));

const shortened = (label: string) => (label.length > 30 ? `${label.slice(0, 29)}…` : label);

/** Where zero sits and how many pixels one unit of money takes, so that the largest bars fill the area. */
function scaleOf(values: readonly string[]): { zeroX: number; perUnit: number } {
  const positive = values.map((v) => money(v)).reduce((m, v) => (v.gt(m) ? v : m), money(0));
  const negative = values.map((v) => money(v).neg()).reduce((m, v) => (v.gt(m) ? v : m), money(0));
  const span = positive.plus(negative);
  const area = BAR_RIGHT - BAR_LEFT;
  if (span.isZero()) return { zeroX: BAR_LEFT + area / 2, perUnit: 0 };
  return {
    zeroX: BAR_LEFT + negative.div(span).times(area).toNumber(),
    perUnit: area / span.toNumber(),
  };
}

function barOf(unit: UnitDifference, index: number, scale: ReturnType<typeof scaleOf>, locale: ReportLocale) {
  const value = money(unit.difference);
  const width = px(value.abs().toNumber() * scale.perUnit);
  const x = px(value.isNegative() ? scale.zeroX - width : scale.zeroX);
  const top = PAD + index * ROW;
  const middle = top + ROW / 2 + 4;
  const sign = value.isZero() ? 'zero' : value.isNegative() ? 'negative' : 'positive';
  const amount = displayAmount(unit.difference, locale);
  return [
    `<text class="label" x="${LABEL_RIGHT}" y="${middle}" text-anchor="end">${escapeHtml(shortened(unit.label))}</text>`,
    `<rect class="bar bar-${sign}" x="${x}" y="${top + (ROW - BAR) / 2}" width="${width}" height="${BAR}">` +
      `<title>${escapeHtml(`${unit.label}: ${amount}`)}</title></rect>`,
    `<text class="value" x="${WIDTH - 4}" y="${middle}" text-anchor="end">${escapeHtml(amount)}</text>`,
  ].join('');
}

/** The chart as an `<svg>` element (one `rect.bar` per business unit); `title` labels it for screen readers. */
export function differenceChartSvg(
  units: readonly UnitDifference[],
  title: string,
  locale: ReportLocale,
): string {
  const height = PAD * 2 + Math.max(units.length, 1) * ROW;
  const scale = scaleOf(units.map((u) => u.difference));
  const zero = px(scale.zeroX);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeHtml(title)}"`,
    ` viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">`,
    ...units.map((unit, i) => barOf(unit, i, scale, locale)),
    `<line class="zero" x1="${zero}" y1="${PAD - 4}" x2="${zero}" y2="${height - PAD + 4}"/>`,
    '</svg>',
  ].join('');
}
