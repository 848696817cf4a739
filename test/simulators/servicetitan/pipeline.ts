import type { SimRequest, SimResponse } from '../common/http';
import type { FaultSpec } from '../common/faults';
import type { MatchedOperation } from '../common/openapi-validator';
import { bindQuery } from './binding';
import { BadRequest } from './filters';
import { apiError, handlers } from './handlers';
import type { InvoiceRec } from './data/types';
import type { SimState } from './state';
import { rateLimitedResponse } from './throttle';
import { isKnownGap } from './violations';

/** What the server should do with the socket besides answering. */
export interface Outcome {
  response?: SimResponse;
  /** Close the connection without answering (`drop`), or after storing the change (`commit-then-drop`). */
  drop?: boolean;
  delayMs?: number;
}

function retryAfterSeconds(value: number | string | undefined, now: number): number {
  if (value === undefined) return 1;
  if (typeof value === 'number') return Math.max(0, Math.ceil(value));
  const at = Date.parse(value);
  return Number.isNaN(at) ? 1 : Math.max(0, Math.ceil((at - now) / 1000));
}

function faultResponse(state: SimState, fault: FaultSpec): SimResponse {
  const status = fault.status ?? 500;
  if (status === 429) {
    const response = rateLimitedResponse(
      retryAfterSeconds(fault.retryAfter, Date.now()),
      state.behaviour.retryAfterHeader,
    );
    // An HTTP-date Retry-After is sent as given.
    if (typeof fault.retryAfter === 'string' && state.behaviour.retryAfterHeader)
      response.headers = { 'retry-after': fault.retryAfter };
    return response;
  }
  return apiError(status, status === 401 ? 'The access token has expired.' : 'Simulated failure.');
}

/** Applies an injected fault before the request is handled; returns an outcome to stop, or flags to continue. */
function preFault(
  state: SimState,
  fault: FaultSpec | undefined,
): Outcome | { delayMs?: number; dropAfter?: boolean } {
  if (!fault) return {};
  if (fault.kind === 'status') return { response: faultResponse(state, fault) };
  if (fault.kind === 'drop') return { drop: true };
  if (fault.kind === 'slow') return { delayMs: fault.delayMs ?? 1000 };
  return { dropAfter: true };
}

/** `POST /connect/token`: throttled per client id, then the OAuth answer. */
function tokenAnswer(state: SimState, req: SimRequest): SimResponse {
  const form = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
  const slot = state.tokenThrottle.take(typeof form.client_id === 'string' ? form.client_id : '');
  if (!slot.ok) return rateLimitedResponse(slot.retryAfterSeconds, state.behaviour.retryAfterHeader);
  const answer = state.auth.issue(req.body);
  return { status: answer.status, body: answer.body };
}

/** App key, bearer token, tenant and scope; undefined when the call may go on. */
function refusal(state: SimState, op: MatchedOperation, req: SimRequest): SimResponse | undefined {
  for (const name of state.specs.validator.requiredApiKeyHeaders(op)) {
    const value = req.headers[name.toLowerCase()];
    if (typeof value !== 'string' || !state.auth.appKeys.has(value)) {
      return apiError(401, `The app key (${name} header) is missing or not valid.`);
    }
  }
  const header = req.headers.authorization;
  const token = state.auth.check(typeof header === 'string' ? header : undefined);
  if (!token.ok) {
    const response = apiError(401, token.reason);
    response.headers = { 'www-authenticate': 'Bearer error="invalid_token"' };
    return response;
  }
  const tenantId = op.pathParams.tenant ?? '';
  if (!state.tenants.has(tenantId) || token.client.tenantId !== tenantId) {
    return apiError(404, `Tenant ${tenantId} was not found, or these credentials belong to another tenant.`);
  }
  const missing = state.specs.validator.requiredScopes(op).filter((s) => !token.client.scopes.has(s));
  if (missing.length) return apiError(403, `The app is missing the scope ${missing.join(', ')}.`);
  return undefined;
}

/** One API call after faults: checks in the documented order, then the handler. */
function answerApi(
  state: SimState,
  op: MatchedOperation,
  req: SimRequest,
  query: URLSearchParams,
): SimResponse {
  const refused = refusal(state, op, req);
  if (refused) return refused;
  const tenantId = op.pathParams.tenant ?? '';
  const slot = state.rateLimiter.take(tenantId);
  if (!slot.ok) return rateLimitedResponse(slot.retryAfterSeconds, state.behaviour.retryAfterHeader);
  const problems = state.specs.validator.validateRequest(op, {
    query,
    headers: req.headers,
    body: req.body,
    hasBody: req.hasBody,
  });
  if (problems.length)
    return apiError(400, 'The request does not match the API description.', { request: problems });
  const handler = handlers[op.operationId];
  if (!handler) return apiError(501, `The simulator does not implement ${op.operationId}.`);
  const store = state.tenants.get(tenantId)!;
  try {
    return handler({
      store,
      specs: state.specs,
      query,
      params: op.pathParams,
      body: req.body,
      emitInvoiceEvent: (type: string, invoice: InvoiceRec) => state.queueInvoiceEvent(type, invoice, store),
    });
  } catch (error) {
    if (error instanceof BadRequest) return apiError(400, error.message, { [error.field]: [error.message] });
    throw error;
  }
}

/** True when the operation describes answers with this status. */
function declares(op: MatchedOperation, status: number): boolean {
  const responses = op.operation.responses ?? {};
  return String(status) in responses || `${String(status)[0]}XX` in responses || 'default' in responses;
}

/** Checks an answer against the spec; a violation is recorded and answered with 500 (a simulator bug). */
function checked(state: SimState, op: MatchedOperation, response: SimResponse): SimResponse {
  if (!state.validateResponses || response.status === 501) return response;
  const declared = declares(op, response.status);
  if (!declared && isKnownGap(response.status)) return response;
  const errors = state.specs.validator.validateResponse(op, response.status, response.body);
  if (!errors.length) return response;
  state.violations.add(`${op.operationId}: ${errors.slice(0, 5).join('; ')}`);
  return apiError(500, `Simulator bug: the ${op.operationId} answer does not match the spec.`);
}

/** Answers one API or token request: faults, app key, token, tenant, scope, rate limit, spec validation, handler. */
export function handleApi(state: SimState, req: SimRequest): Outcome {
  const path = req.url.pathname;
  const isToken = req.method === 'POST' && path === '/connect/token';
  // Token faults are kept apart so "fail the next 3 calls" never locks the client out of sign-in by accident.
  const fault = (isToken ? state.tokenFaults : state.faults).take(req.method, path);
  const pre = preFault(state, fault);
  if ('response' in pre || 'drop' in pre) {
    state.calls.hit(isToken ? 'token' : (state.specs.validator.match(req.method, path)?.operationId ?? path));
    return pre;
  }
  const { delayMs, dropAfter } = pre as { delayMs?: number; dropAfter?: boolean };
  const outcome = (response: SimResponse): Outcome => ({ response, drop: dropAfter, delayMs });

  if (isToken) {
    state.calls.hit('token');
    return outcome(tokenAnswer(state, req));
  }
  const op = state.specs.validator.match(req.method, path);
  if (!op) return outcome(apiError(404, `There is no endpoint ${req.method} ${path}.`));
  state.calls.hit(op.operationId);
  const query = bindQuery(req.url.searchParams, state.specs.queryBindings(op));
  return outcome(checked(state, op, answerApi(state, op, req, query)));
}
