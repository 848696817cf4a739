/** Text on its way to a Visma field: invisible and control characters out, shortened to the field on a character boundary. */

/**
 * Visma's field limits, in UTF-16 code units (Visma keeps text in SQL Server `nvarchar`, which counts those).
 * Visma's OpenAPI file declares no lengths, so these are an assumption from its Acumatica heritage (Acumatica 20R1
 * source): document description `ARRegister`/`APRegister.DocDesc` and line description `ARTran`/`APTran.TranDesc`
 * are `PXDBString(256)` (`Common.Constants.TranDescLength`); "Customer Ref. Nbr." `ARInvoice.InvoiceNbr` and
 * "Vendor Ref." `APInvoice.InvoiceNbr` are `PXDBString(40)`. To be confirmed against a Visma sandbox.
 */
export const VISMA_TEXT_LIMITS = {
  documentText: 256,
  lineDescription: 256,
  customerRefNumber: 40,
  supplierReference: 40,
} as const;

/** Marks the end of a shortened text (one code unit). */
const ELLIPSIS = '…';

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators: read as a space between words. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed: they reorder how
 * the text is displayed, so a Visma text could read differently from what it holds (the "Trojan Source" trick).
 * Right-to-left letters keep their own direction without them, and the direction marks LRM/RLM/ALM (U+200E, U+200F,
 * U+061C), which only settle the direction of neighbouring punctuation, stay. So do Æ, Ø, Å and every other letter.
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
/** Byte-order marks and the two non-characters, which no text field should hold. */
const NOT_TEXT = /[\ufeff\ufffe\uffff]/g;
/** Halves of a surrogate pair without their other half: not a character at all. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Plain text from a ServiceTitan text field; `html` fields (line descriptions) lose their tags and entities. */
export function visibleText(raw: string, options: { html?: boolean } = {}): string {
  const text = options.html ? decodeEntities(raw.replace(/<[^>]*>/g, ' ')) : raw;
  return text
    .replace(LONE_SURROGATE, '')
    .replace(CONTROL, ' ')
    .replace(BIDI_CONTROL, '')
    .replace(NOT_TEXT, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A text that fits its field, and whether it had to be shortened (with its length before). */
export interface FittedText {
  text: string;
  shortenedFrom?: number;
}

/**
 * Shortens `text` to at most `limit` UTF-16 code units, ending with "…", cut between grapheme clusters (never
 * inside a surrogate pair, a letter with its combining marks, or an emoji sequence).
 */
export function fitText(text: string, limit: number): FittedText {
  if (text.length <= limit) return { text };
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > limit - ELLIPSIS.length) break;
    kept += segment;
  }
  return { text: kept.trimEnd() + ELLIPSIS, shortenedFrom: text.length };
}
