import type Database from 'better-sqlite3';

/**
 * One schema step. Ids start at 1 and increase by one; a released migration is never edited
 * (a checksum test guards this) — change the schema by adding the next one.
 */
export interface Migration {
  readonly id: number;
  /** Short kebab-case name, also the file name after the number. */
  readonly name: string;
  /** Applies the step; runs inside the start-up transaction, so it must not manage transactions itself. */
  up(db: Database.Database): void;
}
