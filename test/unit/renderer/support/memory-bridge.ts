import {
  channels,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
} from '../../../../shared/contract/channels';
import { Cron } from 'croner';
import type { BridgeApi } from '../../../../shared/contract/bridge';
import type { BridgeErrorCode, BridgeResult } from '../../../../shared/contract/define';
import { channelNames } from '../../../../shared/contract/names';
import type { Locale, ProfileSummary, SecretKind } from '../../../../shared/contract/schemas';
import type {
  AuditEntryView,
  ConnectionReport,
  DashboardView,
  MappingRuleView,
  ProfileInput,
  ProfileSettingsView,
  ReconciliationView,
  ReplayPreviewView,
  ReviewDetailView,
  ReviewItemView,
  SyncSummaryView,
  VismaAccountView,
} from '../../../../shared/contract/engine-schemas';
import { mappingHandlers, type MappingSeed } from './memory-mappings';
import { reviewWindow } from './review-window';
import { setupHandlers, type SetupSeed } from './memory-setup';
import { emptyDashboard } from './engine-samples';
import { reconciliationOf, sampleExport, sampleReport } from './reconciliation-samples';

/** What the fake engine holds; every part is optional and starts empty. */
export interface EngineSeed {
  dashboard?: DashboardView;
  review?: ReviewItemView[];
  previews?: Record<number, ReplayPreviewView>;
  /** What `review.detail` answers per document id. */
  details?: Record<number, ReviewDetailView>;
  /** What `review.accounts` lists. */
  accounts?: VismaAccountView[];
  audit?: AuditEntryView[];
  mappings?: MappingRuleView[];
  connection?: Partial<Record<'servicetitan' | 'visma', ConnectionReport>>;
  /** `sync.run` answers with this summary once `syncGate` resolves (at once without a gate). */
  summary?: SyncSummaryView;
  syncGate?: Promise<void>;
  /** What `sync.cancel` does (answers `cancelling: false` without it). */
  cancelSync?: () => boolean;
  /** `reconcile.period` answers per period (`YYYY-MM`); a period not listed has no documents on either side. */
  reconciliation?: Record<string, ReconciliationView>;
  /** `reconcile.*` wait for this (at once without a gate). */
  reconcileGate?: Promise<void>;
  /** The mapping tabs' links, picker records and import answer. */
  mappingTabs?: MappingSeed;
  /** Channels that fail, with the message main would send (code `internal` unless given). */
  failures?: Partial<Record<ChannelName, string | { code: BridgeErrorCode; message: string }>>;
}

/** The state a test starts the fake with. */
export interface MemorySeed {
  locale?: Locale;
  profiles?: ProfileSummary[];
  /** What `profiles.get` answers per profile; defaults to `sampleProfileDetails`. */
  profileDetails?: ProfileInput[];
  activeProfileId?: string | null;
  secrets?: Record<string, SecretKind[]>;
  /** Stored sync settings per profile; a profile not listed has `defaultProfileSettings`. */
  profileSettings?: Record<string, ProfileSettingsView>;
  engine?: EngineSeed;
  /** Which host the fake is (default `browser`): the app opens the data folder and can create Windows tasks. */
  host?: 'electron' | 'browser';
  /** The data folder `app.info` names (default `/tmp`). */
  dataDir?: string;
  /** What the wizard's channels answer. */
  setup?: SetupSeed;
}

/** A test double of main: the whole contract over in-memory state, inputs validated like the real dispatcher. */
export interface MemoryBridge extends BridgeApi {
  /** Every call made, in order (secret values replaced by `***`). */
  readonly calls: { channel: ChannelName; input: unknown }[];
  /** Pushes an event to subscribed listeners. */
  emit(event: string, payload: unknown): void;
}

type Handlers = {
  [N in ChannelName]: (input: ChannelParsedInput<N>) => ChannelOutput<N> | Promise<ChannelOutput<N>>;
};

