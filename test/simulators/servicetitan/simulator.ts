import type { FaultSpec } from '../common/faults';
import type { SimClient } from './auth';
import type { InvoiceRec, Rec, VendorRec } from './data/types';
import { FIXTURE_SCHEMAS } from './fixture';
import type { ExportEnd, SimState } from './state';
import { RESOURCE_KEYS } from './store';
import type { Resource, TenantStore } from './store';
import { vendorView } from './vendors';
import type { ThrottleLimit } from './throttle';
import type { WebhookDelivery, WebhookOptions } from './webhooks';

/** The documents `addDocuments` takes in their raw official response shapes. */
export type RawDocumentResource = 'invoices' | 'ap-bills';

/** The simulator's throttles: per tenant on the API, per client id on the token endpoint. */
export interface SimRateLimits {
  /** API requests per second per tenant; 0 = off. */
  apiPerSecond: number;
  /** Token requests per client id; null = off. */
  token: ThrottleLimit | null;
  /** Whether 429 answers carry `Retry-After`. */
  retryAfterHeader: boolean;
}

/** How the export feeds page. */
export interface SimExportFeedSettings {
  end: ExportEnd;
  pageSize: number;
}

/** Credentials of one simulated tenant. */
export interface SimTenantInfo {
  tenantId: string;
  name: string;
  clientId: string;
  clientSecret: string;
}

/** A ServiceTitan connection block pointing at the simulator (the `servicetitan` part of a profile config). */
export interface SimConnection {
  environment: 'integration';
  authUrl: string;
  apiBaseUrl: string;
  tenantId: string;
  appKey: string;
  clientId: string;
  clientSecret: string;
}

/** Programmatic controls of a running simulator; `/__sim/…` exposes the same over HTTP. */
export class SimControls {
  constructor(
    protected readonly state: SimState,
    readonly baseUrl: string,
    readonly appKey: string,
    readonly tenants: SimTenantInfo[],
  ) {}

  /** The token endpoint (same path as production's `/connect/token`). */
  get authUrl(): string {
    return `${this.baseUrl}/connect/token`;
  }

  /** The API root (`{apiBaseUrl}/{module}/v2/tenant/{tenant}/…`). */
  get apiBaseUrl(): string {
    return this.baseUrl;
  }

  /** A ready connection for a tenant (default: the main one). */
  connection(tenantId = this.tenants[0]!.tenantId): SimConnection {
    const t = this.tenant(tenantId);
    return {
      environment: 'integration',
      authUrl: this.authUrl,
      apiBaseUrl: this.apiBaseUrl,
      tenantId: t.tenantId,
      appKey: this.appKey,
      clientId: t.clientId,
      clientSecret: t.clientSecret,
    };
  }

  /** Simulated time, epoch ms (share it with the client as its `now` to test token lifetimes without waiting). */
  now = (): number => this.state.clock.now();

  /** Moves the clock forward; returns the new time. */
  advanceClock(ms: number): number {
    return this.state.clock.advance(ms);
  }

  /** Injects a fault for the next `count` calls or a `share` of calls (aim at sign-in with `pathIncludes: 'connect/token'`). */
  addFault(spec: FaultSpec): number {
    return this.state.addFault(spec);
  }

  /** Removes every fault. */
  clearFaults(): void {
    this.state.clearFaults();
  }

  /** How many calls (API and token endpoint) an injected fault was applied to so far. */
  faultsApplied(): number {
    return this.state.faults.appliedCount() + this.state.tokenFaults.appliedCount();
  }

  /** Calls received per endpoint (operationId, or `token`). */
  calls(): { total: number; byEndpoint: Record<string, number> } {
    return this.state.calls.snapshot();
  }

  /** Clears the call counters. */
  resetCalls(): void {
    this.state.calls.reset();
  }

  /** Tokens handed out since start. */
  tokensIssued(): number {
    return this.state.auth.issuedCount;
  }

  /** Replaces the scopes granted to a client (takes effect on the next call). */
  setScopes(clientId: string, scopes: string[]): void {
    const client = this.client(clientId);
    client.scopes = new Set(scopes);
  }

  /** Scopes currently granted to a client. */
  scopes(clientId: string): string[] {
    return [...this.client(clientId).scopes].sort();
  }

  /** Changes the lifetime of tokens issued from now on. */
  setTokenLifetime(seconds: number): void {
    this.state.auth.tokenLifetimeSeconds = seconds;
  }

