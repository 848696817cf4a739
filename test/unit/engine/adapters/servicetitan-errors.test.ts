import { describe, expect, it } from 'vitest';
import { classifyServiceTitanError } from '../../../../main/engine/adapters/servicetitan-errors';
import { FatalSyncError, RecordCallError } from '../../../../main/engine/ports';
import {
  StAppKeyError,
  StBadResponseError,
  StCredentialsError,
  StFeedLoopError,
  StNotFoundError,
  StRateLimitedError,
  StRequestRejectedError,
  StScopeError,
  StTenantError,
  StUnavailableError,
  StWriteUncertainError,
  type ServiceTitanError,
} from '../../../../main/servicetitan';

const fatalOnBoth: [string, ServiceTitanError][] = [
  ['bad client id or secret', new StCredentialsError(400)],
  ['refused app key', new StAppKeyError('GET vendors', 401)],
  ['unknown tenant', new StTenantError('123', 'GET vendors', 404)],
  ['missing scope', new StScopeError('tn.vnd:w', 'change vendors', 'PATCH vendors/{id}')],
  ['still rate limited after the waits', new StRateLimitedError('GET vendors', 2000)],
  ['unreachable after the retries', new StUnavailableError('GET vendors', 'connection refused')],
  ['sign-in service down', new StUnavailableError('token', 'sign-in answered 503', 503)],
  [
    'an unreadable sign-in answer',
    new StBadResponseError('token', ['the sign-in answer has no access token']),
  ],
];

describe('classifyServiceTitanError', () => {
  it.each(fatalOnBoth)('ends the run on %s, for reads and writes alike', (_, err) => {
    expect(classifyServiceTitanError(err, 'read')).toEqual({ kind: 'fatal', message: err.message });
    expect(classifyServiceTitanError(err, 'write')).toEqual({ kind: 'fatal', message: err.message });
  });

  it('calls a write without an answer uncertain', () => {
    const err = new StWriteUncertainError('PATCH vendors/{id}', 'no answer before the timeout');
    expect(classifyServiceTitanError(err, 'write')).toEqual({ kind: 'uncertain', message: err.message });
  });

  it('calls a rejected request a refusal, and a missing record a not_found refusal', () => {
    const rejected = new StRequestRejectedError('POST vendors', 400, ['Name is required']);
    expect(classifyServiceTitanError(rejected, 'write')).toEqual({
      kind: 'refused',
      message: rejected.message,
    });
    const missing = new StNotFoundError('GET vendors/{id}', 'vendor 42');
    expect(classifyServiceTitanError(missing, 'read')).toEqual({
      kind: 'refused',
      message: 'ServiceTitan has no vendor 42.',
      reason: 'not_found',
    });
  });

  it('ends the run on an unreadable read, but calls an unreadable write answer uncertain (it was accepted)', () => {
    for (const err of [
      new StBadResponseError('GET vendors', ['data.0.id Required']),
      new StFeedLoopError('invoices export', 'token-1'),
    ]) {
      expect(classifyServiceTitanError(err, 'read')).toMatchObject({ kind: 'fatal' });
      expect(classifyServiceTitanError(err, 'write')).toMatchObject({ kind: 'uncertain' });
    }
  });

  it('leaves errors that are not the client’s alone', () => {
    expect(classifyServiceTitanError(new TypeError('x is undefined'), 'read')).toBeUndefined();
    expect(classifyServiceTitanError(new FatalSyncError('ServiceTitan: down'), 'read')).toBeUndefined();
    expect(
      classifyServiceTitanError(new RecordCallError('Visma', 'refused', 'no', { cause: null }), 'write'),
    ).toBeUndefined();
  });
});
