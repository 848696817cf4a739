import { ServiceTitanError, type StErrorCode } from '../../servicetitan';
import { CREDENTIAL_ERROR_CODES, VismaError, type VismaErrorCode } from '../../visma';

/** What a failed run's cause means for the person: a credential to fix, a system out of reach, or something else. */
export interface RunFailure {
  kind: 'credentials' | 'unreachable' | 'other';
  system: 'servicetitan' | 'visma' | null;
}

const ST_CREDENTIALS: ReadonlySet<StErrorCode> = new Set([
  'st_bad_credentials',
  'st_bad_app_key',
  'st_unknown_tenant',
  'st_missing_scope',
]);
const VISMA_UNREACHABLE: ReadonlySet<VismaErrorCode> = new Set(['network', 'server_error']);

/** The causes of an error, outermost first (a cycle or a very deep chain stops the walk). */
function causes(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let at = err; at !== undefined && at !== null && chain.length < 10;) {
    if (chain.includes(at)) break;
    chain.push(at);
    at = at instanceof Error ? at.cause : undefined;
  }
  return chain;
}

/** Classifies why a run failed, from the first API error found down its cause chain. */
export function runFailureOf(err: unknown): RunFailure {
  for (const cause of causes(err)) {
    if (cause instanceof ServiceTitanError) {
      if (ST_CREDENTIALS.has(cause.code)) return { kind: 'credentials', system: 'servicetitan' };
      if (cause.code === 'st_unavailable') return { kind: 'unreachable', system: 'servicetitan' };
      return { kind: 'other', system: 'servicetitan' };
    }
    if (cause instanceof VismaError) {
      if (CREDENTIAL_ERROR_CODES.has(cause.code)) return { kind: 'credentials', system: 'visma' };
      if (VISMA_UNREACHABLE.has(cause.code)) return { kind: 'unreachable', system: 'visma' };
      return { kind: 'other', system: 'visma' };
    }
  }
  return { kind: 'other', system: null };
}
