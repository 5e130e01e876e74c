/**
 * Migration 0007 (spans: one row per article and layer) on a store written with the old schema (one
 * row per span), on both engines: records read back unchanged after the upgrade, new writes read
 * back too, and the down migration restores one row per span.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { type Kysely, Migrator, sql } from 'kysely';
import { codeArticles } from '../ingest/coder.js';
import { createArticle } from '../model/article.js';
import type { SitrepRecord } from '../model/types.js';
import { migrationProvider } from './migrations.js';
import { openStore } from './open.js';
import { recordToRows, SPAN_LAYERS } from './rows.js';
import type { Engine } from './store.js';
import { createTempPostgres } from './test-db.js';

const TEXTS = [
  'KANO, Nigeria (Wire) - Gunmen shot and killed 12 traders in Kano on Monday and wounded 30 others, police said. The governor said on Tuesday that "the attackers will be found".',
  'Protesters marched through central Harbin on Tuesday demanding unpaid wages from a building firm, witnesses said.',
  'No places, times or numbers here: officials said talks would continue.',
];

/** The old rows of a record's spans (the write path before migration 0007). */
function oldSpanRows(rec: SitrepRecord) {
  const out = [];
  for (const layer of SPAN_LAYERS) {
    const src = rec[layer] as unknown as Record<string, unknown>[];
    for (let n = 0; n < src.length; n++) {
      const o = src[n];
      const kind = layer === 'times' ? o.type : layer === 'places' ? o.precision : o.kind;
      out.push({
        article_id: rec.article.id,
        layer,
        n,
        span_id: (o.id ?? o.mention ?? null) as string | null,
        start: o.start as number,
        end: o.end as number,
        kind: typeof kind === 'string' ? kind : null,
        text: o.text as string,
        data: JSON.stringify(o),
      });
    }
  }
  return out;
}

/** A migrator over every migration up to (not including) 0007, or all of them. */
function migrator(db: Kysely<unknown>, engine: Engine, withSpanLayers: boolean) {
  return new Migrator({
    db,
    allowUnorderedMigrations: true,
    provider: {
      async getMigrations() {
        const all = await migrationProvider(engine).getMigrations();
        if (!withSpanLayers) delete all['0007_span_layers'];
        return all;
      },
    },
  });
}

async function upgrade(engine: Engine, db: string) {
  const coded = codeArticles(TEXTS.map((text) => createArticle({ text, published: '2024-03-04' })));
  const records = coded.map((r) => (r.ok ? r.record : assert.fail(r.message)));
  const wantSpans = records.reduce((n, r) => n + oldSpanRows(r).length, 0);
  assert.ok(records[0].mentions.length && records[0].places.length && records[0].times.length);
  assert.ok(records[0].quantities.length, 'the first text has quantities');

  // A store at the old schema, written as the old code wrote it.
  const old = await openStore({ db, migrate: false });
  const k = old.db as unknown as Kysely<unknown>;
  const legacy = old.db as unknown as Kysely<{ spans: ReturnType<typeof oldSpanRows>[number] }>;
  const res = await migrator(k, engine, false).migrateToLatest();
  assert.equal(res.error, undefined);
  for (const rec of records) {
    const rows = recordToRows({ record: rec }, '2024-03-05T00:00:00.000Z');
    await old.db
      .insertInto('articles')
      .values({ ...rows.article, signature: Buffer.from(rows.article.signature) })
      .execute();
    if (rows.claims.length) await old.db.insertInto('claims').values(rows.claims).execute();
    if (rows.events.length) await old.db.insertInto('events').values(rows.events).execute();
    const spans = oldSpanRows(rec);
    if (spans.length) await legacy.insertInto('spans').values(spans).execute();
  }
  await old.close();

  // Opening it migrates; records come back as coded.
  const store = await openStore({ db });
  for (const rec of records) assert.deepEqual(await store.getRecord(rec.article.id), rec);
  const layers = await sql<{ n: number }>`select count(*) as n from spans`.execute(store.db);
  const nonEmpty = records.reduce((n, r) => n + SPAN_LAYERS.filter((l) => r[l].length).length, 0);
  assert.equal(Number(layers.rows[0].n), nonEmpty);
  // New writes read back alike.
  const [fresh] = codeArticles([createArticle({ text: `${TEXTS[0]} A second report.` })]);
  assert.ok(fresh.ok);
  await store.putRecords([{ record: fresh.record }]);
  assert.deepEqual(await store.getRecord(fresh.record.article.id), fresh.record);
  await store.deleteArticle(fresh.record.article.id);

  // Down: one row per span again, each with its JSON and columns as the old code wrote them.
  // (the later migration first, when Kysely orders it last: both ran in the same millisecond)
  const m = migrator(store.db as unknown as Kysely<unknown>, engine, true);
  const undone: string[] = [];
  while (!undone.includes('0007_span_layers')) {
    const down = await m.migrateDown();
    assert.equal(down.error, undefined);
    assert.equal(down.results?.length, 1);
    undone.push(down.results![0].migrationName);
  }
  assert.ok(
    undone.every((n) => n === '0007_span_layers' || n === '0008_toast_lz4'),
    undone.join(),
  );
  const back = await sql<Record<string, unknown>>`select * from spans`.execute(store.db);
  assert.equal(back.rows.length, wantSpans);
  const key = (r: Record<string, unknown>) => `${r.article_id} ${r.layer} ${r.n}`;
  const want = new Map(records.flatMap(oldSpanRows).map((r) => [key(r), r]));
  for (const row of back.rows) {
    const w = want.get(key(row));
    assert.ok(w, key(row));
    assert.deepEqual({ ...row, n: Number(row.n), start: Number(row.start), end: Number(row.end) }, w);
  }
  await store.close();
}

describe('migration 0007: spans as one row per layer', () => {
  test('sqlite: an old store upgrades and downgrades', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-spans-'));
    try {
      await upgrade('sqlite', join(dir, 'old.db'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('postgres: an old store upgrades and downgrades', async () => {
    const tmp = await createTempPostgres('sitrep_spans');
    try {
      await upgrade('postgres', tmp.url);
    } finally {
      await tmp.drop();
    }
  });
});
