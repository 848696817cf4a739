/** Reads the GL level of the close from Visma: the balances of the accounts the mappings use, against the documents. */
import type { SyncSettings } from '../../../shared/sync-settings';
import type { FoundDocument } from '../ports';
import type { GlLevel } from './types';

/** The GL level, or null with the plain reason when Visma's balances could not be read. */
export function readGlLevel(
  _visma: unknown,
  _settings: SyncSettings,
  _financialPeriod: string,
  _documents: readonly FoundDocument[],
): Promise<{ level: GlLevel | null; error: string | null }> {
  return Promise.resolve({ level: null, error: 'The general ledger is not read yet.' });
}
