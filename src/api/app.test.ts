import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { runMerge } from '../merge/index.js';
import { fixtureRecord } from '../store/fixtures.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createApp, loopTurns } from './app.js';

const place = { text: 'Kora', country: 'ML', admin1: 'Mopti', lat: 14.5, lon: -4.2 };

function records() {
  return [
    fixtureRecord({
      text: 'Gunmen attacked the market in Kora on Friday and 93 people were killed, officials said.',
      outlet: 'Sahel Daily',
      published: '2026-05-08',
      events: [{ trigger: 'attacked', actor: 'Gunmen', dead: 93, place }],
    }),
    fixtureRecord({
      text: 'Armed gunmen stormed Kora market on Friday, killing 80, a hospital source said.',
      outlet: 'River News',
      published: '2026-05-08',
      events: [{ trigger: 'stormed', actor: 'Armed gunmen', dead: 80, place }],
    }),
    fixtureRecord({
      text: 'Hundreds of students marched in Kora on Monday against fee rises.',
      outlet: 'River News',
      published: '2026-05-11',
      events: [{ type: 'PROTEST', trigger: 'marched', actor: 'students', place }],
    }),
  ];
}

describe('HTTP API', () => {
  let store: Store;
  let base: string;
  let server: ReturnType<typeof serve>;
  before(async () => {
    store = await openStore({ db: ':memory:' });
    await store.putRecords(records().map((record) => ({ record })));
    await runMerge(store);
    const app = createApp(store, {
      maxBodyBytes: 1024 * 1024,
      code: (a) => fixtureRecord({ text: a.text, published: a.published ?? undefined }),
    });
    await new Promise<void>((r) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => r());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    server.close();
    await store.close();
  });

  const get = async (path: string) => {
    const res = await fetch(base + path);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
  };

  test('events with filters and cursor pagination', async () => {
    const all = JSON.parse((await get('/events?limit=2')).body);
    assert.equal(all.items.length, 2);
    assert.ok(all.next);
    const rest = JSON.parse((await get(`/events?limit=2&cursor=${encodeURIComponent(all.next)}`)).body);
    assert.equal(rest.items.length, 1);
    assert.equal(rest.next, null);
    const protests = JSON.parse((await get('/events?type=PROTEST&country=ml&bbox=-5,14,-4,15')).body);
    assert.equal(protests.items.length, 1);
    const multi = JSON.parse((await get('/events?min_sources=2')).body);
    assert.equal(multi.items.length, 2);
    const ft = JSON.parse((await get('/events?q=students')).body);
    assert.equal(ft.items.length, 1);
    const one = await get(`/events/${encodeURIComponent(ft.items[0].id)}`);
    assert.equal(one.status, 200);
    const review = await fetch(`${base}/events/${encodeURIComponent(ft.items[0].id)}/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sitrep-actor': 'bob' },
      body: JSON.stringify({ reviewed: true }),
    });
    assert.equal(review.status, 200);
    assert.equal(((await review.json()) as { reviewed: boolean }).reviewed, true);
    assert.equal(JSON.parse((await get('/events?reviewed=true')).body).items.length, 1);
  });

  test('incidents, split and merge by API, audit', async () => {
    const incs = JSON.parse((await get('/incidents?min_sources=2')).body);
    assert.equal(incs.items.length, 1);
    const inc = incs.items[0];
    assert.equal(inc.sources, 2);
    assert.deepEqual(inc.fields.fatalities.map((f: { value: number }) => f.value).sort(), [80, 93]);
    const split = await fetch(`${base}/incidents/${encodeURIComponent(inc.id)}/split`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sitrep-actor': 'alice' },
      body: JSON.stringify({ events: [inc.events[1]], reason: 'two attacks' }),
    });
    assert.equal(split.status, 200);
    const created = (await split.json()) as { id: string };
    const merged = await fetch(`${base}/incidents/merge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [inc.id, created.id] }),
    });
    assert.equal(merged.status, 200);
    assert.equal(((await merged.json()) as { events: string[] }).events.length, 2);
    const audit = await store.listAudit({ target: inc.id });
    assert.ok(audit.some((a) => a.action === 'incident.split' && a.actor === 'api:alice'));
    const missing = await fetch(`${base}/incidents/inc%3Anope/split`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: ['x'] }),
    });
    assert.equal(missing.status, 404);
  });

  test('articles: list, get with annotations, post for coding', async () => {
    const list = JSON.parse((await get('/articles')).body);
    assert.equal(list.items.length, 3);
    const one = JSON.parse((await get(`/articles/${encodeURIComponent(list.items[0].id)}`)).body);
    assert.equal(one.record.schema, 'sitrep/1');
    const post = await fetch(`${base}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'A new article about a bridge opening in a small town.',
        published: '2026-05-12',
      }),
    });
    assert.equal(post.status, 201);
    const again = await fetch(`${base}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'A new article about a bridge opening in a small town.' }),
    });
    assert.equal(again.status, 200);
    const dup = (await again.json()) as { status: string; id: string };
    assert.equal(dup.status, 'duplicate');
    const del = await fetch(`${base}/articles/${encodeURIComponent(dup.id)}`, { method: 'DELETE' });
    assert.equal(del.status, 204);
    assert.equal(
      (await fetch(`${base}/articles/${encodeURIComponent(dup.id)}`, { method: 'DELETE' })).status,
      404,
    );
    const deletions = JSON.parse((await get('/deletions?since=2000-01-01')).body);
    assert.ok(deletions.items.some((d: { id: string }) => d.id === dup.id));
  });

  test('aggregates, deletions, exports', async () => {
    const agg = JSON.parse((await get('/aggregates?interval=week&by=type')).body);
    assert.ok(agg.buckets.length >= 2);
    const del = await get('/deletions?since=2000-01-01');
    assert.equal(del.status, 200);
    const csv = await get('/export?format=acled');
    assert.equal(csv.status, 200);
    const lines = csv.body.trim().split('\n');
    assert.ok(lines[0].startsWith('event_id_cnty,event_date,year,time_precision'));
    assert.equal(lines.length, 4);
    assert.match(lines[1], /Mali|ML/);
    const geo = JSON.parse((await get('/export?format=geojson&type=ASSAULT')).body);
    assert.equal(geo.type, 'FeatureCollection');
    assert.equal(geo.features.length, 2);
    const jsonl = await get('/export?format=jsonl');
    assert.equal(jsonl.body.trim().split('\n').length, 3);
  });

  test('OpenAPI document and docs page', async () => {
    const doc = JSON.parse((await get('/openapi.json')).body);
    assert.equal(doc.openapi, '3.0.3');
    assert.ok(doc.paths['/events']);
    const docs = await get('/docs');
    assert.match(docs.type, /text\/html/);
    assert.ok(docs.body.includes('/incidents/{id}/split'));
  });

  test('bad requests are 4xx problem details, never 5xx', async () => {
    for (const path of [
      '/events?from=yesterday',
      '/events?bbox=1,2,3',
      '/events?bbox=10,50,20,40',
      '/events?type=EXPLODE',
      '/events?limit=0',
      '/events?limit=abc',
      '/events?cursor=zzz',
      '/events?min_sources=-1',
      '/events?q=%22%22%22',
      '/export?format=xml',
      '/deletions',
      '/nope',
      '/articles/sha256%3Amissing',
    ]) {
      const r = await get(path);
      assert.ok(r.status >= 400 && r.status < 500, `${path}: ${r.status}`);
      assert.match(r.type, /application\/problem\+json/, path);
      const p = JSON.parse(r.body);
      assert.equal(p.status, r.status);
    }
    const badJson = await fetch(`${base}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": ',
    });
    assert.equal(badJson.status, 400);
    const wrongType = await fetch(`${base}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 42 }),
    });
    assert.equal(wrongType.status, 400);
    const huge = await fetch(`${base}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(20 * 1024 * 1024) }),
    });
    assert.equal(huge.status, 413);
    assert.equal(await store.countArticles(), 3);
  });
});

describe('HTTP API: cached reads', () => {
  test('a repeated GET is served from memory until anything is written, by any connection', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const Database = (await import('better-sqlite3')).default;
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-cache-'));
    const file = join(dir, 'c.db');
    const store = await openStore({ db: file });
    try {
      const recs = records();
      await store.putRecords([{ record: recs[0] }, { record: recs[2] }]);
      const app = createApp(store, { warmDesk: false });
      const get = async (path: string) => {
        const res = await app.request(path);
        return {
          hit: res.headers.get('x-cache') === 'hit',
          body: (await res.json()) as { items: { id: string }[] },
        };
      };
      const first = await get('/events?type=ASSAULT,PROTEST&limit=10');
      assert.equal(first.hit, false);
      assert.equal(first.body.items.length, 2);
      // Same query, parameters in another order: the same answer, from memory.
      const again = await get('/events?limit=10&type=ASSAULT,PROTEST');
      assert.equal(again.hit, true);
      assert.deepEqual(again.body, first.body);
      // A write through the store.
      await store.putRecords([{ record: recs[1] }]);
      const afterPut = await get('/events?type=ASSAULT,PROTEST&limit=10');
      assert.equal(afterPut.hit, false);
      assert.equal(afterPut.body.items.length, 3);
      // A write by another connection (another process, e.g. `sitrep ingest`, would be the same).
      assert.equal((await get('/events?type=ASSAULT,PROTEST&limit=10')).hit, true);
      const other = new Database(file);
      other.prepare('delete from events where type = ?').run('PROTEST');
      other.close();
      const afterOther = await get('/events?type=ASSAULT,PROTEST&limit=10');
      assert.equal(afterOther.hit, false);
      assert.equal(afterOther.body.items.length, 2);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('loopTurns: waiters start one a turn of the event loop, in order', async () => {
  const turn = loopTurns();
  const log: string[] = [];
  // Were several waiters released in one turn, their microtasks would run before any of the ones
  // they queue ('t1', 't2', 't3', 'm1', …).
  await Promise.all(
    [1, 2, 3].map((i) =>
      turn().then(() => {
        log.push(`t${i}`);
        queueMicrotask(() => log.push(`m${i}`));
      }),
    ),
  );
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(log, ['t1', 'm1', 't2', 'm2', 't3', 'm3']);
  // and it keeps working after the queue emptied
  await turn();
});
