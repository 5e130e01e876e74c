/**
 * 10,000 fuzzed API requests (bad JSON, huge bodies, wrong types, SQL and HTML injection strings,
 * unknown paths and methods, bad tokens) against `sitrep serve`'s app on 127.0.0.1: every answer is
 * a 4xx, and nothing is written. Deterministic (seeded). Bounded: ~1 minute.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serve } from '@hono/node-server';
import { addUser, createToken } from '../../src/accounts/accounts.js';
import { createApp } from '../../src/api/app.js';
import { withAuth } from '../../src/api/auth.js';
import { runMerge } from '../../src/merge/index.js';
import { fixtureRecord } from '../../src/store/fixtures.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

const N = Number(process.env.SITREP_FUZZ_REQUESTS ?? 10_000);

const NASTY = [
  "' OR '1'='1",
  "'; DROP TABLE articles; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5)--',
  "') UNION SELECT * FROM api_tokens --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\ud800',
  '{{7*7}}',
  '${jndi:ldap://x}',
  '😀'.repeat(50),
  'a'.repeat(5000),
  '-1',
  '1e309',
  'NaN',
  'null',
  '[]',
  '{}',
];

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let store: Store;
let dir: string;
let server: ReturnType<typeof serve>;
let base: string;
let editor: string;
let reader: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-fuzz-'));
  store = await openStore({ db: join(dir, 'fuzz.db') });
  const place = { text: 'Kora', country: 'ML', admin1: 'Mopti', lat: 14.5, lon: -4.2 };
  await store.putRecords(
    [
      fixtureRecord({
        text: 'Gunmen attacked the market in Kora on Friday and 12 people were killed, officials said.',
        outlet: 'Sahel Daily',
        published: '2026-05-08',
        events: [{ trigger: 'attacked', actor: 'Gunmen', dead: 12, place }],
      }),
      fixtureRecord({
        text: 'Armed men stormed Kora market on Friday, killing 10, a hospital source said.',
        outlet: 'River News',
        published: '2026-05-08',
        events: [{ trigger: 'stormed', actor: 'Armed men', dead: 10, place }],
      }),
    ].map((record) => ({ record })),
  );
  await runMerge(store);
  await addUser(store, 'ed', 'editor');
  await addUser(store, 'rita', 'reader');
  editor = (await createToken(store, 'ed', { ratePerMin: 10_000_000 })).token;
  reader = (await createToken(store, 'rita', { ratePerMin: 10_000_000 })).token;
  const app = withAuth(store, (s) => createApp(s, { maxBodyBytes: 1024 * 1024 }), {});
  await new Promise<void>((r) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => r());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  (server as unknown as { closeAllConnections(): void }).closeAllConnections();
  server.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

interface Req {
  method: string;
  path: string;
  body?: string | Uint8Array;
  token?: string | null;
  contentType?: string;
}

function fuzzRequest(r: () => number, i: number): Req {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const nasty = () => pick(NASTY);
  // A lone surrogate cannot be percent-encoded: send the invalid UTF-8 bytes instead (also a fuzz input).
  const enc = (x: string) => {
    try {
      return encodeURIComponent(x);
    } catch {
      return '%ED%A0%80';
    }
  };
  const kind = i % 12;
  switch (kind) {
    case 0: // bad JSON
      return {
        method: 'POST',
        path: pick(['/articles', '/incidents/merge', '/incidents/x/split']),
        body: pick(['{', '{"text": ', 'not json', '{"text": "a"', '\u0000\u0001', nasty(), '{"text": NaN}']),
        contentType: 'application/json',
      };
    case 1: // wrong types
      return {
        method: 'POST',
        path: '/articles',
        body: JSON.stringify(
          pick([
            { text: 123 },
            { text: '' },
            { text: ['a'] },
            { text: null },
            { title: nasty() },
            { text: nasty(), published: nasty() },
            { text: nasty(), title: 42 },
            { text: nasty(), url: { a: 1 } },
            [nasty()],
            nasty(),
          ]),
        ),
        contentType: 'application/json',
      };
    case 2: // huge bodies (bounded number of them)
      return i % 120 === 2
        ? {
            method: 'POST',
            path: '/articles',
            body: new Uint8Array(2 * 1024 * 1024).fill(97),
            contentType: 'application/json',
          }
        : {
            method: 'POST',
            path: '/incidents/merge',
            body: JSON.stringify({ ids: [nasty()] }),
            contentType: 'application/json',
          };
    case 3: // merge/split with unknown or hostile ids
      return r() < 0.5
        ? {
            method: 'POST',
            path: '/incidents/merge',
            body: JSON.stringify({ ids: [nasty(), nasty()], reason: nasty() }),
            contentType: 'application/json',
          }
        : {
            method: 'POST',
            path: `/incidents/${enc(nasty())}/split`,
            body: JSON.stringify({ events: [nasty()] }),
            contentType: 'application/json',
          };
    case 4: // bad filters
      return {
        method: 'GET',
        path: `/events?${pick(['from', 'to', 'bbox', 'limit', 'cursor', 'type', 'factuality', 'precision', 'min_sources', 'updated_since', 'reviewed'])}=${enc(nasty())}`,
      };
    case 5:
      return {
        method: 'GET',
        path: `/incidents?${pick(['from', 'bbox', 'limit', 'cursor', 'min_sources', 'type'])}=${enc(nasty())}`,
      };
    case 6:
      return {
        method: 'GET',
        path: `/articles?${pick(['from', 'to', 'limit', 'cursor', 'updated_since'])}=${enc(nasty())}`,
      };
    case 7: // unknown ids
      return { method: 'GET', path: `/${pick(['articles', 'events', 'incidents'])}/${enc(`${nasty()}x`)}` };
    case 8:
      return {
        method: 'GET',
        path: pick([
          `/aggregates?interval=${enc(nasty())}`,
          `/aggregates?interval=day&by=${enc(nasty())}`,
          `/aggregates?interval=week&from=${enc(nasty())}`,
          `/deletions?since=${enc(nasty())}`,
          `/export?format=${enc(nasty())}`,
        ]),
      };
    case 9: // methods and paths that do not exist
      return {
        method: pick(['PUT', 'DELETE', 'PATCH']),
        path: pick(['/articles', '/events/1', `/${enc(nasty())}`, '/merge']),
      };
    case 10: // bad or missing tokens
      return {
        method: pick(['GET', 'POST']),
        path: pick(['/events', '/articles', '/merge']),
        // Header values must be visible ASCII, or the client refuses to send them.
        token: pick([
          null,
          'st_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          nasty().replace(/[^\x21-\x7e]/g, '') || 'x',
          '',
        ]),
      };
    default: // readers trying to write
      return {
        method: 'POST',
        path: pick(['/articles', '/merge', '/incidents/merge']),
        body: JSON.stringify({ text: 'Police arrested five men in Lagos on Monday.' }),
        contentType: 'application/json',
        token: reader,
      };
  }
}

/**
 * A huge body on its own connection: the server answers 413 from Content-Length without reading the
 * body, and may close the socket while the client is still sending; a reset after the 413 counts as 413.
 */
