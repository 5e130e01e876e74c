import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseFilters } from '../desk/filters.js';
import { runMerge } from '../merge/index.js';
import { fixtureRecord } from '../store/fixtures.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createTempPostgres, type TempDatabase } from '../store/test-db.js';
import { createApp } from './app.js';
import { CSP } from './desk.js';

const city = { text: 'Kora', country: 'ML', admin1: 'Mopti', lat: 14.5, lon: -4.2 };

function records() {
  return [
    fixtureRecord({
      text: 'Gunmen attacked the market in Kora on Friday and 93 people were killed, officials said.',
      title: 'Market attack <img src=x onerror=alert(1)>',
      outlet: 'Sahel Daily',
      published: '2026-05-08',
      events: [{ trigger: 'attacked', actor: 'Gunmen', dead: 93, place: city }],
    }),
    fixtureRecord({
      text: 'Armed gunmen stormed Kora market on Friday, killing 80, a hospital source said.',
      outlet: 'River News',
      published: '2026-05-08',
      events: [{ trigger: 'stormed', actor: 'Armed gunmen', dead: 80, place: city }],
    }),
    fixtureRecord({
      text: 'Students marched across Mopti region on Monday against fee rises.',
      outlet: 'River News',
      published: '2026-05-11',
      events: [
        {
          type: 'PROTEST',
          trigger: 'marched',
          actor: 'Students',
          place: { text: 'Mopti', country: 'ML', admin1: 'Mopti', lat: 14.3, lon: -3.6, precision: 'admin1' },
        },
      ],
    }),
    fixtureRecord({
      text: 'Officials said talks would resume soon.',
      outlet: 'Sahel Daily',
      published: '2026-05-12',
      events: [{ type: 'CONSULT', trigger: 'talks' }],
    }),
  ];
}

