import { z } from 'zod';
import {
  channels,
  type BridgeError,
  type BridgeResult,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
} from '../../shared/contract';
import { logger } from '../log/logger';
import { redactor } from '../log/redactor';

/** The implementation of every channel; the compiler reports a missing one. */
export type Handlers = {
  [N in ChannelName]: (input: ChannelParsedInput<N>) => Promise<ChannelOutput<N>>;
};

/** An error a handler throws on purpose, with a code and a message meant for the user. */
export class ApiError extends Error {
  constructor(
    readonly code: BridgeError['code'],
    message: string,
    /** The message as a code and values, for the UI to say in its language (`errors.api.<code>`). */
    readonly text?: { code: string; params: Record<string, string | number> },
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function apiErrorResult(err: ApiError): BridgeError {
  const error: BridgeError = { code: err.code, message: redactor.redact(err.message) };
  if (!err.text) return error;
  const params = Object.fromEntries(
    Object.entries(err.text.params).map(([k, v]) => [k, typeof v === 'string' ? redactor.redact(v) : v]),
  );
  return { ...error, messageCode: err.text.code, messageParams: params };
}

function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/**
 * Runs one call from either transport: checks the channel exists, validates the input with the channel's schema,
 * runs the handler, and turns every failure into a `BridgeResult` error — a bad call never throws past here.
 * Callers check the sender (IPC frame, or token and Origin) before calling.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
): Promise<BridgeResult<unknown>> {
  if (!isChannelName(name)) {
    return {
      ok: false,
      error: { code: 'unknown_channel', message: `There is no function called "${name}".` },
    };
  }
  const parsed = channels[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `The request to "${name}" was not valid: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`,
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: apiErrorResult(err) };
    const message = redactor.redact(err instanceof Error ? err.message : String(err));
    logger.error(`Call "${name}" failed: ${message}`);
    return {
      ok: false,
      error: { code: 'internal', message: `Something went wrong in "${name}": ${message}` },
    };
  }
}