function hugePost(path: string, body: Uint8Array, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    let status = 0;
    const req = request(
      base + path,
      { method: 'POST', headers: { ...headers, 'content-length': String(body.length) }, agent: false },
      (res) => {
        status = res.statusCode ?? 0;
        res.resume();
        res.on('end', () => resolve(status));
        res.on('error', () => resolve(status));
      },
    );
    req.on('error', () => resolve(status || 413));
    req.end(body);
  });
}

async function counts() {
  return {
    articles: await store.countArticles(),
    events: await store.countEvents(),
    audit: (await store.listAudit({ limit: 100_000 })).length,
    incidents: (await store.queryIncidents({ limit: 1000 })).items.length,
  };
}

test(`${N} fuzzed requests: only 4xx, nothing written`, { timeout: 600_000 }, async () => {
  const before = await counts();
  const r = rng(20240605);
  const reqs = Array.from({ length: N }, (_, i) => fuzzRequest(r, i));
  const statuses = new Map<number, number>();
  const bad: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < reqs.length) {
      const q = reqs[next++];
      const token = q.token === undefined ? editor : q.token;
      const headers: Record<string, string> = {};
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (q.contentType) headers['content-type'] = q.contentType;
      let status: number;
      if (q.body instanceof Uint8Array && q.body.length > 1024 * 1024) {
        status = await hugePost(q.path, q.body, headers);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status !== 413) bad.push(`${q.method} ${q.path} (huge) → ${status}`);
        continue;
      }
      try {
        const res = await fetch(base + q.path, {
          method: q.method,
          headers,
          ...(q.body !== undefined ? { body: q.body } : {}),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch (e) {
        status = 0;
        bad.push(`${q.method} ${q.path.slice(0, 80)}: ${e instanceof Error ? e.message : e}`);
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status < 400 || status >= 500) bad.push(`${q.method} ${q.path.slice(0, 80)} → ${status}`);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 16 }, lane));
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `fuzz: ${N} requests in ${s} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
  );
  assert.deepEqual([...new Set(bad)].slice(0, 10), []);
  assert.deepEqual(await counts(), before);
});
