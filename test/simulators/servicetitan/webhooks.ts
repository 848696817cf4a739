import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { InvoiceRec } from './data/types';
import { project } from './spec';
import { defaultWebhookSpecDir } from './spec';

/** Where and how to deliver webhooks. ServiceTitan's real signature header is undocumented: both are configurable. */
export interface WebhookOptions {
  url: string;
  /** 32–64 characters, as ServiceTitan requires. */
  hmacKey: string;
  /** Default `x-servicetitan-signature`. */
  header?: string;
  /** Digest encoding; default `hex`. */
  encoding?: 'hex' | 'base64';
}

/** One delivery attempt and its outcome. */
export interface WebhookDelivery {
  id: string;
  type: string;
  status?: number;
  error?: string;
  body: string;
}

/** The invoice webhook event types (from the CloudEvent schemas of the 2025 spec export). */
export const INVOICE_EVENT_TYPES = [
  'tn.acc.invoice-batched',
  'tn.acc.invoice-exported',
  'tn.acc.invoice-posted',
  'tn.acc.invoice-updated',
] as const;

const COMPONENTS: Record<string, string> = {
  'tn.acc.invoice-batched': 'CloudEvent_Of_Accounting.V2.Webhook.InvoiceBatchedEventPayload',
  'tn.acc.invoice-exported': 'CloudEvent_Of_Accounting.V2.Webhook.InvoiceExportedEventPayload',
  'tn.acc.invoice-posted': 'CloudEvent_Of_Accounting.V2.Webhook.InvoicePostedEventPayload',
  'tn.acc.invoice-updated': 'CloudEvent_Of_Accounting.V2.Webhook.InvoiceUpdatedEventPayload',
};

/** HMAC-SHA256 of the raw body with the shared key, hex or base64. */
export function signBody(body: string, key: string, encoding: 'hex' | 'base64' = 'hex'): string {
  return createHmac('sha256', key).update(body, 'utf8').digest(encoding);
}

/** What the emitter needs from the simulator: its clock, and where to report an event that breaks the spec. */
export interface WebhookContext {
  /** Simulated time, epoch ms: the events' `time`. */
  now: () => number;
  onViolation?: (text: string) => void;
}

/** Sends CloudEvents 1.0 invoice events, signed, and keeps a log of deliveries. */
export class WebhookEmitter {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private validators: Map<string, ValidateFunction> | undefined;
  private spec:
    { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } } | undefined;

  constructor(
    private options: WebhookOptions | undefined,
    private readonly context: WebhookContext = { now: Date.now },
    private readonly specDir = defaultWebhookSpecDir(),
  ) {
    if (options) WebhookEmitter.check(options);
  }

  /** Sets (or clears) the delivery target. */
  configure(options: WebhookOptions | undefined): void {
    if (options) WebhookEmitter.check(options);
    this.options = options;
  }

  /** True when a target is configured. */
  get enabled(): boolean {
    return this.options !== undefined;
  }

  /** Builds, validates against the spec, signs and posts one event. Resolves with the delivery record. */
  async emit(
    type: string,
    invoice: InvoiceRec,
    tenantId: string,
    tenantName: string,
  ): Promise<WebhookDelivery> {
    const options = this.options;
    if (!options) throw new Error('No webhook URL is configured.');
    const component = COMPONENTS[type];
    if (!component) throw new Error(`Unknown invoice event type ${type}.`);
    const event = {
      specversion: '1.0',
      id: randomUUID(),
      type,
      time: new Date(this.context.now()).toISOString(),
      source: 'https://webhooks.servicetitan.io',
      userassignedid: `sim-${invoice.id}`,
      datacontenttype: 'application/json',
      data: { invoice: project(invoice, this.keys()), tenantId: Number(tenantId), tenantName },
    };
    const validate = this.validator(component);
    const problems = validate(event)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
    if (problems.length) {
      const text = `webhook ${type} for invoice ${invoice.id}: ${problems.slice(0, 5).join('; ')}`;
      this.context.onViolation?.(text);
      throw new Error(`Simulator bug: webhook event does not match the spec: ${text}`);
    }
    const body = JSON.stringify(event);
    const delivery: WebhookDelivery = { id: event.id, type, body };
    const send = fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [options.header ?? 'x-servicetitan-signature']: signBody(body, options.hmacKey, options.encoding),
      },
      body,
    })
      .then((res) => {
        delivery.status = res.status;
        return res.arrayBuffer();
      })
      .then(() => undefined)
      .catch((error: unknown) => {
        delivery.error = error instanceof Error ? error.message : String(error);
      });
    this.pending.add(send);
    this.deliveries.push(delivery);
    await send.finally(() => this.pending.delete(send));
    return delivery;
  }

  /** Waits until every delivery in flight has finished. */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private static check(options: WebhookOptions): void {
    if (options.hmacKey.length < 32 || options.hmacKey.length > 64) {
      throw new Error('The webhook HMAC key must be 32 to 64 characters long (as in ServiceTitan).');
    }
  }

  private loadSpec() {
    this.spec ??= JSON.parse(
      readFileSync(join(this.specDir, 'tenant-accounting-v2.json'), 'utf8'),
    ) as NonNullable<WebhookEmitter['spec']>;
    return this.spec;
  }

  /** Compiles the CloudEvent schema straight from the 2025 spec export (OpenAPI 3.0 `nullable` turned into JSON Schema). */
  private validator(component: string): ValidateFunction {
    if (!this.validators) {
      const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
      addFormats(ajv);
      for (const f of ['int32', 'int64', 'decimal', 'double', 'float', 'html', 'uuid'])
        ajv.addFormat(f, true);
      ajv.addSchema(nullableToJsonSchema(this.loadSpec()) as object, 'webhooks');
      this.validators = new Map(
        Object.values(COMPONENTS).map((c) => [c, ajv.compile({ $ref: `webhooks#/components/schemas/${c}` })]),
      );
    }
    return this.validators.get(component)!;
  }

  private keys(): string[] {
    return Object.keys(
      this.loadSpec().components.schemas['Accounting.V2.Webhook.InvoiceEventPayloadModel']?.properties ?? {},
    );
  }
}

/** OpenAPI 3.0 `nullable: true` next to `oneOf`/`$ref` (no `type`) means "or null"; ajv needs it spelled out. */
function nullableToJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableToJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([k, v]) => [k, nullableToJsonSchema(v)] as const);
  const out = Object.fromEntries(entries) as Record<string, unknown>;
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}
