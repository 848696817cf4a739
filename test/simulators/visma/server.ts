import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { SimRequest, SimResponse } from '../common/http';
import { readRequest, writeResponse } from '../common/http';
import type { CallCounter, FaultInjector } from '../common/faults';
import type { MatchedOperation, OpenApiValidator } from '../common/openapi-validator';
import type { CompanyState } from './model';
import type { HandlerTable } from './context';
import type { FixedWindowLimiter } from './rate-limit';
import type { TokenInfo, TokenIssuer } from './tokens';
import type { ReleasePolicy } from './release-policy';
import { scopeFor } from './tokens';
import { SimFault, gatewayError, ippError, vismaError } from './errors';
import { applyPostFault, applyPreFault } from './fault-answers';
import { bindQuery, emptyDateFields, requestProblems } from './request-checks';
import { settleReleases } from './release';

/** A problem the simulator found in a request it received or an answer it produced. */
export interface ContractViolation {
  kind: 'request' | 'response' | 'crash';
  operationId: string;
  problems: string[];
}

/** The pieces the HTTP pipeline works with. */
export interface PipelineDeps {
  companies: CompanyState[];
  validator: OpenApiValidator;
  handlers: HandlerTable;
  issuer: TokenIssuer;
  limiter: FixedWindowLimiter;
  faults: FaultInjector;
  counter: CallCounter;
  violations: ContractViolation[];
  maxPageSize: () => number;
  defaultPageSize: () => number;
  release: ReleasePolicy;
  baseUrl: () => string;
  controls: (req: SimRequest) => SimResponse;
}

/** Content types the API accepts for a body (SPEC: json, text/json, xml, text/xml, form). */
const ACCEPTED_BODY = /json|xml|x-www-form-urlencoded/i;

/** Creates the HTTP server: token endpoint, `/__sim` controls and the ERP API under its production paths. */
export function createVismaServer(deps: PipelineDeps): http.Server {
  return http.createServer((req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      deps.violations.push({
        kind: 'crash',
        operationId: `${req.method} ${req.url}`,
        problems: [String(error)],
      });
      if (!res.headersSent) writeResponse(res, { status: 500, body: { message: 'The simulator failed.' } });
      else res.destroy();
    });
  });
}

async function handle(
  deps: PipelineDeps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  let sim: SimRequest;
  try {
    sim = await readRequest(req);
  } catch {
    writeResponse(res, { status: 400, body: { message: 'The request body is not valid JSON.' } });
    return;
  }
  const path = sim.url.pathname;
  if (path.startsWith('/__sim/'))
    return writeResponse(
      res,
      safe(() => deps.controls(sim)),
    );
  if (sim.method === 'POST' && path === '/connect/token') {
    deps.counter.hit('token');
    const fault = deps.faults.take(sim.method, path);
    if (fault && (await applyPreFault(fault, res))) return;
    const response = deps.issuer.issue(sim.body, header(sim, 'authorization'));
    if (await applyPostFault(fault, res, response)) return;
    return writeResponse(res, response);
  }
  const op = deps.validator.match(sim.method, path);
  if (!op) return writeResponse(res, unmatched(deps, sim));
  deps.counter.hit(op.operationId);
  const fault = deps.faults.take(sim.method, path);
  if (fault && (await applyPreFault(fault, res))) return;

  const outcome = authorise(deps, sim);
  if ('status' in outcome) return writeResponse(res, outcome);
  const { company, token } = outcome;
  const verdict = deps.limiter.take(`${company.identity.companyId}:${token.clientId}`);
  if (!verdict.allowed) {
    const seconds = verdict.retryAfterSeconds;
    return writeResponse(
      res,
      gatewayError(429, `Rate limit is exceeded. Try again in ${seconds} seconds.`, {
        ...verdict.headers,
        'retry-after': String(seconds),
      }),
    );
  }
  // An unsupported body type is refused by the web stack before the API sees it: 415 with no body.
  if (sim.hasBody && !ACCEPTED_BODY.test(String(sim.headers['content-type'] ?? '')))
    return writeResponse(res, { status: 415, headers: verdict.headers });
  settleReleases(company);
  const response = run(deps, op, sim, company);
  response.headers = { ...verdict.headers, 'ipp-request-id': randomUUID(), ...response.headers };
  if (await applyPostFault(fault, res, response)) return;
  writeResponse(res, response);
}