  /** Invalidates every token issued so far (clients must sign in again). */
  revokeTokens(): void {
    this.state.auth.revokeAll();
  }

  /** Adds the app key ServiceTitan accepts besides the default one, or replaces the list. */
  setAppKeys(keys: string[]): void {
    this.state.auth.appKeys.clear();
    for (const k of keys) this.state.auth.appKeys.add(k);
  }

  /** Stored records of a resource (as the API would return them; vendors without external data). */
  records(resource: Resource, tenantId?: string): Rec[] {
    const store = this.store(tenantId);
    const list = [...store.collections[resource].values()];
    return resource === 'vendors' ? list.map((v) => vendorView(this.state.specs, v as VendorRec)) : list;
  }

  /** One stored record, or undefined. */
  get(resource: Resource, id: number, tenantId?: string): Rec | undefined {
    return this.store(tenantId).collections[resource].get(id);
  }

  /** Adds a new invoice modelled on an existing one (dated now, status Posted); `patch` overrides fields. */
  addInvoice(patch: Record<string, unknown> = {}, tenantId?: string): InvoiceRec {
    const store = this.store(tenantId);
    const invoice = store.addInvoice(patch);
    try {
      this.assertValid('invoices', invoice, store);
    } catch (error) {
      store.collections.invoices.delete(invoice.id);
      throw error;
    }
    this.state.queueInvoiceEvent('tn.acc.invoice-posted', invoice, store);
    return invoice;
  }

  /** Adds a complete record in the official response shape. */
  add(resource: Resource, record: Rec, tenantId?: string): Rec {
    const store = this.store(tenantId);
    if (resource === 'invoices' && !('createdOn' in record && 'sentStatus' in record))
      return this.addInvoice(record, tenantId);
    const stamped = {
      ...record,
      modifiedOn: record.modifiedOn ?? store.stamp(),
    } as Rec;
    const stored = resource === 'vendors' ? ({ ...stamped, external: {} } as VendorRec) : stamped;
    this.assertValid(resource, stored, store);
    store.put(resource, stored);
    return stored;
  }

  /**
   * Adds (or replaces, by id) invoices or AP bills given as raw official response shapes (`InvoiceResponse`,
   * `ApBillResponse`), stored exactly as given: odd amount strings, nulls, control characters, long texts and far
   * dates stay untouched. All or nothing: one record that breaks the spec refuses the whole batch, naming it.
   * Invoices go to the end of the export feeds and send `tn.acc.invoice-posted` when webhooks are on.
   */
  addDocuments(resource: RawDocumentResource, records: readonly Rec[], tenantId?: string): number[] {
    const store = this.store(tenantId);
    const [specId, component] = FIXTURE_SCHEMAS[RESOURCE_KEYS[resource]];
    const problems = records.flatMap((record, i) =>
      this.state.specs
        .check(specId, component, record)
        .map((p) => `${resource}[${i}]: ${p.replace(component, '')}`),
    );
    if (problems.length)
      throw new Error(`Those ${resource} do not match ${component}: ${problems.slice(0, 10).join('; ')}`);
    for (const record of records) {
      const copy = structuredClone(record);
      store.put(resource, copy);
      if (resource === 'invoices')
        this.state.queueInvoiceEvent('tn.acc.invoice-posted', copy as InvoiceRec, store);
    }
    return records.map((r) => r.id);
  }

  /** Changes fields of a record (shallow merge) and stamps it modified now; invoices are re-totalled when lines change. */
  modify(resource: Resource, id: number, patch: Record<string, unknown>, tenantId?: string): Rec {
    const store = this.store(tenantId);
    const before = store.collections[resource].get(id);
    if (!before) throw new Error(`There is no ${resource} record ${id} in tenant ${store.tenantId}.`);
    const after = store.modify(resource, id, patch)!;
    try {
      this.assertValid(resource, after, store);
    } catch (error) {
      store.put(resource, before);
      throw error;
    }
    if (resource === 'invoices')
      this.state.queueInvoiceEvent('tn.acc.invoice-updated', after as InvoiceRec, store);
    return after;
  }

  /** Sets (or clears) where webhooks go. */
  configureWebhook(options: WebhookOptions | undefined): void {
    this.state.webhooks.configure(options);
  }

