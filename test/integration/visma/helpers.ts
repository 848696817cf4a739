import { TokenCache } from '../../../main/http/token-cache';
import type { VismaClientOptions, VismaConnectionWithSecret } from '../../../main/visma';
import type { VismaSimulator } from '../../simulators/visma';

/** The connection of simulated company `index` (0 = A, 1 = B). */
export function connectionFor(sim: VismaSimulator, index = 0): VismaConnectionWithSecret {
  const c = sim.companies[index]!;
  return {
    tokenUrl: sim.tokenUrl,
    apiBaseUrl: sim.apiBaseUrl,
    tenantId: c.tenantId,
    companyId: c.companyId,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
  };
}

/** Fast, isolated client options for tests (own token cache, short backoff). */
export function testOptions(extra: VismaClientOptions = {}): VismaClientOptions {
  return { tokenCache: new TokenCache(), backoffBaseMs: 5, backoffCapMs: 50, timeoutMs: 5_000, ...extra };
}

/** A date in the current month (an open period in the seed). */
export function thisMonth(day = 10): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
