import { z } from 'zod';

/** Which ServiceTitan environment a profile talks to. */
export const StEnvironment = z.enum(['integration', 'production']);
/** Whether a Visma company holds real books or is a test/demo company. */
export const VismaEnvironment = z.enum(['sandbox', 'production']);
/** The kinds of secret kept per profile in the OS keychain. */
export const SecretKind = z.enum([
  'servicetitan.clientSecret',
  'servicetitan.appKey',
  'visma.clientSecret',
  'webhook.hmacKey',
]);
export type SecretKind = z.infer<typeof SecretKind>;

/** A profile id: short, URL- and keychain-safe. */
export const ProfileId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,39}$/,
    'Use 1–40 lower-case letters, digits or dashes, starting with a letter or digit.',
  );

/** Non-secret part of a profile as the UI sees it. */
export const ProfileSummary = z.object({
  id: ProfileId,
  name: z.string().min(1),
  timeZone: z.string(),
  servicetitan: z.object({ environment: StEnvironment, tenantId: z.string() }),
  visma: z.object({
    environment: VismaEnvironment,
    companyId: z.string(),
    companyName: z.string().optional(),
  }),
  /**
   * `unconfirmed` when a ServiceTitan integration tenant is bound to a production Visma company and nobody has
   * confirmed that yet (nothing syncs); `confirmed` once someone has; `none` for every other pair.
   */
  crossEnvironment: z.enum(['none', 'unconfirmed', 'confirmed']).default('none'),
  /** A demo profile on the built-in simulators: it holds no real data and is removed in one click. */
  demo: z.boolean().optional(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

/** Which secrets are set for a profile; never the values. */
export const SecretStatus = z.record(SecretKind, z.boolean());

/** UI language: English, Norwegian bokmål, Swedish, Danish, Finnish. */
export const Locale = z.enum(['en', 'nb', 'sv', 'da', 'fi']);
export type Locale = z.infer<typeof Locale>;

/** A log line pushed to the UI (already redacted). */
export const LogLine = z.object({
  time: z.string(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string(),
  profileId: z.string().optional(),
});
export type LogLine = z.infer<typeof LogLine>;

/** Progress of a running sync, pushed as events. */
export const SyncProgress = z.object({
  profileId: z.string(),
  runId: z.string(),
  phase: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  message: z.string().optional(),
  /** Something the person should know about the run's pace, as a code the UI words in its language. */
  notice: z
    .object({
      /** Visma's call limit for the hour is used up: calls resume at `resumeAt` (ISO instant). */
      code: z.literal('visma_rate_limit_wait'),
      resumeAt: z.string(),
    })
    .optional(),
  /** On the `done` event: what the run left for a person, so a window can tell them without asking. */
  outcome: z
    .object({
      posted: z.number().int().nonnegative(),
      reviewQueue: z.number().int().nonnegative(),
      reviewAdded: z.number().int().nonnegative(),
    })
    .optional(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;
