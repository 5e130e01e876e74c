/**
 * Accounts for server mode: users with one role each, and API tokens.
 *
 * Roles: `admin` (everything, including accounts), `editor` (read, review, edit, split/merge, post
 * articles; sees sensitive fields), `reader` (read only; sensitive fields withheld).
 * A token has a scope (`read` or `write`, never more than its user's role allows). Tokens are
 * `st_<id>_<secret>` with a 256-bit random secret; only SHA-256 of the secret is stored (a fast hash
 * is enough for a secret of that entropy; passwords, which are guessable, get scrypt).
 * Sign-in creates a short-lived `session` token, revoked on sign-out.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import type { Store } from '../store/store.js';
import type { AccountsDatabase } from './migration.js';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, o: object) => Promise<Buffer>;

export type Role = 'admin' | 'editor' | 'reader';
export const ROLES: Role[] = ['admin', 'editor', 'reader'];
export type Scope = 'read' | 'write';

export class AccountError extends Error {}

export interface User {
  id: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
}

export interface TokenInfo {
  id: string;
  user: string;
  name: string;
  scope: Scope;
  kind: 'api' | 'session';
  ratePerMin: number | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Who is calling, once a token checked out. */
export interface Principal {
  user: string;
  role: Role;
  scope: Scope;
  tokenId: string | null;
  ratePerMin: number | null;
}

const USER_RE = /^[a-z0-9][a-z0-9._-]{0,62}$/;

function db(store: Store): Kysely<AccountsDatabase> {
  return store.db as unknown as Kysely<AccountsDatabase>;
}

const now = () => new Date().toISOString();

export function canWrite(role: Role): boolean {
  return role === 'admin' || role === 'editor';
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !key) return false;
  const want = Buffer.from(key, 'base64url');
  const got = await scrypt(password, Buffer.from(salt, 'base64url'), want.length, {
    N: Number(n),
    r: 8,
    p: 1,
  });
  return got.length === want.length && timingSafeEqual(got, want);
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export async function addUser(store: Store, name: string, role: Role, password?: string): Promise<User> {
  const id = name.trim().toLowerCase();
  if (!USER_RE.test(id)) throw new AccountError(`user name "${name}": use 1–63 of a-z 0-9 . _ -`);
  if (!ROLES.includes(role)) throw new AccountError(`role "${role}": expected admin, editor or reader`);
  if (password !== undefined && password.length < 10)
    throw new AccountError('password: at least 10 characters');
  const exists = await db(store).selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
  if (exists) throw new AccountError(`user ${id} exists`);
  const createdAt = now();
  await db(store)
    .insertInto('users')
    .values({
      id,
      role,
      password_hash: password === undefined ? null : await hashPassword(password),
      created_at: createdAt,
      disabled: 0,
    })
    .execute();
  await store.audit({
    actor: 'cli',
    action: 'user.add',
    kind: 'store',
    target: `user:${id}`,
    detail: { role },
  });
  return { id, role, createdAt, disabled: false };
}

export async function getUser(store: Store, name: string): Promise<User | null> {
  const r = await db(store)
    .selectFrom('users')
    .selectAll()
    .where('id', '=', name.toLowerCase())
    .executeTakeFirst();
  return r ? { id: r.id, role: r.role as Role, createdAt: r.created_at, disabled: r.disabled === 1 } : null;
}

export async function listUsers(store: Store): Promise<User[]> {
  const rows = await db(store).selectFrom('users').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    createdAt: r.created_at,
    disabled: r.disabled === 1,
  }));
}

export async function setPassword(
  store: Store,
  name: string,
  password: string,
  actor = 'cli',
): Promise<void> {
  if (password.length < 10) throw new AccountError('password: at least 10 characters');
  const r = await db(store)
    .updateTable('users')
    .set({ password_hash: await hashPassword(password) })
    .where('id', '=', name.toLowerCase())
    .executeTakeFirst();
  if (!r.numUpdatedRows) throw new AccountError(`no user ${name}`);
  await store.audit({ actor, action: 'user.password', kind: 'store', target: `user:${name.toLowerCase()}` });
}

export interface CreateTokenOptions {
  name?: string;
  scope?: Scope;
  kind?: 'api' | 'session';
  /** Requests a minute this token may make (default: the server's). */
  ratePerMin?: number;
  /** Lifetime in seconds (default: none for API tokens). */
  ttlSeconds?: number;
  actor?: string;
}

