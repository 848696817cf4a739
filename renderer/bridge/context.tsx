import { createContext, useContext, type ReactNode } from 'react';
import type { BridgeClient } from './client';

const BridgeClientContext = createContext<BridgeClient | null>(null);

/** Makes the bridge client available to every hook below it. */
export function BridgeClientProvider({ client, children }: { client: BridgeClient; children: ReactNode }) {
  return <BridgeClientContext.Provider value={client}>{children}</BridgeClientContext.Provider>;
}

/** The bridge client of the surrounding provider. */
export function useBridgeClient(): BridgeClient {
  const client = useContext(BridgeClientContext);
  if (!client) throw new Error('useBridgeClient needs a BridgeClientProvider above it.');
  return client;
}