/** Two realistic profiles: a production Visma company fed from ServiceTitan integration, and a full sandbox. */
export const sampleProfiles: ProfileSummary[] = [
  {
    id: 'nordic-hvac',
    name: 'Nordic HVAC AS',
    timeZone: 'Europe/Oslo',
    servicetitan: { environment: 'integration', tenantId: '1234567' },
    visma: { environment: 'production', companyId: '5012345', companyName: 'Nordic HVAC AS' },
    crossEnvironment: 'confirmed',
  },
  {
    id: 'test-company',
    name: 'Test company',
    timeZone: 'Europe/Oslo',
    servicetitan: { environment: 'integration', tenantId: '7654321' },
    visma: { environment: 'sandbox', companyId: '9000001' },
    crossEnvironment: 'none',
  },
];

/** The stored, non-secret settings behind `sampleProfiles`: the first with custom (simulator) addresses. */
export const sampleProfileDetails: ProfileInput[] = [
  {
    id: 'nordic-hvac',
    name: 'Nordic HVAC AS',
    timeZone: 'Europe/Oslo',
    servicetitan: {
      environment: 'integration',
      tenantId: '1234567',
      clientId: 'cid.nordic-hvac',
      authUrl: 'https://auth-integration.servicetitan.io/connect/token',
      apiBaseUrl: 'http://127.0.0.1:4010',
    },
    visma: {
      environment: 'production',
      tenantId: 'f2b0c7c4-nordic',
      companyId: '5012345',
      companyName: 'Nordic HVAC AS',
      clientId: 'nordic-hvac-visma',
      tokenUrl: 'https://connect.visma.com/connect/token',
      apiBaseUrl: 'https://api.finance.visma.net',
    },
  },
  {
    id: 'test-company',
    name: 'Test company',
    timeZone: 'Europe/Oslo',
    servicetitan: {
      environment: 'integration',
      tenantId: '7654321',
      clientId: 'cid.test',
      authUrl: 'https://auth-integration.servicetitan.io/connect/token',
      apiBaseUrl: 'https://api-integration.servicetitan.io',
    },
    visma: {
      environment: 'sandbox',
      tenantId: 'test-tenant',
      companyId: '9000001',
      clientId: 'test-visma',
      tokenUrl: 'https://connect.visma.com/connect/token',
      apiBaseUrl: 'https://api.finance.visma.net',
    },
  },
];

/** The sync settings every profile starts with: main's defaults (no holding account, manual syncs, webhooks off). */
export const defaultProfileSettings: ProfileSettingsView = {
  holdingAccount: null,
  releaseHoldingDocuments: false,
  postIntoFirstOpenPeriod: false,
  markExported: true,
  createCustomers: true,
  createSuppliers: true,
  eligibleInvoiceStatuses: ['Posted'],
  schedule: null,
  suppliersToServiceTitan: 'ask',
  webhook: {
    enabled: false,
    port: 0,
    signatureHeader: 'x-servicetitan-signature',
    signatureEncoding: 'hex',
    hmacKeySet: false,
    listeningOn: null,
  },
};

/** The port the fake receiver "binds" when the settings ask for any free one (port 0). */
export const FREE_WEBHOOK_PORT = 49731;

/** Refuses a schedule croner cannot read, with main's words. */
function checkSchedule(expression: string | null | undefined): void {
  if (!expression) return;
  try {
    new Cron(expression, { paused: true }).stop();
  } catch {
    throw Object.assign(
      new Error(
        `"${expression}" is not a schedule: use five cron fields, e.g. "*/15 * * * *" for every 15 minutes.`,
      ),
      { code: 'invalid_input' },
    );
  }
}