/** Create a token; the secret is returned once and never stored. */
export async function createToken(
  store: Store,
  userName: string,
  o: CreateTokenOptions = {},
): Promise<{ token: string; info: TokenInfo }> {
  const user = await getUser(store, userName);
  if (!user) throw new AccountError(`no user ${userName}`);
  if (user.disabled) throw new AccountError(`user ${user.id} is disabled`);
  const scope: Scope = o.scope ?? (canWrite(user.role) ? 'write' : 'read');
  if (scope === 'write' && !canWrite(user.role))
    throw new AccountError(`a ${user.role} cannot hold a write token`);
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const createdAt = now();
  const info: TokenInfo = {
    id,
    user: user.id,
    name: o.name ?? (o.kind === 'session' ? 'session' : 'token'),
    scope,
    kind: o.kind ?? 'api',
    ratePerMin: o.ratePerMin ?? null,
    createdAt,
    expiresAt: o.ttlSeconds ? new Date(Date.now() + o.ttlSeconds * 1000).toISOString() : null,
    lastUsedAt: null,
    revokedAt: null,
  };
  await db(store)
    .insertInto('api_tokens')
    .values({
      id,
      user_id: user.id,
      name: info.name,
      hash: sha256(secret),
      scope,
      kind: info.kind,
      rate_per_min: info.ratePerMin,
      created_at: createdAt,
      expires_at: info.expiresAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  if (info.kind === 'api')
    await store.audit({
      actor: o.actor ?? 'cli',
      action: 'token.create',
      kind: 'store',
      target: `token:${id}`,
      detail: { user: user.id, scope, name: info.name },
    });
  return { token: `st_${id}_${secret}`, info };
}

function toInfo(r: AccountsDatabase['api_tokens']): TokenInfo {
  return {
    id: r.id,
    user: r.user_id,
    name: r.name,
    scope: r.scope as Scope,
    kind: r.kind as 'api' | 'session',
    ratePerMin: r.rate_per_min,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

export async function listTokens(store: Store, userName?: string): Promise<TokenInfo[]> {
  let q = db(store).selectFrom('api_tokens').selectAll().where('kind', '=', 'api');
  if (userName) q = q.where('user_id', '=', userName.toLowerCase());
  return (await q.orderBy('created_at').execute()).map(toInfo);
}

export async function revokeToken(store: Store, idOrToken: string, actor = 'cli'): Promise<boolean> {
  const id = /^st_([0-9a-f]{12})_/.exec(idOrToken)?.[1] ?? idOrToken;
  const r = await db(store)
    .updateTable('api_tokens')
    .set({ revoked_at: now() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  const ok = Number(r.numUpdatedRows) > 0;
  if (ok) await store.audit({ actor, action: 'token.revoke', kind: 'store', target: `token:${id}` });
  return ok;
}

const TOKEN_RE = /^st_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** Check a presented token; null when unknown, revoked, expired, or its user is disabled. */
export async function verifyToken(store: Store, token: string): Promise<Principal | null> {
  const m = TOKEN_RE.exec(token);
  if (!m) return null;
  const row = await db(store)
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as id',
      'api_tokens.hash as hash',
      'api_tokens.scope as scope',
      'api_tokens.expires_at as expires_at',
      'api_tokens.revoked_at as revoked_at',
      'api_tokens.rate_per_min as rate_per_min',
      'users.id as user',
      'users.role as role',
      'users.disabled as disabled',
    ])
    .where('api_tokens.id', '=', m[1])
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled === 1) return null;
  if (row.expires_at && row.expires_at < now()) return null;
  const a = Buffer.from(sha256(m[2]), 'hex');
  const b = Buffer.from(row.hash, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  const role = row.role as Role;
  // A token never grants more than its user's current role.
  const scope: Scope = row.scope === 'write' && canWrite(role) ? 'write' : 'read';
  return { user: row.user, role, scope, tokenId: row.id, ratePerMin: row.rate_per_min };
}

/** Record use at most once a minute per token (keeps reads from turning into writes). */
const touched = new Map<string, number>();
export async function touchToken(store: Store, id: string): Promise<void> {
  const t = Date.now();
  if ((touched.get(id) ?? 0) > t - 60_000) return;
  touched.set(id, t);
  await db(store).updateTable('api_tokens').set({ last_used_at: now() }).where('id', '=', id).execute();
}

export async function signIn(
  store: Store,
  name: string,
  password: string,
  ttlSeconds = 12 * 3600,
): Promise<{ token: string; info: TokenInfo; role: Role } | null> {
  const r = await db(store)
    .selectFrom('users')
    .selectAll()
    .where('id', '=', String(name).toLowerCase())
    .executeTakeFirst();
  // Hash anyway when the user is unknown, so timing does not tell which names exist.
  const ok = await verifyPassword(
    password,
    r?.password_hash ?? 'scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  );
  if (!r?.password_hash || r.disabled === 1 || !ok) return null;
  const { token, info } = await createToken(store, r.id, { kind: 'session', ttlSeconds, name: 'session' });
  return { token, info, role: r.role as Role };
}
