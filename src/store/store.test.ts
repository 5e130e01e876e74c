/**
 * The store contract: the same cases against SQLite and PostgreSQL. PostgreSQL must be running; a
 * missing server fails this suite (it does not skip).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fixtureRecord } from './fixtures.js';
import { openStore } from './open.js';
import { recordToRows } from './rows.js';
import type { EventQuery, Store, StoredEvent } from './store.js';
import { createTempPostgres, type TempDatabase } from './test-db.js';

const TEXT_A =
  'Gunmen attacked a checkpoint near Tal Rifaat on Monday, killing 12 soldiers, the provincial governor said.';
const TEXT_B =
  'Protesters marched through central Harbin on Tuesday demanding unpaid wages from a building firm.';
const TEXT_C =
  'Shelling hit the outskirts of Tal Rifaat on Monday and 9 people died, a local monitor reported.';

function records() {
  return [
    fixtureRecord({
      text: TEXT_A,
      outlet: 'Daily Planet',
      credit: 'Wire One',
      published: '2026-03-02',
      url: 'https://example.org/a',
      events: [
        {
          trigger: 'attacked',
          actor: 'Gunmen',
          dead: 12,
          place: { text: 'Tal Rifaat', country: 'SY', admin1: 'Aleppo', lat: 36.47, lon: 37.1 },
        },
      ],
    }),
    fixtureRecord({
      text: TEXT_B,
      outlet: 'North Herald',
      published: '2026-03-03',
      events: [
        {
          type: 'PROTEST',
          trigger: 'marched',
          actor: 'Protesters',
          place: { text: 'Harbin', country: 'CN', admin1: 'Heilongjiang', lat: 45.75, lon: 126.65 },
        },
      ],
    }),
    fixtureRecord({
      text: TEXT_C,
      outlet: 'Valley Times',
      published: '2026-03-02',
      events: [
        {
          trigger: 'Shelling',
          dead: 9,
          place: { text: 'Tal Rifaat', country: 'SY', admin1: 'Aleppo', lat: 36.47, lon: 37.1 },
        },
      ],
    }),
  ];
}

function contract(name: string, open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>) {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await open());
    });
    after(async () => {
      await store?.close();
      await cleanup?.();
    });

    test('puts records in one batch and is idempotent', async () => {
      const recs = records();
      const res = await store.putRecords(recs.map((record) => ({ record, origin: 'test' })));
      assert.deepEqual(
        res.map((r) => r.status),
        ['inserted', 'inserted', 'inserted'],
      );
      const again = await store.putRecords([{ record: recs[0] }, { record: recs[0] }]);
      assert.deepEqual(
        again.map((r) => r.status),
        ['duplicate', 'duplicate'],
      );
      assert.equal(await store.countArticles(), 3);
      assert.equal(await store.countEvents(), 3);
      const has = await store.hasArticles([recs[0].article.id, 'sha256:nope']);
      assert.deepEqual([...has], [recs[0].article.id]);
      assert.deepEqual(
        [...(await store.hasUrls(['https://example.org/a', 'https://x']))],
        ['https://example.org/a'],
      );
    });

    test('puts prebuilt rows like records, stamped with the write time', async () => {
      const rec = fixtureRecord({
        text: 'Rows built elsewhere: police detained three men in Lagos on Friday.',
      });
      const rows = recordToRows({ record: rec, origin: 'thread' }, 'built-elsewhere');
      const t0 = new Date().toISOString();
      const res = await store.putRows([rows, recordToRows({ record: rec }, 'x')]);
      assert.deepEqual(
        res.map((r) => [r.id, r.status]),
        [
          [rec.article.id, 'inserted'],
          [rec.article.id, 'duplicate'],
        ],
      );
      const stored = await store.getArticle(rec.article.id);
      assert.equal(stored?.origin, 'thread');
      assert.ok(stored!.ingestedAt >= t0 && stored!.updatedAt === stored!.ingestedAt, stored!.ingestedAt);
      assert.deepEqual(await store.getRecord(rec.article.id), rec);
      assert.equal((await store.putRows([recordToRows({ record: rec }, 'x')]))[0].status, 'duplicate');
      assert.ok(await store.deleteArticle(rec.article.id));
    });

    test('rebuilds the record faithfully', async () => {
      const rec = records()[0];
      const got = await store.getRecord(rec.article.id);
      assert.deepEqual(got, rec);
      const art = await store.getArticle(rec.article.id);
      assert.equal(art?.outlet, 'Daily Planet');
      assert.equal(art?.sourceKey, 'wire:wire one');
    });

    test('filters events and paginates by cursor', async () => {
      const all = await store.queryEvents({ limit: 2 });
      assert.equal(all.items.length, 2);
      assert.ok(all.next);
      const rest = await store.queryEvents({ limit: 2, cursor: all.next! });
      assert.equal(rest.items.length, 1);
      assert.equal(rest.next, null);
      const ids = new Set([...all.items, ...rest.items].map((e) => e.id));
      assert.equal(ids.size, 3);

      assert.equal((await store.queryEvents({ country: 'sy' })).items.length, 2);
      assert.equal((await store.queryEvents({ type: ['PROTEST'] })).items.length, 1);
      assert.equal((await store.queryEvents({ from: '2026-03-03', to: '2026-03-10' })).items.length, 1);
      assert.equal((await store.queryEvents({ bbox: [30, 30, 40, 40] })).items.length, 2);
      assert.equal((await store.queryEvents({ actor: 'gunmen' })).items.length, 1);
      assert.equal((await store.queryEvents({ source: 'north herald' })).items.length, 1);
      assert.equal((await store.queryEvents({ q: 'wages' })).items.length, 1);
      assert.equal((await store.queryEvents({ q: 'checkpoint" (*' })).items.length, 1);
      assert.equal((await store.queryEvents({ factuality: ['negated'] })).items.length, 0);
      const e = (await store.queryEvents({ actor: 'gunmen' })).items[0];
      assert.equal(e.fatalities, 12);
      assert.equal(e.location, 'Tal Rifaat');
      assert.deepEqual(await store.getEvent(e.id), e);
      // the API's text of a page is the page, byte for byte as JSON.stringify writes it
      const pages: EventQuery[] = [
        { limit: 2 },
        { limit: 2, cursor: all.next! },
        { country: 'sy' },
        { factuality: ['negated'] },
      ];
      for (const q of pages)
        assert.equal(await store.queryEventsJson(q), JSON.stringify(await store.queryEvents(q)));
    });

    test('lists articles with full text and aggregates', async () => {
      const page = await store.listArticles({ q: 'Harbin' });
      assert.equal(page.items.length, 1);
      const agg = await store.aggregate({ interval: 'day', by: 'type' });
      assert.deepEqual(agg, [
        { bucket: '2026-03-02', key: 'ASSAULT', count: 2 },
        { bucket: '2026-03-03', key: 'PROTEST', count: 1 },
      ]);
      const weeks = await store.aggregate({ interval: 'week', by: 'none' });
      assert.deepEqual(weeks, [{ bucket: '2026-03-02', key: null, count: 3 }]);
    });

    test('incidents: replace, split, merge, audit and deletions', async () => {
      const [a, , c] = records();
      const eA = `${a.article.id}:e1`;
      const eC = `${c.article.id}:e1`;
      const { summariseIncident, incidentId } = await import('../merge/summarise.js');
      const evs = await Promise.all([store.getEvent(eA), store.getEvent(eC)]);
      const id = incidentId([eA, eC]);
      const inc = summariseIncident(id, evs as never, ['test link'], false);
      await store.replaceIncidents([{ incident: inc }]);
      const got = await store.getIncident(id);
      assert.equal(got?.sources, 2);
      assert.deepEqual(
        got?.fields.fatalities.map((f) => f.value),
        [12, 9].sort((x, y) => (String(x) < String(y) ? -1 : 1)),
      );
      assert.equal((await store.queryEvents({ minSources: 2 })).items.length, 2);
      assert.equal((await store.queryIncidents({ minSources: 2 })).items.length, 1);
      // Re-running the same merge changes nothing.
      await store.replaceIncidents([{ incident: inc }]);
      assert.equal((await store.getIncident(id))?.updatedAt, got?.updatedAt);

      const split = await store.splitIncident(id, [eC], 'user:test', 'different attacks');
      assert.deepEqual(split.events, [eC]);
      assert.deepEqual((await store.getIncident(id))?.events, [eA]);
      assert.equal((await store.getEvent(eC))?.incidentId, split.id);
      const merged = await store.mergeIncidents([id, split.id], 'user:test');
      assert.equal(merged.events.length, 2);
      assert.ok(merged.locked);
      const dels = await store.deletions('2000-01-01');
      assert.ok(dels.some((d) => d.kind === 'incident' && d.id === split.id));
      const audit = await store.listAudit({ target: id });
      assert.ok(audit.some((x) => x.action === 'incident.split'));
      assert.ok(audit.some((x) => x.action === 'incident.merge'));
      // A locked incident survives an automatic re-merge.
      await store.replaceIncidents([]);
      assert.equal((await store.getIncident(id))?.events.length, 2);
    });

    test('clusters, review and deletion', async () => {
      const [a, b] = records();
      await store.setClusters(new Map([[b.article.id, [a.article.id, 'wire:wire one']]]));
      assert.equal((await store.getArticle(b.article.id))?.cluster, a.article.id);
      assert.equal((await store.getEvent(`${b.article.id}:e1`))?.sourceKey, 'wire:wire one');
      const sigs = [];
      for await (const s of store.streamSignatures()) sigs.push(s);
      assert.equal(sigs.length, 3);
      assert.ok(sigs[0].signature.length > 1);

      assert.ok(await store.setEventReviewed(`${b.article.id}:e1`, true, 'user:test'));
      assert.equal((await store.queryEvents({ reviewed: true })).items.length, 1);

      const since = new Date(Date.now() - 1000).toISOString();
      assert.ok(await store.deleteArticle(b.article.id, 'user:test'));
      assert.equal(await store.getArticle(b.article.id), null);
      const dels = await store.deletions(since);
      assert.ok(dels.some((d) => d.kind === 'article' && d.id === b.article.id));
      assert.ok(dels.some((d) => d.kind === 'event' && d.id === `${b.article.id}:e1`));
      const recs = [];
      for await (const r of store.streamRecords()) recs.push(r.article.id);
      assert.equal(recs.length, 2);
      // Re-ingesting the deleted article brings it back.
      const res = await store.putRecords([{ record: b }]);
      assert.equal(res[0].status, 'inserted');
    });

    test('rejects a bad cursor', async () => {
      await assert.rejects(store.queryEvents({ cursor: 'garbage' }), /invalid cursor/);
      await assert.rejects(store.queryEvents({ cursor: 'WzEsMl0' }), /invalid cursor/); // [1,2]
    });

    test('time filters: long events are found, a window with nothing in it reads no further', async () => {
      const rec = fixtureRecord({
        text: 'The siege of Kora lasted for years, officials said.',
        published: '2024-07-01',
        events: [{ type: 'COERCE', trigger: 'siege' }],
      });
      rec.events[0].interval = ['2022-01-01', '2024-06-30'];
      await store.putRecords([{ record: rec }]);
      const ids = async (from: string, to: string) =>
        (await store.queryEvents({ from, to, limit: 1000 })).items.map((e) => e.articleId);
      // it began 2.5 years before the window and still overlaps it
      assert.ok((await ids('2024-06-01', '2024-06-10')).includes(rec.article.id));
      assert.ok(!(await ids('2024-07-02', '2024-08-01')).includes(rec.article.id));
      assert.deepEqual(await ids('2031-01-01', '2031-02-01'), []);
      const agg = await store.aggregate({
        interval: 'day',
        by: 'type',
        from: '2024-06-01',
        to: '2024-06-10',
      });
      assert.ok(agg.some((r) => r.bucket === '2022-01-01' && r.key === 'COERCE' && r.count === 1));
    });
  });
}

/**
 * Paging through many events: every filter shape (including those run as a union of ordered queries:
 * a type list, a source that is an outlet or a credit) yields each matching event exactly once, in
 * (date_start desc, id desc) order, however the pages are cut.
 */
