import { describe, expect, it } from 'vitest';
import { runFailureOf } from '../../../main/engine/adapters/run-failure';
import { RunFailedError } from '../../../main/engine/run-record';
import { FatalSyncError } from '../../../main/engine/ports';
import { StCredentialsError, StRequestRejectedError, StUnavailableError } from '../../../main/servicetitan';
import { VismaError } from '../../../main/visma';

/** A run's error as the engine throws it: the client error inside the port's fatal error inside the run's. */
const asRunFails = (clientError: Error) =>
  new RunFailedError(12, new FatalSyncError(`x: ${clientError.message}`, { cause: clientError }));

describe('why a run failed', () => {
  it('tells a refused credential from a system out of reach, per system', () => {
    expect(runFailureOf(asRunFails(new StCredentialsError(401)))).toEqual({
      kind: 'credentials',
      system: 'servicetitan',
    });
    expect(runFailureOf(asRunFails(new StUnavailableError('token', 'ECONNREFUSED')))).toEqual({
      kind: 'unreachable',
      system: 'servicetitan',
    });
    expect(
      runFailureOf(
        asRunFails(new VismaError({ code: 'invalid_client', message: 'Visma refused the client.' })),
      ),
    ).toEqual({ kind: 'credentials', system: 'visma' });
    expect(runFailureOf(asRunFails(new VismaError({ code: 'network', message: 'No answer.' })))).toEqual({
      kind: 'unreachable',
      system: 'visma',
    });
  });

  it('says "other" for any other cause, a bug included, and survives a cause that points back at itself', () => {
    expect(runFailureOf(asRunFails(new StRequestRejectedError('x', 400, ['no'])))).toEqual({
      kind: 'other',
      system: 'servicetitan',
    });
    const loop = new Error('loop');
    (loop as { cause?: unknown }).cause = loop;
    expect(runFailureOf(new RunFailedError(1, loop))).toEqual({ kind: 'other', system: null });
    expect(runFailureOf('a string')).toEqual({ kind: 'other', system: null });
  });
});
