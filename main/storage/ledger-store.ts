import { resolve } from 'node:path';
import { isMarkedDamaged } from './integrity';
import { LedgerDamagedError, LedgerOpenError } from './ledger-errors';
import { openLedger, type OpenLedgerOptions } from './ledger';
import { restoreLedger, type RestoreOptions, type RestoreOutcome } from './restore';
import type { Ledger } from './types';

/** How the ledger of a long-running host is doing. */
export type LedgerState =
  | { state: 'open' }
  | { state: 'damaged'; error: LedgerOpenError }
  | { state: 'restoring' }
  | { state: 'closed' };

/**
 * The ledger of a long-running host (the app, the browser host). The host starts even when the ledger is damaged,
 * so that Settings can restore a backup; and a restore swaps the file while the host runs.
 *
 * `ledger` is one stable object for the host's whole life: every service keeps it, and each use goes to the
 * connection open at that moment. While the ledger is damaged (at open, or found so by the daily check) every use
 * throws the plain `LedgerDamagedError`, so nothing writes to a damaged file.
 */
export class LedgerStore {
  /** The connection every service uses; see the class comment. */
  readonly ledger: Ledger;
  private db: Ledger | null = null;
  private status: LedgerState = { state: 'closed' };

  constructor(
    readonly file: string,
    private readonly options: OpenLedgerOptions = {},
  ) {
    this.file = resolve(file);
    this.ledger = this.stableConnection();
  }

  /** Opens the ledger; a damaged one is remembered (see `state`) instead of thrown. Other failures throw. */
  open(): LedgerState {
    if (this.db) return this.status;
    try {
      this.db = openLedger(this.file, undefined, this.options);
      this.status = { state: 'open' };
    } catch (err) {
      if (!(err instanceof LedgerDamagedError)) throw err;
      this.status = { state: 'damaged', error: err };
    }
    return this.status;
  }

  /** The current state; a ledger the daily check found damaged reads as damaged from then on. */
  get state(): LedgerState {
    if (this.status.state === 'open' && isMarkedDamaged(this.file)) {
      this.db?.close();
      this.db = null;
      this.status = {
        state: 'damaged',
        error: new LedgerOpenError(
          `The ledger database "${this.file}" failed its integrity check and is no longer used; restore a backup in Settings → Ledger backups, or run \`st-visma ledger check\` for details.`,
        ),
      };
    }
    return this.status;
  }

  /**
   * Restores a backup in place of the ledger (see `restoreLedger`): closes the connection, restores, reopens. When
   * the restore is refused or fails, the previous connection is opened again (or the damage kept).
   */
  restore(backupFile: string, options: RestoreOptions): RestoreOutcome {
    const previous = this.state;
    this.db?.close();
    this.db = null;
    this.status = { state: 'restoring' };
    try {
      return restoreLedger(this.file, backupFile, options);
    } finally {
      this.status = { state: 'closed' };
      if (previous.state !== 'closed') this.open();
    }
  }

  /** Closes the connection. */
  close(): void {
    this.db?.close();
    this.db = null;
    this.status = { state: 'closed' };
  }

  private current(): Ledger {
    const state = this.state;
    if (state.state === 'open' && this.db) return this.db;
    if (state.state === 'damaged') throw state.error;
    if (state.state === 'restoring')
      throw new LedgerOpenError('The ledger is being restored from a backup; try again in a moment.');
    throw new LedgerOpenError(`The ledger "${this.file}" is closed.`);
  }

  private stableConnection(): Ledger {
    const target = {} as Ledger;
    return new Proxy(target, {
      get: (_t, key) => {
        if (key === 'close') return () => this.close();
        if (key === 'name') return this.file;
        if (key === 'open') return this.status.state === 'open';
        const db = this.current();
        const value: unknown = Reflect.get(db, key, db);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(db) : value;
      },
      has: (_t, key) => Reflect.has(this.current(), key),
      getPrototypeOf: () => Object.getPrototypeOf(this.db ?? target) as object | null,
    });
  }
}
