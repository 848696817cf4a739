import { z } from 'zod';
import { ProfileId, StEnvironment, VismaEnvironment } from './contract/schemas';
import { SyncSettings } from './sync-settings';

/** ServiceTitan production and integration hosts. */
export const ST_HOSTS = {
  production: {
    authUrl: 'https://auth.servicetitan.io/connect/token',
    apiBaseUrl: 'https://api.servicetitan.io',
  },
  integration: {
    authUrl: 'https://auth-integration.servicetitan.io/connect/token',
    apiBaseUrl: 'https://api-integration.servicetitan.io',
  },
} as const;

/** Visma.net ERP hosts. */
export const VISMA_HOSTS = {
  tokenUrl: 'https://connect.visma.com/connect/token',
  apiBaseUrl: 'https://api.finance.visma.net',
} as const;

/** The ServiceTitan half of a profile. Secrets are optional: absent means "read them from the keychain". */
export const StConnection = z.object({
  environment: StEnvironment,
  authUrl: z.url(),
  apiBaseUrl: z.url(),
  tenantId: z.string().regex(/^\d+$/, 'The ServiceTitan tenant id is a number.'),
  clientId: z.string().min(1),
  appKey: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
});
export type StConnection = z.infer<typeof StConnection>;

/** The Visma half of a profile. */
export const VismaConnection = z.object({
  environment: VismaEnvironment.default('production'),
  tokenUrl: z.url(),
  apiBaseUrl: z.url(),
  tenantId: z.string().min(1),
  companyId: z.string().min(1),
  companyName: z.string().optional(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
  /** Seconds to wait for one Visma answer (default 60). */
  requestTimeoutSeconds: z.number().int().min(1).max(600).optional(),
  /**
   * Seconds an unanswered create is given to land in Visma before it may be sent again (default 600; at least twice
   * the request timeout). Visma has processed requests for up to four minutes after the client gave up.
   */
  landingGraceSeconds: z.number().int().min(1).max(86_400).optional(),
});
export type VismaConnection = z.infer<typeof VismaConnection>;

/** Optional ServiceTitan webhook receiver. */
export const WebhookConfig = z.object({
  enabled: z.boolean().default(false),
  port: z.number().int().min(0).max(65535).default(0),
  signatureHeader: z.string().default('x-servicetitan-signature'),
  signatureEncoding: z.enum(['hex', 'base64']).default('hex'),
  hmacKey: z.string().min(32).max(64).optional(),
  /**
   * Hours after which a signed event is stale: acknowledged (so ServiceTitan stops retrying) but not acted on
   * (default 720 = 30 days, long enough for a replay from the developer portal; at most a year). Event ids are kept
   * for good, so a repeat inside the window never acts twice either.
   */
  maxEventAgeHours: z.number().int().min(1).max(8760).optional(),
});
export type WebhookConfig = z.infer<typeof WebhookConfig>;

/**
 * A complete profile: one ServiceTitan tenant bound to one Visma company.
 * This is the public `--config` file format (`st-visma sim --json` prints one) — keep it backward compatible.
 */
export const ProfileConfig = z.object({
  id: ProfileId.default('default'),
  name: z.string().min(1).default('Default'),
  timeZone: z.string().default('Europe/Oslo'),
  servicetitan: StConnection,
  visma: VismaConnection,
  webhook: WebhookConfig.optional(),
  /** Sync behaviour (eligible statuses, holding account, …); see `sync-settings.ts`. */
  sync: SyncSettings.optional(),
  /** A demo company on the built-in simulators (set by the wizard's "Try with demo data"). */
  demo: z.boolean().optional(),
});
export type ProfileConfig = z.infer<typeof ProfileConfig>;
