import { z } from 'zod';
import { channel } from './define';
import {
  Locale,
  LogLine,
  ProfileId,
  ProfileSummary,
  SecretKind,
  SecretStatus,
  SyncProgress,
} from './schemas';
import {
  AuditEntryView,
  AuditQuery,
  ConnectionReport,
  DashboardView,
  ProfileInput,
  ProfileSettingsInput,
  ProfileSettingsView,
  ReconPeriodInput,
  ReconciliationExportView,
  ReconciliationReportView,
  ReconciliationView,
  LinePickInput,
  ReplayPreviewView,
  ReviewDetailView,
  ReviewListQuery,
  ReviewListView,
  VismaAccountView,
  SecretsInput,
  SyncSummaryView,
} from './engine-schemas';
import { mappingChannels } from './mapping-channels';
import { BackupName, LedgerBackupView, LedgerRestoreView, LedgerStatusView } from './ledger-schemas';
import {
  DataFolderView,
  DiagnosticsView,
  ProfileRemovalView,
  WindowsTaskCreatedView,
  WindowsTaskView,
} from './settings-schemas';
import {
  SetupDraft,
  SetupMasterDataView,
  SetupPreviewView,
  SetupProgress,
  SetupStatusView,
  UnsavedConnection,
} from './setup-schemas';

const NoInput = z.object({}).strict();
const ForProfile = z.object({ profileId: ProfileId }).strict();

/**
 * Every request the renderer can make, declared once. Names are `area.verb`.
 * Add a channel here, then its handler in main/api/ — the compiler lists what is missing.
 */
