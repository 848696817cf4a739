import { ServiceTitanError, type StErrorCode } from '../../servicetitan';
import type { CallFailure, CallKind } from './calls';

type Verdict = 'fatal' | 'refused' | 'uncertain' | 'unreadable';

/** The class of every ServiceTitan client error code (see `classifyServiceTitanError`). */
const BY_CODE: Record<StErrorCode, Verdict> = {
  st_bad_credentials: 'fatal',
  st_bad_app_key: 'fatal',
  st_unknown_tenant: 'fatal',
  st_missing_scope: 'fatal',
  st_rate_limited: 'fatal',
  st_unavailable: 'fatal',
  st_write_uncertain: 'uncertain',
  st_request_rejected: 'refused',
  st_not_found: 'refused',
  st_bad_response: 'unreadable',
};

/**
 * The one classification of ServiceTitan failures, used by every method of the ServiceTitan port.
 *
 * | Client error (code)                                   | Read      | Write     | Why                                                                       |
 * | ----------------------------------------------------- | --------- | --------- | ------------------------------------------------------------------------- |
 * | `StCredentialsError` (`st_bad_credentials`)           | fatal     | fatal     | Client id/secret refused: every call will fail.                           |
 * | `StAppKeyError` (`st_bad_app_key`)                    | fatal     | fatal     | App key refused: every call will fail.                                    |
 * | `StTenantError` (`st_unknown_tenant`)                 | fatal     | fatal     | Wrong tenant: every call will fail.                                       |
 * | `StScopeError` (`st_missing_scope`)                   | fatal     | fatal     | A scope is missing: the admin must grant it; the run cannot do its job.   |
 * | `StRateLimitedError` (`st_rate_limited`)              | fatal     | fatal     | Still 429 after the client's waits: nothing was done; continue next run.  |
 * | `StUnavailableError` (`st_unavailable`)               | fatal     | fatal     | Unreachable or 5xx after retries (a sent write is never this, see below). |
 * | `StWriteUncertainError` (`st_write_uncertain`)        | uncertain | uncertain | A write got no answer or a 5xx: it may have been saved.                   |
 * | `StRequestRejectedError` (`st_request_rejected`)      | refused   | refused   | 400/409 for this request: nothing was changed.                            |
 * | `StNotFoundError` (`st_not_found`)                    | refused¹  | refused¹  | 404: the record does not exist.                                           |
 * | `StBadResponseError`, `StFeedLoopError` (`st_bad_response`) | fatal | uncertain² | A read we cannot understand stops the run; a write was answered 2xx, so it may have been saved. |
 *
 * ¹ with reason `not_found`. ² fatal when the unreadable answer came from the sign-in service (nothing was sent).
 * Anything else (not a `ServiceTitanError`: a bug, a ledger error, an engine error) is not classified and passes on
 * unchanged.
 */
export function classifyServiceTitanError(err: unknown, call: CallKind): CallFailure | undefined {
  if (!(err instanceof ServiceTitanError)) return undefined;
  const message = err.message;
  const verdict = BY_CODE[err.code];
  if (verdict === 'unreadable')
    return call === 'write' && err.endpoint !== 'token'
      ? { kind: 'uncertain', message }
      : { kind: 'fatal', message };
  if (verdict === 'refused')
    return { kind: 'refused', message, ...(err.code === 'st_not_found' && { reason: 'not_found' as const }) };
  return { kind: verdict, message };
}
