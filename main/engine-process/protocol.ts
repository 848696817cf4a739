import { z } from 'zod';
import {
  BRIDGE_ERROR_CODES,
  ProfileId,
  SecretKind,
  SecretStatus,
  eventNames,
  events,
  type BridgeResult,
  type EventName,
  type EventPayload,
} from '../../shared/contract';

/*
 * The messages between the app's main process and the engine process. Both sides parse what they receive with
 * these schemas; a message that does not parse is dropped with a log line, never acted on.
 *
 *   parent → child: call (a contract call), secret-result (answer to the child's keychain request), shutdown
 *   child → parent: ready or start-failed, result (answer to a call), event (a contract event), secret (a keychain
 *   request)
 */

/** The contract's error shape (`BridgeError`) as a schema. */
export const BridgeErrorSchema = z.object({
  code: z.enum(BRIDGE_ERROR_CODES),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  messageCode: z.string().optional(),
  messageParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** A `BridgeResult` whose value is checked by the caller's channel, not here. */
export const BridgeResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: BridgeErrorSchema }),
]);

const RequestId = z.number().int().nonnegative();

/** A keychain operation the engine asks the main process to do (the keychain stays in main). */
export const SecretRequest = z.discriminatedUnion('op', [
  z.object({ op: z.literal('get'), profileId: ProfileId, kind: SecretKind }),
  z.object({ op: z.literal('set'), profileId: ProfileId, kind: SecretKind, value: z.string() }),
  z.object({ op: z.literal('rotate'), profileId: ProfileId, kind: SecretKind, value: z.string() }),
  z.object({ op: z.literal('delete'), profileId: ProfileId, kind: SecretKind }),
  z.object({ op: z.literal('status'), profileId: ProfileId }),
]);
export type SecretRequest = z.infer<typeof SecretRequest>;

/** What each keychain operation answers. */
export const SecretValue = {
  get: z.string().nullable(),
  set: z.null(),
  rotate: z.null(),
  delete: z.boolean(),
  status: SecretStatus,
} as const satisfies Record<SecretRequest['op'], z.ZodType>;

/** Why a keychain operation failed, as `SecretStoreError` names it. */
export const SecretFailureReason = z.enum(['unavailable', 'not_found', 'invalid', 'failed']);

/** The answer to a keychain request; the value is checked against `SecretValue` of the operation. */
export const SecretResult = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), reason: SecretFailureReason, message: z.string() }),
]);
export type SecretResult = z.infer<typeof SecretResult>;

/** A message from the main process to the engine process. */
export const ParentMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: RequestId, channel: z.string().max(200), input: z.unknown() }),
  z.object({ type: z.literal('secret-result'), id: RequestId, result: SecretResult }),
  z.object({ type: z.literal('shutdown') }),
]);
export type ParentMessage = z.infer<typeof ParentMessage>;

/** A message from the engine process to the main process. */
export const ChildMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), ledgerProblem: z.string().nullable() }),
  z.object({ type: z.literal('start-failed'), message: z.string() }),
  z.object({ type: z.literal('result'), id: RequestId, result: BridgeResultSchema }),
  z.object({ type: z.literal('event'), event: z.enum(eventNames), payload: z.unknown() }),
  z.object({ type: z.literal('secret'), id: RequestId, request: SecretRequest }),
]);
export type ChildMessage = z.infer<typeof ChildMessage>;

/** A parsed contract event: the name and its payload, checked against the contract's event schema. */
export type ContractEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

/** Checks an event's payload against the contract; null when it does not match. */
export function parseEvent(event: EventName, payload: unknown): ContractEvent | null {
  const parsed = events[event].safeParse(payload);
  return parsed.success ? ({ event, payload: parsed.data } as ContractEvent) : null;
}

/** A short, value-free description of why a message was refused, for the log. */
export function describeRefusal(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'message'}: ${i.message}`)
    .join('; ');
}

/** The answer a pending call gets when the engine process is gone. */
export function engineStopped(channel: string, detail: string): BridgeResult<never> {
  return {
    ok: false,
    error: {
      code: 'unavailable',
      message: `The engine stopped (${detail}) before "${channel}" was answered. Try again: it starts anew on the next request.`,
    },
  };
}

/** What the engine process is started with (one JSON argument, so nothing is parsed from loose flags). */
export const EngineStartOptions = z.object({
  /** The app's data folder: settings.json, ledger.sqlite, logs/. */
  dataDir: z.string().min(1),
  version: z.string(),
  host: z.enum(['electron', 'browser']).default('electron'),
  demo: z.boolean().default(false),
});
export type EngineStartOptions = z.input<typeof EngineStartOptions>;
/** `EngineStartOptions` with its defaults filled in. */
export type EngineStartSettings = z.output<typeof EngineStartOptions>;

/** The command-line arguments that carry `options` to the engine entry. */
export function engineArgs(options: EngineStartOptions): string[] {
  return [JSON.stringify(options)];
}