/** Builds the fake. */
export function createMemoryBridge(seed: MemorySeed = {}): MemoryBridge {
  let locale: Locale = seed.locale ?? 'en';
  const host = seed.host ?? 'browser';
  const dataDir = seed.dataDir ?? '/tmp';
  const profiles = [...(seed.profiles ?? [])];
  const engine = seed.engine ?? {};
  let review = [...(engine.review ?? [])];
  let mappings = [...(engine.mappings ?? [])];
  const audit = engine.audit ?? [];
  const syncSettings = new Map(Object.entries(seed.profileSettings ?? {}));
  const details = new Map((seed.profileDetails ?? sampleProfileDetails).map((p) => [p.id, p]));
  let activeProfileId = seed.activeProfileId ?? profiles[0]?.id ?? null;
  const secrets = new Map(Object.entries(seed.secrets ?? {}).map(([id, kinds]) => [id, new Set(kinds)]));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: { channel: ChannelName; input: unknown }[] = [];

  /** The stored settings, with what only main knows: whether the key is set, and where the receiver listens. */
  function settingsView(profileId: string): ProfileSettingsView {
    const stored = syncSettings.get(profileId) ?? defaultProfileSettings;
    const hmacKeySet = secrets.get(profileId)?.has('webhook.hmacKey') === true;
    const port = stored.webhook.port || FREE_WEBHOOK_PORT;
    const listening = stored.webhook.enabled && hmacKeySet;
    return {
      ...stored,
      webhook: { ...stored.webhook, hmacKeySet, listeningOn: listening ? `http://127.0.0.1:${port}/` : null },
    };
  }

  function requireProfile(id: string): void {
    if (!profiles.some((p) => p.id === id))
      throw Object.assign(new Error(`No profile "${id}".`), { code: 'not_found' });
  }

  const handlers: Handlers = {
    ...setupHandlers(seed.setup ?? {}, {
      profiles,
      secrets,
      activate: (profileId) => (activeProfileId ??= profileId),
      emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
    }),
    'app.info': () => ({
      name: 'st-visma-connector',
      version: '0.0.0-test',
      host,
      demo: false,
      dataDir,
    }),
    'app.openDataFolder': () => ({ path: dataDir, opened: host === 'electron' }),
    'diagnostics.export': () => ({
      folder: `${dataDir}/diagnostics/diagnostics-2026-06-19T08-00-00-000Z`,
      files: ['versions.json', 'settings.json', 'secrets.json', 'ledger.json', 'data-folder.json'],
      secretsKnown: [...secrets.values()].reduce((n, kinds) => n + kinds.size, 0),
    }),
    'profiles.remove': (input) => {
      requireProfile(input.profileId);
      const profile = profiles.find((p) => p.id === input.profileId)!;
      const demo = profile.demo === true;
      const typed = input.confirmation?.trim().toLowerCase() ?? '';
      if (!demo && typed !== profile.id && typed !== profile.name.toLowerCase())
        throw Object.assign(new Error(`To remove "${profile.name}", type its id "${profile.id}".`), {
          code: 'invalid_input',
        });
      const secretsDeleted = [...(secrets.get(profile.id) ?? [])];
      secrets.delete(profile.id);
      profiles.splice(profiles.indexOf(profile), 1);
      if (activeProfileId === profile.id)
        activeProfileId = (profiles.find((p) => p.demo !== true) ?? profiles[0])?.id ?? null;
      const name = 'ledger-2026-06-19T08-00-00-000Z-profile-removed.sqlite';
      return {
        profileId: profile.id,
        demo,
        secretsDeleted,
        backup: { name, createdAt: '2026-06-19T08:00:00.000Z', sizeBytes: 4096, reason: 'profile-removed' },
        backupFile: `${dataDir}/backups/${name}`,
        activeProfileId,
      };
    },
    'profiles.windowsTask': (input) => {
      requireProfile(input.profileId);
      const schedule = settingsView(input.profileId).schedule;
      const taskName = `ST-Visma sync ${input.profileId}`;
      // What main builds for every 15 minutes (main/api/windows-task.ts is tested on its own).
      const command =
        schedule === '*/15 * * * *'
          ? `schtasks /Create /TN "${taskName}" /TR "\\"C:\\Program Files\\ST Visma\\st-visma-connector.exe\\" sync --data-dir \\"${dataDir}\\" --profile ${input.profileId}" /SC MINUTE /MO 15 /ST 00:00 /F`
          : null;
      const problem = schedule === null ? 'no_schedule' : command ? null : 'not_expressible';
      return {
        profileId: input.profileId,
        taskName,
        schedule,
        command,
        problem,
        canRun: host === 'electron',
      };
    },
    'profiles.createWindowsTask': (input) => {
      requireProfile(input.profileId);
      if (host !== 'electron')
        throw Object.assign(new Error('Only the installed Windows app can create the task itself.'), {
          code: 'conflict',
        });
      return {
        taskName: `ST-Visma sync ${input.profileId}`,
        output: 'SUCCESS: The scheduled task was created.',
      };
    },
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
    'profiles.get': (input) => {
      requireProfile(input.profileId);
      const profile = details.get(input.profileId);
      if (!profile)
        throw Object.assign(new Error(`No stored settings for "${input.profileId}".`), { code: 'not_found' });
      return { profile };
    },
    'profiles.getSettings': (input) => {
      requireProfile(input.profileId);
      return settingsView(input.profileId);
    },
    'profiles.setSettings': (input) => {
      requireProfile(input.profileId);
      checkSchedule(input.settings.schedule);
      const current = syncSettings.get(input.profileId) ?? defaultProfileSettings;
      const { webhook, ...rest } = input.settings;
      syncSettings.set(input.profileId, { ...current, ...rest, webhook: { ...current.webhook, ...webhook } });
      return settingsView(input.profileId);
    },
    'profiles.confirmEnvironments': (input) => {
      requireProfile(input.profileId);
      const at = profiles.findIndex((p) => p.id === input.profileId);
      if (profiles[at]!.crossEnvironment === 'none')
        throw Object.assign(
          new Error('This profile does not connect a test tenant to a production company.'),
          {
            code: 'conflict',
          },
        );
      const profile: ProfileSummary = { ...profiles[at]!, crossEnvironment: 'confirmed' };
      profiles[at] = profile;
      return { profile };
    },
    'profiles.save': (input) => {
      const { profile } = input;
      details.set(profile.id, profile);
      const crossing =
        profile.servicetitan.environment === 'integration' && profile.visma.environment === 'production';
      const confirmed = profiles.find((p) => p.id === profile.id)?.crossEnvironment === 'confirmed';
      const summary: ProfileSummary = {
        id: profile.id,
        name: profile.name,
        timeZone: profile.timeZone,
        servicetitan: {
          environment: profile.servicetitan.environment,
          tenantId: profile.servicetitan.tenantId,
        },
        visma: {
          environment: profile.visma.environment,
          companyId: profile.visma.companyId,
          ...(profile.visma.companyName ? { companyName: profile.visma.companyName } : {}),
        },
        crossEnvironment: !crossing ? 'none' : confirmed ? 'confirmed' : 'unconfirmed',
      };
      const at = profiles.findIndex((p) => p.id === profile.id);
      if (at >= 0) profiles[at] = summary;
      else profiles.push(summary);
      activeProfileId ??= profile.id;
      for (const kind of Object.keys(input.secrets ?? {}) as SecretKind[])
        secrets.set(profile.id, (secrets.get(profile.id) ?? new Set()).add(kind));
      return { profile: summary };
    },
    'connection.test': (input) => {
      requireProfile(input.profileId);
      return engine.connection?.[input.system] ?? { ok: true, checks: [] };
    },
    'sync.run': async (input) => {
      requireProfile(input.profileId);
      await engine.syncGate;
      if (!engine.summary) throw new Error('No summary seeded.');
      return { summary: engine.summary };
    },
    'sync.cancel': (input) => {
      requireProfile(input.profileId);
      return { cancelling: engine.cancelSync?.() ?? false };
    },
    'dashboard.get': () => engine.dashboard ?? emptyDashboard,
    'review.list': ({ profileId: _profileId, ...query }) => reviewWindow(review, query),
    'review.detail': (input) => {
      const detail = engine.details?.[input.id];
      if (!detail) throw Object.assign(new Error(`No document ${input.id}.`), { code: 'not_found' });
      return detail;
    },
    'review.accounts': () => ({ accounts: engine.accounts ?? [] }),
    'review.fix': (input) => {
      const item = review.find((r) => r.id === input.id);
      if (!item?.actions.includes('approve'))
        throw Object.assign(new Error(`Document ${input.id} is not held.`), { code: 'conflict' });
      review = review.filter((r) => r.id !== input.id);
      return {
        id: input.id,
        sourceNumber: item.sourceNumber,
        state: 'released',
        outcome: 'correct-in-place' as const,
        text: 'The held Visma document was corrected and released.',
      };
    },
    'review.preview': (input) => {
      const preview = engine.previews?.[input.id];
      if (!preview) throw Object.assign(new Error(`No document ${input.id}.`), { code: 'not_found' });
      return preview;
    },
    'review.replay': (input) => ({
      results: input.ids.map((id) => ({
        id,
        sourceNumber: review.find((r) => r.id === id)?.sourceNumber ?? String(id),
        state: 'ready',
        outcome: 'ready' as const,
        text: 'Ready to post on the next run.',
      })),
    }),
    'review.approve': (input) => {
      review = review.filter((r) => r.id !== input.id);
      return { id: input.id };
    },
    'review.ignore': (input) => {
      review = review.filter((r) => r.id !== input.id);
      return { id: input.id };
    },
    'review.resolveMasterData': (input) => {
      review = review.filter((r) => r.key !== `md:${input.ref}`);
      return { ref: input.ref };
    },
    'audit.list': (input) => {
      const entries = audit
        .filter((e) => input.beforeId === undefined || e.id < input.beforeId)
        .filter((e) => !input.outcome || e.outcome === input.outcome)
        .filter((e) => !input.search || JSON.stringify(e).includes(input.search))
        .slice(0, input.limit);
      return { entries };
    },
    'reconcile.period': async (input) => {
      requireProfile(input.profileId);
      await engine.reconcileGate;
      return (
        engine.reconciliation?.[input.period] ?? {
          ...reconciliationOf(input.period),
          profileId: input.profileId,
        }
      );
    },
    'reconcile.export': async (input) => {
      requireProfile(input.profileId);
      await engine.reconcileGate;
      return sampleExport(input.period);
    },
    'reconcile.report': async (input) => {
      requireProfile(input.profileId);
      await engine.reconcileGate;
      return sampleReport(input.period);
    },
    // The ledger: in good order, no backups (the real handlers are tested over a real ledger).
    'ledger.status': () => ({
      file: '/tmp/ledger.sqlite',
      state: 'open',
      problem: null,
      backupsDir: '/tmp/backups',
      backups: [],
      canRestore: true,
    }),
    'ledger.backup': () => {
      throw Object.assign(new Error('No backups in the test double.'), { code: 'conflict' });
    },
    'ledger.restore': (input) => {
      throw Object.assign(new Error(`There is no backup "${input.name}".`), { code: 'not_found' });
    },
    ...mappingHandlers(engine.mappingTabs ?? {}, () => mappings),
    'mappings.list': () => ({ rules: mappings }),
    'mappings.set': (input) => {
      mappings = mappings.filter((r) => !(r.table === input.table && r.sourceKey === input.sourceKey));
      if (input.target)
        mappings.push({ table: input.table, sourceKey: input.sourceKey, target: input.target });
      return { rules: mappings };
    },
  };

  function redact(name: ChannelName, rawInput: unknown): unknown {
    if (name === 'secrets.set') return { ...(rawInput as object), value: '***' };
    if (name === 'setup.storeSecrets' || name === 'connection.testUnsaved') return { redacted: true };
    const withSecrets = rawInput as { secrets?: Record<string, string> } | undefined;
    if (name === 'profiles.save' && withSecrets?.secrets) {
      const hidden = Object.fromEntries(Object.keys(withSecrets.secrets).map((k) => [k, '***']));
      return { ...withSecrets, secrets: hidden };
    }
    return rawInput;
  }

  async function run(name: ChannelName, rawInput: unknown): Promise<BridgeResult<unknown>> {
    calls.push({ channel: name, input: redact(name, rawInput) });
    const parsed = channels[name].input.safeParse(rawInput ?? {});
    if (!parsed.success)
      return { ok: false, error: { code: 'invalid_input', message: parsed.error.message } };
    const failure = engine.failures?.[name];
    if (typeof failure === 'string') return { ok: false, error: { code: 'internal', message: failure } };
    if (failure) return { ok: false, error: failure };
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      const thrown = (err as { code?: string }).code;
      const code: BridgeErrorCode =
        thrown === 'not_found' || thrown === 'invalid_input' || thrown === 'conflict' ? thrown : 'internal';
      return { ok: false, error: { code, message: (err as Error).message } };
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
