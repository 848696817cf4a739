import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenApiValidator } from '../common/openapi-validator';
import type { MatchedOperation } from '../common/openapi-validator';
import { queryBindings } from './binding';
import type { QueryBinding, SpecParameter } from './binding';

/** The ServiceTitan modules the simulator serves, by spec file name. */
export const ST_SPEC_FILES = ['accounting-v2', 'inventory-v2', 'settings-v2', 'crm-v2', 'jpm-v2'] as const;

/** Where the official ServiceTitan OpenAPI files live: `test/simulators/specs/servicetitan/` (see its README). */
export function defaultSpecDir(): string {
  return fileURLToPath(new URL('../specs/servicetitan/', import.meta.url));
}

/** Where the older 3.0 export with the webhook CloudEvent schemas lives. */
export function defaultWebhookSpecDir(): string {
  return fileURLToPath(new URL('../specs/servicetitan-webhooks/', import.meta.url));
}

type Schema = { properties?: Record<string, unknown>; required?: string[] };

/** The official specs, loaded once: the request/response validator and the component schemas for projections. */
export class StSpecs {
  readonly validator = new OpenApiValidator('3.1');
  private readonly components = new Map<string, Record<string, Schema>>();
  private readonly bindingCache = new Map<string, QueryBinding[]>();
  /** Every OAuth scope the loaded specs declare. */
  readonly allScopes = new Set<string>();

  constructor(readonly specDir = defaultSpecDir()) {
    for (const id of ST_SPEC_FILES) {
      const file = join(specDir, `${id}.json`);
      this.validator.addSpec(id, file);
      const spec = JSON.parse(readFileSync(file, 'utf8')) as {
        components: {
          schemas: Record<string, Schema>;
          securitySchemes?: {
            oauth?: { flows?: { clientCredentials?: { scopes?: Record<string, string> } } };
          };
        };
      };
      this.components.set(id, spec.components.schemas);
      for (const scope of Object.keys(
        spec.components.securitySchemes?.oauth?.flows?.clientCredentials?.scopes ?? {},
      )) {
        this.allScopes.add(scope);
      }
    }
  }

  /** Property names of a component schema (for copying a record into a closed response shape). */
  properties(specId: string, component: string): string[] {
    const schema = this.components.get(specId)?.[component];
    if (!schema) throw new Error(`No component ${component} in ${specId}`);
    return Object.keys(schema.properties ?? {});
  }

  /** How the query parameters of an operation bind (names, booleans and enums, ignoring case). */
  queryBindings(op: MatchedOperation): QueryBinding[] {
    const key = `${op.specId} ${op.operationId}`;
    let bindings = this.bindingCache.get(key);
    if (!bindings) {
      const schemas = this.components.get(op.specId) ?? {};
      const resolve = (ref: string) =>
        ref.startsWith('#/components/schemas/')
          ? (schemas[ref.slice('#/components/schemas/'.length)] as Record<string, unknown> | undefined)
          : undefined;
      const parameters = (op.operation.parameters ?? []).flatMap((p): SpecParameter[] =>
        'name' in p ? [p] : [],
      );
      bindings = queryBindings(parameters, resolve);
      this.bindingCache.set(key, bindings);
    }
    return bindings;
  }

  /** Validates a record against a component; returns problems. */
  check(specId: string, component: string, value: unknown): string[] {
    return this.validator.validateComponent(specId, component, value);
  }
}

/** Copies only the keys `keys` from `record`, filling absent ones with null (closed response schemas). */
export function project(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = record[k] === undefined ? null : record[k];
  return out;
}
