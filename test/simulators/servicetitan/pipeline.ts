import type { SimRequest, SimResponse } from '../common/http';
import type { FaultSpec } from '../common/faults';
import { BadRequest } from './filters';
import { apiError, handlers } from './handlers';
import type { InvoiceRec } from './data/types';
import type { SimState } from './state';

/** What the server should do with the socket besides answering. */
export interface Outcome {
  response?: SimResponse;
  /** Close the connection without answering (`drop`), or after storing the change (`commit-then-drop`). */
  drop?: boolean;
  delayMs?: number;
}

function faultResponse(fault: FaultSpec): SimResponse {
  const status = fault.status ?? 500;
  const response = apiError(
    status,
    status === 429
      ? 'Too many requests.'
      : status === 401
        ? 'The access token has expired.'
        : 'Simulated failure.',
  );
  if (status === 429) response.headers = { 'retry-after': String(fault.retryAfter ?? 1) };
  return response;
}

/** Applies an injected fault before the request is handled; returns an outcome to stop, or flags to continue. */
function preFault(fault: FaultSpec | undefined): Outcome | { delayMs?: number; dropAfter?: boolean } {
  if (!fault) return {};
  if (fault.kind === 'status') return { response: faultResponse(fault) };
  if (fault.kind === 'drop') return { drop: true };
  if (fault.kind === 'slow') return { delayMs: fault.delayMs ?? 1000 };
  return { dropAfter: true };
}

/** Answers one API or token request: faults, app key, token, tenant, scope, rate limit, spec validation, handler. */
export function handleApi(state: SimState, req: SimRequest): Outcome {
  const path = req.url.pathname;
  const isToken = req.method === 'POST' && path === '/connect/token';
  // Token faults are kept apart so "fail the next 3 calls" never locks the client out of sign-in by accident.
  const fault = (isToken ? state.tokenFaults : state.faults).take(req.method, path);
  const pre = preFault(fault);
  if ('response' in pre || 'drop' in pre) {
    state.calls.hit(isToken ? 'token' : (state.specs.validator.match(req.method, path)?.operationId ?? path));
    return pre;
  }
  const { delayMs, dropAfter } = pre as { delayMs?: number; dropAfter?: boolean };
  const outcome = (response: SimResponse): Outcome => ({ response, drop: dropAfter, delayMs });

  if (isToken) {
    state.calls.hit('token');
    const answer = state.auth.issue(req.body);
    return outcome({ status: answer.status, body: answer.body });
  }
  const op = state.specs.validator.match(req.method, path);
  if (!op) return outcome(apiError(404, `There is no endpoint ${req.method} ${path}.`));
  state.calls.hit(op.operationId);

  const appKeyHeaders = state.specs.validator.requiredApiKeyHeaders(op);
  for (const name of appKeyHeaders) {
    const value = req.headers[name.toLowerCase()];
    if (typeof value !== 'string' || !state.auth.appKeys.has(value)) {
      return outcome(apiError(401, `The app key (${name} header) is missing or not valid.`));
    }
  }
  const token = state.auth.check(
    typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined,
  );
  if (!token.ok) {
    const response = apiError(401, token.reason);
    response.headers = { 'www-authenticate': 'Bearer error="invalid_token"' };
    return outcome(response);
  }
  const tenantId = op.pathParams.tenant ?? '';
  const store = state.tenants.get(tenantId);
  if (!store || token.client.tenantId !== tenantId) {
    return outcome(
      apiError(404, `Tenant ${tenantId} was not found, or these credentials belong to another tenant.`),
    );
  }
  const missing = state.specs.validator.requiredScopes(op).filter((s) => !token.client.scopes.has(s));
  if (missing.length) return outcome(apiError(403, `The app is missing the scope ${missing.join(', ')}.`));
  if (!state.rateLimiter.take(tenantId)) {
    const response = apiError(429, 'Rate limit exceeded: at most 60 requests per second per tenant.');
    response.headers = { 'retry-after': '1' };
    return outcome(response);
  }
  const problems = state.specs.validator.validateRequest(op, {
    query: req.url.searchParams,
    headers: req.headers,
    body: req.body,
    hasBody: req.hasBody,
  });
  if (problems.length)
    return outcome(apiError(400, 'The request does not match the API description.', { request: problems }));

  const handler = handlers[op.operationId];
  if (!handler) return outcome(apiError(501, `The simulator does not implement ${op.operationId}.`));
  let response: SimResponse;
  try {
    response = handler({
      store,
      specs: state.specs,
      query: req.url.searchParams,
      params: op.pathParams,
      body: req.body,
      emitInvoiceEvent: (type: string, invoice: InvoiceRec) => state.queueInvoiceEvent(type, invoice, store),
    });
  } catch (error) {
    if (error instanceof BadRequest)
      return outcome(apiError(400, error.message, { [error.field]: [error.message] }));
    throw error;
  }
  if (state.validateResponses) {
    const errors = state.specs.validator.validateResponse(op, response.status, response.body);
    if (errors.length) {
      state.responseViolations.push(`${op.operationId}: ${errors.slice(0, 5).join('; ')}`);
      return outcome(apiError(500, `Simulator bug: the ${op.operationId} answer does not match the spec.`));
    }
  }
  return outcome(response);
}
