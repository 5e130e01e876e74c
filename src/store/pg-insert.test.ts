/**
 * The PostgreSQL write path (rows as JSON through json_populate_recordset) stores what SQLite stores:
 * every row, the packed MinHash signature byte for byte, and text with a lone surrogate as U+FFFD.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { codeArticles } from '../ingest/coder.js';
import { unpackSignature } from '../merge/minhash.js';
import { createArticle } from '../model/article.js';
import { openStore } from './open.js';
import { recordToRows } from './rows.js';
import type { Store } from './store.js';
import { createTempPostgres, type TempDatabase } from './test-db.js';

const TEXTS = [
  'KANO, Nigeria (Wire) - Gunmen shot and killed John Okafor, a local trader, in Kano on Monday, police said.',
  'Protesters in "Nairobi" clashed with police on Tuesday \\ud800 (a literal backslash), officials said \ud800.',
];

describe('PostgreSQL bulk insert', () => {
  let pg: TempDatabase;
  let store: Store;
  before(async () => {
    pg = await createTempPostgres('sitrep_pgins');
    store = await openStore({ db: pg.url });
  });
  after(async () => {
    await store.close();
    await pg.drop();
  });

  test('rows, signatures and odd text survive', async () => {
    const coded = codeArticles(TEXTS.map((text) => createArticle({ text, published: '2024-03-04' })));
    const records = coded.map((r) => (r.ok ? r.record : assert.fail(r.message)));
    const res = await store.putRecords(records.map((record) => ({ record })));
    assert.deepEqual(
      res.map((r) => r.status),
      ['inserted', 'inserted'],
    );
    assert.deepEqual(
      (await store.putRecords(records.map((record) => ({ record })))).map((r) => r.status),
      ['duplicate', 'duplicate'],
    );
    const now = new Date().toISOString();
    for (const rec of records) {
      const rows = recordToRows({ record: rec }, now);
      for (const table of ['spans', 'claims', 'events'] as const) {
        const { rows: n } = await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE article_id = ${rec.article.id}`.execute(
          store.db,
        );
        assert.equal(n[0].n, rows[table].length, table);
      }
    }
    const sigs = new Map<string, Uint32Array>();
    for await (const s of store.streamSignatures()) sigs.set(s.id, s.signature);
    for (const rec of records) {
      const want = unpackSignature(recordToRows({ record: rec }, now).article.signature);
      assert.deepEqual([...sigs.get(rec.article.id)!], [...want]);
    }
    // Long values are compressed with lz4 where the server has it (migration 0008).
    const { rows: lz4 } = await sql<{
      ok: boolean;
    }>`select 'lz4' = any(enumvals) as ok from pg_settings where name = 'default_toast_compression'`.execute(
      store.db,
    );
    const long = codeArticles([createArticle({ text: Array(40).fill(TEXTS[0]).join('\n\n') })]);
    assert.ok(long[0].ok);
    await store.putRecords([{ record: long[0].record }]);
    const { rows: methods } = await sql<{
      m: string | null;
    }>`select pg_column_compression(text) as m from articles
      where id = ${long[0].record.article.id} union all select pg_column_compression(data) from spans
      where article_id = ${long[0].record.article.id} and layer = 'mentions' union all select pg_column_compression(data)
      from claims where article_id = ${long[0].record.article.id}`.execute(store.db);
    assert.deepEqual(
      methods.map((r) => r.m),
      Array(3).fill(lz4[0]?.ok ? 'lz4' : 'pglz'),
    );
    assert.deepEqual(await store.getRecord(long[0].record.article.id), long[0].record);
    const odd = await store.getRecord(records[1].article.id);
    assert.ok(odd!.text.includes('\\ud800 (a literal backslash)'), 'a literal backslash-u stays as written');
    assert.ok(odd!.text.includes('said \ufffd.'), 'a lone surrogate becomes U+FFFD');
  });
});
