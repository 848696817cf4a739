/** Storage: the SQLite ledger, settings, secrets and profiles. */
export * from './types';
export { LedgerMigrationError, LedgerOpenError, appliedMigrationIds, openLedger } from './ledger';
export { MIGRATIONS, type Migration } from './migrations';
export * from './audit';
export * from './settings';
export * from './secrets';
export * from './profiles';
export { writeFileAtomic } from './atomic-write';
