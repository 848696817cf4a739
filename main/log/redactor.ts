/** Placeholder written where a secret value would have appeared. */
export const REDACTED = '[HIDDEN]';

/**
 * Remembers every secret value the process has touched and masks it in any text.
 * The keychain store and the config loader register values; the logger and error formatting call `redact`.
 */
export class Redactor {
  private readonly values = new Set<string>();

  /** Registers a secret; short values (under 4 chars) are ignored to avoid masking ordinary words. */
  add(value: string | undefined | null): void {
    if (value && value.length >= 4) this.values.add(value);
  }

  /** Forgets a secret that was rotated away (its old value stays masked anyway: harmless). */
  remove(value: string): void {
    this.values.delete(value);
  }

  /** Replaces every registered secret, and anything shaped like a bearer token, with `[HIDDEN]`. */
  redact(text: string): string {
    let out = text;
    // Longest first so a secret that contains another is masked whole.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) out = out.split(v).join(REDACTED);
    return out
      .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/g, `$1${REDACTED}`)
      .replace(
        /("?(?:client_secret|access_token|clientSecret|appKey|hmacKey)"?\s*[:=]\s*"?)[^"&\s,}]+/gi,
        `$1${REDACTED}`,
      );
  }
}

/** The process-wide redactor. */
export const redactor = new Redactor();
