import {
  channels,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
} from '../../../../shared/contract/channels';
import type { BridgeApi } from '../../../../shared/contract/bridge';
import type { BridgeResult } from '../../../../shared/contract/define';
import { channelNames } from '../../../../shared/contract/names';
import type { Locale, ProfileSummary, SecretKind } from '../../../../shared/contract/schemas';

/** The state a test starts the fake with. */
export interface MemorySeed {
  locale?: Locale;
  profiles?: ProfileSummary[];
  activeProfileId?: string | null;
  secrets?: Record<string, SecretKind[]>;
}

/** A test double of main: the whole contract over in-memory state, inputs validated like the real dispatcher. */
export interface MemoryBridge extends BridgeApi {
  /** Every call made, in order (secret values replaced by `***`). */
  readonly calls: { channel: ChannelName; input: unknown }[];
  /** Pushes an event to subscribed listeners. */
  emit(event: string, payload: unknown): void;
}

type Handlers = { [N in ChannelName]: (input: ChannelParsedInput<N>) => ChannelOutput<N> };

/** Two realistic profiles: a production Visma company fed from ServiceTitan integration, and a full sandbox. */
export const sampleProfiles: ProfileSummary[] = [
  {
    id: 'nordic-hvac',
    name: 'Nordic HVAC AS',
    timeZone: 'Europe/Oslo',
    servicetitan: { environment: 'integration', tenantId: '1234567' },
    visma: { environment: 'production', companyId: '5012345', companyName: 'Nordic HVAC AS' },
  },
  {
    id: 'test-company',
    name: 'Test company',
    timeZone: 'Europe/Oslo',
    servicetitan: { environment: 'integration', tenantId: '7654321' },
    visma: { environment: 'sandbox', companyId: '9000001' },
  },
];

/** Builds the fake. */
export function createMemoryBridge(seed: MemorySeed = {}): MemoryBridge {
  let locale: Locale = seed.locale ?? 'en';
  const profiles = seed.profiles ?? [];
  let activeProfileId = seed.activeProfileId ?? profiles[0]?.id ?? null;
  const secrets = new Map(Object.entries(seed.secrets ?? {}).map(([id, kinds]) => [id, new Set(kinds)]));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: { channel: ChannelName; input: unknown }[] = [];

  function requireProfile(id: string): void {
    if (!profiles.some((p) => p.id === id))
      throw Object.assign(new Error(`No profile "${id}".`), { code: 'not_found' });
  }

  const handlers: Handlers = {
    'app.info': () => ({
      name: 'st-visma-connector',
      version: '0.0.0-test',
      host: 'browser',
      demo: false,
      dataDir: '/tmp',
    }),
    'settings.get': () => ({ locale, activeProfileId }),
    'settings.setLocale': (input) => {
      locale = input.locale;
      return { locale };
    },
    'profiles.list': () => ({ profiles, activeProfileId }),
    'profiles.setActive': (input) => {
      requireProfile(input.profileId);
      activeProfileId = input.profileId;
      return { activeProfileId };
    },
    'secrets.status': (input) => {
      requireProfile(input.profileId);
      const set = secrets.get(input.profileId) ?? new Set();
      return {
        secrets: {
          'servicetitan.clientSecret': set.has('servicetitan.clientSecret'),
          'servicetitan.appKey': set.has('servicetitan.appKey'),
          'visma.clientSecret': set.has('visma.clientSecret'),
          'webhook.hmacKey': set.has('webhook.hmacKey'),
        },
      };
    },
    'secrets.set': (input) => {
      requireProfile(input.profileId);
      secrets.set(input.profileId, (secrets.get(input.profileId) ?? new Set()).add(input.kind));
      return { kind: input.kind, set: true };
    },
    'secrets.delete': (input) => {
      const deleted = secrets.get(input.profileId)?.delete(input.kind) ?? false;
      return { kind: input.kind, deleted };
    },
  };

  function run(name: ChannelName, rawInput: unknown): Promise<BridgeResult<unknown>> {
    const redacted = name === 'secrets.set' ? { ...(rawInput as object), value: '***' } : rawInput;
    calls.push({ channel: name, input: redacted });
    const parsed = channels[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: parsed.error.message } });
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return Promise.resolve({ ok: true, value: handler(parsed.data) });
    } catch (err) {
      const code = (err as { code?: string }).code === 'not_found' ? 'not_found' : 'internal';
      return Promise.resolve({ ok: false, error: { code, message: (err as Error).message } });
    }
  }

  const functions = Object.fromEntries(
    channelNames.map((name) => [name, (input: unknown) => run(name, input)]),
  );
  const bridge = {
    ...functions,
    calls,
    on(event: string, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(event: string, payload: unknown) {
      listeners.get(event)?.forEach((listener) => listener(payload));
    },
  };
  return bridge as unknown as MemoryBridge;
}
