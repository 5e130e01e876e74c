import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { codeArticles } from '../../ingest/coder.js';
import { createArticle } from '../../model/article.js';
import { handleExport } from '../../queue/handlers.js';
import { openStore } from '../../store/open.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const TEXT =
  'KANO, Nigeria (Wire) - Gunmen shot and killed John Okafor, a local trader, in Kano on Monday, police said. Police spokesman Ali Musa said officers arrested two suspects.';

function sitrep(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('export --public', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-export-'));
  const db = join(dir, 'sitrep.db');
  before(async () => {
    const store = await openStore({ db });
    const [r] = codeArticles([createArticle({ text: TEXT, published: '2024-03-04' })]);
    assert.ok(r.ok);
    await store.putRecords([{ record: r.record }]);
    await store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('withholds the victim from records and events, keeps everything else', () => {
    for (const format of ['jsonl', 'csv']) {
      const full = sitrep(['export', '--format', format, '--db', db]);
      const pub = sitrep(['export', '--format', format, '--db', db, '--public']);
      assert.equal(full.code, 0, full.err);
      assert.equal(pub.code, 0, pub.err);
      assert.ok(full.out.includes('John Okafor'), `${format}: the full export names the victim`);
      assert.ok(!pub.out.includes('John Okafor'), `${format}: the public export withholds the victim`);
      assert.ok(pub.out.includes('[withheld]'), `${format}: says what it withheld`);
      // The same rows in both: redaction replaces values, it drops nothing.
      assert.equal(pub.out.trim().split('\n').length, full.out.trim().split('\n').length);
    }
    const rec = JSON.parse(sitrep(['export', '--format', 'jsonl', '--db', db, '--public']).out);
    assert.ok(rec.text.includes('Ali Musa'), 'people who are not recipients stay');
    assert.equal(rec.text.length, TEXT.length, 'masking keeps every offset valid');
  });

  test('export jobs take the same flag', async () => {
    const store = await openStore({ db });
    try {
      const path = join(dir, 'job.jsonl');
      const ctx = { store, boss: null as never, actor: 'test' };
      const out = await handleExport(ctx, { format: 'jsonl', path, public: true });
      assert.equal(out.public, true);
      const text = readFileSync(path, 'utf8');
      assert.ok(text.length > 0 && !text.includes('John Okafor'));
    } finally {
      await store.close();
    }
  });
});
