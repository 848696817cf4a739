import { dirname } from 'node:path';
import type { LedgerBackup } from './backups';

/** The ledger file could not be opened or read at all (not a migration mismatch). */
export class LedgerOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LedgerOpenError';
  }
}

/** `2026-03-01 10:00:00 UTC`: how a moment is named in messages. */
export function plainTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** How to restore, in the words every damage message ends with. */
export function restoreAdvice(file: string, newest: LedgerBackup | null, backupsDir: string): string {
  if (!newest) {
    return `There is no backup in "${backupsDir}". To start over with an empty ledger, move the damaged file away; the connector then rebuilds its picture from Visma.`;
  }
  return `The newest backup is "${newest.file}" from ${plainTime(newest.createdAt)}. To restore it, run \`st-visma ledger restore --latest --data-dir "${dirname(file)}"\`, or open Settings → Ledger backups in the app and choose Restore.`;
}

/**
 * The ledger failed its integrity check (or is not a database at all) and was not opened; nothing was written to
 * it. The message names the file, what is wrong, the newest backup and how to restore it.
 */
export class LedgerDamagedError extends LedgerOpenError {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
    readonly newestBackup: LedgerBackup | null,
    backupsDir: string,
  ) {
    super(
      `The ledger database "${file}" is damaged (${summarize(problems)}) and was not opened; nothing was written to it. ${restoreAdvice(file, newestBackup, backupsDir)}`,
    );
    this.name = 'LedgerDamagedError';
  }
}

function summarize(problems: readonly string[]): string {
  const first = (problems[0] ?? 'unknown problem').replace(/\s+/g, ' ').trim();
  const short = first.length > 200 ? `${first.slice(0, 200)}…` : first;
  return problems.length > 1 ? `${short}; ${problems.length - 1} more problem(s)` : short;
}
