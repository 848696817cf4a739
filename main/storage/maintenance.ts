import type Database from 'better-sqlite3';
import { appendAudit } from './audit';
import {
  BACKUP_EVERY_MS,
  backupDue,
  backupsDirOf,
  createBackup,
  newestBackup,
  type BackupOutcome,
} from './backups';
import {
  INTEGRITY_CHECK_EVERY_MS,
  integrityCheckDue,
  runIntegrityCheck,
  type CheckResult,
} from './integrity';
import { LedgerDamagedError } from './ledger-errors';

/** Options of the daily maintenance. */
export interface MaintenanceOptions {
  now: Date;
  /** How many backups to keep. */
  keep?: number;
  backupEveryMs?: number;
  integrityEveryMs?: number;
}

/** What the maintenance did; `backupProblem` tells why a due backup could not be made (it is tried again next time). */
export interface MaintenanceOutcome {
  integrity: CheckResult | null;
  backup: BackupOutcome | null;
  backupProblem: string | null;
}

/**
 * The daily care of a ledger, cheap when nothing is due: the thorough `integrity_check` once a day (a damaged ledger
 * throws `LedgerDamagedError` and is marked so nothing in this process writes to it again), then an online backup
 * once a day. Hosts call it after each run; in-memory ledgers have nothing to maintain.
 */
export async function maintainLedger(
  db: Database.Database,
  options: MaintenanceOptions,
): Promise<MaintenanceOutcome> {
  const outcome: MaintenanceOutcome = { integrity: null, backup: null, backupProblem: null };
  const file = db.name;
  if (!file || file === ':memory:') return outcome;
  if (integrityCheckDue(file, options.now, options.integrityEveryMs ?? INTEGRITY_CHECK_EVERY_MS)) {
    outcome.integrity = runIntegrityCheck(file, options.now);
    if (!outcome.integrity.ok)
      throw new LedgerDamagedError(file, outcome.integrity.problems, newestBackup(file), backupsDirOf(file));
  }
  if (backupDue(file, options.now, options.backupEveryMs ?? BACKUP_EVERY_MS)) {
    try {
      outcome.backup = await createBackup(db, {
        reason: 'daily',
        now: options.now,
        ...(options.keep !== undefined ? { keep: options.keep } : {}),
      });
    } catch (err) {
      outcome.backupProblem = err instanceof Error ? err.message : String(err);
    }
    audit(db, outcome, options.now);
  }
  return outcome;
}

function audit(db: Database.Database, outcome: MaintenanceOutcome, now: Date): void {
  const base = { profileId: null, actor: 'system' as const };
  if (outcome.backup) {
    appendAudit(
      db,
      {
        ...base,
        action: 'ledger.backed-up',
        outcome: 'success',
        message: `Backed up the ledger to ${outcome.backup.backup.file}.`,
        details: { file: outcome.backup.backup.file, removed: outcome.backup.removed },
      },
      () => now,
    );
  } else if (outcome.backupProblem) {
    appendAudit(
      db,
      {
        ...base,
        action: 'ledger.backup-failed',
        outcome: 'failure',
        message: `The daily backup of the ledger failed: ${outcome.backupProblem} It is tried again after the next run.`,
      },
      () => now,
    );
  }
}
