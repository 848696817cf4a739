/**
 * The marker every Visma document we create carries, naming its ServiceTitan source unambiguously: the tenant (two
 * ServiceTitan tenants may post into one Visma company, and their ids overlap) and the document. Customer documents
 * carry it as `externalReference` (the list can filter by it); supplier invoices in `note` and at the end of the
 * description, since the supplier-invoice list has no filter on any text field and a user may edit the description.
 */
import type { SourceKind } from '../domain';

/** A parsed marker. */
export interface Marker {
  kind: SourceKind;
  tenantId: string;
  stId: string;
}

const PATTERN = /\bST-([0-9A-Za-z]+)-(INV|BILL)-(\d+)\b/;
const EXACT = new RegExp(`^${PATTERN.source}$`);

/** The marker of a ServiceTitan document: `ST-<tenant>-INV-<id>` or `ST-<tenant>-BILL-<id>`. */
export function markerOf(kind: SourceKind, tenantId: string, stId: string): string {
  return `ST-${tenantId}-${kind === 'invoice' ? 'INV' : 'BILL'}-${stId}`;
}

function parse(m: RegExpExecArray | null): Marker | null {
  if (!m) return null;
  return { tenantId: m[1]!, kind: m[2] === 'INV' ? 'invoice' : 'ap-bill', stId: m[3]! };
}

/** The marker a field holds exactly (an external reference), or null. */
export function parseMarker(value: string | undefined | null): Marker | null {
  return parse(EXACT.exec(value?.trim() ?? ''));
}

/** The first marker inside a text (a note or a description), or null. */
export function findMarker(text: string | undefined | null): Marker | null {
  return parse(PATTERN.exec(text ?? ''));
}

/** The marker string of a parsed marker. */
export function formatMarker(m: Marker): string {
  return markerOf(m.kind, m.tenantId, m.stId);
}
