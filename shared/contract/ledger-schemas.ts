import { z } from 'zod';

/** Why a backup was made (`profile-removed`: the ledger as it was when a profile was removed; never pruned). */
export const BackupReason = z.enum(['daily', 'manual', 'pre-migration', 'profile-removed']);

/** A backup's file name, as main names them; the renderer names a backup only this way, never by path. */
export const BackupName = z
  .string()
  .max(120)
  .regex(
    /^ledger-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(daily|manual|pre-migration|profile-removed)\.sqlite$/,
  );

/** One backup of the ledger. */
export const LedgerBackupView = z.object({
  name: BackupName,
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  reason: BackupReason,
});
export type LedgerBackupView = z.infer<typeof LedgerBackupView>;

/** How the ledger is doing, and its backups (newest first). */
export const LedgerStatusView = z.object({
  file: z.string(),
  state: z.enum(['open', 'damaged', 'restoring', 'closed']),
  /** What is wrong, as main wrote it (names the file and the newest backup); null when the ledger is fine. */
  problem: z.string().nullable(),
  backupsDir: z.string(),
  backups: z.array(LedgerBackupView),
  /** False where the host cannot restore while it runs (use the command line). */
  canRestore: z.boolean(),
});
export type LedgerStatusView = z.infer<typeof LedgerStatusView>;

/** What a restore did. */
export const LedgerRestoreView = z.object({
  restoredFrom: BackupName,
  backupCreatedAt: z.string().nullable(),
  /** Where the replaced file was kept (renamed, not deleted). */
  setAside: z.string().nullable(),
});
export type LedgerRestoreView = z.infer<typeof LedgerRestoreView>;
