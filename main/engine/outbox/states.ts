/** The outbox state machine: states, the moves allowed between them (as data), and what each state means. */

/** Every state an outbox row can be in. */
export const OUTBOX_STATES = [
  'pending',
  'ready',
  'blocked',
  'posting',
  'posted',
  'releasing',
  'released',
  'exported',
  'uncertain',
  'failed',
  'ignored',
  'nothing_to_post',
] as const;

/** One outbox state. */
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * Allowed moves. `posting` is only entered from `ready` (after validation) and only left once the outcome of the
 * create request is known or looked up; `uncertain` never goes back to `posting` without a lookup first.
 */
export const TRANSITIONS: Readonly<Record<OutboxState, readonly OutboxState[]>> = {
  pending: ['ready', 'blocked', 'ignored', 'nothing_to_post'],
  ready: ['ready', 'posting', 'blocked', 'pending', 'ignored', 'nothing_to_post', 'posted'],
  blocked: ['pending', 'ready', 'blocked', 'ignored', 'nothing_to_post', 'posted'],
  posting: ['posted', 'uncertain', 'failed', 'blocked'],
  uncertain: ['posted', 'ready', 'failed', 'uncertain', 'blocked'],
  posted: ['posted', 'releasing', 'released', 'failed', 'uncertain'],
  releasing: ['releasing', 'released', 'posted'],
  released: ['exported', 'released'],
  exported: ['exported'],
  failed: ['pending', 'ready', 'blocked', 'ignored', 'posted'],
  ignored: ['pending'],
  nothing_to_post: ['nothing_to_post', 'pending'],
};

/** True when a row may move from `from` to `to`. */
export function canMove(from: OutboxState, to: OutboxState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** States whose document may already exist in Visma (never re-send without a lookup). */
export const IN_FLIGHT_STATES: readonly OutboxState[] = ['posting', 'uncertain'];

/** States where the Visma document exists. */
export const POSTED_STATES: readonly OutboxState[] = ['posted', 'releasing', 'released', 'exported'];

/** States that wait for the engine (re-resolved on every run). */
export const WAITING_STATES: readonly OutboxState[] = ['pending', 'ready', 'blocked'];

/** A move the state machine does not allow: a programming error, never user input. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly from: OutboxState,
    readonly to: OutboxState,
    readonly rowId: number,
  ) {
    super(`Outbox row ${rowId} cannot move from "${from}" to "${to}".`);
    this.name = 'IllegalTransitionError';
  }
}
