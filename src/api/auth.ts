/**
 * Accounts in server mode: who may call the API, as whom, how often, and what they may see.
 *
 * `withAuth(store, makeApp, options)` wraps the API app (one line in `sitrep serve`):
 *  - `POST /auth/sign-in` {user, password} → a session token, also set as an HttpOnly cookie
 *    (the web desk signs in with it); `POST /auth/sign-out`; `GET /auth/me`.
 *  - Every other request needs `Authorization: Bearer st_…` or the session cookie, unless anonymous
 *    read-only access is configured. Reads need any principal; writes (any method but GET/HEAD/OPTIONS)
 *    need a write-scoped token of an editor or admin.
 *  - The caller's identity is passed to the app as the audit actor (`x-sitrep-actor: user:<name>`,
 *    replacing anything the client sent), so every write is audited as the signed-in user.
 *  - Readers and anonymous callers are served by an app over a redacting store (sensitive fields
 *    withheld, see sensitive.ts); editors and admins by the app over the store itself.
 *  - Per-token rate limits (token bucket; per client address when anonymous) → 429 with Retry-After.
 */
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import {
  canWrite,
  type Principal,
  revokeToken,
  signIn,
  touchToken,
  verifyToken,
} from '../accounts/accounts.js';
import type { Store } from '../store/store.js';
import { redactingStore } from './sensitive.js';

export interface AuthOptions {
  /** `read`: callers without a token may read (as readers, sensitive fields withheld). Default `none`. */
  anonymous?: 'none' | 'read';
  /** Requests a minute per token unless the token sets its own (default 6000). */
  ratePerMin?: number;
  /** Requests a minute per address for anonymous callers and sign-in attempts (default 600; sign-in 20). */
  anonymousRatePerMin?: number;
  sessionTtlSeconds?: number;
  /**
   * The number of server processes that share these limits, each with its own token buckets: every
   * limit (a token's own too) is divided by it, so together they never allow more than the limit.
   */
  rateShare?: number;
  /** Mark the session cookie Secure (serve behind HTTPS). */
  secureCookie?: boolean;
}

export const SESSION_COOKIE = 'sitrep_session';
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** How long a checked token is trusted without asking the store again. */
const TOKEN_CACHE_MS = 5_000;
/** Paths that carry no data and are open to all (health check, API description). */
const PUBLIC = new Set(['/health', '/openapi.json', '/docs']);

interface FetchApp {
  fetch: (req: Request) => Response | Promise<Response>;
}

function problem(
  status: number,
  title: string,
  detail?: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/** Token buckets keyed by token id or client address; refilled continuously. */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  check(key: string, perMin: number): number {
    const now = Date.now();
    const b = this.buckets.get(key) ?? { tokens: perMin, at: now };
    b.tokens = Math.min(perMin, b.tokens + ((now - b.at) / 60_000) * perMin);
    b.at = now;
    if (this.buckets.size > 100_000) this.buckets.clear();
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) / perMin) * 60);
  }
}

function bearer(req: Request): string | null {
  const h = req.headers.get('authorization');
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1] : '';
}

function clientAddress(c: { env: unknown; req: { header(n: string): string | undefined } }): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

