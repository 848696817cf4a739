import { z } from 'zod';
import { FaultSpec } from '../common/faults';
import type { SimRequest, SimResponse } from '../common/http';
import type { Rec } from './data/types';
import type { SimControls } from './simulator';
import { RESOURCES } from './store';
import type { Resource } from './store';
import type { WebhookOptions } from './webhooks';

/** Path prefix of the test controls; the real API has nothing under it. */
export const CONTROL_PREFIX = '/__sim';

const json = (status: number, body: unknown): SimResponse => ({ status, body });
const problem = (status: number, message: string): SimResponse => json(status, { error: message });

const RateLimitsBody = z.strictObject({
  apiPerSecond: z.number().nonnegative().optional(),
  token: z
    .strictObject({ burst: z.number().positive(), perSecond: z.number().positive() })
    .nullable()
    .optional(),
  retryAfterHeader: z.boolean().optional(),
});
const ExportFeedBody = z.strictObject({
  end: z.enum(['exact', 'until-empty']).optional(),
  pageSize: z.number().int().positive().optional(),
});
const ExpectBody = z.strictObject({ pattern: z.string().min(1) });

/** Parses a control body with zod; a plain-words 400 when it does not fit. */
function parseBody<T extends z.ZodType>(
  schema: T,
  body: unknown,
  hint: string,
): { ok: true; value: z.infer<T> } | { ok: false; response: SimResponse } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; ');
  return { ok: false, response: problem(400, `${hint} (${issues})`) };
}

function resourceOf(name: string | undefined): Resource | undefined {
  return RESOURCES.find((r) => r === name);
}

