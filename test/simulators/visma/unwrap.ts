import Decimal from 'decimal.js';

/** Reads `{ value: string }` from a Visma update DTO field. */
export function str(field: unknown): string | undefined {
  const v = (field as { value?: unknown } | undefined)?.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** Reads `{ value: number }` as a decimal string. */
export function dec(field: unknown): string | undefined {
  const v = (field as { value?: unknown } | undefined)?.value;
  return typeof v === 'number' ? new Decimal(v).toString() : undefined;
}

/** Reads `{ value: boolean }`. */
export function bool(field: unknown): boolean | undefined {
  const v = (field as { value?: unknown } | undefined)?.value;
  return typeof v === 'boolean' ? v : undefined;
}

/** Reads `{ value: integer }`. */
export function int(field: unknown): number | undefined {
  const v = (field as { value?: unknown } | undefined)?.value;
  return typeof v === 'number' ? v : undefined;
}

/** The `yyyy-MM-dd` part of a Visma date value (`2025-01-27T00:00:00`). */
export function localDate(field: unknown): string | undefined {
  const v = str(field);
  return v === undefined ? undefined : v.slice(0, 10);
}

/** A plain object view of a JSON body. */
export function record(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
