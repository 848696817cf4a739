import { BadRequest } from './filters';
import type { Rec } from './data/types';

interface Cursor {
  t: number;
  id: number;
}

function encode(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decode(from: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(from, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof parsed.t === 'number' && typeof parsed.id === 'number') return { t: parsed.t, id: parsed.id };
  } catch {
    // not a token: a date, handled below
  }
  const t = Date.parse(from);
  if (Number.isNaN(t)) throw new BadRequest('from', `'${from}' is neither a continuation token nor a date.`);
  return { t, id: -Infinity };
}

/** A record with its position in the feed. */
interface Entry {
  t: number;
  id: number;
  record: Rec;
}

/**
 * An export feed over records ordered by (modifiedOn, id). Like ServiceTitan's, `from` is inclusive:
 * the page after a continuation token starts again with the last record of the previous page.
 */
export class ExportFeed {
  private sorted: Entry[] | undefined;

  constructor(
    private readonly source: () => Iterable<Rec>,
    private readonly pageSize: number,
  ) {}

  /** Forgets the ordering after a change. */
  invalidate(): void {
    this.sorted = undefined;
  }

  /** One page starting at `from` (undefined = the beginning). */
  page(from: string | null): { hasMore: boolean; continueFrom: string; data: Rec[] } {
    const entries = this.entries();
    const cursor = from ? decode(from) : { t: -Infinity, id: -Infinity };
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = entries[mid]!;
      if (e.t < cursor.t || (e.t === cursor.t && e.id < cursor.id)) lo = mid + 1;
      else hi = mid;
    }
    const slice = entries.slice(lo, lo + this.pageSize);
    const last = slice[slice.length - 1];
    // A page holding only the record we resumed from means nothing new came in.
    const onlyRepeat =
      slice.length === 1 && last !== undefined && last.t === cursor.t && last.id === cursor.id;
    const hasMore = lo + slice.length < entries.length;
    const continueFrom = last ? encode({ t: last.t, id: last.id }) : (from ?? encode({ t: 0, id: 0 }));
    return { hasMore: hasMore && !onlyRepeat, continueFrom, data: slice.map((e) => e.record) };
  }

  private entries(): Entry[] {
    if (!this.sorted) {
      this.sorted = [...this.source()]
        .map((record) => ({ t: Date.parse(String(record.modifiedOn)), id: record.id, record }))
        .sort((a, b) => a.t - b.t || a.id - b.id);
    }
    return this.sorted;
  }
}