export function withAuth(store: Store, makeApp: (s: Store) => FetchApp, o: AuthOptions = {}): Hono {
  const full = makeApp(store);
  const redacted = makeApp(redactingStore(store));
  const limiter = new RateLimiter();
  const share = Math.max(1, Math.floor(o.rateShare ?? 1));
  const per = (n: number) => Math.max(1, Math.floor(n / share));
  const rate = per(o.ratePerMin ?? 6000);
  const anonRate = per(o.anonymousRatePerMin ?? 600);
  const signInRate = per(20);
  const app = new Hono();

  app.post('/auth/sign-in', async (c) => {
    const wait = limiter.check(`sign-in:${clientAddress(c)}`, signInRate);
    if (wait)
      return problem(429, 'Too many requests', 'too many sign-in attempts', { 'retry-after': String(wait) });
    if (Number(c.req.header('content-length') ?? 0) > 4096) return problem(413, 'Payload too large');
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return problem(400, 'Invalid request', 'expected a JSON body {"user": …, "password": …}');
    }
    const b = body as { user?: unknown; password?: unknown };
    if (!b || typeof b.user !== 'string' || typeof b.password !== 'string' || b.password.length > 1024)
      return problem(400, 'Invalid request', 'expected {"user": string, "password": string}');
    const s = await signIn(store, b.user, b.password, o.sessionTtlSeconds);
    if (!s) return problem(401, 'Unauthorized', 'wrong user name or password');
    setCookie(c, SESSION_COOKIE, s.token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: o.secureCookie ?? false,
      ...(s.info.expiresAt ? { expires: new Date(s.info.expiresAt) } : {}),
    });
    await store.audit({
      actor: `user:${s.info.user}`,
      action: 'sign-in',
      kind: 'store',
      target: `user:${s.info.user}`,
    });
    return c.json({
      user: s.info.user,
      role: s.role,
      scope: s.info.scope,
      token: s.token,
      expiresAt: s.info.expiresAt,
    });
  });

  // A busy client sends the same token many times a second; each check is a query and a hash. A
  // checked token is trusted while nothing has been written to the store (any revocation, expiry
  // sweep or role change is a write, by this process or another), for at most TOKEN_CACHE_MS; where
  // the store has no write version (PostgreSQL), for TOKEN_CACHE_MS, revocation through this server
  // taking effect at once.
  const checked = new Map<string, { p: Principal | null; version: string | null; until: number }>();
  const principalOf = async (
    req: Request,
    cookie: string | undefined,
  ): Promise<Principal | null | 'invalid'> => {
    const presented = bearer(req) ?? cookie ?? null;
    if (presented === null) return null;
    const now = Date.now();
    const version = store.writeVersion();
    let hit = checked.get(presented);
    if (!hit || hit.until < now || hit.version !== version) {
      hit = { p: await verifyToken(store, presented), version, until: now + TOKEN_CACHE_MS };
      if (checked.size >= 10_000) checked.clear();
      checked.set(presented, hit);
    }
    return hit.p ?? 'invalid';
  };

  app.post('/auth/sign-out', async (c) => {
    const token = bearer(c.req.raw) ?? getCookie(c, SESSION_COOKIE);
    if (token) {
      checked.delete(token);
      const p = await verifyToken(store, token);
      if (p?.tokenId) await revokeToken(store, p.tokenId, `user:${p.user}`);
    }
    setCookie(c, SESSION_COOKIE, '', { path: '/', maxAge: 0 });
    return c.body(null, 204);
  });

  app.all('*', async (c) => {
    const req = c.req.raw;
    const path = c.req.path;
    if (PUBLIC.has(path) && READ_METHODS.has(req.method)) return full.fetch(req);
    const p = await principalOf(req, getCookie(c, SESSION_COOKIE));
    if (p === 'invalid')
      return problem(401, 'Unauthorized', 'unknown, expired or revoked token', {
        'www-authenticate': 'Bearer',
      });
    const anonymous = p === null;
    if (anonymous && o.anonymous !== 'read')
      return problem(401, 'Unauthorized', 'sign in or send Authorization: Bearer <token>', {
        'www-authenticate': 'Bearer',
      });
    const wait = anonymous
      ? limiter.check(`anon:${clientAddress(c)}`, anonRate)
      : limiter.check(`token:${p.tokenId}`, p.ratePerMin ? per(p.ratePerMin) : rate);
    if (wait)
      return problem(429, 'Too many requests', `rate limit; retry in ${wait} s`, {
        'retry-after': String(wait),
      });
    if (path === '/auth/me') {
      return c.json(
        anonymous
          ? { user: null, role: 'reader', scope: 'read' }
          : { user: p.user, role: p.role, scope: p.scope },
      );
    }
    const write = !READ_METHODS.has(req.method);
    if (write && (anonymous || p.scope !== 'write' || !canWrite(p.role)))
      return problem(403, 'Forbidden', 'writing needs an editor or admin with a write-scoped token');
    if (!anonymous && p.tokenId) void touchToken(store, p.tokenId).catch(() => {});
    const sees = anonymous || p.role === 'reader' ? redacted : full;
    // The audit actor is the authenticated user, whatever the client claimed. Reads write nothing,
    // so a read without a claimed actor goes through as it came (copying a request costs more than
    // answering a cached one).
    if (!write && !req.headers.has('x-sitrep-actor')) return sees.fetch(req);
    const headers = new Headers(req.headers);
    headers.set('x-sitrep-actor', anonymous ? 'anonymous' : `user:${p.user}`);
    return sees.fetch(new Request(req, { headers, duplex: 'half' } as RequestInit));
  });
  return app;
}
