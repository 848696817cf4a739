import { z } from 'zod';
import type { VismaCall, VismaTransport } from './transport';
import { parseReply } from './schemas';

const Metadata = z
  .object({ totalCount: z.number().optional(), maxPageSize: z.number().optional() })
  .optional();
const MetaCarrier = z.array(z.object({ metadata: Metadata }).loose());

/** Paging tuning. */
export interface PagingOptions<T = unknown> {
  /** Requested page size; lowered to the server's `metadata.maxPageSize` after the first page (default 500). */
  pageSize?: number;
  /** Safety stop (default 10 000 pages). */
  maxPages?: number;
  /** What one item counts for in `pageSize`/`totalCount` (journal transactions count their lines). */
  unitsOf?: (item: T) => number;
}

/**
 * Reads every page of a paged list: always sends `pageNumber`/`pageSize`, reads `metadata.maxPageSize` and
 * `totalCount`, and stops at the total, a short page or an empty page.
 */
export async function readAllPages<T>(
  transport: VismaTransport,
  call: Omit<VismaCall, 'method'>,
  item: z.ZodType<T>,
  options: PagingOptions<T> = {},
): Promise<T[]> {
  let pageSize = options.pageSize ?? 500;
  const maxPages = options.maxPages ?? 10_000;
  const unitsOf = options.unitsOf ?? (() => 1);
  const out: T[] = [];
  let units = 0;
  for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
    const reply = await transport.send({
      ...call,
      method: 'GET',
      query: { ...call.query, pageNumber, pageSize },
    });
    const meta = MetaCarrier.safeParse(reply.data ?? []);
    const items = parseReply(z.array(item), reply.data ?? [], call.endpoint);
    out.push(...items);
    const pageUnits = items.reduce((n, i) => n + unitsOf(i), 0);
    units += pageUnits;
    if (items.length === 0) break;
    const metadata = meta.success ? meta.data[0]?.metadata : undefined;
    if (pageNumber === 1 && metadata?.maxPageSize && metadata.maxPageSize < pageSize)
      pageSize = metadata.maxPageSize;
    if (metadata?.totalCount !== undefined && units >= metadata.totalCount) break;
    if (pageUnits < pageSize) break;
  }
  return out;
}
