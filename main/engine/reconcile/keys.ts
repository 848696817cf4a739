import type { SourceKind } from '../domain';
import { findMarker, formatMarker, parseMarker } from '../lifecycle/markers';
import type { FoundDocument } from '../ports';

/** The engine's marker a Visma document carries, or null (entered by hand, or the marker was edited away). */
export function keyOfFound(doc: FoundDocument): string | null {
  const m =
    doc.kind === 'supplierInvoice'
      ? (findMarker(doc.note) ?? findMarker(doc.description))
      : parseMarker(doc.externalReference);
  return m ? formatMarker(m) : null;
}

/** The ServiceTitan document a marker stands for, or null when it is not the engine's marker. */
export function sourceOfKey(key: string): { kind: SourceKind; stId: string } | null {
  const m = parseMarker(key);
  return m ? { kind: m.kind, stId: m.stId } : null;
}

/** The lookup key of a Visma document by type and number (AR and AP number series may overlap). */
export function numberKey(kind: string, number: string): string {
  return `${kind}:${number}`;
}
