import { z } from 'zod';
import { ProfileId, SecretKind } from './schemas';
import { LedgerBackupView } from './ledger-schemas';

/** What removing a profile did: which secrets left the keychain, where its ledger was kept, who is active now. */
export const ProfileRemovalView = z.object({
  profileId: ProfileId,
  /** True for a demo profile (removed without a typed confirmation). */
  demo: z.boolean(),
  /** The kinds of secret that were stored for it and are now deleted from the keychain. */
  secretsDeleted: z.array(SecretKind),
  /** The backup of the ledger made just before the removal; null where the ledger is not a file. */
  backup: LedgerBackupView.nullable(),
  /** The backup's full path, to show; null with `backup`. */
  backupFile: z.string().nullable(),
  activeProfileId: z.string().nullable(),
});
export type ProfileRemovalView = z.infer<typeof ProfileRemovalView>;

/** The data folder (settings, ledger, logs, backups), and whether the host opened it in the file manager. */
export const DataFolderView = z.object({ path: z.string(), opened: z.boolean() });
export type DataFolderView = z.infer<typeof DataFolderView>;

/** A diagnostics folder written for support: its path and the files in it (relative), every secret redacted. */
export const DiagnosticsView = z.object({
  folder: z.string(),
  files: z.array(z.string()),
  /** How many secret values from the keychain were masked wherever they appeared. */
  secretsKnown: z.number().int().nonnegative(),
});
export type DiagnosticsView = z.infer<typeof DiagnosticsView>;

/**
 * Why no Task Scheduler command can be given: the profile has no schedule, its cron expression has no Task
 * Scheduler equivalent, the task's command line is over Windows' 262-character limit, or a path holds a character
 * the Command Prompt reads specially (`& | < > ^ %`).
 */
export const WindowsTaskProblem = z.enum([
  'no_schedule',
  'not_expressible',
  'too_long',
  'special_characters',
]);
export type WindowsTaskProblem = z.infer<typeof WindowsTaskProblem>;

/** The `schtasks /Create` command that runs a profile's sync on its schedule from Windows' Task Scheduler. */
export const WindowsTaskView = z.object({
  profileId: ProfileId,
  taskName: z.string(),
  /** The profile's cron expression; null when it syncs only by hand. */
  schedule: z.string().nullable(),
  /** The command to paste into a Command Prompt; null when `problem` says why there is none. */
  command: z.string().nullable(),
  problem: WindowsTaskProblem.nullable(),
  /** True where the app can run the command itself (the Windows app). */
  canRun: z.boolean(),
});
export type WindowsTaskView = z.infer<typeof WindowsTaskView>;

/** What Task Scheduler answered when the app created the task. */
export const WindowsTaskCreatedView = z.object({ taskName: z.string(), output: z.string() });
export type WindowsTaskCreatedView = z.infer<typeof WindowsTaskCreatedView>;
