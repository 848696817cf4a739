import { BadRequest } from './filters';
import type { Rec } from './data/types';
import type { ExportEnd } from './state';

/** A record with its place in the feed: the change sequence it was stored at, then its id. */
export interface FeedEntry {
  seq: number;
  id: number;
  record: Rec;
}

/** One page of an export feed, as the API answers it. */
export interface FeedPage {
  hasMore: boolean;
  continueFrom: string;
  data: Rec[];
}

interface Token {
  s: number;
  i: number;
  /** Issue number: makes every token unique, so no answer ever repeats the token it was asked with. */
  n: number;
}

function encode(t: Token): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeToken(from: string): Token | undefined {
  try {
    const t = JSON.parse(Buffer.from(from, 'base64url').toString('utf8')) as Partial<Token>;
    if (typeof t.s === 'number' && typeof t.i === 'number') return { s: t.s, i: t.i, n: Number(t.n ?? 0) };
  } catch {
    // not a token: a date
  }
  return undefined;
}

const after = (e: FeedEntry, s: number, i: number) => e.seq > s || (e.seq === s && e.id > i);

/**
 * An export feed in change order (the order records were stored or last changed in), like ServiceTitan's "usually
 * sorted chronologically" feed. Continuation tokens are exclusive: the page after a token starts with the first record
 * after it. Every answer carries a new token, the end is an empty page, and `from` may also be a date (records whose
 * `modifiedOn` is on or after it, from the first such change on).
 */
export class ExportFeed {
  private sorted: FeedEntry[] | undefined;
  private issued = 0;

  constructor(
    private readonly source: () => Iterable<FeedEntry>,
    private readonly pageSize: () => number,
    private readonly end: () => ExportEnd,
  ) {}

  /** Forgets the ordering after a change. */
  invalidate(): void {
    this.sorted = undefined;
  }

  /** One page starting after `from` (a token), at `from` (a date), or at the beginning. */
  page(from: string | null): FeedPage {
    const entries = this.entries();
    const { start, resume } = from ? this.startOf(entries, from) : { start: 0, resume: { s: 0, i: 0 } };
    const slice = entries.slice(start, start + this.pageSize());
    const last = slice[slice.length - 1];
    const position = last ? { s: last.seq, i: last.id } : resume;
    const hasMore = this.end() === 'until-empty' ? slice.length > 0 : start + slice.length < entries.length;
    return {
      hasMore,
      continueFrom: encode({ ...position, n: ++this.issued }),
      data: slice.map((e) => e.record),
    };
  }

  /** Where a page starts, and the position an empty page hands back (the one asked for). */
  private startOf(entries: FeedEntry[], from: string): { start: number; resume: { s: number; i: number } } {
    const token = decodeToken(from);
    if (token) {
      const index = entries.findIndex((e) => after(e, token.s, token.i));
      return { start: index < 0 ? entries.length : index, resume: { s: token.s, i: token.i } };
    }
    const t = Date.parse(from);
    if (Number.isNaN(t))
      throw new BadRequest('from', `'${from}' is neither a continuation token nor a date.`);
    const found = entries.findIndex((e) => Date.parse(String(e.record.modifiedOn)) >= t);
    const start = found < 0 ? entries.length : found;
    const before = entries[start - 1];
    return { start, resume: before ? { s: before.seq, i: before.id } : { s: 0, i: 0 } };
  }

  private entries(): FeedEntry[] {
    this.sorted ??= [...this.source()].sort((a, b) => a.seq - b.seq || a.id - b.id);
    return this.sorted;
  }
}
