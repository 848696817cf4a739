/** The optional ServiceTitan webhook receiver (off by default; the app starts it when a profile enables it). */
export { startWebhookReceiver } from './receiver';
export type { WebhookReceiver, WebhookReceiverOptions } from './receiver';
export { signatureMatches, computeSignature } from './signature';
export { checkEventTime, maxEventAgeMs, DEFAULT_MAX_EVENT_AGE_HOURS, CLOCK_SKEW_MS } from './event-time';
export type { EventTimeCheck } from './event-time';
