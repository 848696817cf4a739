import { z } from 'zod';
import { Locale, ProfileId } from '../../../shared/contract/schemas';
import { ProfileConfig, StConnection, VismaConnection, WebhookConfig } from '../../../shared/profile-config';
import type { AppSettings, StoredProfile } from '../types';

/** The settings format this build writes. Bump it together with a new entry in `upgrade.ts`. */
export const CURRENT_SETTINGS_VERSION = 1;

/**
 * A profile as kept in settings: `ProfileConfig` without its secret fields. Unknown keys — including a secret
 * someone typed into the file by hand — are dropped on read and so never written back.
 */
export const StoredProfileSchema = ProfileConfig.extend({
  servicetitan: StConnection.omit({ clientSecret: true, appKey: true }),
  visma: VismaConnection.omit({ clientSecret: true }),
  webhook: WebhookConfig.omit({ hmacKey: true }).optional(),
});

/** The settings file of the current version, validated. A dangling `activeProfileId` becomes null. */
export const AppSettingsSchema = z
  .object({
    version: z.literal(CURRENT_SETTINGS_VERSION),
    locale: Locale.default('en'),
    activeProfileId: ProfileId.nullable().default(null),
    profiles: z.array(StoredProfileSchema).default([]),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.profiles.forEach((p, index) => {
      if (seen.has(p.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['profiles', index, 'id'],
          message: `Profile id "${p.id}" is used twice.`,
        });
      }
      seen.add(p.id);
    });
  })
  .transform((s) => ({
    ...s,
    activeProfileId: s.profiles.some((p) => p.id === s.activeProfileId) ? s.activeProfileId : null,
  }));

/** Settings for a first start, in `locale` (English unless given). */
export function defaultSettings(locale: Locale = 'en'): AppSettings {
  return { version: CURRENT_SETTINGS_VERSION, locale, activeProfileId: null, profiles: [] };
}

// Compile-time checks: the schema's output is exactly the interfaces in `types.ts` (`version` is a literal here).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const profileMatches: Same<z.output<typeof StoredProfileSchema>, StoredProfile> = true;
const settingsMatch: Same<
  Omit<z.output<typeof AppSettingsSchema>, 'version'>,
  Omit<AppSettings, 'version'>
> = true;
void profileMatches;
void settingsMatch;
