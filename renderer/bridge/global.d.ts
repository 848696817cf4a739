import type { BridgeApi } from '../../shared/contract/bridge';

declare global {
  interface Window {
    /** Present only under Electron, where the preload exposes the contract. */
    stVisma?: BridgeApi;
  }
}
