import { foundation } from './0001-foundation';
import { syncEngine } from './0002-sync-engine';
import { masterDataAlignment } from './0003-master-data-alignment';
import { customerSegments } from './0004-customer-segments';
import { documentLifecycle } from './0005-document-lifecycle';
import { queryIndexes } from './0006-query-indexes';
import type { Migration } from './types';

export type { Migration } from './types';

/**
 * Every migration, in order. Append new ones at the end (and their checksum to `checksums.json`);
 * never edit, reorder or remove a released one.
 */
export const MIGRATIONS: readonly Migration[] = [
  foundation,
  syncEngine,
  masterDataAlignment,
  customerSegments,
  documentLifecycle,
  queryIndexes,
];
