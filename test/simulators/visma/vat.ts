import Decimal from 'decimal.js';
import type { SimLine, SimTaxDetail, SimVatCode } from './model';

/** Totals of a document the way Visma computes them. */
export interface DocumentTotals {
  taxDetails: SimTaxDetail[];
  detailTotal: string;
  vatTaxableTotal: string;
  vatExemptTotal: string;
  vatTotal: string;
  amount: string;
}

/** Rounds to cents, half away from zero (decimal.js ROUND_HALF_UP is symmetric). */
export function cents(value: Decimal.Value): Decimal {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** A line's net amount: quantity × unit price less the discount percent, rounded to cents (or the manual amount). */
export function lineAmount(
  quantity: string,
  unitPrice: string,
  discountPercent: string,
  manualAmount?: string,
): string {
  if (manualAmount !== undefined) return cents(manualAmount).toFixed(2);
  const gross = cents(new Decimal(quantity).times(unitPrice));
  const discount = cents(gross.times(discountPercent).dividedBy(100));
  return gross.minus(discount).toFixed(2);
}

/**
 * VAT per tax detail: lines are grouped by VAT code, the taxable amount summed, and the VAT rounded once per detail
 * (2 decimals, half away from zero). Exempt codes count towards `vatExemptTotal`; lines without a code carry no VAT.
 */
export function documentTotals(lines: SimLine[], codes: Map<string, SimVatCode>): DocumentTotals {
  const byCode = new Map<string, Decimal>();
  let detailTotal = new Decimal(0);
  for (const line of lines) {
    detailTotal = detailTotal.plus(line.amount);
    if (!line.vatCodeId) continue;
    byCode.set(line.vatCodeId, (byCode.get(line.vatCodeId) ?? new Decimal(0)).plus(line.amount));
  }
  const taxDetails: SimTaxDetail[] = [];
  let vatTotal = new Decimal(0);
  let taxable = new Decimal(0);
  let exempt = new Decimal(0);
  for (const [vatId, base] of byCode) {
    const code = codes.get(vatId);
    if (!code) continue;
    const isExempt = code.type === 'ExemptVat';
    const vat = isExempt ? new Decimal(0) : cents(base.times(code.rate).dividedBy(100));
    if (isExempt) exempt = exempt.plus(base);
    else taxable = taxable.plus(base);
    vatTotal = vatTotal.plus(vat);
    taxDetails.push({
      vatId,
      rate: code.rate,
      taxable: base.toFixed(2),
      vat: vat.toFixed(2),
      exempt: isExempt,
    });
  }
  return {
    taxDetails,
    detailTotal: detailTotal.toFixed(2),
    vatTaxableTotal: taxable.toFixed(2),
    vatExemptTotal: exempt.toFixed(2),
    vatTotal: vatTotal.toFixed(2),
    amount: detailTotal.plus(vatTotal).toFixed(2),
  };
}
