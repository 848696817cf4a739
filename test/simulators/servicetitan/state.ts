import { CallCounter, FaultInjector } from '../common/faults';
import type { FaultSpec } from '../common/faults';
import { SimAuth } from './auth';
import type { SimClock } from './clock';
import type { InvoiceRec } from './data/types';
import type { StSpecs } from './spec';
import type { TenantStore } from './store';
import { KeyedThrottle } from './throttle';
import type { ThrottleLimit } from './throttle';
import { Violations } from './violations';
import type { WebhookEmitter } from './webhooks';

/** How the export feed says it has reached the end. */
export type ExportEnd = 'exact' | 'until-empty';

/** Knobs of the realistic behaviour that tests may change while the simulator runs. */
export interface SimBehaviour {
  /** `exact`: `hasMore` is false on the last page with data. `until-empty`: true on every page with data. */
  exportEnd: ExportEnd;
  /** Records per export-feed page. */
  exportPageSize: number;
  /** Send `Retry-After` with a 429 (the gateway does); off leaves only the seconds in the message. */
  retryAfterHeader: boolean;
}

/** Everything the simulator knows: specs, clock, credentials, tenants, faults, counters, webhooks, violations. */
export class SimState {
  readonly auth: SimAuth;
  readonly faults: FaultInjector;
  readonly tokenFaults: FaultInjector;
  readonly calls = new CallCounter();
  readonly tenants = new Map<string, TenantStore>();
  /** API calls per tenant (the gateway's 60 per second), in real time. */
  readonly rateLimiter: KeyedThrottle;
  /** Token requests per client id, on the simulated clock. */
  readonly tokenThrottle: KeyedThrottle;
  readonly violations = new Violations();
  validateResponses = true;

  constructor(
    readonly specs: StSpecs,
    readonly clock: SimClock,
    readonly webhooks: WebhookEmitter,
    limits: { api: ThrottleLimit | undefined; token: ThrottleLimit | undefined },
    readonly behaviour: SimBehaviour,
    tokenLifetimeSeconds: number,
    seed: number,
  ) {
    this.auth = new SimAuth(clock, tokenLifetimeSeconds);
    this.faults = new FaultInjector(seed);
    this.tokenFaults = new FaultInjector(seed + 1);
    this.rateLimiter = new KeyedThrottle(limits.api, Date.now);
    this.tokenThrottle = new KeyedThrottle(limits.token, clock.now);
  }

  /** Answers that failed spec validation (kept for existing callers; see `violations`). */
  get responseViolations(): string[] {
    return this.violations.all;
  }

  /** Adds a fault; those aimed at `/connect/token` go to the sign-in endpoint only. */
  addFault(spec: FaultSpec): number {
    return spec.pathIncludes?.includes('connect/token') ? this.tokenFaults.add(spec) : this.faults.add(spec);
  }

  /** Removes every fault. */
  clearFaults(): void {
    this.faults.clear();
    this.tokenFaults.clear();
  }

  /** Sends an invoice event in the background when webhooks are configured; a bad event is a recorded violation. */
  queueInvoiceEvent(type: string, invoice: InvoiceRec, store: TenantStore): void {
    if (!this.webhooks.enabled) return;
    this.webhooks.emit(type, invoice, store.tenantId, store.name).catch(() => undefined);
  }
}
