import type { Command } from 'commander';
import { registerMappingsCommand } from './mappings-command';
import { registerMasterDataCommand } from './masterdata-command';
import { registerReconcileCommand } from './reconcile-command';
import { registerReviewCommands } from './review-command';
import { registerServeCommand } from './serve-command';
import { registerSyncCommand } from './sync-command';

/** Registers the sync engine's commands: sync, serve, review, replay, approve, ignore, mappings. */
export function registerEngineCommands(program: Command): void {
  registerSyncCommand(program);
  registerReviewCommands(program);
  registerMappingsCommand(program);
  registerServeCommand(program);
  registerMasterDataCommand(program);
  registerReconcileCommand(program);
}
