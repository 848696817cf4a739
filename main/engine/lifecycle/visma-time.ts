/**
 * Visma's own timestamps are company-local wall-clock times without an offset (`yyyy-MM-ddTHH:mm:ss[.fff]`). The
 * engine never converts them to instants: list watermarks are derived from timestamps Visma itself returned, moved
 * back by a margin that covers clock skew between Visma's servers and a daylight-saving hour that repeats.
 */
import { localDateTime } from '../../../shared/dates';

/** How far a watermark is moved back from the newest timestamp seen. */
export const WATERMARK_MARGIN_MS = 90 * 60 * 1000;
/** How far back the first watermark of a kind that had nothing to list starts (the company's zone is unknown). */
const FIRST_WATERMARK_MARGIN_MS = 24 * 60 * 60 * 1000;

const SHAPE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d{1,7})?$/;

/** Milliseconds of a Visma timestamp on a naive (zone-less) scale, or NaN when it is not one. */
function naiveMs(ts: string): number {
  const m = SHAPE.exec(ts.trim());
  return m ? Date.parse(`${m[1]}T${m[2]}Z`) : Number.NaN;
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** The newest of Visma timestamps (by wall-clock value), ignoring ones that are not timestamps. */
export function newestTimestamp(timestamps: readonly (string | undefined)[]): string | undefined {
  let best: number | undefined;
  for (const ts of timestamps) {
    const ms = ts ? naiveMs(ts) : Number.NaN;
    if (!Number.isNaN(ms) && (best === undefined || ms > best)) best = ms;
  }
  return best === undefined ? undefined : format(best);
}

/**
 * The next list watermark: the newest timestamp listed minus the margin, never earlier than the previous
 * watermark; when nothing was ever listed, a day before `now` in the profile's zone.
 */
export function nextWatermark(
  previous: string | undefined,
  newestSeen: string | undefined,
  now: Date,
  timeZone: string,
): string {
  const candidates: number[] = [];
  if (previous && !Number.isNaN(naiveMs(previous))) candidates.push(naiveMs(previous));
  if (newestSeen) candidates.push(naiveMs(newestSeen) - WATERMARK_MARGIN_MS);
  if (candidates.length === 0)
    return format(naiveMs(localDateTime(now, timeZone)) - FIRST_WATERMARK_MARGIN_MS);
  return format(Math.max(...candidates));
}
