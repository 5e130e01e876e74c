/**
 * Aggregates (counts by day or week × type or country) on both engines, checked against counts made
 * here from the events themselves. On SQLite a time/type/country aggregate is read from event_counts
 * (migration 0010), kept by triggers: the store is written, re-written, edited and pruned between
 * checks, and the migration is run on a store that already holds events.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Migrator, sql } from 'kysely';
import { editEvent } from '../desk/review.js';
import type { PloverType } from '../model/types.js';
import { cellOf } from './event-cells.js';
import { fixtureRecord } from './fixtures.js';
import { migrationProvider } from './migrations.js';
import { openStore } from './open.js';
import type { AggregateQuery, AggregateRow, Store, StoredEvent } from './store.js';
import { createTempPostgres } from './test-db.js';

const TYPES: PloverType[] = ['ASSAULT', 'PROTEST', 'CONSULT', 'COERCE'];
const PLACES = [
  { text: 'Gao', country: 'ML', lat: 16.3, lon: -0.04 },
  { text: 'Kano', country: 'NG', lat: 12, lon: 8.5 },
  { text: 'Aden', country: 'YE', lat: 12.8, lon: 45 },
  { text: 'Suva', country: 'FJ', lat: -18.14, lon: 178.44 },
];

/** Boxes for the grid-cell path (migration 0011): edges through cells, on a place, across the antimeridian, too many cells. */
const BOXES: [number, number, number, number][] = [
  [8.5, 12, 8.5, 12], // a point box on Kano
  [8.51, 11, 9, 13], // Kano just outside the west edge, same cell
  [-0.5, 12.5, 45, 16.3], // Gao on the north edge, Aden inside, Kano outside (south)
  [170, -20, -170, -10], // across the antimeridian: Suva
  [-180, -90, 180, 90], // the world: more cells than the grid path takes
  [44.99, 12.79, 45.01, 12.81], // a small box around Aden
];

function rng(seed: number) {
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

/** Articles with events of varied types, places (some none), days, multi-day spans and undated ones. */
function records(n: number, seed: number, tag: string) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    const events = [];
    const k = 1 + Math.floor(r() * 3);
    const words = ['attacked', 'marched', 'met', 'seized'];
    for (let j = 0; j < k; j++) {
      const start = Math.floor(r() * 90);
      const roll = r();
      events.push({
        type: TYPES[j],
        trigger: words[j],
        place: r() < 0.8 ? PLACES[Math.floor(r() * PLACES.length)] : undefined,
        date: roll < 0.1 ? undefined : day(start),
        until: roll > 0.85 ? day(start + 1 + Math.floor(r() * 20)) : undefined,
      });
    }
    out.push({
      record: fixtureRecord({
        text: `Gunmen attacked in Gao. Crowds marched in Kano. Envoys met in Aden. Police seized arms. Ships docked in Suva. ${tag} ${i}.`,
        published: r() < 0.9 ? day(Math.floor(r() * 90)) : undefined,
        events,
      }),
    });
  }
  return out;
}

async function allEvents(store: Store): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of store.streamEvents({})) out.push(e);
  return out;
}

function monday(d: string): string {
  const t = Date.parse(d);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
}

/** The expected buckets, counted from the events (the overlap rule of an event query). */
function expected(events: StoredEvent[], q: AggregateQuery): AggregateRow[] {
  const counts = new Map<string, AggregateRow>();
  for (const e of events) {
    if (!e.dateStart || !e.dateEnd) continue;
    if (q.from && e.dateEnd < q.from) continue;
    if (q.to && e.dateStart > q.to) continue;
    if (q.country && e.country !== q.country) continue;
    if (q.type?.length && !q.type.includes(e.type)) continue;
    if (q.bbox) {
      const [w, s, east, n] = q.bbox;
      if (e.lat === null || e.lon === null || e.lat < s || e.lat > n) continue;
      if (w <= east ? e.lon < w || e.lon > east : e.lon < w && e.lon > east) continue;
    }
    const d = e.dateStart.slice(0, 10);
    const bucket = q.interval === 'day' ? d : monday(d);
    const key = q.by === 'type' ? e.type : q.by === 'country' ? (e.country ?? null) : null;
    const id = `${bucket}|${key}`;
    const row = counts.get(id) ?? { bucket, key, count: 0 };
    row.count++;
    counts.set(id, row);
  }
  return [...counts.values()].sort((a, b) =>
    a.bucket !== b.bucket
      ? a.bucket < b.bucket
        ? -1
        : 1
      : String(a.key ?? '') < String(b.key ?? '')
        ? -1
        : 1,
  );
}

function queries(seed: number): AggregateQuery[] {
  const r = rng(seed);
  const out: AggregateQuery[] = [
    { interval: 'day', by: 'type' },
    { interval: 'week', by: 'country' },
    { interval: 'week', by: 'none' },
  ];
  for (let i = 0; i < 40; i++) {
    const from = Math.floor(r() * 100) - 5;
    const q: AggregateQuery = {
      interval: r() < 0.5 ? 'day' : 'week',
      by: (['type', 'country', 'none'] as const)[Math.floor(r() * 3)],
    };
    if (r() < 0.8) q.from = day(from);
    if (r() < 0.8) q.to = day(from + Math.floor(r() * 40));
    if (r() < 0.3) q.country = PLACES[Math.floor(r() * PLACES.length)].country;
    if (r() < 0.3) q.type = TYPES.slice(0, 1 + Math.floor(r() * 2));
    if (i < 2 * BOXES.length) q.bbox = BOXES[i % BOXES.length];
    out.push(q);
  }
  return out;
}