function paging(name: string, open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>) {
  describe(`store paging: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const TYPES = ['ASSAULT', 'PROTEST', 'CONSULT', 'COERCE'] as const;
    before(async () => {
      ({ store, cleanup } = await open());
      const recs = [];
      for (let i = 0; i < 30; i++) {
        recs.push({
          record: fixtureRecord({
            text: `Report ${i}: gunmen attacked a post, crowds marched, elders met and police detained men.`,
            outlet: `Outlet ${i % 3}`,
            // Some credit Outlet 1 (a few are also published by it: counted once).
            credit: i % 4 === 0 ? 'Outlet 1' : undefined,
            published: `2026-01-0${1 + (i % 5)}`,
            events: [
              { type: TYPES[i % 4], trigger: 'attacked', actor: 'gunmen' },
              { type: TYPES[(i + 1) % 4], trigger: 'marched', factuality: i % 2 ? 'reported' : 'asserted' },
              { type: TYPES[(i + 2) % 4], trigger: 'detained', actor: 'police' },
            ],
          }),
        });
      }
      await store.putRecords(recs);
    });
    after(async () => {
      await store?.close();
      await cleanup?.();
    });

    const order = (
      a: { dateStart: string | null; id: string },
      b: { dateStart: string | null; id: string },
    ) => (b.dateStart ?? '').localeCompare(a.dateStart ?? '') || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

    test('each filter shape pages through every match once, in order', async () => {
      const all: StoredEvent[] = [];
      for await (const e of store.streamEvents({})) all.push(e);
      assert.equal(all.length, 90);
      const shapes: [EventQuery, (e: StoredEvent) => boolean][] = [
        [{}, () => true],
        [{ type: ['PROTEST', 'COERCE'] }, (e) => e.type === 'PROTEST' || e.type === 'COERCE'],
        [
          { type: ['ASSAULT', 'CONSULT', 'PROTEST'], factuality: ['reported'] },
          (e) => e.type !== 'COERCE' && e.factuality === 'reported',
        ],
        [{ type: [...TYPES, 'AID'] }, () => true],
        [{ source: 'outlet 1' }, (e) => e.outlet === 'Outlet 1' || e.credit === 'Outlet 1'],
        [
          { source: 'OUTLET 1', type: ['ASSAULT', 'PROTEST'], from: '2026-01-02' },
          (e) =>
            (e.outlet === 'Outlet 1' || e.credit === 'Outlet 1') &&
            (e.type === 'ASSAULT' || e.type === 'PROTEST') &&
            (e.dateEnd ?? '') >= '2026-01-02',
        ],
        [
          { actor: 'police', to: '2026-01-03' },
          (e) => e.actors.includes('police') && (e.dateStart ?? '') <= '2026-01-03',
        ],
      ];
      for (const [q, keep] of shapes) {
        const want = all
          .filter(keep)
          .sort(order)
          .map((e) => e.id);
        assert.ok(want.length > 0, JSON.stringify(q));
        for (const limit of [1, 4, 7, 200]) {
          const got: string[] = [];
          let cursor: string | undefined;
          for (let n = 0; n < 100; n++) {
            const page = await store.queryEvents({ ...q, limit, cursor });
            assert.ok(page.items.length <= limit);
            got.push(...page.items.map((e) => e.id));
            if (!page.next) break;
            cursor = page.next;
          }
          assert.deepEqual(got, want, `${JSON.stringify(q)} by ${limit}`);
        }
      }
    });
  });
}

paging('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
  const store = await openStore({ db: join(dir, 'test.db') });
  return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

paging('postgres', async () => {
  const tmp = await createTempPostgres();
  const store = await openStore({ db: tmp.url });
  return { store, cleanup: async () => tmp.drop() };
});

contract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
  const store = await openStore({ db: join(dir, 'test.db') });
  return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

contract('postgres', async () => {
  let tmp: TempDatabase | undefined;
  tmp = await createTempPostgres();
  const store = await openStore({ db: tmp.url });
  return { store, cleanup: async () => tmp?.drop() };
});
