/** Strict readers for the fields of a ServiceTitan document: they never throw, they write down what they cannot read. */
import { readDecimal, readMoney, toCents } from '../../shared/money';
import type { ReadFault, UnreadableField } from './domain';
import { fitText } from './mapping/visma-text';

/** What ServiceTitan may send in an amount or date field (strings per the spec; numbers read the same way). */
export type RawField = string | number | null | undefined;

/** Placeholders stored in place of a value that could not be read (see `SourceDocument.unreadable`). */
export const UNREADABLE_AMOUNT = '0.00';
const UNREADABLE_DECIMAL = '0';

/** How much of a raw value the accountant is shown. */
const SHOWN_LENGTH = 60;

/** The raw value as JSON text, shortened for display; null when absent. */
function shown(raw: RawField): string | null {
  if (raw === null || raw === undefined) return null;
  const text = JSON.stringify(raw);
  return text.length > SHOWN_LENGTH ? `${fitText(text, SHOWN_LENGTH - 1).text}"` : text;
}

/** `yyyy-MM-dd`, optionally with a time and a zone: the forms ServiceTitan's `date-time` fields take. */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Years Visma can hold: it keeps dates in SQL Server `datetime` (1753-01-01 to 9999-12-31, Acumatica heritage); a
 * day of margin on each side keeps the local date inside after the time-zone shift.
 */
const FIRST_YEAR = 1753;
const LAST_YEAR = 9998;

function dateFault(text: string): ReadFault | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return 'not_a_date';
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((x) => Number(x ?? 0));
  const calendar = new Date(Date.UTC(2000, month! - 1, day));
  calendar.setUTCFullYear(year!);
  const real =
    calendar.getUTCMonth() === month! - 1 &&
    calendar.getUTCDate() === day &&
    hour! < 24 &&
    minute! < 60 &&
    second! < 60;
  if (!real || Number.isNaN(new Date(text).getTime())) return 'not_a_date';
  if (year! < FIRST_YEAR || year! > LAST_YEAR) return 'date_out_of_range';
  return undefined;
}

/** Reads the fields of one document, collecting every field it cannot read instead of throwing. */
export class FieldReader {
  readonly unreadable: UnreadableField[] = [];

  /** A money amount as cents text (`"12.50"`); undefined when absent; the placeholder when unreadable. */
  money(field: string, raw: RawField): string | undefined {
    if (raw === null || raw === undefined) return undefined;
    const read = readMoney(raw);
    if (read.ok) return toCents(read.value);
    return this.fail(field, raw, read.fault, UNREADABLE_AMOUNT);
  }

  /** A decimal of any scale (quantity, unit price) as ServiceTitan wrote it, trimmed; undefined when absent. */
  decimal(field: string, raw: RawField): string | undefined {
    if (raw === null || raw === undefined) return undefined;
    const read = readDecimal(raw);
    if (read.ok) return typeof raw === 'number' ? String(raw) : raw.trim();
    return this.fail(field, raw, read.fault, UNREADABLE_DECIMAL);
  }

  /** A timestamp as ServiceTitan wrote it; undefined when absent; `""` when unreadable. */
  date(field: string, raw: string | null | undefined): string | undefined {
    if (raw === null || raw === undefined) return undefined;
    const fault = dateFault(raw.trim());
    return fault ? this.fail(field, raw, fault, '') : raw;
  }

  /** Records a field that must be there but is not; returns the placeholder to store. */
  missing(field: string, placeholder: string): string {
    return this.fail(field, null, 'missing', placeholder);
  }

  private fail(field: string, raw: RawField, why: ReadFault, placeholder: string): string {
    this.unreadable.push({ field, value: shown(raw), why });
    return placeholder;
  }
}
