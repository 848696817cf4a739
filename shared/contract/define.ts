import type { z } from 'zod';

/** One request/response pair of the contract: both sides validate with these schemas. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

/** Declares a channel; the helper only fixes the types. */
export function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelSpec<I, O> {
  return { input, output };
}

/** The error shape every failed call returns: a stable code and a message a person can act on. */
export interface BridgeError {
  code: BridgeErrorCode;
  message: string;
  /** Field-level problems for `invalid_input`. */
  issues?: { path: string; message: string }[];
  /** The message as a code and values, for the UI to say in its language; `message` is its English sentence. */
  messageCode?: string;
  messageParams?: Record<string, string | number>;
}

/**
 * Error codes a bridge call can fail with; `service_failed` means ServiceTitan or Visma refused or failed (wrong
 * credentials, outage…) and the message says which and why.
 */
export const BRIDGE_ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'unauthorized',
  'forbidden_origin',
  'not_found',
  'conflict',
  'unavailable',
  'service_failed',
  'internal',
] as const;

/** One of the error codes a bridge call can fail with. */
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

/** What travels back over either transport. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };
