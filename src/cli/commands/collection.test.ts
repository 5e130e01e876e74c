/** `sitrep ingest`, `export`, `watch` and `serve` flags, run in-process (the spawned CLI is tested in test/slow). */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { run } from '../program.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-collect-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function sitrep(args: string[]): Promise<number> {
  const code = await run(args);
  process.exitCode = 0;
  return code;
}

describe('collection commands', () => {
  const db = join(dir, 'c.db');
  test('ingest a folder, rerun as a no-op, export', async () => {
    writeFileSync(
      join(dir, 'a.txt'),
      'Dam repairs begin\n\nEngineers began repairs on the Lower Mill dam on Monday after cracks were found last week, the water authority said.',
    );
    writeFileSync(
      join(dir, 'b.jsonl'),
      `${JSON.stringify({ text: 'Teachers in the capital held a one-day strike on Tuesday over pay, their union said.', published: '2026-03-03' })}\n{bad\n`,
    );
    assert.equal(
      await sitrep(['ingest', dir, '--db', db, '--workers', '0', '-q']),
      1,
      'one bad line: exit 1',
    );
    assert.equal(await sitrep(['ingest', join(dir, 'a.txt'), '--db', db, '--workers', '0', '-q']), 0);
    for (const format of ['jsonl', 'csv', 'geojson', 'acled']) {
      const out = join(dir, `out.${format}`);
      assert.equal(await sitrep(['export', '--db', db, '--format', format, '-o', out]), 0);
      const text = readFileSync(out, 'utf8');
      if (format === 'jsonl') assert.equal(text.trim().split('\n').length, 2);
      if (format === 'acled') assert.ok(text.startsWith('event_id_cnty,event_date,'));
      if (format === 'geojson') assert.equal(JSON.parse(text).type, 'FeatureCollection');
    }
  });

  test('usage errors exit 2; a store that cannot open exits 1', async () => {
    assert.equal(await sitrep(['export', '--db', db, '--format', 'xml']), 2);
    assert.equal(await sitrep(['export', '--db', db, '--format', 'csv', '--from', 'May']), 2);
    assert.equal(await sitrep(['ingest', join(dir, 'a.txt'), '--workers', 'many']), 2);
    assert.equal(await sitrep(['watch', join(dir, 'feeds.txt'), '--every', 'soon']), 2);
    assert.equal(await sitrep(['serve', '--port', '99999']), 2);
    assert.equal(await sitrep(['serve', '--processes', '0']), 2);
    assert.equal(await sitrep(['ingest', join(dir, 'a.txt'), '--db', join(dir, 'missing', 'x.db'), '-q']), 1);
    assert.equal(
      await sitrep(['export', '--db', 'postgres://nobody@127.0.0.1:1/none', '--format', 'csv']),
      1,
    );
  });
});
