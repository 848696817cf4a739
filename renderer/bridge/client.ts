import { z } from 'zod';
import {
  channels,
  events,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
} from '../../shared/contract/channels';
import type { EventName, EventPayload } from '../../shared/contract/channels';
import type { BridgeApi } from '../../shared/contract/bridge';
import { BRIDGE_ERROR_CODES, type BridgeErrorCode } from '../../shared/contract/define';

/** Why a call failed: the contract's codes, plus `invalid_response` when main's answer breaks the schema. */
export type BridgeCallErrorCode = BridgeErrorCode | 'invalid_response';

/** A failed bridge call, with the stable code and the message main wrote for a person. */
export class BridgeCallError extends Error {
  constructor(
    readonly code: BridgeCallErrorCode,
    message: string,
    readonly channel: ChannelName,
    readonly issues: readonly { path: string; message: string }[] = [],
    /** The message as a code and values (`errors.api.<code>`), when main sent one. */
    readonly text?: { code: string; params: Record<string, string | number> },
  ) {
    super(message);
    this.name = 'BridgeCallError';
  }
}

const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      messageCode: z.string().optional(),
      messageParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  }),
]);

const knownCodes: ReadonlySet<string> = new Set<string>(BRIDGE_ERROR_CODES);

/** The typed way the UI talks to main: every answer is checked against the channel's output schema. */
export interface BridgeClient {
  call<N extends ChannelName>(channel: N, input: ChannelInput<N>): Promise<ChannelOutput<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Wraps either transport in the typed, validating client. */
export function createBridgeClient(api: BridgeApi): BridgeClient {
  return {
    async call(channel, input) {
      const invoke = api[channel] as (input: unknown) => Promise<unknown>;
      let raw: unknown;
      try {
        raw = await invoke(input);
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        throw new BridgeCallError('unavailable', `Could not reach the app: ${detail}`, channel);
      }
      const envelope = Envelope.safeParse(raw);
      if (!envelope.success)
        throw new BridgeCallError('invalid_response', `Unreadable answer to "${channel}".`, channel);
      if (!envelope.data.ok) {
        const { code, message, issues, messageCode, messageParams } = envelope.data.error;
        const known = knownCodes.has(code) ? (code as BridgeErrorCode) : 'internal';
        const text = messageCode ? { code: messageCode, params: messageParams ?? {} } : undefined;
        throw new BridgeCallError(known, message, channel, issues, text);
      }
      const value = channels[channel].output.safeParse(envelope.data.value);
      if (!value.success) {
        throw new BridgeCallError('invalid_response', `Unexpected answer to "${channel}".`, channel);
      }
      return value.data as ChannelOutput<typeof channel>;
    },
    on(event, listener) {
      return api.on(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      });
    },
  };
}