async function checkAll(store: Store, seed: number) {
  const events = await allEvents(store);
  assert.ok(events.length > 100);
  for (const q of queries(seed)) {
    const got = await store.aggregate(q);
    assert.deepEqual(got, expected(events, q), JSON.stringify(q));
  }
  // A filter event_counts does not hold falls back to the events: same totals for a tautology.
  const all = await store.aggregate({ interval: 'week', by: 'none', minSources: 1 });
  assert.deepEqual(all, expected(events, { interval: 'week', by: 'none' }));
}

async function countRows(store: Store, table = 'event_counts'): Promise<number> {
  const r = await sql<{ n: number }>`select coalesce(sum(n), 0) as n from ${sql.table(table)}`.execute(
    store.db,
  );
  return Number(r.rows[0].n);
}

async function placedEvents(store: Store): Promise<number> {
  return (await allEvents(store)).filter((e) => e.lat !== null && e.lon !== null).length;
}

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`aggregates (${engine})`, () => {
    const cleanup: (() => Promise<void>)[] = [];
    after(async () => {
      for (const c of cleanup) await c();
    });
    async function open(): Promise<Store> {
      if (engine === 'postgres') {
        const pg = await createTempPostgres();
        cleanup.push(() => pg.drop());
        return openStore({ db: pg.url });
      }
      const dir = mkdtempSync(join(tmpdir(), 'sitrep-counts-'));
      cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
      return openStore({ db: join(dir, 'a.db') });
    }

    test('match counts made from the events through writes, edits and deletions', async () => {
      const store = await open();
      try {
        await store.putRecords(records(120, 3, 'first'));
        await checkAll(store, 11);
        // Re-ingesting the same articles changes nothing; new ones add.
        await store.putRecords(records(120, 3, 'first'));
        await store.putRecords(records(60, 5, 'second'));
        await checkAll(store, 12);
        // A desk edit of an event's type moves its count.
        const [e] = (await store.queryEvents({ type: ['ASSAULT'], limit: 1 })).items;
        await editEvent(store, e.id, { field: 'type', value: 'PROTEST' }, 'test');
        assert.equal((await store.getEvent(e.id))?.type, 'PROTEST');
        // Clearing an event's place takes it out of the box counts.
        const placed = (await allEvents(store)).find((x) => x.lat !== null && x.dateStart);
        assert.ok(placed);
        await editEvent(store, placed.id, { field: 'place', value: null }, 'test');
        assert.equal((await store.getEvent(placed.id))?.lat, null);
        // Deleting articles takes their events' counts away.
        const page = await store.listArticles({ limit: 25 });
        for (const a of page.items) assert.ok(await store.deleteArticle(a.id));
        await checkAll(store, 13);
        if (engine === 'sqlite') {
          assert.equal(await countRows(store), (await allEvents(store)).length);
          assert.equal(await countRows(store, 'event_cell_counts'), await placedEvents(store));
          // The aggregate is read from event_counts: a row put there shows up in it.
          await sql`insert into event_counts values ('1999-01-01', '1999-01-01', 'AID', 'FR', 5)`.execute(
            store.db,
          );
          assert.deepEqual(await store.aggregate({ interval: 'day', by: 'country', to: '1999-12-31' }), [
            { bucket: '1999-01-01', key: 'FR', count: 5 },
          ]);
          // A box aggregate reads event_cell_counts for the cells wholly inside the box (Paris' cell).
          await sql`insert into event_cell_counts values (${cellOf(48.85, 2.35)}, '1999-01-01', '1999-01-01', 'AID', 'FR', 3)`.execute(
            store.db,
          );
          const box: [number, number, number, number] = [1, 47, 4, 50];
          assert.deepEqual(
            await store.aggregate({ interval: 'day', by: 'type', to: '1999-12-31', bbox: box }),
            [{ bucket: '1999-01-01', key: 'AID', count: 3 }],
          );
        }
      } finally {
        await store.close();
      }
    });
  });
}

describe('migrations 0010 and 0011 on a store that holds events (sqlite)', () => {
  test('fill event_counts and event_cell_counts from the events, and down removes them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-counts-'));
    const file = join(dir, 'm.db');
    try {
      const store = await openStore({ db: file });
      await store.putRecords(records(80, 7, 'old'));
      const migrator = new Migrator({ db: store.db, provider: migrationProvider('sqlite') });
      const down = await migrator.migrateTo('0009_claim_lists');
      assert.equal(down.error, undefined);
      // (this code writes event_counts itself: a store at 0009 is only read, then upgraded)
      assert.equal(
        (await sql`select name from sqlite_master where name = 'event_counts'`.execute(store.db)).rows.length,
        0,
      );
      const up = await migrator.migrateToLatest();
      assert.equal(up.error, undefined);
      await checkAll(store, 14);
      assert.equal(await countRows(store), (await allEvents(store)).length);
      assert.equal(await countRows(store, 'event_cell_counts'), await placedEvents(store));
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
