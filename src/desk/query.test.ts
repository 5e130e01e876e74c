import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Migrator, sql } from 'kysely';
import type { PlacePrecision } from '../model/types.js';
import { fixtureRecord } from '../store/fixtures.js';
import { migrationProvider } from '../store/migrations.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { parseOrder } from './filters.js';
import { cached, eventTable, type MapMarks, mapMarks, WORLD } from './query.js';

let store: Store;
let dir: string;
const PRECISIONS: PlacePrecision[] = ['point', 'city', 'admin2', 'admin1', 'country'];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-desk-query-'));
  store = await openStore({ db: join(dir, 'q.db') });
  const records = [];
  // Places spread over both hemispheres, on and off cell boundaries, at every precision.
  for (let i = 0; i < 60; i++) {
    const lat = ((i * 37) % 160) - 80 + (i % 3 === 0 ? 0 : 0.37 * (i % 7));
    const lon = ((i * 71) % 350) - 175 + (i % 4 === 0 ? 0 : 0.53 * (i % 5));
    records.push({
      record: fixtureRecord({
        text: `Fighting near Town${i} killed ${i % 9} people.`,
        outlet: `Outlet ${i % 5}`,
        published: `2024-0${1 + (i % 9)}-1${i % 10}`,
        events: [
          {
            type: i % 2 ? 'ASSAULT' : 'PROTEST',
            trigger: 'Fighting',
            dead: i % 9,
            place: {
              text: `Town${i}`,
              country: i % 2 ? 'SY' : 'ML',
              admin1: `A${i % 4}`,
              lat,
              lon,
              precision: PRECISIONS[i % PRECISIONS.length],
            },
          },
        ],
      }),
    });
  }
  await store.putRecords(records, 'test');
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function sorted(m: MapMarks) {
  const round = (x: number) => Math.round(x * 1e9) / 1e9;
  return m.marks
    .map((x) => ({ ...x, lat: round(x.lat), lon: round(x.lon) }))
    .sort((a, b) => `${a.kind}${a.lat}${a.lon}`.localeCompare(`${b.kind}${b.lat}${b.lon}`));
}

test('world views at low zoom, regrouped from one finer grid, equal the marks grouped at that zoom', async () => {
  for (let z = 0; z <= 4; z++) {
    const world = await mapMarks(store, {}, z, WORLD);
    const direct = await mapMarks(store, {}, z); // no view: grouped at zoom z by SQL
    assert.ok(world.marks.length > 0);
    assert.deepEqual(sorted(world), sorted(direct), `zoom ${z}`);
    assert.equal(world.cell, direct.cell);
  }
  const filtered = await mapMarks(store, { type: ['ASSAULT'] }, 1, WORLD);
  assert.deepEqual(sorted(filtered), sorted(await mapMarks(store, { type: ['ASSAULT'] }, 1)));
  assert.ok(filtered.marks.every((m) => Object.keys(m.types).every((t) => t === 'ASSAULT')));
});

test('cached answers follow every write to the store', async () => {
  let computed = 0;
  const count = () =>
    cached(store, 'count-test', async () => {
      computed++;
      return store.countEvents();
    });
  const n = await count();
  assert.equal(await count(), n);
  assert.equal(computed, 1);
  await store.putRecords(
    [
      {
        record: fixtureRecord({
          text: 'Protesters marched in Kora.',
          events: [{ type: 'PROTEST', trigger: 'marched' }],
        }),
      },
    ],
    'test',
  );
  assert.equal(await count(), n + 1);
  assert.equal(computed, 2);
  // A write by another connection (another process) is seen too.
  const other = await openStore({ db: join(dir, 'q.db') });
  await other.putRecords(
    [
      {
        record: fixtureRecord({
          text: 'Talks resumed in Bamako.',
          events: [{ type: 'CONSULT', trigger: 'Talks' }],
        }),
      },
    ],
    'test',
  );
  await other.close();
  assert.equal(await count(), n + 2);
  assert.equal(computed, 3);
});

test('migration 0201 copies review verdicts from the records into review_status, which the filters read', async () => {
  const d = mkdtempSync(join(tmpdir(), 'sitrep-desk-migrate-'));
  const s = await openStore({ db: join(d, 'm.db'), migrate: false });
  try {
    const migrator = new Migrator({
      db: s.db,
      provider: migrationProvider('sqlite'),
      allowUnorderedMigrations: true,
    });
    assert.equal((await migrator.migrateTo('0200_desk_indexes')).error, undefined);
    await s.putRecords(
      ['Rebels shelled Kora.', 'Police fired on marchers in Kora.', 'Talks resumed in Kora.'].map((text) => ({
        record: fixtureRecord({ text, events: [{ trigger: text.split(' ')[1] }] }),
      })),
      'test',
    );
    const ids = (await s.db.selectFrom('events').select('id').orderBy('id').execute()).map((r) => r.id);
    // Verdicts as the desk wrote them before the column existed: in the record only.
    const verdicts = ['rejected', 'edited'];
    for (const [i, status] of verdicts.entries())
      await sql`update events set reviewed = 1, record = json_set(record, '$.review', json(${JSON.stringify({ status, by: 'desk', at: '2026-01-01' })})) where id = ${ids[i]}`.execute(
        s.db,
      );
    assert.equal((await migrator.migrateToLatest()).error, undefined);
    const rows = await s.db.selectFrom('events').select(['id', 'review_status']).orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => r.review_status),
      ['rejected', 'edited', null],
    );
    const page = async (review: 'pending' | 'reviewed' | 'rejected') =>
      (await eventTable(s, { review }, parseOrder(new URLSearchParams()))).rows.map((r) => [r.id, r.review]);
    assert.deepEqual(await page('rejected'), [[ids[0], 'rejected']]);
    assert.deepEqual(await page('reviewed'), [[ids[1], 'edited']]);
    assert.deepEqual(await page('pending'), [[ids[2], 'pending']]);
  } finally {
    await s.close();
    rmSync(d, { recursive: true, force: true });
  }
});
