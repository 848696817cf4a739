/** The optional ServiceTitan webhook receiver (off by default; the app starts it when a profile enables it). */
export { startWebhookReceiver } from './receiver';
export type { WebhookReceiver, WebhookReceiverOptions } from './receiver';
export { signatureMatches, computeSignature } from './signature';
