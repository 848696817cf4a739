import { describe, expect, it } from 'vitest';
import { classifyVismaError } from '../../../../main/engine/adapters/visma-errors';
import {
  CONNECTION_ERROR_CODES,
  UncertainWriteError,
  VismaError,
  isUncertain,
  isVismaConnectionError,
  localDateTime,
  mapVismaError,
  type VismaErrorCode,
} from '../../../../main/visma';

/** The error the client throws for an HTTP refusal with this status and body. */
const refusal = (status: number, body: unknown, endpoint = 'POST /v2/customerinvoice') =>
  new VismaError(mapVismaError(status, body, endpoint, { tenantId: 't', companyId: '9' }));

const ALL_CODES: VismaErrorCode[] = [
  'invalid_client',
  'wrong_tenant',
  'unauthorized',
  'company_mismatch',
  'no_licence',
  'missing_api_role',
  'vat_code_not_valid',
  'period_closed',
  'account_inactive',
  'account_missing',
  'customer_inactive',
  'customer_missing',
  'supplier_inactive',
  'supplier_missing',
  'not_found',
  'conflict',
  'rate_limited',
  'validation',
  'server_error',
  'network',
  'bad_response',
  'invalid_input',
  'release_failed',
  'in_progress',
  'uncertain',
];

const coded = (code: VismaErrorCode, endpoint = 'GET /v1/supplier') =>
  new VismaError({ code, endpoint, message: `Visma failed (${code}).` });

describe('classifyVismaError', () => {
  it('agrees with the client on what ends a read: exactly its connection codes', () => {
    for (const code of ALL_CODES) {
      const err = coded(code);
      const kind = classifyVismaError(err, 'read')?.kind;
      expect([code, kind === 'fatal']).toEqual([code, isVismaConnectionError(err)]);
      expect(CONNECTION_ERROR_CODES.has(code)).toBe(isVismaConnectionError(err));
    }
  });

  it.each([
    ['a refused access token', refusal(401, { message: 'Unauthorized' }), 'unauthorized'],
    ['a missing API role', refusal(403, { message: 'Forbidden' }), 'missing_api_role'],
    ['a token for another company', refusal(400, { ExceptionFaultCode: '12002' }), 'company_mismatch'],
    ['no licence', refusal(400, { ExceptionFaultCode: '12027' }), 'no_licence'],
    ['throttling after every retry', refusal(429, {}), 'rate_limited'],
    ['a refused client secret', coded('invalid_client', 'POST token'), 'invalid_client'],
    ['the wrong tenant', coded('wrong_tenant', 'POST token'), 'wrong_tenant'],
    ['an unreachable service', coded('network', 'POST /v2/customerinvoice'), 'network'],
    ['a sign-in service answering 5xx', coded('server_error', 'POST token'), 'server_error'],
  ])('ends the run on %s, for reads and writes alike', (_, err, code) => {
    expect(err.code).toBe(code);
    expect(classifyVismaError(err, 'read')).toEqual({ kind: 'fatal', message: err.message });
    expect(classifyVismaError(err, 'write')).toEqual({ kind: 'fatal', message: err.message });
  });

  it('calls a write without a clear answer uncertain', () => {
    for (const err of [
      new UncertainWriteError('POST /v2/customerinvoice', 'no answer before the timeout'),
      new UncertainWriteError('POST /v2/customerinvoice', 'Visma answered HTTP 502', 502),
    ]) {
      expect(isUncertain(err)).toBe(true);
      expect(classifyVismaError(err, 'write')).toEqual({ kind: 'uncertain', message: err.message });
    }
  });

  it('ends the run on an unreadable read or sign-in, but calls an unreadable write answer uncertain', () => {
    expect(classifyVismaError(coded('bad_response', 'GET /v1/supplier'), 'read')?.kind).toBe('fatal');
    expect(classifyVismaError(coded('bad_response', 'POST token'), 'write')?.kind).toBe('fatal');
    const release = coded('bad_response', 'POST /v1/customerinvoice/{invoiceNumber}/action/release');
    expect(classifyVismaError(release, 'write')).toEqual({ kind: 'uncertain', message: release.message });
  });

  it('gives the reasons the lifecycle acts on', () => {
    expect(classifyVismaError(refusal(404, { message: 'Not found' }), 'write')).toMatchObject({
      kind: 'refused',
      reason: 'not_found',
    });
    const busy = refusal(400, { message: 'The previous operation has not been completed yet.' });
    expect(busy.code).toBe('in_progress');
    expect(classifyVismaError(busy, 'write')).toMatchObject({ kind: 'refused', reason: 'in_progress' });
    const released = refusal(400, { message: 'Document is already released.' });
    expect(released.code).toBe('validation');
    expect(classifyVismaError(released, 'write')).toEqual({
      kind: 'refused',
      message: released.message,
      reason: 'already_released',
    });
  });

  it.each([
    ['a stale ETag after every retry', refusal(412, { message: 'Precondition failed' }), 'conflict'],
    [
      'a closed period',
      refusal(400, { message: 'Financial period 2024-01 is closed in the customer ledger.' }),
      'period_closed',
    ],
    [
      'a VAT code outside the zone',
      refusal(400, { message: "VAT '3' is not valid for VAT zone 01" }),
      'vat_code_not_valid',
    ],
    [
      'an unknown customer',
      refusal(400, { message: "Customer '10099' cannot be found in the system." }),
      'customer_missing',
    ],
    ['an inactive account', refusal(400, { message: "Account '3000' is inactive." }), 'account_inactive'],
    ['any other refusal', refusal(400, { message: 'Field X is required.' }), 'validation'],
  ])('calls %s a plain refusal', (_, err, code) => {
    expect(err.code).toBe(code);
    expect(classifyVismaError(err, 'write')).toEqual({ kind: 'refused', message: err.message });
  });

  it('calls input the client refused before sending a refusal', () => {
    let err: unknown;
    try {
      localDateTime('2024-01-01T00:00:00Z');
    } catch (e) {
      err = e;
    }
    expect(classifyVismaError(err, 'write')).toMatchObject({ kind: 'refused' });
    expect(classifyVismaError(coded('release_failed'), 'write')).toMatchObject({ kind: 'refused' });
  });

  it('leaves errors that are not the client’s alone', () => {
    expect(classifyVismaError(new Error('SQLITE_BUSY'), 'write')).toBeUndefined();
    expect(classifyVismaError('a string', 'read')).toBeUndefined();
  });
});
