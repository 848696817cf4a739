import type { SourceKind } from '../domain';
import type { FoundDocument } from '../ports';

/** The engine's key pattern: `ST-INV-<id>` on customer documents, `ST-BILL-<id>` on supplier invoices. */
const KEY = /^ST-(INV|BILL)-(\d+)$/;
/** The engine writes a supplier invoice's key at the end of its description: `… (ST-BILL-<id>)`. */
const KEY_IN_TEXT = /\((ST-BILL-\d+)\)\s*$/;

/** The engine's key a Visma document carries, or null (entered by hand, or the key was edited away). */
export function keyOfFound(doc: FoundDocument): string | null {
  if (doc.kind === 'supplierInvoice') return KEY_IN_TEXT.exec(doc.description ?? '')?.[1] ?? null;
  const ref = doc.externalReference?.trim() ?? '';
  return KEY.test(ref) ? ref : null;
}

/** The ServiceTitan document a key stands for, or null when it is not the engine's key. */
export function sourceOfKey(key: string): { kind: SourceKind; stId: string } | null {
  const m = KEY.exec(key);
  if (!m) return null;
  return { kind: m[1] === 'INV' ? 'invoice' : 'ap-bill', stId: m[2]! };
}

/** The lookup key of a Visma document by type and number (AR and AP number series may overlap). */
export function numberKey(kind: string, number: string): string {
  return `${kind}:${number}`;
}
