import http from 'node:http';
import type { SimRequest, SimResponse } from '../common/http';
import { readRequest, writeResponse } from '../common/http';
import type { CallCounter, FaultInjector, FaultSpec } from '../common/faults';
import type { MatchedOperation, OpenApiValidator } from '../common/openapi-validator';
import type { CompanyState } from './model';
import type { HandlerTable } from './context';
import type { FixedWindowLimiter } from './rate-limit';
import type { TokenInfo, TokenIssuer } from './tokens';
import { scopeFor } from './tokens';
import { SimFault, gatewayError, ippError, vismaError } from './errors';
import { delay } from '../../../main/http/backoff';

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
  baseUrl: () => string;
  controls: (req: SimRequest) => SimResponse;
}

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
    return writeResponse(res, deps.issuer.issue(sim.body));
  }
  const op = deps.validator.match(sim.method, path);
  if (!op) return writeResponse(res, gatewayError(404, 'Resource not found'));
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
  const response = run(deps, op, sim, company);
  response.headers = { ...verdict.headers, 'ipp-request-id': cryptoId(), ...response.headers };
  if (fault?.kind === 'commit-then-drop') {
    res.destroy();
    return;
  }
  writeResponse(res, response);
}

/** Applies a fault that acts before the call is processed; true when the answer has been given (or the socket dropped). */
async function applyPreFault(fault: FaultSpec, res: http.ServerResponse): Promise<boolean> {
  if (fault.kind === 'slow') {
    await delay(fault.delayMs ?? 1000);
    return false;
  }
  if (fault.kind === 'drop') {
    res.destroy();
    return true;
  }
  if (fault.kind !== 'status') return false;
  const status = fault.status ?? 500;
  if (status === 429) {
    const retryAfter = String(fault.retryAfter ?? 1);
    writeResponse(res, gatewayError(429, 'Rate limit is exceeded.', { 'retry-after': retryAfter }));
  } else if (status === 401 || status === 403) {
    writeResponse(
      res,
      gatewayError(
        status,
        status === 401 ? 'Unauthorized. Access token is missing or invalid.' : 'Forbidden.',
      ),
    );
  } else if (status >= 502) {
    writeResponse(res, {
      status,
      raw: true,
      body: status === 504 ? 'upstream request timeout' : `${status} ${http.STATUS_CODES[status] ?? 'Error'}`,
    });
  } else {
    writeResponse(res, { status, body: { message: `VismaId: ${cryptoId()}. An error has occurred.` } });
  }
  return true;
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
  const problems = deps.validator.validateRequest(op, {
    query: sim.url.searchParams,
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
      req: sim,
      params: op.pathParams,
      baseUrl: deps.baseUrl(),
      maxPageSize: deps.maxPageSize(),
    });
  } catch (error) {
    if (error instanceof SimFault) return error.response;
    deps.violations.push({
      kind: 'crash',
      operationId: op.operationId,
      problems: [error instanceof Error ? (error.stack ?? error.message) : String(error)],
    });
    return { status: 500, body: { message: `VismaId: ${cryptoId()}. An error has occurred.` } };
  }
  if (response.status < 300 && response.body !== undefined) {
    const responseProblems = deps.validator.validateResponse(op, response.status, response.body);
    if (responseProblems.length)
      deps.violations.push({ kind: 'response', operationId: op.operationId, problems: responseProblems });
  }
  return response;
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

function cryptoId(): string {
  return globalThis.crypto.randomUUID();
}
