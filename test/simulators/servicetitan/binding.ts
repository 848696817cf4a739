/**
 * Query binding the way ASP.NET Core (ServiceTitan's API framework) does it before any validation: parameter names
 * ignore case, booleans bind through `bool.TryParse` (`True`, `false`, ` TRUE ` all bind) and enum values bind by name,
 * ignoring case. The simulator rewrites such values to the spelling the spec lists, so validation and handlers see
 * one spelling.
 */

type Schema = Record<string, unknown>;

/** A query parameter of an operation and how its values bind. */
export interface QueryBinding {
  name: string;
  kind: 'boolean' | 'enum' | 'plain';
  /** `true` when the parameter is a list (repeated, or one comma-separated value). */
  array: boolean;
  /** Enum names as the spec spells them. */
  values: string[];
}

/** A parameter object from the spec (`in`, `name`, `schema`). */
export interface SpecParameter {
  name: string;
  in: string;
  schema?: Schema;
}

function types(schema: Schema): string[] {
  const t = schema.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

/** Follows `$ref` and single-branch `oneOf` wrappers (`{"type":"string","oneOf":[{"$ref":…}]}`) to the real schema. */
function unwrap(schema: Schema, resolve: (ref: string) => Schema | undefined): Schema {
  let current = schema;
  for (let depth = 0; depth < 5; depth++) {
    if (typeof current.$ref === 'string') {
      current = resolve(current.$ref) ?? {};
      continue;
    }
    const branches = (current.oneOf ?? current.anyOf) as Schema[] | undefined;
    const only = branches?.filter((b) => !types(b).includes('null'));
    if (only?.length === 1 && !Array.isArray(current.enum)) {
      current = only[0]!;
      continue;
    }
    return current;
  }
  return current;
}

function scalarBinding(schema: Schema): Pick<QueryBinding, 'kind' | 'values'> | undefined {
  if (Array.isArray(schema.enum)) return { kind: 'enum', values: schema.enum.map(String) };
  if (types(schema).includes('boolean')) return { kind: 'boolean', values: ['true', 'false'] };
  return undefined;
}

/** The query parameters of an operation. `resolve` looks up a `#/components/…` reference. */
export function queryBindings(
  parameters: readonly SpecParameter[],
  resolve: (ref: string) => Schema | undefined,
): QueryBinding[] {
  const out: QueryBinding[] = [];
  for (const p of parameters) {
    if (p.in !== 'query' || !p.schema) continue;
    const schema = unwrap(p.schema, resolve);
    const array = types(schema).includes('array');
    const scalar = scalarBinding(
      array ? unwrap((schema.items as Schema | undefined) ?? {}, resolve) : schema,
    );
    out.push({ name: p.name, array, ...(scalar ?? { kind: 'plain', values: [] }) });
  }
  return out;
}

function bindOne(raw: string, binding: QueryBinding): string {
  if (binding.kind === 'plain') return raw;
  const wanted = raw.trim().toLowerCase();
  return binding.values.find((v) => v.toLowerCase() === wanted) ?? raw;
}

/**
 * A copy of `query` with parameter names, booleans and enum values in the spec's spelling; a value that does not bind
 * stays as sent (validation then refuses it), and unknown parameters pass through.
 */
export function bindQuery(query: URLSearchParams, bindings: readonly QueryBinding[]): URLSearchParams {
  const byName = new Map(bindings.map((b) => [b.name.toLowerCase(), b]));
  const out = new URLSearchParams();
  for (const [name, value] of query) {
    const binding = byName.get(name.toLowerCase());
    if (!binding) out.append(name, value);
    else if (binding.array)
      out.append(
        binding.name,
        value
          .split(',')
          .map((v) => bindOne(v, binding))
          .join(','),
      );
    else out.append(binding.name, bindOne(value, binding));
  }
  return out;
}
