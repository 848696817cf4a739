import { z } from 'zod';

/**
 * The browser host's wire protocol (WebSocket at `/bridge?token=…`, or one-shot `POST /api/call/<channel>` with
 * header `x-bridge-token`). Electron IPC carries the same `BridgeResult` values without this envelope.
 */
export const WireCall = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string(),
  input: z.unknown(),
});
export type WireCall = z.infer<typeof WireCall>;

/** A reply to one call. */
export const WireResult = z.object({ type: z.literal('result'), id: z.number().int(), result: z.unknown() });
export type WireResult = z.infer<typeof WireResult>;

/** An event pushed by main. */
export const WireEvent = z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() });
export type WireEvent = z.infer<typeof WireEvent>;

/** Header that carries the per-run token on HTTP calls. */
export const BRIDGE_TOKEN_HEADER = 'x-bridge-token';
