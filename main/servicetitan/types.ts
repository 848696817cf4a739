import type { StConnection } from '../../shared/profile-config';

/** A ServiceTitan connection with its secrets resolved (from the keychain or a simulator config). */
export type StCredentials = StConnection & { clientSecret: string; appKey: string };

/** Options of the ServiceTitan client. */
export interface StClientOptions {
  /** Per-request timeout; ServiceTitan itself gives up after 100 s. Default 60 s. */
  timeoutMs?: number;
  /** Request rate cap per tenant. Default 60/s (ServiceTitan's limit). */
  maxRequestsPerSecond?: number;
  /** Clock for token lifetimes (tests share the simulator's). Default `Date.now`. */
  now?: () => number;
  /** Called before every HTTP call with its endpoint name (`Invoices_GetList`, `token`, …). */
  onCall?: (endpoint: string) => void;
  /** Retries for reads after network errors and 5xx. Default 4. */
  maxRetries?: number;
  /** How many 429 answers to wait out per request. Default 6. */
  maxRateLimitWaits?: number;
  /** Backoff base for retries, ms. Default 250. */
  backoffBaseMs?: number;
  /** Random source for backoff jitter (tests make it deterministic). */
  random?: () => number;
}

/** Calls made so far, per endpoint, plus the total. */
export interface StCallCounts {
  total: number;
  byEndpoint: Record<string, number>;
}
