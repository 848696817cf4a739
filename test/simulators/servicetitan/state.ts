import { CallCounter, FaultInjector } from '../common/faults';
import type { FaultSpec } from '../common/faults';
import { SimAuth } from './auth';
import type { SimClock } from './clock';
import type { InvoiceRec } from './data/types';
import type { StSpecs } from './spec';
import type { TenantStore } from './store';
import type { WebhookEmitter } from './webhooks';

/** A token bucket per tenant: `perSecond` refill, `perSecond` burst (ServiceTitan's leaky-bucket limit). */
export class TenantRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(public perSecond: number | undefined) {}

  /** Takes one request slot; false when the tenant is over its limit. */
  take(tenantId: string): boolean {
    if (!this.perSecond) return true;
    const now = Date.now();
    const bucket = this.buckets.get(tenantId) ?? { tokens: this.perSecond, at: now };
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(tenantId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/** Everything the simulator knows: specs, clock, credentials, tenants, faults, counters, webhooks. */
export class SimState {
  readonly auth: SimAuth;
  readonly faults: FaultInjector;
  readonly tokenFaults: FaultInjector;
  readonly calls = new CallCounter();
  readonly tenants = new Map<string, TenantStore>();
  /** Responses that failed spec validation (a simulator bug; tests assert this stays empty). */
  readonly responseViolations: string[] = [];
  validateResponses = true;

  constructor(
    readonly specs: StSpecs,
    readonly clock: SimClock,
    readonly webhooks: WebhookEmitter,
    readonly rateLimiter: TenantRateLimiter,
    tokenLifetimeSeconds: number,
    seed: number,
  ) {
    this.auth = new SimAuth(clock, tokenLifetimeSeconds);
    this.faults = new FaultInjector(seed);
    this.tokenFaults = new FaultInjector(seed + 1);
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

  /** Sends an invoice event in the background when webhooks are configured. */
  queueInvoiceEvent(type: string, invoice: InvoiceRec, store: TenantStore): void {
    if (!this.webhooks.enabled) return;
    this.webhooks.emit(type, invoice, store.tenantId, store.name).catch(() => undefined);
  }
}
