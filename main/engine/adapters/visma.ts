import type { VismaClient } from '../../visma';
import type { VismaPort } from '../ports';
import { callGuard } from './calls';
import { vismaDocumentCalls } from './visma-document-calls';
import { classifyVismaError } from './visma-errors';
import { vismaMasterDataCalls } from './visma-master-data';
import { vismaPartyRecordCalls, vismaPipelinePartyCalls } from './visma-parties';

/**
 * How long an unanswered create is given to land: Visma's servers have processed requests for up to four minutes
 * ("use the background API for requests longer than 4 minutes", Visma's end-of-life notices), so ten minutes.
 */
const DEFAULT_LANDING_GRACE_MS = 10 * 60 * 1000;

/** Options of the Visma port. */
export interface VismaPortOptions {
  /** How long after sending an unanswered create may still land (default ten minutes). */
  landingGraceMs?: number;
  /** VAT zone of customers and suppliers the connector creates; the first zone Visma lists when absent. */
  newPartyVatZone?: string | null;
  /**
   * The time zone Visma's company-local timestamps are read in (the profile's; Visma does not say its own), for
   * incremental master-data reads from our clock's instants.
   */
  timeZone?: string;
}

/**
 * The engine's Visma port over the real client, for the sync pipeline and master-data alignment alike; every failure
 * goes through `classifyVismaError`.
 */
export function vismaPort(client: VismaClient, options: VismaPortOptions = {}): VismaPort {
  const guard = callGuard('Visma', classifyVismaError);
  return {
    ...vismaMasterDataCalls(client, guard, options.timeZone ?? 'UTC'),
    ...vismaPipelinePartyCalls(client, guard, options.newPartyVatZone),
    ...vismaPartyRecordCalls(client, guard),
    ...vismaDocumentCalls(client, guard),
    landingGraceMs: () => options.landingGraceMs ?? DEFAULT_LANDING_GRACE_MS,
    callCount: () => Object.values(client.callCounts()).reduce((a, b) => a + b, 0),
    tokenCount: () => client.callCounts()['POST token'] ?? 0,
    onRateLimitWait: (listener) => client.onRateLimitWait(listener),
  };
}
