/**
 * Migrations 0007 (spans: one row per article and layer) and 0009 (claims: one row per article) on
 * a store written with the old schema (one row per span and per claim), on both engines: records read
 * back unchanged after the upgrade, new writes read back too, and the down migrations restore the
 * old rows.
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

/** The old rows of a record's claims (the write path before migration 0009). */
function oldClaimRows(rec: SitrepRecord) {
  return rec.claims.map((c, n) => ({
    article_id: rec.article.id,
    n,
    claim_id: c.id,
    source_text: c.source.text,
    source_kind: c.source.kind,
    stance: c.stance,
    cue_start: c.cue.start,
    cue_end: c.cue.end,
    data: JSON.stringify(c),
  }));
}

const NEW = ['0007_span_layers', '0008_toast_lz4', '0009_claim_lists'];

/** A migrator over every migration before these (the old schema), or all of them. */
function migrator(db: Kysely<unknown>, engine: Engine, withNew: boolean) {
  return new Migrator({
    db,
    allowUnorderedMigrations: true,
    provider: {
      async getMigrations() {
        const all = await migrationProvider(engine).getMigrations();
        if (!withNew) for (const m of NEW) delete all[m];
        return all;
      },
    },
  });
}

async function upgrade(engine: Engine, db: string) {
  const coded = codeArticles(TEXTS.map((text) => createArticle({ text, published: '2024-03-04' })));
  const records = coded.map((r) => (r.ok ? r.record : assert.fail(r.message)));
  assert.ok(records[0].mentions.length && records[0].places.length && records[0].times.length);
  assert.ok(records[0].quantities.length, 'the first text has quantities');
  assert.ok(records[0].claims.length > 1, 'the first text has claims');

  // A store at the old schema, written as the old code wrote it.
  const old = await openStore({ db, migrate: false });
  const k = old.db as unknown as Kysely<unknown>;
  const legacy = old.db as unknown as Kysely<{
    spans: ReturnType<typeof oldSpanRows>[number];
    claims: ReturnType<typeof oldClaimRows>[number];
  }>;
  const res = await migrator(k, engine, false).migrateToLatest();
  assert.equal(res.error, undefined);
  for (const rec of records) {
    const rows = recordToRows({ record: rec }, '2024-03-05T00:00:00.000Z');
    await old.db
      .insertInto('articles')
      .values({ ...rows.article, signature: Buffer.from(rows.article.signature) })
      .execute();
    const claims = oldClaimRows(rec);
    if (claims.length) await legacy.insertInto('claims').values(claims).execute();
    if (rows.events.length) await old.db.insertInto('events').values(rows.events).execute();
    const spans = oldSpanRows(rec);
    if (spans.length) await legacy.insertInto('spans').values(spans).execute();
  }
  await old.close();

  // Opening it migrates; records come back as coded.
  const store = await openStore({ db });
  for (const rec of records) assert.deepEqual(await store.getRecord(rec.article.id), rec);
  const count = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(store.db)).rows[0].n,
    );
  assert.equal(
    await count('spans'),
    records.reduce((n, r) => n + SPAN_LAYERS.filter((l) => r[l].length).length, 0),
  );
  assert.equal(await count('claims'), records.filter((r) => r.claims.length).length);
  // New writes read back alike.
  const [fresh] = codeArticles([createArticle({ text: `${TEXTS[0]} A second report.` })]);
  assert.ok(fresh.ok);
  await store.putRecords([{ record: fresh.record }]);
  assert.deepEqual(await store.getRecord(fresh.record.article.id), fresh.record);
  await store.deleteArticle(fresh.record.article.id);

  // Down: one row per span and per claim again, each with its JSON and columns as the old code wrote them.
  const m = migrator(store.db as unknown as Kysely<unknown>, engine, true);
  const undone: string[] = [];
  while (undone.length < NEW.length) {
    const down = await m.migrateDown();
    assert.equal(down.error, undefined);
    assert.equal(down.results?.length, 1);
    undone.push(down.results![0].migrationName);
  }
  assert.deepEqual([...undone].sort(), NEW);
  const same = async (table: string, want: Record<string, unknown>[], key: string[], ints: string[]) => {
    const back = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(store.db);
    assert.equal(back.rows.length, want.length, table);
    const k = (r: Record<string, unknown>) => key.map((c) => r[c]).join(' ');
    const byKey = new Map(want.map((r) => [k(r), r]));
    for (const row of back.rows) {
      for (const c of ints) row[c] = Number(row[c]);
      assert.deepEqual(row, byKey.get(k(row)), `${table} ${k(row)}`);
    }
  };
  await same('spans', records.flatMap(oldSpanRows), ['article_id', 'layer', 'n'], ['n', 'start', 'end']);
  await same('claims', records.flatMap(oldClaimRows), ['article_id', 'n'], ['n', 'cue_start', 'cue_end']);
  await store.close();
}

describe('migrations 0007 and 0009: spans and claims as one row per layer', () => {
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
