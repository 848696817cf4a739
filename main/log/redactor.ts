/** Placeholder written where a secret value would have appeared. */
export const REDACTED = '[HIDDEN]';

/**
 * Remembers every secret value the process has touched and masks it in any text.
 * The keychain store and the config loader register values; the logger and error formatting call `redact`.
 */
export class Redactor {
  private readonly values = new Set<string>();
  /** The values longest first (a secret that contains another is masked whole); rebuilt when the set changes. */
  private longestFirst: string[] = [];

  /** Registers a secret; short values (under 4 chars) are ignored to avoid masking ordinary words. */
  add(value: string | undefined | null): void {
    if (!value || value.length < 4 || this.values.has(value)) return;
    this.values.add(value);
    this.longestFirst = [...this.values].sort((a, b) => b.length - a.length);
  }

  /** Forgets a secret that was rotated away (its old value stays masked anyway: harmless). */
  remove(value: string): void {
    if (this.values.delete(value)) this.longestFirst = this.longestFirst.filter((v) => v !== value);
  }

  /** Replaces every registered secret, and anything shaped like a bearer token, with `[HIDDEN]`. */
  redact(text: string): string {
    let out = text;
    for (const v of this.longestFirst) if (out.includes(v)) out = out.split(v).join(REDACTED);
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
