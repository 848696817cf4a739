import { VismaError, type VismaErrorCode } from '../../visma';
import type { CallFailure, CallKind } from './calls';

type Verdict = 'fatal' | 'refused' | 'uncertain' | 'unreadable';

/** The class of every Visma client error code (see `classifyVismaError`). */
const BY_CODE: Record<VismaErrorCode, Verdict> = {
  invalid_client: 'fatal',
  wrong_tenant: 'fatal',
  unauthorized: 'fatal',
  company_mismatch: 'fatal',
  no_licence: 'fatal',
  missing_api_role: 'fatal',
  network: 'fatal',
  rate_limited: 'fatal',
  server_error: 'fatal',
  bad_response: 'unreadable',
  uncertain: 'uncertain',
  not_found: 'refused',
  in_progress: 'refused',
  conflict: 'refused',
  validation: 'refused',
  vat_code_not_valid: 'refused',
  period_closed: 'refused',
  account_inactive: 'refused',
  account_missing: 'refused',
  customer_inactive: 'refused',
  customer_missing: 'refused',
  supplier_inactive: 'refused',
  supplier_missing: 'refused',
  invalid_input: 'refused',
  release_failed: 'refused',
};

/** The token request's endpoint name: nothing was sent to the ERP API when it fails. */
const SIGN_IN = 'POST token';

/**
 * The one classification of Visma failures, used by every method of the Visma port.
 *
 * | `VismaError.code`                                                  | Read    | Write      | Why                                                                              |
 * | ------------------------------------------------------------------ | ------- | ---------- | -------------------------------------------------------------------------------- |
 * | `invalid_client`, `wrong_tenant`, `unauthorized`, `company_mismatch`, `no_licence`, `missing_api_role` | fatal | fatal | Credentials, tenant, company, licence or API role are wrong: every call fails. |
 * | `network`                                                          | fatal   | fatal      | Unreachable after retries. A write only gets it when it was never sent (refused connection, sign-in down): a sent one without an answer is `uncertain`. |
 * | `server_error`                                                     | fatal   | fatal      | 5xx after retries on a read or the sign-in; a write answered 5xx is `uncertain`. |
 * | `rate_limited`                                                     | fatal   | fatal      | Still 429 after the client's retries: the call was not processed; continue later. |
 * | `bad_response`                                                     | fatal   | uncertain¹ | A read we cannot understand stops the run; a write was answered 2xx, so it (or a queued release) may have happened. |
 * | `uncertain` (`UncertainWriteError`, `isUncertain`)                 | —       | uncertain  | Sent, but timeout, dropped connection, 5xx or a create without `Location`.      |
 * | `not_found`                                                        | refused² | refused²  | The record or document does not exist (404, or gone before an ETag update).      |
 * | `in_progress`                                                      | refused³ | refused³  | An earlier action on the document (a queued release) still runs.                |
 * | `conflict`                                                         | refused | refused    | 412: the record kept changing under the ETag retries; next run tries again.      |
 * | `validation`, `vat_code_not_valid`, `period_closed`, `account_*`, `customer_*`, `supplier_*`, `invalid_input`, `release_failed` | refused⁴ | refused⁴ | Visma (or the client, before sending) refused this record: nothing was stored. |
 *
 * ¹ fatal when the unreadable answer came from the sign-in (`POST token`): nothing was sent. Reasons: ² `not_found`,
 * ³ `in_progress`, ⁴ `already_released` when Visma's text says the document is already released.
 * The fatal codes are exactly the client's `CONNECTION_ERROR_CODES` (`isVismaConnectionError`), except `bad_response`
 * on a write. Anything else (not a `VismaError`: a bug, a ledger error, an engine error) passes on unchanged.
 */
export function classifyVismaError(err: unknown, call: CallKind): CallFailure | undefined {
  if (!(err instanceof VismaError)) return undefined;
  const message = err.message;
  const verdict = BY_CODE[err.code];
  if (verdict === 'unreadable')
    return call === 'write' && err.endpoint !== SIGN_IN
      ? { kind: 'uncertain', message }
      : { kind: 'fatal', message };
  if (verdict !== 'refused') return { kind: verdict, message };
  if (err.code === 'not_found' || err.code === 'in_progress')
    return { kind: 'refused', message, reason: err.code };
  const alreadyReleased = [err.message, err.detail].some((text) => text && /already released/i.test(text));
  return { kind: 'refused', message, ...(alreadyReleased && { reason: 'already_released' as const }) };
}
