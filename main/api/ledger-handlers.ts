import type { LedgerBackupView, LedgerStatusView } from '../../shared/contract';
import { logger } from '../log/logger';
import { appendAudit } from '../storage/audit';
import { backupsDirOf, createBackup, listBackups, type LedgerBackup } from '../storage/backups';
import { LedgerOpenError } from '../storage/ledger-errors';
import { LedgerInUseError } from '../storage/restore';
import { ApiError, type Handlers } from './dispatch';
import type { EngineService } from './engine-service';
import type { AppServices } from './services';
import { refuse } from './refusals';

type LedgerChannels = 'ledger.status' | 'ledger.backup' | 'ledger.restore';

function view(b: LedgerBackup): LedgerBackupView {
  return { name: b.name, createdAt: b.createdAt, sizeBytes: b.sizeBytes, reason: b.reason };
}

/** A refusal the user can act on (damaged ledger, a run in progress) becomes a `conflict` with main's message. */
function plainRefusal(err: unknown): never {
  if (err instanceof LedgerOpenError || err instanceof LedgerInUseError)
    throw new ApiError('conflict', err.message);
  throw err;
}

/** Handlers of the ledger's backups: list them (with the ledger's state), back up now, restore one. */
export function createLedgerHandlers(
  services: AppServices,
  engine: EngineService,
): Pick<Handlers, LedgerChannels> {
  const ledgerFile = () => services.ledgerStore?.file ?? services.ledger.name;
  const inMemory = () => ledgerFile() === ':memory:';

  const status = (): LedgerStatusView => {
    const file = ledgerFile();
    const state = services.ledgerStore?.state ?? { state: 'open' as const };
    return {
      file,
      state: state.state,
      problem: state.state === 'damaged' ? state.error.message : null,
      backupsDir: inMemory() ? '' : backupsDirOf(file),
      backups: inMemory() ? [] : listBackups(file).map(view),
      canRestore: services.ledgerStore !== undefined,
    };
  };

  return {
    'ledger.status': () => Promise.resolve(status()),
    'ledger.backup': async () => {
      if (inMemory()) throw refuse('ledgerInMemory');
      const outcome = await createBackup(services.ledger, { reason: 'manual', now: new Date() }).catch(
        plainRefusal,
      );
      appendAudit(services.ledger, {
        profileId: null,
        actor: 'user',
        action: 'ledger.backed-up',
        outcome: 'success',
        message: `Backed up the ledger to ${outcome.backup.file}.`,
        details: { file: outcome.backup.file, removed: outcome.removed },
      });
      return { backup: view(outcome.backup), removed: outcome.removed.length };
    },
    'ledger.restore': async ({ name }) => {
      const store = services.ledgerStore;
      if (!store) throw refuse('restoreNotHere');
      const backup = listBackups(store.file).find((b) => b.name === name);
      if (!backup) throw refuse('noBackup', { name });
      const profileIds = services.settings.read().profiles.map((p) => p.id);
      const busy = profileIds.find((id) => engine.running(id));
      if (busy) throw refuse('restoreWhileSyncing', { profile: busy });
      // Schedules and webhook receivers stop while the file is swapped, and start again on the restored ledger.
      await engine.close();
      try {
        const outcome = store.restore(backup.file, {
          now: new Date(),
          profileIds,
          holder: 'the app (restoring the ledger)',
          actor: 'user',
        });
        logger.info(
          `Restored the ledger from ${outcome.from}; the replaced file is kept as ${outcome.setAside ?? '(none)'}.`,
        );
        return {
          restoredFrom: backup.name,
          backupCreatedAt: outcome.backupCreatedAt,
          setAside: outcome.setAside,
        };
      } catch (err) {
        // Every refusal of a restore (a run in progress, a damaged backup…) is a plain sentence to act on.
        throw new ApiError('conflict', err instanceof Error ? err.message : String(err));
      } finally {
        await engine.start();
      }
    },
  };
}
