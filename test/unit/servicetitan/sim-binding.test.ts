import { describe, expect, it } from 'vitest';
import { bindQuery, queryBindings } from '../../simulators/servicetitan/binding';

// Parameter shapes exactly as the ServiceTitan specs spell them (boolean, enum behind a oneOf, enum array, plain).
const components: Record<string, Record<string, unknown>> = {
  '#/components/schemas/ActiveRequestArg': { type: 'string', enum: ['True', 'Any', 'False'] },
  '#/components/schemas/Accounting.V2.TransactionStatus': {
    type: 'string',
    enum: ['Pending', 'Posted', 'Exported'],
  },
};
const parameters = [
  { name: 'tenant', in: 'path', schema: { type: 'integer' } },
  { name: 'includeTotal', in: 'query', schema: { type: 'boolean' } },
  {
    name: 'active',
    in: 'query',
    schema: { type: 'string', oneOf: [{ $ref: '#/components/schemas/ActiveRequestArg' }] },
  },
  {
    name: 'statuses',
    in: 'query',
    schema: { type: 'array', items: { $ref: '#/components/schemas/Accounting.V2.TransactionStatus' } },
  },
  { name: 'pageSize', in: 'query', schema: { type: 'integer' } },
];
const bindings = queryBindings(parameters, (ref) => components[ref]);
const bind = (qs: string) => bindQuery(new URLSearchParams(qs), bindings).toString();

describe('ASP.NET-style query binding in the ServiceTitan simulator', () => {
  it('finds the boolean, enum and plain query parameters', () => {
    expect(bindings.map((b) => [b.name, b.kind, b.array])).toEqual([
      ['includeTotal', 'boolean', false],
      ['active', 'enum', false],
      ['statuses', 'enum', true],
      ['pageSize', 'plain', false],
    ]);
  });

  it('binds .NET booleans in any case (True, FALSE, " true ")', () => {
    expect(bind('includeTotal=True')).toBe('includeTotal=true');
    expect(bind('includeTotal=FALSE')).toBe('includeTotal=false');
    expect(bind('includeTotal=+true+')).toBe('includeTotal=true');
  });

  it('binds enum names ignoring case, in lists too, and parameter names ignoring case', () => {
    expect(bind('active=false')).toBe('active=False');
    expect(bind('ACTIVE=any')).toBe('active=Any');
    expect(bind('statuses=posted&statuses=PENDING')).toBe('statuses=Posted&statuses=Pending');
    expect(bind('statuses=posted%2Cexported')).toBe('statuses=Posted%2CExported');
    expect(bind('PageSize=10')).toBe('pageSize=10');
  });

  it('leaves values that do not bind as sent, for validation to refuse', () => {
    expect(bind('includeTotal=yes&active=maybe&statuses=Paid')).toBe(
      'includeTotal=yes&active=maybe&statuses=Paid',
    );
    expect(bind('unknown=True')).toBe('unknown=True');
  });
});
