import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/** An OpenAPI operation found for a request. */
export interface MatchedOperation {
  specId: string;
  method: string;
  /** Full path template including the server's base path, e.g. `/accounting/v2/tenant/{tenant}/invoices`. */
  template: string;
  operationId: string;
  pathParams: Record<string, string>;
  operation: OperationObject;
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}
type SchemaObject = Record<string, unknown>;
interface OperationObject {
  operationId?: string;
  parameters?: (ParameterObject | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: SchemaObject }> };
  responses?: Record<string, { content?: Record<string, { schema?: SchemaObject }> }>;
  security?: Record<string, string[]>[];
}
interface Route {
  specId: string;
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  operation: OperationObject;
}

/** Request parts to validate. */
export interface RequestParts {
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  hasBody: boolean;
}

const numericFormats = [
  'html',
  'int32',
  'int64',
  'float',
  'double',
  'decimal',
  'byte',
  'binary',
  'password',
  'uuid',
];

/**
 * Validates requests and responses against official OpenAPI files, compiling schemas straight from the spec's own
 * `components` with ajv (2020-12 for OpenAPI 3.1, draft-07 with `nullable` for 3.0). No hand-copied schemas.
 */
export class OpenApiValidator {
  private readonly ajv: Ajv;
  private readonly routes: Route[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly specs = new Map<string, Record<string, unknown>>();

  /**
   * `dateTimeWithoutOffset`: accept `date-time` values without a zone offset (`2025-01-27T00:00:00`), as .NET APIs such as
   * Visma's send and expect them; RFC 3339 (the default) requires the offset.
   */
  constructor(version: '3.0' | '3.1', options: { dateTimeWithoutOffset?: boolean } = {}) {
    const ajvOptions = {
      strict: false,
      allErrors: true,
      validateSchema: false,
      discriminator: false,
      logger: false,
    } as const;
    this.ajv = version === '3.1' ? new Ajv2020(ajvOptions) : new Ajv(ajvOptions);
    addFormats(this.ajv);
    for (const f of numericFormats) this.ajv.addFormat(f, true);
    if (options.dateTimeWithoutOffset) {
      const isoDateTime = this.ajv.formats['iso-date-time'];
      if (isoDateTime) this.ajv.addFormat('date-time', isoDateTime);
    }
  }

  /** Loads a spec file; `specId` names it in refs. Routes get the path of the spec's first server prefixed. */
  addSpec(specId: string, file: string): this {
    const spec = JSON.parse(readFileSync(file, 'utf8')) as {
      servers?: { url: string }[];
      paths: Record<string, Record<string, OperationObject>>;
    };
    this.specs.set(specId, spec);
    this.ajv.addSchema(rewriteRefs(spec, specId) as object, specId);
    const base = spec.servers?.[0] ? new URL(spec.servers[0].url).pathname.replace(/\/$/, '') : '';
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const template = base + path;
        const names: string[] = [];
        const pattern = template
          .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          .replace(/\\?\{([^}]+)\\?\}/g, (_m, n: string) => {
            names.push(n);
            return '([^/]+)';
          });
        this.routes.push({
          specId,
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^${pattern}$`, 'i'),
          names,
          operation,
        });
      }
    }
    // Literal segments win over parameters: sort so routes with fewer parameters are tried first.
    this.routes.sort((a, b) => a.names.length - b.names.length);
    return this;
  }

  /** Finds the operation for a method and path, or undefined when the spec has no such endpoint. */
  match(method: string, pathname: string): MatchedOperation | undefined {
    for (const r of this.routes) {
      if (r.method !== method.toUpperCase()) continue;
      const m = r.regex.exec(pathname);
      if (!m) continue;
      const pathParams: Record<string, string> = {};
      r.names.forEach((n, i) => (pathParams[n] = decodeURIComponent(m[i + 1] ?? '')));
      return {
        specId: r.specId,
        method: r.method,
        template: r.template,
        operationId: r.operation.operationId ?? `${r.method} ${r.template}`,
        pathParams,
        operation: r.operation,
      };
    }
    return undefined;
  }

  /** Validates path, query and header parameters and the JSON body; returns human-readable problems. */
  validateRequest(op: MatchedOperation, req: RequestParts): string[] {
    const errors: string[] = [];
    for (const raw of op.operation.parameters ?? []) {
      const p = this.deref<ParameterObject>(op.specId, raw);
      if (!p.schema || p.in === 'cookie') continue;
      const values = this.paramValues(p, op, req);
      if (values === undefined) {
        if (p.required) errors.push(`${p.in} parameter '${p.name}' is required`);
        continue;
      }
      const value = coerce(values, p.schema, (s) => this.resolveSchema(op.specId, s));
      const validate = this.compileInline(op.specId, p.schema);
      if (!validate(value)) errors.push(...describe(validate, `${p.in} parameter '${p.name}'`));
    }
    const bodySpec = op.operation.requestBody;
    if (bodySpec) {
      const schema = bodySpec.content?.['application/json']?.schema ?? firstSchema(bodySpec.content);
      if (!req.hasBody) {
        if (bodySpec.required) errors.push('request body is required');
      } else if (schema) {
        const validate = this.compileInline(op.specId, schema);
        if (!validate(req.body)) errors.push(...describe(validate, 'request body'));
      }
    }
    return errors;
  }

  /** Names of the query parameters the operation declares, as the description spells them. */
  queryParameterNames(op: MatchedOperation): string[] {
    return (op.operation.parameters ?? [])
      .map((raw) => this.deref<ParameterObject>(op.specId, raw))
      .filter((p) => p.in === 'query')
      .map((p) => p.name);
  }

  /** The methods the description declares for a path (empty when it knows no such path). */
  methodsFor(pathname: string): string[] {
    return [...new Set(this.routes.filter((r) => r.regex.test(pathname)).map((r) => r.method))];
  }

  /** Header names of the apiKey security schemes the operation requires (e.g. `ST-App-Key`). */
  requiredApiKeyHeaders(op: MatchedOperation): string[] {
    const spec = this.specs.get(op.specId) as {
      components?: { securitySchemes?: Record<string, { type: string; in?: string; name?: string }> };
    };
    const schemes = spec.components?.securitySchemes ?? {};
    const names = new Set<string>();
    for (const requirement of op.operation.security ?? []) {
      for (const key of Object.keys(requirement)) {
        const scheme = schemes[key];
        if (scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.name) names.add(scheme.name);
      }
    }
    return [...names];
  }

  /** OAuth scopes the operation requires. */
  requiredScopes(op: MatchedOperation): string[] {
    return (op.operation.security ?? []).flatMap((r) => Object.values(r).flat());
  }

  /** Validates a JSON response body against the operation's response schema for `status`. */
  validateResponse(op: MatchedOperation, status: number, body: unknown): string[] {
    const responses = op.operation.responses ?? {};
    const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!response) return [`status ${status} is not declared for ${op.operationId}`];
    const schema = response.content?.['application/json']?.schema ?? firstSchema(response.content);
    if (!schema) return body === undefined || body === '' ? [] : [];
    const validate = this.compileInline(op.specId, schema);
    return validate(body) ? [] : describe(validate, `response ${status}`);
  }

  /** Validates a value against a named component schema, e.g. `Accounting.V2.InvoiceResponse`. */
  validateComponent(specId: string, name: string, value: unknown): string[] {
    const validate = this.compileInline(specId, { $ref: `#/components/schemas/${name}` });
    return validate(value) ? [] : describe(validate, name);
  }

  private paramValues(p: ParameterObject, op: MatchedOperation, req: RequestParts): string[] | undefined {
    if (p.in === 'path') return op.pathParams[p.name] === undefined ? undefined : [op.pathParams[p.name]!];
    if (p.in === 'query') {
      const all = req.query.getAll(p.name);
      return all.length ? all : undefined;
    }
    const h = req.headers[p.name.toLowerCase()];
    if (h === undefined) return undefined;
    return Array.isArray(h) ? h : [h];
  }

  private compileInline(specId: string, schema: SchemaObject): ValidateFunction {
    const key = `${specId}:${JSON.stringify(schema)}`;
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.ajv.compile(rewriteRefs(schema, specId) as object);
      this.compiled.set(key, fn);
    }
    return fn;
  }

  private deref<T>(specId: string, value: T | { $ref: string }): T {
    let v: unknown = value;
    while (v && typeof v === 'object' && '$ref' in v && typeof v.$ref === 'string') {
      v = this.pointer(specId, (v as { $ref: string }).$ref);
    }
    return v as T;
  }

  private resolveSchema(specId: string, s: SchemaObject): SchemaObject {
    return this.deref<SchemaObject>(specId, s);
  }

  private pointer(specId: string, ref: string): unknown {
    const spec = this.specs.get(specId);
    const parts = ref
      .replace(/^#\//, '')
      .split('/')
      .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
    let cur: unknown = spec;
    for (const part of parts) cur = (cur as Record<string, unknown> | undefined)?.[part];
    return cur;
  }
}

function firstSchema(
  content: Record<string, { schema?: SchemaObject }> | undefined,
): SchemaObject | undefined {
  if (!content) return undefined;
  for (const v of Object.values(content)) if (v.schema) return v.schema;
  return undefined;
}

/** Points local `#/…` refs at the named spec so inline schemas compile against it. */
function rewriteRefs(node: unknown, specId: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, specId));
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] =
        k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${specId}${v}` : rewriteRefs(v, specId);
    }
    return out;
  }
  return node;
}

function schemaTypes(schema: SchemaObject): string[] {
  const t = schema.type;
  if (Array.isArray(t)) return t as string[];
  if (typeof t === 'string') return [t];
  return [];
}

/** Turns query/header strings into the JSON types the parameter schema expects. */
function coerce(values: string[], schema: SchemaObject, resolve: (s: SchemaObject) => SchemaObject): unknown {
  const s = resolve(schema);
  const types = schemaTypes(s);
  if (types.includes('array')) {
    const items = (s.items as SchemaObject | undefined) ?? {};
    const flat = values.length === 1 && values[0]!.includes(',') ? values[0]!.split(',') : values;
    return flat.map((v) => coerce([v], items, resolve));
  }
  const v = values[values.length - 1]!;
  if (types.includes('integer') || types.includes('number')) {
    const n = Number(v);
    return v.trim() !== '' && Number.isFinite(n) ? n : v;
  }
  if (types.includes('boolean')) return v === 'true' ? true : v === 'false' ? false : v;
  if (types.includes('object')) return {};
  return v;
}

function describe(validate: ValidateFunction, where: string): string[] {
  return (validate.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` '${String(e.params.additionalProperty)}'` : '';
    return `${where}${e.instancePath} ${e.message ?? 'is invalid'}${extra}`;
  });
}
