/** Both sides of a master-data conflict, read from a review item's `details` (null when they are not there). */
export interface ConflictValues {
  field: string | null;
  st: string;
  visma: string;
}

/** Reads `{st, visma, field?}` from the engine's details without trusting their shape. */
export function conflictValues(details: unknown): ConflictValues | null {
  if (typeof details !== 'object' || details === null) return null;
  const d = details as Record<string, unknown>;
  if (typeof d.st !== 'string' || typeof d.visma !== 'string') return null;
  return { field: typeof d.field === 'string' ? d.field : null, st: d.st, visma: d.visma };
}

/** The master-data reference of a review item key (`md:<ref>` → `<ref>`). */
export function masterDataRef(key: string): string {
  return key.startsWith('md:') ? key.slice(3) : key;
}
