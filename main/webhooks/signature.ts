import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of the raw body, in the encoding ServiceTitan is configured to send. */
export function computeSignature(rawBody: Buffer, key: string, encoding: 'hex' | 'base64'): Buffer {
  return Buffer.from(createHmac('sha256', key).update(rawBody).digest(encoding), 'utf8');
}

/** Compares the header's signature with the expected one in constant time (length mismatch is simply false). */
export function signatureMatches(
  rawBody: Buffer,
  header: string | undefined,
  key: string,
  encoding: 'hex' | 'base64',
): boolean {
  if (!header) return false;
  const given = Buffer.from(header.trim().replace(/^sha256=/i, ''), 'utf8');
  const expected = computeSignature(rawBody, key, encoding);
  if (given.length !== expected.length) {
    // Still do a comparison of equal length so timing does not reveal where the mismatch is.
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(given, expected);
}
