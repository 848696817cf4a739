import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { backupsDirOf, createBackup, listBackups, newestBackup, type LedgerBackup } from '../storage/backups';
import { checkDatabaseFile, runIntegrityCheck, type CheckResult } from '../storage/integrity';
import { openLedger } from '../storage/ledger';
import { LedgerDamagedError, plainTime } from '../storage/ledger-errors';
import { latestGoodBackup, resolveBackupFile, restoreLedger } from '../storage/restore';
import { JsonFileSettingsStore } from '../storage/settings';
import { printJson } from './engine-options';
import { intOption } from './options';

interface LedgerCliOptions {
  dataDir: string;
  json?: boolean;
}

function ledgerOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'folder of the ledger and settings', '.')
    .option('--json', 'print machine-readable JSON');
}

function ledgerFileOf(opts: LedgerCliOptions): string {
  return join(resolve(opts.dataDir), 'ledger.sqlite');
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

function backupLine(b: LedgerBackup): string {
  return `  ${plainTime(b.createdAt)}  ${sizeText(b.sizeBytes).padStart(9)}  ${b.reason.padEnd(13)}  ${b.file}`;
}

/** `ledger check`: quick_check and integrity_check, without opening the ledger for writing. Exit 1 when damaged. */
function check(opts: LedgerCliOptions): void {
  const file = ledgerFileOf(opts);
  const exists = existsSync(file);
  const quickCheck: CheckResult = exists
    ? checkDatabaseFile(file, 'quick_check')
    : { ok: true, problems: [] };
  const integrityCheck: CheckResult = exists
    ? runIntegrityCheck(file, new Date())
    : { ok: true, problems: [] };
  const ok = quickCheck.ok && integrityCheck.ok;
  const newest = newestBackup(file);
  const problems = [...quickCheck.problems, ...integrityCheck.problems];
  const message = ok ? null : new LedgerDamagedError(file, problems, newest, backupsDirOf(file)).message;
  if (opts.json) printJson({ file, exists, ok, quickCheck, integrityCheck, newestBackup: newest, message });
  else if (!ok) process.stdout.write(`${message}\n`);
  else
    process.stdout.write(
      `${exists ? `The ledger "${file}" is in good order (quick_check and integrity_check passed).` : `There is no ledger at "${file}" yet; the first sync creates it.`}\n` +
        (newest
          ? `Newest backup: ${newest.file} from ${plainTime(newest.createdAt)}.\n`
          : 'There is no backup yet.\n'),
    );
  if (!ok) process.exitCode = 1;
}

/** `ledger backup`: a checked online backup now (a damaged ledger refuses to open, so it is never backed up). */
async function backup(opts: LedgerCliOptions & { keep?: number }): Promise<void> {
  const file = ledgerFileOf(opts);
  if (!existsSync(file)) throw new Error(`There is no ledger at "${file}" to back up.`);
  const db = openLedger(file);
  try {
    const outcome = await createBackup(db, {
      reason: 'manual',
      now: new Date(),
      ...(opts.keep !== undefined ? { keep: opts.keep } : {}),
    });
    if (opts.json) return printJson(outcome);
    process.stdout.write(
      `Backed up the ledger to ${outcome.backup.file} (${sizeText(outcome.backup.sizeBytes)}, checked).\n` +
        outcome.removed.map((r) => `Removed the old backup ${r}.\n`).join(''),
    );
  } finally {
    db.close();
  }
}

/** `ledger backups`: the backups, newest first. */
function backups(opts: LedgerCliOptions): void {
  const file = ledgerFileOf(opts);
  const list = listBackups(file);
  if (opts.json) return printJson({ directory: backupsDirOf(file), backups: list });
  if (!list.length) return void process.stdout.write(`There is no backup in ${backupsDirOf(file)} yet.\n`);
  process.stdout.write(
    `Backups in ${backupsDirOf(file)}, newest first:\n${list.map(backupLine).join('\n')}\n`,
  );
}

function knownProfiles(dataDir: string): string[] {
  try {
    return new JsonFileSettingsStore(join(dataDir, 'settings.json')).read().profiles.map((p) => p.id);
  } catch {
    return []; // the run locks that exist are taken anyway
  }
}

/** `ledger restore <file>|--latest`: refuses while a run is in progress; keeps the current file aside. */
function restore(opts: LedgerCliOptions & { latest?: boolean }, given: string | undefined): void {
  const file = ledgerFileOf(opts);
  if (Boolean(given) === Boolean(opts.latest)) throw new Error('Give either a backup file or --latest.');
  const from = given ? resolveBackupFile(file, given) : latestGoodBackup(file)?.file;
  if (!from) throw new Error(`There is no good backup in ${backupsDirOf(file)} to restore.`);
  const outcome = restoreLedger(file, from, {
    now: new Date(),
    profileIds: knownProfiles(resolve(opts.dataDir)),
    holder: 'st-visma ledger restore',
    actor: 'cli',
  });
  if (opts.json) return printJson(outcome);
  process.stdout.write(
    `Restored the ledger from ${outcome.from}${outcome.backupCreatedAt ? ` (made ${plainTime(outcome.backupCreatedAt)})` : ''}; it passed integrity_check.\n` +
      (outcome.setAside ? `The file it replaced is kept as ${outcome.setAside}.\n` : '') +
      'Documents posted after the backup are found again in Visma by the next sync.\n',
  );
}

/** `st-visma ledger check|backup|backups|restore`: the ledger's integrity, backups and restore. */
export function registerLedgerCommand(program: Command): void {
  const ledger = program
    .command('ledger')
    .description('Check the ledger, back it up, list its backups and restore one.');
  ledgerOptions(
    ledger
      .command('check')
      .description('Run quick_check and integrity_check on the ledger (exit 1 when it is damaged).'),
  ).action((opts: LedgerCliOptions) => check(opts));
  ledgerOptions(
    ledger
      .command('backup')
      .description('Make a checked online backup of the ledger now, in DIR/backups/.')
      .option('--keep <n>', 'how many backups to keep (default 7)', intOption),
  ).action((opts: LedgerCliOptions & { keep?: number }) => backup(opts));
  ledgerOptions(ledger.command('backups').description('List the backups, newest first.')).action(
    (opts: LedgerCliOptions) => backups(opts),
  );
  ledgerOptions(
    ledger
      .command('restore [file]')
      .description(
        'Put a backup in place of the ledger (refused while a sync runs); the current file is kept aside.',
      )
      .option('--latest', 'the newest backup that passes its check'),
  ).action((file: string | undefined, opts: LedgerCliOptions & { latest?: boolean }) => restore(opts, file));
}
