import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore } from '../store/open.js';
import { ingest } from './run.js';

const PLACES = ['Arlen', 'Brisk', 'Carrow', 'Dunmore', 'Eskel', 'Farrow'];

function article(i: number): string {
  const p = PLACES[i % PLACES.length];
  return `Council meets in ${p}\n\nThe town council of ${p} met on Tuesday to discuss repairs to bridge number ${i}, the mayor said. Residents asked for a new bus route and longer library hours.`;
}

describe('ingest run', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-run-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('stores each article once, reports errors, and a rerun is a no-op', async () => {
    const file = join(dir, 'a.jsonl');
    const lines = Array.from({ length: 7 }, (_, i) =>
      JSON.stringify({ text: article(i), published: `2026-01-0${(i % 9) + 1}` }),
    );
    lines.splice(3, 0, '{broken');
    lines.push(JSON.stringify({ text: article(0), published: '2026-01-01' })); // same text again
    writeFileSync(file, `${lines.join('\n')}\n`);
    const store = await openStore({ db: join(dir, 'a.db') });
    try {
      const errors: string[] = [];
      const s1 = await ingest(store, [file], {
        workers: 0,
        batchSize: 3,
        onError: (e) => errors.push(`${e.line}`),
      });
      assert.equal(s1.inserted, 7);
      assert.equal(s1.duplicates, 1);
      assert.equal(s1.failed, 1);
      assert.deepEqual(errors, ['4']);
      assert.equal(await store.countArticles(), 7);
      const s2 = await ingest(store, [file], { workers: 0, batchSize: 3 });
      assert.equal(s2.inserted, 0);
      assert.equal(s2.duplicates, 8);
      const rec = await store.getRecord(s1.insertedIds[0]);
      assert.equal(rec?.schema, 'sitrep/1');
      assert.ok(rec?.text.startsWith('Council meets in Arlen'));
    } finally {
      await store.close();
    }
  });

  test('codes on worker threads', async () => {
    const file = join(dir, 'b.jsonl');
    writeFileSync(
      file,
      Array.from({ length: 6 }, (_, i) => JSON.stringify({ text: `${article(i)} Item ${i}.` })).join('\n'),
    );
    const store = await openStore({ db: ':memory:' });
    try {
      const s = await ingest(store, [file], { workers: 1, batchSize: 2 });
      assert.equal(s.inserted, 6);
      assert.equal(await store.countArticles(), 6);
    } finally {
      await store.close();
    }
  });
});
