import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Reads a JSON file the user names on the command line and validates it, with one plain sentence on every problem:
 * `what` names the file's kind ("config file"), `invalid` says what it is not ("a valid profile").
 */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>, what: string, invalid: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(
      `The ${what} "${file}" could not be read as JSON: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `The ${what} "${file}" is not ${invalid}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`,
    );
  return parsed.data;
}
