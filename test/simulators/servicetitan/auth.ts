import { randomBytes } from 'node:crypto';
import type { SimClock } from './clock';

/** An API client registered with the simulator (one per tenant, like ServiceTitan's per-tenant client ids). */
export interface SimClient {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  scopes: Set<string>;
}

interface IssuedToken {
  clientId: string;
  expiresAt: number;
}

/** Outcome of checking a bearer token. */
export type TokenCheck = { ok: true; client: SimClient } | { ok: false; reason: string };

/** The simulator's OAuth server: client credentials in, short-lived bearer tokens out. */
export class SimAuth {
  readonly clients = new Map<string, SimClient>();
  readonly appKeys = new Set<string>();
  private readonly tokens = new Map<string, IssuedToken>();
  /** Token requests answered with a token, for "one token per lifetime" checks. */
  issuedCount = 0;

  constructor(
    private readonly clock: SimClock,
    public tokenLifetimeSeconds: number,
  ) {}

  /** Registers a client. */
  addClient(client: SimClient): void {
    this.clients.set(client.clientId, client);
  }

  /** Answers `POST /connect/token` (form fields as parsed). */
  issue(form: unknown): { status: number; body: Record<string, unknown> } {
    const f = (form && typeof form === 'object' ? form : {}) as Record<string, unknown>;
    if (f.grant_type !== 'client_credentials') {
      return { status: 400, body: { error: 'unsupported_grant_type' } };
    }
    const client = typeof f.client_id === 'string' ? this.clients.get(f.client_id) : undefined;
    if (!client || f.client_secret !== client.clientSecret)
      return { status: 400, body: { error: 'invalid_client' } };
    this.prune();
    const accessToken = `st_${randomBytes(24).toString('base64url')}`;
    this.tokens.set(accessToken, {
      clientId: client.clientId,
      expiresAt: this.clock.now() + this.tokenLifetimeSeconds * 1000,
    });
    this.issuedCount++;
    return {
      status: 200,
      body: {
        access_token: accessToken,
        expires_in: this.tokenLifetimeSeconds,
        token_type: 'Bearer',
        scope: [...client.scopes].join(' '),
      },
    };
  }

  /**
   * Checks an `Authorization` header: `Bearer <token>` (scheme in any case) or the bare token, as ServiceTitan's own
   * first-call example sends it and production clients do.
   */
  check(header: string | undefined): TokenCheck {
    const match = /^(?:bearer\s+)?(\S+)$/i.exec((header ?? '').trim());
    if (!match) return { ok: false, reason: 'The Authorization header with a bearer token is missing.' };
    const token = this.tokens.get(match[1]!);
    if (!token) return { ok: false, reason: 'The access token is not valid.' };
    if (token.expiresAt <= this.clock.now()) return { ok: false, reason: 'The access token has expired.' };
    const client = this.clients.get(token.clientId);
    return client ? { ok: true, client } : { ok: false, reason: 'The client of this token was removed.' };
  }

  /** Makes every issued token invalid at once (a credential rotation). */
  revokeAll(): void {
    this.tokens.clear();
  }

  private prune(): void {
    const now = this.clock.now();
    for (const [token, t] of this.tokens) if (t.expiresAt <= now) this.tokens.delete(token);
  }
}
