import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { addUser, createToken, revokeToken } from '../accounts/accounts.js';
import { codeArticles } from '../ingest/coder.js';
import { createArticle } from '../model/article.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import { withAuth } from './auth.js';

const TEXT =
  'KANO, Nigeria (Wire) - Gunmen shot and killed John Okafor, a local trader, in Kano on Monday, police said. Police spokesman Ali Musa said officers arrested two suspects.';

describe('accounts, tokens, roles, sensitive fields', () => {
  let store: Store;
  let server: ReturnType<typeof serve>;
  let base: string;
  let articleId: string;
  const tokens: Record<string, string> = {};
  before(async () => {
    store = await openStore({ db: ':memory:' });
    const [r] = codeArticles([createArticle({ text: TEXT, published: '2024-03-04' })]);
    assert.ok(r.ok);
    articleId = r.record.article.id;
    await store.putRecords([{ record: r.record }]);
    await addUser(store, 'ada', 'admin');
    await addUser(store, 'ed', 'editor', 'correct horse battery');
    await addUser(store, 'rita', 'reader');
    tokens.admin = (await createToken(store, 'ada')).token;
    tokens.editor = (await createToken(store, 'ed')).token;
    tokens.editorRead = (await createToken(store, 'ed', { scope: 'read' })).token;
    tokens.reader = (await createToken(store, 'rita')).token;
    tokens.slow = (await createToken(store, 'rita', { ratePerMin: 3 })).token;
    await assert.rejects(createToken(store, 'rita', { scope: 'write' }), /cannot hold a write token/);
    const app = withAuth(store, (s) => createApp(s, { code: () => r.record }), { anonymous: 'none' });
    await new Promise<void>((res) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => res());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    server.close();
    await store.close();
  });

  const call = (path: string, token?: string, init: RequestInit = {}) =>
    fetch(base + path, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
    });

  test('no token, bad token: 401; public paths open', async () => {
    assert.equal((await call('/events')).status, 401);
    assert.equal((await call('/events', 'st_000000000000_nope')).status, 401);
    assert.equal((await call('/health')).status, 200);
  });

  test('tokens are stored hashed', async () => {
    const rows = await store.db
      .selectFrom('api_tokens' as never)
      .selectAll()
      .execute();
    // the secret is base64url and may itself hold "_": take all after "st_<id>_"
    const secret = /^st_[0-9a-f]{12}_(.+)$/.exec(tokens.editor)?.[1] ?? '';
    assert.equal(secret.length, 43);
    assert.ok(!JSON.stringify(rows).includes(secret));
  });

  test('readers read, only write-scoped editors and admins write; writes are audited as the user', async () => {
    assert.equal((await call('/events', tokens.reader)).status, 200);
    assert.equal((await call('/merge', tokens.reader, { method: 'POST' })).status, 403);
    assert.equal((await call('/merge', tokens.editorRead, { method: 'POST' })).status, 403);
    const res = await call('/merge', tokens.editor, {
      method: 'POST',
      headers: { 'x-sitrep-actor': 'mallory' },
    });
    assert.equal(res.status, 200);
    const audit = await store.listAudit({ limit: 50 });
    assert.ok(audit.some((a) => a.actor === 'api:user:ed'));
    assert.ok(!audit.some((a) => a.actor.includes('mallory')));
    assert.equal((await call('/merge', tokens.admin, { method: 'POST' })).status, 200);
  });

  test('sensitive fields: withheld from readers, kept for editors', async () => {
    const asReader = await (await call(`/articles/${encodeURIComponent(articleId)}`, tokens.reader)).text();
    const asEditor = await (await call(`/articles/${encodeURIComponent(articleId)}`, tokens.editor)).text();
    assert.ok(asEditor.includes('John Okafor'));
    assert.ok(!asReader.includes('John Okafor'), 'victim name withheld from readers');
    assert.ok(asReader.includes('Ali Musa'), 'other people are not withheld');
    const events = await (await call('/events', tokens.reader)).text();
    assert.ok(!events.toLowerCase().includes('john okafor'));
    const exp = await (await call('/export?format=jsonl', tokens.reader)).text();
    assert.ok(exp.length > 0 && !exp.includes('John Okafor'));
  });

  test('revoked tokens stop working', async () => {
    const t = await createToken(store, 'rita');
    assert.equal((await call('/events', t.token)).status, 200);
    assert.ok(await revokeToken(store, t.info.id));
    assert.equal((await call('/events', t.token)).status, 401);
  });

  test('rate limit per token', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await call('/events', tokens.slow)).status);
    assert.deepEqual(codes.slice(0, 3), [200, 200, 200]);
    assert.equal(codes[4], 429);
  });

  test('rate limits shared by several server processes are divided between them', async () => {
    // three processes, a token allowed 3 a minute: each process lets 1 through
    const shared = withAuth(store, (s) => createApp(s), { rateShare: 3 });
    const headers = { authorization: `Bearer ${tokens.slow}` };
    const codes: number[] = [];
    for (let i = 0; i < 2; i++) codes.push((await shared.request('/events', { headers })).status);
    assert.deepEqual(codes, [200, 429]);
  });

  test('sign in with a password: session cookie; sign out revokes it', async () => {
    const bad = await call('/auth/sign-in', undefined, {
      method: 'POST',
      body: JSON.stringify({ user: 'ed', password: 'wrong password' }),
    });
    assert.equal(bad.status, 401);
    const res = await call('/auth/sign-in', undefined, {
      method: 'POST',
      body: JSON.stringify({ user: 'ed', password: 'correct horse battery' }),
    });
    assert.equal(res.status, 200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    assert.match(cookie, /^sitrep_session=st_/);
    const me = await call('/auth/me', undefined, { headers: { cookie } });
    assert.deepEqual(await me.json(), { user: 'ed', role: 'editor', scope: 'write' });
    assert.equal(
      (await call('/auth/sign-out', undefined, { method: 'POST', headers: { cookie } })).status,
      204,
    );
    assert.equal((await call('/events', undefined, { headers: { cookie } })).status, 401);
  });
});
