/**
 * A fast check of SQLite rows against a flat zod object schema (strings, numbers, enums, each possibly nullable). The
 * close reads tens of thousands of rows whose shape the SQL already fixes; a full zod parse per row cost more than the
 * query. Each row is still checked column by column; a row that fails goes through the zod schema itself, so the error
 * is zod's plain message.
 */
import type { z } from 'zod';

type ColumnCheck = (value: unknown) => boolean;

/** The check of one column, from its zod type; anything but the flat types above is refused when the check is built. */
function columnCheck(name: string, type: z.ZodType): ColumnCheck {
  const def = type.def as { type: string; innerType?: z.ZodType; entries?: Record<string, string | number> };
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (v) => (typeof v === 'string' || typeof v === 'number') && allowed.has(v);
    }
    case 'nullable': {
      const inner = columnCheck(name, def.innerType!);
      return (v) => v === null || inner(v);
    }
    default:
      throw new Error(`Column ${name}: a fast row check cannot check a zod ${def.type}`);
  }
}

/** A checker for rows of `schema`: returns the rows typed, or throws zod's error for the first row that does not fit. */
export function rowChecker<S extends z.ZodObject>(schema: S): (rows: unknown[]) => z.infer<S>[] {
  const checks = Object.entries(schema.shape as Record<string, z.ZodType>).map(
    ([name, type]) => [name, columnCheck(name, type)] as const,
  );
  const fits = (row: unknown): boolean => {
    if (typeof row !== 'object' || row === null) return false;
    const record = row as Record<string, unknown>;
    for (const [name, check] of checks) if (!check(record[name])) return false;
    return true;
  };
  return (rows) => {
    for (const row of rows) if (!fits(row)) schema.parse(row);
    return rows as z.infer<S>[];
  };
}
