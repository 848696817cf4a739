import { QueryClient } from '@tanstack/react-query';
import { BridgeCallError } from '../bridge/client';

/** Query client for a local bridge: retry only lost connections (a rejected call will not improve by repeating). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          error instanceof BridgeCallError && error.code === 'unavailable' && failures < 3,
      },
      mutations: { retry: false },
    },
  });
}
