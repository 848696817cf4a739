/**
 * The simulator switches `st-visma sim --behaviour FILE` and `demo --behaviour FILE` take: a JSON object with a
 * `servicetitan` and a `visma` part, each optional. Realistic behaviour is the default; the file changes it (see the
 * simulator READMEs for what each switch does). Validated here, so a typo is a plain message, not a silent default.
 */
import { z } from 'zod';
import { readJsonFile } from './json-file';

const Release = z
  .object({
    mode: z.enum(['instant', 'queued', 'never', 'fail-later', 'fail-now']),
    share: z.number().min(0).max(1),
    delayMs: z.number().int().nonnegative(),
    errorInfo: z.string().min(1),
  })
  .partial()
  .strict();

/** ServiceTitan simulator switches. */
const StBehaviour = z
  .object({
    exportEnd: z.enum(['exact', 'until-empty']),
    exportPageSize: z.number().int().positive(),
    rateLimitPerSecond: z.number().int().positive(),
    tokenRateLimit: z.union([
      z.object({ burst: z.number().int().positive(), perSecond: z.number().positive() }).strict(),
      z.literal(false),
    ]),
    retryAfterHeader: z.boolean(),
    tokenLifetimeSeconds: z.number().int().positive(),
  })
  .partial()
  .strict();

/** Visma simulator switches. */
const VismaBehaviour = z
  .object({
    timeZone: z.string().min(1),
    calendar: z
      .object({
        startMonth: z.number().int().min(1).max(12),
        adjustmentPeriod: z.boolean(),
        belongsToNextYear: z.boolean(),
      })
      .partial()
      .strict(),
    release: Release,
    defaultPageSize: z.number().int().positive(),
    maxPageSize: z.number().int().positive(),
    tokenLifetimeSeconds: z.number().int().positive(),
  })
  .partial()
  .strict();

/** A behaviour file. */
export const SimBehaviour = z
  .object({ servicetitan: StBehaviour.optional(), visma: VismaBehaviour.optional() })
  .strict();
/** Simulator switches of both sides. */
export type SimBehaviour = z.infer<typeof SimBehaviour>;

/** Reads and validates a behaviour file, with a plain message naming the file and the field on any problem. */
export function readSimBehaviour(file: string): SimBehaviour {
  return readJsonFile(file, SimBehaviour, 'simulator behaviour file', 'valid');
}
