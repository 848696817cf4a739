import type { VismaConnection } from '../../shared/profile-config';
import { delay } from '../http/backoff';
import { VismaTransport } from './transport';
import type { TransportOptions } from './transport';
import type { EndpointDeps } from './endpoints/shared';
import { masterDataEndpoints } from './endpoints/master-data';
import { partyEndpoints } from './endpoints/parties';
import { customerDocumentEndpoints } from './endpoints/customer-documents';
import { supplierInvoiceEndpoints } from './endpoints/supplier-invoices';
import { journalEndpoints } from './endpoints/journal';

/** A profile's Visma connection with its secret resolved (from the keychain or `--config`). */
export type VismaConnectionWithSecret = Pick<
  VismaConnection,
  'tokenUrl' | 'apiBaseUrl' | 'tenantId' | 'companyId' | 'clientId'
> & { clientSecret: string };

/** The page size the client asks paged lists for unless told otherwise (Visma lowers it to its `maxPageSize`). */
export const DEFAULT_VISMA_PAGE_SIZE = 500;

/** Client tuning; all optional. */
export interface VismaClientOptions extends TransportOptions {
  /** Requested page size for paged lists (default `DEFAULT_VISMA_PAGE_SIZE`; lowered to Visma's `maxPageSize`). */
  pageSize?: number;
  /** Attempts of an If-Match update on a record that keeps changing (default 5). */
  maxConflictAttempts?: number;
}

/** Creates the transport and endpoint groups for one company. */
function build(connection: VismaConnectionWithSecret, options: VismaClientOptions) {
  const transport = new VismaTransport(connection, options);
  const deps: EndpointDeps = {
    transport,
    paging: { pageSize: options.pageSize ?? DEFAULT_VISMA_PAGE_SIZE },
    sleep: options.sleep ?? delay,
    random: options.random ?? Math.random,
    maxConflictAttempts: options.maxConflictAttempts ?? 5,
  };
  return {
    transport,
    ...masterDataEndpoints(deps),
    ...partyEndpoints(deps),
    ...customerDocumentEndpoints(deps),
    ...supplierInvoiceEndpoints(deps),
    ...journalEndpoints(deps),
  };
}

/** The typed Visma.net ERP client of one company. */
export type VismaClient = Omit<ReturnType<typeof build>, 'transport'> & {
  readonly companyId: string;
  readonly tenantId: string;
  /** HTTP calls sent per endpoint (retries included), for the run summary. */
  callCounts(): Record<string, number>;
  /** Tells `listener` when calls wait long for Visma's rate window to reset; returns the unsubscribe. */
  onRateLimitWait(listener: (resumeAt: Date) => void): () => void;
};

/**
 * A client for one Visma company: Visma Connect token per (tenant, client), `ipp-company-id` on every call,
 * value-wrapped writes, paging, ETag/If-Match with retry, rate-limit pacing, and typed, zod-validated answers.
 * Failures are `VismaError`s with a `code` and a plain message; writes without an answer are `UncertainWriteError`s.
 */
export function createVismaClient(
  connection: VismaConnectionWithSecret,
  options: VismaClientOptions = {},
): VismaClient {
  const { transport, ...endpoints } = build(connection, options);
  return {
    ...endpoints,
    companyId: connection.companyId,
    tenantId: connection.tenantId,
    callCounts: () => transport.callCounts(),
    onRateLimitWait: (listener) => transport.onRateLimitWait(listener),
  };
}
