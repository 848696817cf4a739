import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from './channels';
import type { BridgeResult } from './define';

/** What the preload (or the browser transport) puts at `window.stVisma`: one function per channel, plus events. */
export type BridgeApi = {
  readonly [N in ChannelName]: (input: ChannelInput<N>) => Promise<BridgeResult<ChannelOutput<N>>>;
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

/** The global name the bridge is exposed under. */
export const BRIDGE_GLOBAL = 'stVisma';