/** Serves `/__sim/…`: counters, faults, clock, documents, scopes, token lifetime and webhooks. */
export async function handleControl(sim: SimControls, req: SimRequest): Promise<SimResponse> {
  const parts = req.url.pathname
    .slice(CONTROL_PREFIX.length)
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  const route = `${req.method} ${parts.map((p, i) => (i > 0 && /^(\d+|[^/]+)$/.test(p) && ['tenants', 'clients'].includes(parts[i - 1]!) ? ':' : p)).join('/')}`;
  const body = (req.body ?? {}) as Record<string, unknown>;
  try {
    switch (route) {
      case 'GET health':
        return json(200, { ok: true, now: new Date(sim.now()).toISOString() });
      case 'GET info':
        return json(200, {
          baseUrl: sim.baseUrl,
          authUrl: sim.authUrl,
          apiBaseUrl: sim.apiBaseUrl,
          appKey: sim.appKey,
          tenants: sim.tenants,
        });
      case 'GET calls':
        return json(200, { ...sim.calls(), tokensIssued: sim.tokensIssued() });
      case 'DELETE calls':
        sim.resetCalls();
        return json(200, { ok: true });
      case 'POST faults': {
        const spec = FaultSpec.safeParse(body);
        if (!spec.success)
          return problem(
            400,
            `Not a fault: ${spec.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
          );
        return json(200, { active: sim.addFault(spec.data) });
      }
      case 'DELETE faults':
        sim.clearFaults();
        return json(200, { ok: true });
      case 'POST clock/advance': {
        const ms =
          typeof body.ms === 'number'
            ? body.ms
            : typeof body.seconds === 'number'
              ? body.seconds * 1000
              : NaN;
        if (!Number.isFinite(ms) || ms < 0)
          return problem(400, 'Send {"seconds": N} or {"ms": N} with N ≥ 0.');
        return json(200, { now: new Date(sim.advanceClock(ms)).toISOString() });
      }
      case 'PUT token-lifetime':
        if (typeof body.seconds !== 'number' || body.seconds <= 0)
          return problem(400, 'Send {"seconds": N} with N > 0.');
        sim.setTokenLifetime(body.seconds);
        return json(200, { ok: true });
      case 'POST tokens/revoke':
        sim.revokeTokens();
        return json(200, { ok: true });
      case 'PUT clients/:/scopes':
        if (!Array.isArray(body.scopes)) return problem(400, 'Send {"scopes": ["tn.acc.invoices:r", …]}.');
        sim.setScopes(parts[1]!, body.scopes.map(String));
        return json(200, { scopes: sim.scopes(parts[1]!) });
      case 'GET clients/:/scopes':
        return json(200, { scopes: sim.scopes(parts[1]!) });
      case 'PUT webhook':
        sim.configureWebhook(body as unknown as WebhookOptions);
        return json(200, { ok: true });
      case 'DELETE webhook':
        sim.configureWebhook(undefined);
        return json(200, { ok: true });
      case 'GET violations':
        return json(200, { violations: sim.violations(), unexpected: sim.unexpectedViolations() });
      case 'POST violations/expect': {
        const parsed = parseBody(ExpectBody, body, 'Send {"pattern": "<regular expression>"}');
        if (!parsed.ok) return parsed.response;
        sim.expectViolations(new RegExp(parsed.value.pattern));
        return json(200, { unexpected: sim.unexpectedViolations() });
      }
      case 'GET rate-limits':
        return json(200, sim.rateLimits());
      case 'PUT rate-limits': {
        const parsed = parseBody(
          RateLimitsBody,
          body,
          'Send {"apiPerSecond"?: N, "token"?: {"burst": N, "perSecond": N} | null, "retryAfterHeader"?: bool}',
        );
        return parsed.ok ? json(200, sim.setRateLimits(parsed.value)) : parsed.response;
      }
      case 'GET export-feed':
        return json(200, sim.exportFeedSettings());
      case 'PUT export-feed': {
        const parsed = parseBody(
          ExportFeedBody,
          body,
          'Send {"end"?: "exact" | "until-empty", "pageSize"?: N}',
        );
        return parsed.ok ? json(200, sim.setExportFeed(parsed.value)) : parsed.response;
      }
      case 'GET webhook/deliveries':
        return json(200, sim.webhookDeliveries());
      case 'POST webhook/emit': {
        const delivery = await sim.emitWebhook(
          String(body.type),
          Number(body.invoiceId),
          typeof body.tenantId === 'string' || typeof body.tenantId === 'number'
            ? String(body.tenantId)
            : undefined,
        );
        return json(200, delivery);
      }
    }
    if (parts[0] === 'tenants' && parts[2] === 'raw' && parts.length === 4)
      return rawRoute(sim, req.method, parts, req.body);
    if (parts[0] === 'tenants' && parts.length >= 3) return resourceRoute(sim, req.method, parts, body);
    return problem(404, `No simulator control ${req.method} ${req.url.pathname}.`);
  } catch (error) {
    return problem(400, error instanceof Error ? error.message : String(error));
  }
}

/** `POST /__sim/tenants/{tenant}/raw/{invoices|ap-bills}`: documents in their raw official shape, kept exactly. */
function rawRoute(sim: SimControls, method: string, parts: string[], body: unknown): SimResponse {
  const [, tenantId, , name] = parts;
  if (name !== 'invoices' && name !== 'ap-bills')
    return problem(404, `Raw documents can be invoices or ap-bills, not ${name}.`);
  if (method !== 'POST') return problem(405, `Only POST adds raw ${name}.`);
  const records = (Array.isArray(body) ? body : [body]) as Rec[];
  if (records.some((r) => !r || typeof r !== 'object' || Array.isArray(r)))
    return problem(400, `Send one ${name} record or an array of them, each a JSON object.`);
  return json(201, { added: sim.addDocuments(name, records, tenantId) });
}

function resourceRoute(
  sim: SimControls,
  method: string,
  parts: string[],
  body: Record<string, unknown>,
): SimResponse {
  const [, tenantId, name, idText] = parts;
  const resource = resourceOf(name);
  if (!resource) return problem(404, `Unknown resource ${name}; use one of ${RESOURCES.join(', ')}.`);
  const id = idText === undefined ? undefined : Number(idText);
  if (method === 'GET' && id === undefined) return json(200, sim.records(resource, tenantId));
  if (method === 'GET' && id !== undefined) {
    const record = sim.get(resource, id, tenantId);
    return record ? json(200, record) : problem(404, `No ${resource} record ${id}.`);
  }
  if (method === 'POST' && id === undefined) {
    const record =
      resource === 'invoices' ? sim.addInvoice(body, tenantId) : sim.add(resource, body as Rec, tenantId);
    return json(201, record);
  }
  if (method === 'PATCH' && id !== undefined) return json(200, sim.modify(resource, id, body, tenantId));
  return problem(405, `${method} is not supported on ${parts.join('/')}.`);
}
