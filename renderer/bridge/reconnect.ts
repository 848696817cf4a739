/** How quickly the browser transport retries a dropped connection. */
export interface ReconnectPolicy {
  initialMs: number;
  maxMs: number;
}

/** Default policy: 250 ms, doubling, capped at 5 s (the host is on the same machine). */
export const defaultReconnectPolicy: ReconnectPolicy = { initialMs: 250, maxMs: 5000 };

/** The delay before reconnect attempt number `attempt` (0-based): exponential, capped. */
export function reconnectDelay(attempt: number, policy: ReconnectPolicy = defaultReconnectPolicy): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 20));
}