  /** Sends one invoice event now and resolves with the delivery (status code or error). */
  emitWebhook(type: string, invoiceId: number, tenantId?: string): Promise<WebhookDelivery> {
    const store = this.store(tenantId);
    const invoice = store.invoices().get(invoiceId);
    if (!invoice)
      return Promise.reject(new Error(`There is no invoice ${invoiceId} in tenant ${store.tenantId}.`));
    return this.state.webhooks.emit(type, invoice, store.tenantId, store.name);
  }

  /** Every webhook delivery so far. */
  webhookDeliveries(): WebhookDelivery[] {
    return [...this.state.webhooks.deliveries];
  }

  /** Waits for webhook deliveries in flight. */
  flushWebhooks(): Promise<void> {
    return this.state.webhooks.flush();
  }

  /** Answers that failed spec validation (should stay empty). Same list as `violations()`. */
  get responseViolations(): string[] {
    return this.state.responseViolations;
  }

  /** Every answer (API response or webhook event) so far that broke the spec. */
  violations(): string[] {
    return [...this.state.violations.all];
  }

  /** Violations no test said it expected (what `stop()` fails on). */
  unexpectedViolations(): string[] {
    return this.state.violations.unexpected();
  }

  /** Marks violations matching `pattern` as provoked by the test on purpose: `stop()` does not fail on them. */
  expectViolations(pattern: RegExp): void {
    this.state.violations.expect(pattern);
  }

  /** The current throttles. */
  rateLimits(): SimRateLimits {
    const token = this.state.tokenThrottle.limit;
    return {
      apiPerSecond: this.state.rateLimiter.limit?.perSecond ?? 0,
      token: token ? { ...token } : null,
      retryAfterHeader: this.state.behaviour.retryAfterHeader,
    };
  }

  /** Changes the throttles (only the given fields); buckets start full again. */
  setRateLimits(change: Partial<SimRateLimits>): SimRateLimits {
    if (change.apiPerSecond !== undefined)
      this.state.rateLimiter.limit =
        change.apiPerSecond > 0 ? { burst: change.apiPerSecond, perSecond: change.apiPerSecond } : undefined;
    if (change.token !== undefined) this.state.tokenThrottle.limit = change.token ?? undefined;
    if (change.retryAfterHeader !== undefined)
      this.state.behaviour.retryAfterHeader = change.retryAfterHeader;
    this.state.rateLimiter.reset();
    this.state.tokenThrottle.reset();
    return this.rateLimits();
  }

  /** How the export feeds page now. */
  exportFeedSettings(): SimExportFeedSettings {
    return { end: this.state.behaviour.exportEnd, pageSize: this.state.behaviour.exportPageSize };
  }

  /** Changes how the export feeds end and how many records a page holds. */
  setExportFeed(change: Partial<SimExportFeedSettings>): SimExportFeedSettings {
    if (change.end !== undefined) this.state.behaviour.exportEnd = change.end;
    if (change.pageSize !== undefined) {
      if (!Number.isInteger(change.pageSize) || change.pageSize < 1)
        throw new Error('The export page size must be a whole number of at least 1.');
      this.state.behaviour.exportPageSize = change.pageSize;
    }
    return this.exportFeedSettings();
  }

  protected store(tenantId = this.tenants[0]!.tenantId): TenantStore {
    const store = this.state.tenants.get(String(tenantId));
    if (!store) throw new Error(`The simulator has no tenant ${tenantId}.`);
    return store;
  }

  private tenant(tenantId: string): SimTenantInfo {
    const t = this.tenants.find((x) => x.tenantId === String(tenantId));
    if (!t) throw new Error(`The simulator has no tenant ${tenantId}.`);
    return t;
  }

  private client(clientId: string): SimClient {
    const client = this.state.auth.clients.get(clientId);
    if (!client) throw new Error(`The simulator has no client ${clientId}.`);
    return client;
  }

  private assertValid(resource: Resource, record: Rec, store: TenantStore): void {
    const [specId, component] = FIXTURE_SCHEMAS[RESOURCE_KEYS[resource]];
    const shape = resource === 'vendors' ? vendorView(this.state.specs, record as VendorRec) : record;
    const problems = this.state.specs.check(specId, component, shape);
    if (problems.length) {
      throw new Error(
        `That ${resource} record would not match ${component} (tenant ${store.tenantId}): ${problems.slice(0, 5).join('; ')}`,
      );
    }
  }
}