/** No operation for this method and path: 405 with no body when the path exists for other methods, else the gateway's 404. */
function unmatched(deps: PipelineDeps, sim: SimRequest): SimResponse {
  const allowed = deps.validator.methodsFor(sim.url.pathname);
  if (allowed.length > 0) return { status: 405, headers: { allow: allowed.join(', ') } };
  return gatewayError(404, 'Resource not found');
}

function authorise(
  deps: PipelineDeps,
  sim: SimRequest,
): { company: CompanyState; token: TokenInfo } | SimResponse {
  const token = deps.issuer.verify(header(sim, 'authorization'));
  if ('status' in token) return token;
  // A customer-tenant token authenticates with Visma Connect but the ERP API refuses it.
  const company = deps.companies.find((c) => c.identity.companyId === token.companyId);
  if (!company) return gatewayError(401, 'Unauthorized. Access token is missing or invalid.');
  const ipp = header(sim, 'ipp-company-id');
  if (ipp !== undefined && ipp !== company.identity.companyId) return ippError('12002', '').response;
  if (!company.licensed) return ippError('12027', 'No license for this company.').response;
  const scope = scopeFor(sim.method, sim.url.pathname);
  if (!token.scopes.includes(scope))
    return gatewayError(403, `Forbidden. The token lacks the scope ${scope} (API role).`);
  return { company, token };
}

function run(deps: PipelineDeps, op: MatchedOperation, sim: SimRequest, company: CompanyState): SimResponse {
  const bound = bindQuery(deps.validator, op, sim.url.searchParams);
  const url = new URL(sim.url.href);
  url.search = bound.query.toString();
  const request: SimRequest = { ...sim, url };
  const quirks = requestProblems(deps.validator, op, bound, sim.body, deps.defaultPageSize());
  if (quirks.length) deps.violations.push({ kind: 'request', operationId: op.operationId, problems: quirks });
  const problems = deps.validator.validateRequest(op, {
    query: bound.query,
    headers: sim.headers,
    body: sim.body,
    hasBody: sim.hasBody,
  });
  if (problems.length) {
    deps.violations.push({ kind: 'request', operationId: op.operationId, problems });
    return vismaError(`The request is invalid: ${problems.join('; ')}`).response;
  }
  const handler = deps.handlers[op.operationId];
  if (!handler)
    return { status: 501, body: { message: `The simulator does not implement ${op.operationId}.` } };
  let response: SimResponse;
  try {
    response = handler({
      company,
      req: request,
      params: op.pathParams,
      baseUrl: deps.baseUrl(),
      maxPageSize: deps.maxPageSize(),
      defaultPageSize: deps.defaultPageSize(),
      release: deps.release,
    });
  } catch (error) {
    if (error instanceof SimFault) return error.response;
    deps.violations.push({
      kind: 'crash',
      operationId: op.operationId,
      problems: [error instanceof Error ? (error.stack ?? error.message) : String(error)],
    });
    return { status: 500, body: { message: `VismaId: ${randomUUID()}. An error has occurred.` } };
  }
  checkResponse(deps, op, response);
  return response;
}

function checkResponse(deps: PipelineDeps, op: MatchedOperation, response: SimResponse): void {
  if (response.status >= 300 || response.body === undefined) return;
  const problems = [
    ...deps.validator.validateResponse(op, response.status, response.body),
    ...emptyDateFields(response.body),
  ];
  if (problems.length) deps.violations.push({ kind: 'response', operationId: op.operationId, problems });
}

function safe(fn: () => SimResponse): SimResponse {
  try {
    return fn();
  } catch (error) {
    if (error instanceof SimFault) return error.response;
    return { status: 400, body: { message: error instanceof Error ? error.message : String(error) } };
  }
}

function header(sim: SimRequest, name: string): string | undefined {
  const v = sim.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
