/** Why a Visma call failed, in a form the engine can branch on. */
export type VismaErrorCode =
  | 'invalid_client'
  | 'wrong_tenant'
  | 'unauthorized'
  | 'company_mismatch'
  | 'no_licence'
  | 'missing_api_role'
  | 'vat_code_not_valid'
  | 'period_closed'
  | 'account_inactive'
  | 'account_missing'
  | 'customer_inactive'
  | 'customer_missing'
  | 'supplier_inactive'
  | 'supplier_missing'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'validation'
  | 'server_error'
  | 'network'
  | 'bad_response'
  | 'invalid_input'
  | 'release_failed'
  | 'in_progress'
  | 'uncertain';

/** Details of a failure; `detail` is Visma's own text (already free of secrets). */
export interface VismaErrorInfo {
  code: VismaErrorCode;
  /** Plain-language explanation for the accountant. */
  message: string;
  status?: number;
  detail?: string;
  /** `METHOD /path/template` of the call. */
  endpoint?: string;
}

/** A failed Visma call with a `code` and a plain-language `message`. */
export class VismaError extends Error {
  readonly code: VismaErrorCode;
  readonly status: number | undefined;
  readonly detail: string | undefined;
  readonly endpoint: string | undefined;

  constructor(info: VismaErrorInfo) {
    super(info.message);
    this.name = 'VismaError';
    this.code = info.code;
    this.status = info.status;
    this.detail = info.detail;
    this.endpoint = info.endpoint;
  }
}

/**
 * A write whose outcome is unknown: the request may have been stored although no answer arrived (network error,
 * timeout, 5xx). Visma has no idempotency key, so the caller must look the document up before trying again.
 */
export class UncertainWriteError extends VismaError {
  constructor(endpoint: string, cause: string, status?: number) {
    super({
      code: 'uncertain',
      endpoint,
      detail: cause,
      ...(status !== undefined ? { status } : {}),
      message: `Visma did not confirm the change (${cause}). It may or may not have been saved; look the document up in Visma before sending it again.`,
    });
    this.name = 'UncertainWriteError';
  }
}

/** True for an error whose write outcome is unknown. */
export function isUncertain(error: unknown): error is UncertainWriteError {
  return error instanceof VismaError && error.code === 'uncertain';
}

/** Codes that mean Visma refused who we are: a credential, the tenant, the company, the licence or the API role. */
export const CREDENTIAL_ERROR_CODES: ReadonlySet<VismaErrorCode> = new Set<VismaErrorCode>([
  'invalid_client',
  'wrong_tenant',
  'unauthorized',
  'company_mismatch',
  'no_licence',
  'missing_api_role',
]);

/** Codes that mean the connection itself is wrong or Visma is unreachable — a run cannot go on after one. */
export const CONNECTION_ERROR_CODES: ReadonlySet<VismaErrorCode> = new Set<VismaErrorCode>([
  ...CREDENTIAL_ERROR_CODES,
  'network',
  'rate_limited',
  'server_error',
  'bad_response',
]);

/** True for a Visma error after which a run cannot go on (see `CONNECTION_ERROR_CODES`). */
export function isVismaConnectionError(error: unknown): error is VismaError {
  return error instanceof VismaError && CONNECTION_ERROR_CODES.has(error.code);
}
