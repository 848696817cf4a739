/** Machine-readable reason for a ServiceTitan failure; the UI keys its help text on it. */
export type StErrorCode =
  | 'st_bad_credentials'
  | 'st_bad_app_key'
  | 'st_unknown_tenant'
  | 'st_missing_scope'
  | 'st_rate_limited'
  | 'st_unavailable'
  | 'st_write_uncertain'
  | 'st_request_rejected'
  | 'st_not_found'
  | 'st_bad_response';

/** Base class of every ServiceTitan error. `message` is plain language an accountant can act on; never holds a secret. */
export class ServiceTitanError extends Error {
  constructor(
    readonly code: StErrorCode,
    message: string,
    /** The endpoint (operation name) that failed, when there was one. */
    readonly endpoint?: string,
    /** HTTP status, when ServiceTitan answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The client id or client secret was refused by the ServiceTitan sign-in service. */
export class StCredentialsError extends ServiceTitanError {
  constructor(status?: number) {
    super(
      'st_bad_credentials',
      'ServiceTitan did not accept the client ID and client secret. Check both in the profile (they are per tenant and per environment) or ask your ServiceTitan admin for new ones.',
      'token',
      status,
    );
  }
}

/** The ST-App-Key header was missing or not recognised. */
export class StAppKeyError extends ServiceTitanError {
  constructor(endpoint?: string, status?: number) {
    super(
      'st_bad_app_key',
      'ServiceTitan refused the app key. Check the app key in the profile: it must be the key of the app your ServiceTitan admin connected to this tenant.',
      endpoint,
      status,
    );
  }
}

/** The tenant id is unknown, or these credentials do not belong to it. */
export class StTenantError extends ServiceTitanError {
  constructor(
    readonly tenantId: string,
    endpoint?: string,
    status?: number,
  ) {
    super(
      'st_unknown_tenant',
      `ServiceTitan does not know tenant ${tenantId}, or the client ID belongs to another tenant. Check the tenant ID in the profile.`,
      endpoint,
      status,
    );
  }
}

/** The app was not granted a scope the connector needs. */
export class StScopeError extends ServiceTitanError {
  constructor(
    readonly scope: string,
    purpose: string,
    endpoint?: string,
  ) {
    super(
      'st_missing_scope',
      `The ServiceTitan app is not allowed to ${purpose} (scope ${scope} is missing). Ask your ServiceTitan admin to grant it to the app.`,
      endpoint,
      403,
    );
  }
}

/** ServiceTitan kept answering "too many requests" after every retry. */
export class StRateLimitedError extends ServiceTitanError {
  constructor(
    endpoint: string,
    readonly retryAfterMs?: number,
  ) {
    super(
      'st_rate_limited',
      'ServiceTitan is limiting how fast we may call it. The sync will continue on the next run.',
      endpoint,
      429,
    );
  }
}

/** ServiceTitan could not be reached or answered with a server error after every retry. */
export class StUnavailableError extends ServiceTitanError {
  constructor(endpoint: string, detail: string, status?: number) {
    super(
      'st_unavailable',
      `ServiceTitan is not available right now (${detail}). Try again in a few minutes.`,
      endpoint,
      status,
    );
  }
}

/** A write was sent but no answer came back: it may or may not have been applied. Never retried blindly. */
export class StWriteUncertainError extends ServiceTitanError {
  constructor(endpoint: string, detail: string, status?: number) {
    super(
      'st_write_uncertain',
      `ServiceTitan did not confirm a change (${detail}). It may or may not have been saved; it will be checked before trying again.`,
      endpoint,
      status,
    );
  }
}

/** ServiceTitan rejected the request itself (400/409); `details` lists its reasons. */
export class StRequestRejectedError extends ServiceTitanError {
  constructor(
    endpoint: string,
    status: number,
    readonly details: string[],
  ) {
    super(
      'st_request_rejected',
      `ServiceTitan rejected the request${details.length ? `: ${details.slice(0, 3).join('; ')}` : ''}.`,
      endpoint,
      status,
    );
  }
}

/** The requested record does not exist in ServiceTitan. */
export class StNotFoundError extends ServiceTitanError {
  constructor(endpoint: string, what: string) {
    super('st_not_found', `ServiceTitan has no ${what}.`, endpoint, 404);
  }
}

/** ServiceTitan answered with data we could not read (a required field missing or of the wrong kind). */
export class StBadResponseError extends ServiceTitanError {
  constructor(endpoint: string, problems: string[]) {
    super(
      'st_bad_response',
      `ServiceTitan sent data we could not read (${problems.slice(0, 3).join('; ')}). Please report this; nothing was changed.`,
      endpoint,
    );
  }
}

/** An export feed handed back a continuation token it had already given: reading stops instead of looping. */
export class StFeedLoopError extends ServiceTitanError {
  constructor(
    endpoint: string,
    readonly token: string,
  ) {
    super(
      'st_bad_response',
      `ServiceTitan's ${endpoint} feed sent a continuation token it had already sent, so reading stopped instead of going round in a loop. Nothing was changed; the next sync starts again from the last saved position. Please report this.`,
      endpoint,
    );
  }
}
