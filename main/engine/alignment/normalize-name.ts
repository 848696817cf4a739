/** Normalised forms of names, phone numbers and postal codes used to match parties across the two systems. */

/** Legal-form words dropped from the end of a company name (lower case, after punctuation is removed). */
const LEGAL_SUFFIXES = new Set([
  'as',
  'asa',
  'ab',
  'publ',
  'oy',
  'oyj',
  'aps',
  'a s',
  'ans',
  'da',
  'ks',
  'sa',
  'ehf',
  'hf',
  'hb',
  'kb',
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'bv',
  'nv',
]);

/** Letters that Unicode does not decompose into a base letter plus an accent. */
const LETTERS: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

/** Lower case, Nordic and other letters folded to ASCII (Æ→ae, Ø→o, Å→a, é→e), `&` and "og/och/und" → "and". */
export function foldText(text: string): string {
  const lower = text.toLowerCase().replace(/[æøœßđðþłı]/g, (c) => LETTERS[c] ?? c);
  return lower
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/\ba\/s\b/g, ' as ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(og|och|und|et)\b/g, 'and')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The matching key of a company or person name: folded, legal suffixes removed from the end (never to nothing). */
export function nameKey(name: string): string {
  const words = foldText(name).split(' ').filter(Boolean);
  while (words.length > 1) {
    const last = words[words.length - 1]!;
    const lastTwo = words.slice(-2).join(' ');
    if (LEGAL_SUFFIXES.has(lastTwo) && words.length > 2) words.splice(-2, 2);
    else if (LEGAL_SUFFIXES.has(last)) words.pop();
    else break;
  }
  return words.join(' ');
}

/** Digits of a phone number without a leading country code 47/46/45/358 when the rest is a full national number. */
export function phoneKey(phone: string | undefined): string {
  let digits = (phone ?? '').replace(/\D/g, '').replace(/^00/, '');
  for (const cc of ['47', '46', '45', '358']) {
    if (digits.startsWith(cc) && digits.length >= cc.length + 8) digits = digits.slice(cc.length);
  }
  return digits;
}

/** A postal code without spaces, upper case. */
export function postalKey(zip: string | undefined): string {
  return (zip ?? '').replace(/\s+/g, '').toUpperCase();
}

/** A street line folded for comparison. */
export function streetKey(street: string | undefined): string {
  return foldText(street ?? '');
}