export const channels = {
  'app.info': channel(
    NoInput,
    z.object({
      name: z.string(),
      version: z.string(),
      host: z.enum(['electron', 'browser']),
      demo: z.boolean(),
      dataDir: z.string(),
    }),
  ),
  'settings.get': channel(NoInput, z.object({ locale: Locale, activeProfileId: z.string().nullable() })),
  'settings.setLocale': channel(z.object({ locale: Locale }).strict(), z.object({ locale: Locale })),
  'profiles.list': channel(
    NoInput,
    z.object({ profiles: z.array(ProfileSummary), activeProfileId: z.string().nullable() }),
  ),
  'profiles.setActive': channel(
    z.object({ profileId: ProfileId }).strict(),
    z.object({ activeProfileId: z.string() }),
  ),
  'secrets.status': channel(z.object({ profileId: ProfileId }).strict(), z.object({ secrets: SecretStatus })),
  'secrets.set': channel(
    z.object({ profileId: ProfileId, kind: SecretKind, value: z.string().min(1).max(4096) }).strict(),
    z.object({ kind: SecretKind, set: z.literal(true) }),
  ),
  'secrets.delete': channel(
    z.object({ profileId: ProfileId, kind: SecretKind }).strict(),
    z.object({ kind: SecretKind, deleted: z.boolean() }),
  ),
  'profiles.get': channel(ForProfile, z.object({ profile: ProfileInput })),
  'profiles.getSettings': channel(ForProfile, ProfileSettingsView),
  'profiles.setSettings': channel(
    z.object({ profileId: ProfileId, settings: ProfileSettingsInput }).strict(),
    ProfileSettingsView,
  ),
  'profiles.confirmEnvironments': channel(ForProfile, z.object({ profile: ProfileSummary })),
  'profiles.save': channel(
    z.object({ profile: ProfileInput, secrets: SecretsInput.optional() }).strict(),
    z.object({ profile: ProfileSummary }),
  ),
  /**
   * Removes a profile: a backup of the ledger first (its rows stay in the ledger too), then every secret of it from
   * the keychain, then the profile. `confirmation` must be the profile's id or name, except for a demo profile.
   */
  'profiles.remove': channel(
    z.object({ profileId: ProfileId, confirmation: z.string().max(200).optional() }).strict(),
    ProfileRemovalView,
  ),
  /** The `schtasks /Create` command for the profile's schedule (or why there is none). */
  'profiles.windowsTask': channel(ForProfile, WindowsTaskView),
  /** Creates that task in Windows' Task Scheduler; only the Windows app can (elsewhere: `conflict`). */
  'profiles.createWindowsTask': channel(ForProfile, WindowsTaskCreatedView),
  /** Opens the data folder in the file manager where the host can (the app); otherwise only says where it is. */
  'app.openDataFolder': channel(NoInput, DataFolderView),
  /** Writes a diagnostics folder (logs, versions, settings, ledger statistics; secrets redacted) for support. */
  'diagnostics.export': channel(NoInput, DiagnosticsView),
  'connection.test': channel(
    z.object({ profileId: ProfileId, system: z.enum(['servicetitan', 'visma']) }).strict(),
    ConnectionReport,
  ),
  /** Tests one side with values typed into the wizard (secrets included): nothing is stored. */
  'connection.testUnsaved': channel(UnsavedConnection, ConnectionReport),
  /** The wizards in progress (one draft per new profile; never a secret). */
  'setup.drafts': channel(NoInput, z.object({ drafts: z.array(SetupDraft) })),
  'setup.saveDraft': channel(z.object({ draft: SetupDraft }).strict(), z.object({ draft: SetupDraft })),
  'setup.deleteDraft': channel(ForProfile, z.object({ deleted: z.boolean() })),
  /** Stores a draft's secrets in the keychain (after a passing test or an explicit "save anyway"). */
  'setup.storeSecrets': channel(
    z.object({ profileId: ProfileId, secrets: SecretsInput }).strict(),
    z.object({ stored: z.array(SecretKind) }),
  ),
  /** Starts the built-in simulators and saves a demo profile (marked as demo) for them. */
  'setup.startDemo': channel(NoInput, z.object({ profile: ProfileSummary })),
  /** Reads master data of both sides into the cache (progress as `setup.progress`); writes nothing to either. */
  'setup.readMasterData': channel(ForProfile, SetupMasterDataView),
  /** What still blocks posting, as far as the engine knows. */
  'setup.status': channel(ForProfile, SetupStatusView),
  /** Reads new documents from ServiceTitan and plans them as the first sync would, without posting. */
  'setup.preview': channel(ForProfile, SetupPreviewView),
  'sync.run': channel(ForProfile, z.object({ summary: SyncSummaryView })),
  /** Asks the profile's run in progress to stop at its next safe point; `cancelling` is false when none runs. */
  'sync.cancel': channel(ForProfile, z.object({ cancelling: z.boolean() })),
  'dashboard.get': channel(ForProfile, DashboardView),
  /** The review queue, or a window of it (filtered, searched and sorted in the ledger) when `limit` is given. */
  'review.list': channel(ReviewListQuery.extend({ profileId: ProfileId }).strict(), ReviewListView),
  /** One document of the queue: its ServiceTitan source beside its Visma payload. */
  'review.detail': channel(
    z.object({ profileId: ProfileId, id: z.number().int().positive() }).strict(),
    ReviewDetailView,
  ),
  /** The Visma accounts the account picker offers (active ones only), by number with names. */
  'review.accounts': channel(ForProfile, z.object({ accounts: z.array(VismaAccountView) })),
  /** Corrects a held document in Visma with the picked accounts (saving rules where asked), then releases it. */
  'review.fix': channel(
    z
      .object({
        profileId: ProfileId,
        id: z.number().int().positive(),
        lines: z.array(LinePickInput).min(1).max(500),
      })
      .strict(),
    ReplayPreviewView,
  ),
  'review.preview': channel(
    z.object({ profileId: ProfileId, id: z.number().int().positive() }).strict(),
    ReplayPreviewView,
  ),
  'review.replay': channel(
    z.object({ profileId: ProfileId, ids: z.array(z.number().int().positive()).min(1).max(1000) }).strict(),
    z.object({ results: z.array(ReplayPreviewView) }),
  ),
  /** Approves a held document as it is: the caller must choose to keep its lines on the holding account. */
  'review.approve': channel(
    z
      .object({
        profileId: ProfileId,
        id: z.number().int().positive(),
        keepOnHoldingAccount: z.literal(true),
      })
      .strict(),
    z.object({ id: z.number() }),
  ),
  'review.ignore': channel(
    z
      .object({
        profileId: ProfileId,
        id: z.number().int().positive(),
        reason: z.string().trim().min(3).max(500),
      })
      .strict(),
    z.object({ id: z.number() }),
  ),
  'review.resolveMasterData': channel(
    z
      .object({
        profileId: ProfileId,
        ref: z.string().min(1).max(100),
        decision: z.enum(['accept', 'reject', 'keep-st', 'keep-visma']),
      })
      .strict(),
    z.object({ ref: z.string() }),
  ),
  'audit.list': channel(AuditQuery, z.object({ entries: z.array(AuditEntryView) })),
  ...mappingChannels,
  'reconcile.period': channel(
    z.object({ profileId: ProfileId, period: ReconPeriodInput }).strict(),
    ReconciliationView,
  ),
  /** The auditor's CSV in a language (English unless told); `format` may only be `csv` (the report has its own channel). */
  'reconcile.export': channel(
    z
      .object({
        profileId: ProfileId,
        period: ReconPeriodInput,
        locale: Locale.optional(),
        format: z.literal('csv').optional(),
      })
      .strict(),
    ReconciliationExportView,
  ),
  /** The printable report (print-ready HTML) in a language (English unless told). */
  'reconcile.report': channel(
    z.object({ profileId: ProfileId, period: ReconPeriodInput, locale: Locale.optional() }).strict(),
    ReconciliationReportView,
  ),
  'ledger.status': channel(NoInput, LedgerStatusView),
  'ledger.backup': channel(NoInput, z.object({ backup: LedgerBackupView, removed: z.number().int() })),
  'ledger.restore': channel(z.object({ name: BackupName }).strict(), LedgerRestoreView),
} as const;

/** Events main pushes to the renderer. */
export const events = {
  'log.line': LogLine,
  'sync.progress': SyncProgress,
  'setup.progress': SetupProgress,
} as const;

/** The whole channel map's type. */
export type Channels = typeof channels;
/** A channel name. */
export type ChannelName = keyof Channels;
/** What the caller passes to a channel. */
export type ChannelInput<N extends ChannelName> = z.input<Channels[N]['input']>;
/** What the handler receives after validation. */
export type ChannelParsedInput<N extends ChannelName> = z.output<Channels[N]['input']>;
/** What a channel answers. */
export type ChannelOutput<N extends ChannelName> = z.output<Channels[N]['output']>;
/** An event name. */
export type EventName = keyof typeof events;
/** An event's payload. */
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
