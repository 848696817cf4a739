import type { SecretKind } from '../../shared/contract/schemas';
import type { ProfileConfig } from '../../shared/profile-config';
import { redactor } from '../log/redactor';
import { createServiceTitanClient, type StClientOptions } from '../servicetitan';
import { profileSecret } from '../storage/profiles';
import type { SecretStore } from '../storage/types';
import { createVismaClient, type VismaClientOptions } from '../visma';
import { serviceTitanPort } from './adapters/servicetitan';
import { vismaPort } from './adapters/visma';
import type { EnginePorts } from './ports';
import { SyncSettings } from '../../shared/sync-settings';
import { assertEnvironmentsAllowed } from './environment-guard';

export type { EnginePorts } from './ports';

/** Tuning passed to the clients (tests use short backoffs). */
export interface ConnectOptions {
  st?: StClientOptions;
  visma?: VismaClientOptions;
}

const NEEDED: SecretKind[] = ['servicetitan.clientSecret', 'servicetitan.appKey', 'visma.clientSecret'];

/**
 * A profile's secrets: from the config itself when it carries them (simulators, scripted use; the keychain is not
 * touched), otherwise from the keychain entries of the profile. Missing ones fail with a plain message.
 */
export async function resolveSecrets(
  config: ProfileConfig,
  secrets?: SecretStore,
): Promise<Record<SecretKind, string | undefined>> {
  const out = {} as Record<SecretKind, string | undefined>;
  const inConfig = NEEDED.every((kind) => profileSecret(config, kind) !== undefined);
  for (const kind of [...NEEDED, 'webhook.hmacKey'] as SecretKind[]) {
    out[kind] =
      profileSecret(config, kind) ??
      (inConfig || !secrets ? undefined : ((await secrets.get(config.id, kind)) ?? undefined));
    redactor.add(out[kind]);
  }
  const missing = NEEDED.filter((k) => !out[k]);
  if (missing.length > 0) {
    throw new Error(
      `Profile "${config.id}" has no ${missing.join(', ')}: put it in the --config file or store it in the keychain (Settings → Credentials).`,
    );
  }
  return out;
}

/** Builds the ServiceTitan and Visma clients of a profile and wraps them in the engine's ports (refusing an unconfirmed sandbox → production pair). */
export async function connectProfile(
  config: ProfileConfig,
  secrets?: SecretStore,
  options: ConnectOptions = {},
): Promise<EnginePorts> {
  assertEnvironmentsAllowed(config);
  const s = await resolveSecrets(config, secrets);
  const st = createServiceTitanClient(
    {
      ...config.servicetitan,
      clientSecret: s['servicetitan.clientSecret']!,
      appKey: s['servicetitan.appKey']!,
    },
    options.st,
  );
  const timeoutMs = (config.visma.requestTimeoutSeconds ?? 60) * 1000;
  const graceMs =
    config.visma.landingGraceSeconds === undefined ? undefined : config.visma.landingGraceSeconds * 1000;
  if (graceMs !== undefined && graceMs < 2 * timeoutMs)
    throw new Error(
      `Profile "${config.id}": visma.landingGraceSeconds (${graceMs / 1000}) must be at least twice visma.requestTimeoutSeconds (${timeoutMs / 1000}), or an unanswered create could be sent again while it is still landing.`,
    );
  const visma = createVismaClient(
    { ...config.visma, clientSecret: s['visma.clientSecret']! },
    { timeoutMs, ...options.visma },
  );
  const guid = SyncSettings.parse(config.sync ?? {}).masterData.applicationGuid;
  return {
    st: serviceTitanPort(st, guid),
    visma: vismaPort(visma, {
      timeZone: config.timeZone,
      ...(graceMs !== undefined && { landingGraceMs: graceMs }),
    }),
  };
}
