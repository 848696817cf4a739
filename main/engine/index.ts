/** The sync engine's public surface for the app, the CLI and the UI contract. */
export { runSync } from './run-sync';
export type { EngineDeps, EngineProfile, RunOptions, SyncSummary, SyncTrigger } from './run-sync';
export type { KindCounts, ProgressEvent } from './pipeline/context';
export { SyncCoordinator, scheduleSync } from './coordinator';
export { RunInProgressError } from './run-lock';
export { FatalSyncError, RecordCallError } from './ports';
export type { StPort, VismaPort, WriteOutcome, FoundDocument } from './ports';
export { connectProfile, resolveSecrets } from './connect';
export type { EnginePorts, ConnectOptions } from './connect';
export { approveHolding, ignore, listReview, replay } from './review';
export type { ReplayPreview, ReviewDeps, ReviewItem } from './review';
export { exportMappings, importMappings, loadRules, setRule, setLink, loadLinks } from './mapping/rule-store';
export { MappingFile, MappingRules, MAPPING_TABLES } from './mapping/rules';
export type { MappingTable } from './mapping/rules';
export { reasonText } from './reasons';
export type { ReasonCode } from './reasons';
export { OUTBOX_STATES, TRANSITIONS } from './outbox/states';
export type { OutboxState } from './outbox/states';