function suite(engine: 'sqlite' | 'postgres') {
  describe(`desk API (${engine})`, () => {
    let store: Store;
    let pg: TempDatabase | null = null;
    let app: ReturnType<typeof createApp>;
    const get = async (path: string) => {
      const r = await app.request(path);
      return { status: r.status, headers: r.headers, body: await r.text() };
    };
    const post = (path: string, body: unknown, user = 'ana') =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sitrep-user': user },
        body: JSON.stringify(body),
      });

    before(async () => {
      if (engine === 'postgres') pg = await createTempPostgres('sitrep_desk');
      store = await openStore({ db: pg ? pg.url : ':memory:' });
      await store.putRecords(records().map((record) => ({ record })));
      await runMerge(store, 'test');
      app = createApp(store);
    });
    after(async () => {
      await store.close();
      await pg?.drop();
    });

    test('every desk response carries the strict CSP; bad filters are 400 problems', async () => {
      const r = await get('/desk/api/stats');
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('content-security-policy'), CSP);
      assert.deepEqual(JSON.parse(r.body), { articles: 4, events: 4, pending: 4 });
      const bad = await get('/desk/api/events?type=EXPLODE&from=yesterday');
      assert.equal(bad.status, 400);
      assert.match(JSON.parse(bad.body).detail, /type: unknown value "EXPLODE"; |from: expected YYYY-MM-DD/);
      assert.equal((await get('/desk/..%2F..%2Fpackage.json')).status, 404);
      assert.equal((await get('/desk/assets/nope.js')).status, 404);
    });

    test('table: filters, sort, pages and totals', async () => {
      const all = JSON.parse((await get('/desk/api/events?sort=fatalities&dir=desc&pageSize=25')).body);
      assert.equal(all.total, 4);
      assert.deepEqual(
        all.rows.slice(0, 2).map((r: { fatalities: number }) => r.fatalities),
        [93, 80],
      );
      const page = JSON.parse((await get('/desk/api/events?sort=date&dir=asc&pageSize=25&page=1')).body);
      assert.equal(page.rows.length, 0);
      assert.equal(page.total, 4);
      const f = JSON.parse((await get('/desk/api/events?minSources=2&bbox=-5,14,-4,15')).body);
      assert.equal(f.total, 2);
      const q = JSON.parse((await get('/desk/api/events?q=fee')).body);
      assert.deepEqual(
        q.rows.map((r: { type: string }) => r.type),
        ['PROTEST'],
      );
    });

    test('map: located events cluster, coarse ones are areas; timeline counts by type', async () => {
      const m = JSON.parse((await get('/desk/api/map?zoom=3')).body);
      const cell = m.marks.find((x: { kind: string }) => x.kind === 'cell');
      const area = m.marks.find((x: { kind: string }) => x.kind === 'area');
      assert.equal(cell.count, 2);
      assert.equal(cell.fatalities, 173);
      assert.equal(cell.sources, 2);
      assert.equal(area.precision, 'admin1');
      assert.match(area.id, /e1$/);
      assert.equal(m.unlocated, 1);
      const t = JSON.parse((await get('/desk/api/timeline')).body);
      assert.equal(t.interval, 'day');
      assert.equal(t.buckets[0], '2026-05-08');
      assert.equal(t.series.ASSAULT[0], 2);
      assert.equal(t.series.PROTEST[3], 1);
    });

    test('review, edit with evidence, audit; exports honour filters and the reviewed-only switch', async () => {
      const rows = JSON.parse((await get('/desk/api/events?sort=fatalities&dir=desc')).body).rows;
      const [a93, a80] = rows;
      assert.equal((await app.request('/desk/api/review', { method: 'POST', body: '{}' })).status, 415);
      assert.equal((await post('/desk/api/review', { id: a93.id, action: 'accept' })).status, 200);
      assert.equal((await post('/desk/api/review', { id: 'nope', action: 'accept' })).status, 404);
      // Edit the 80 to 85 by pointing at words: refused, the span has no number.
      const art = JSON.parse((await get(`/desk/api/article?id=${encodeURIComponent(a80.articleId)}`)).body);
      const text: string = art.record.text;
      const at = text.indexOf('killing 80');
      const bad = await post('/desk/api/edit', {
        id: a80.id,
        field: 'fatalities',
        spans: [{ start: 0, end: 5 }],
      });
      assert.equal(bad.status, 400);
      const outOfText = await post('/desk/api/edit', {
        id: a80.id,
        field: 'actors',
        spans: [{ start: 0, end: 1e6 }],
      });
      assert.equal(outOfText.status, 400);
      const ok = await post('/desk/api/edit', {
        id: a80.id,
        field: 'fatalities',
        spans: [{ start: at, end: at + 10 }],
        note: 'checked',
      });
      assert.equal(ok.status, 200);
      const edited = JSON.parse((await get(`/desk/api/event?id=${encodeURIComponent(a80.id)}`)).body);
      assert.equal(edited.fatalities, 80);
      assert.equal(edited.reviewed, true);
      assert.equal(edited.record.review.status, 'edited');
      assert.equal(edited.record.review.by, 'user:ana');
      const typeEdit = await post('/desk/api/edit', { id: a80.id, field: 'type', value: 'coerce' }, 'bo');
      assert.equal(typeEdit.status, 200);
      const audit = JSON.parse((await get(`/desk/api/audit?target=${encodeURIComponent(a80.id)}`)).body);
      assert.deepEqual(
        audit.map((e: { action: string; actor: string }) => `${e.action} ${e.actor}`),
        ['event.edit user:bo', 'event.edit user:ana'],
      );
      assert.deepEqual(audit[0].detail, { field: 'type', before: 'ASSAULT', after: 'COERCE' });
      assert.equal(audit[1].detail.note, 'checked');
      // The incident's per-source values follow the edit.
      const inc = JSON.parse((await get(`/desk/api/incident?id=${encodeURIComponent(a80.incidentId)}`)).body);
      assert.deepEqual(inc.incident.fields.type.map((v: { value: string }) => v.value).sort(), [
        'ASSAULT',
        'COERCE',
      ]);
      assert.equal(inc.articles.length, 2);
      // Rejected records leave reviewed exports.
      const protest = rows.find((r: { type: string }) => r.type === 'PROTEST');
      assert.equal((await post('/desk/api/review', { id: protest.id, action: 'reject' })).status, 200);
      const csv = (await get('/desk/api/export?format=csv&review=reviewed&sort=fatalities&dir=desc')).body;
      const lines = csv.trim().split('\n');
      assert.equal(lines.length, 3);
      assert.ok(lines[1].startsWith(`${a93.id},`));
      // A title starting like a formula or carrying markup is quoted as data.
      assert.match(lines[1], /Market attack <img src=x onerror=alert\(1\)>/);
      const geo = JSON.parse((await get('/desk/api/export?format=geojson&review=rejected')).body);
      assert.equal(geo.features.length, 1);
      assert.deepEqual(geo.features[0].geometry.coordinates, [-3.6, 14.3]);
      const jsonl = (await get('/desk/api/export?format=jsonl')).body.trim().split('\n');
      assert.equal(jsonl.length, 4);
      assert.equal((await get('/desk/api/export?format=xml')).status, 400);
    });
  });
}

suite('sqlite');
suite('postgres');

test('filters round-trip through the URL and reject bad values', () => {
  const p = new URLSearchParams('type=assault,protest&bbox=1,2,3,4&minSources=2&review=pending&q=x');
  const { filters, errors } = parseFilters(p);
  assert.deepEqual(errors, []);
  assert.deepEqual(filters, {
    type: ['ASSAULT', 'PROTEST'],
    bbox: [1, 2, 3, 4],
    minSources: 2,
    review: 'pending',
    q: 'x',
  });
  assert.deepEqual(
    parseFilters(new URLSearchParams('bbox=1,2,3&country=Syria&review=maybe')).errors.length,
    3,
  );
});
