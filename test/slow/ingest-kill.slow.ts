/**
 * Fault test: `kill -9` an ingest midway, rerun it, and check every article is stored exactly once
 * with all of its rows (no half-written article). Run by .ci/slow (spawns the CLI twice).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const N = 1500;

function articles(): string {
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    lines.push(
      JSON.stringify({
        id: `k${i}`,
        title: `Report ${i}`,
        text: `Officials in the town of Norvale said on Monday that road ${i} would close for repairs. Police arrested ${(i % 7) + 2} people after a protest outside the council office, a spokesman said. Residents of district ${i} were told to use the northern bridge.`,
        published: `2026-02-${String((i % 27) + 1).padStart(2, '0')}`,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

function runIngest(file: string, db: string) {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/cli/main.ts'),
      'ingest',
      file,
      '--db',
      db,
      '--batch',
      '25',
      '--workers',
      '1',
      '--no-merge',
      '-q',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

function count(db: string): number {
  try {
    const c = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (c.prepare('select count(*) as n from articles').get() as { n: number }).n;
    } finally {
      c.close();
    }
  } catch {
    return 0;
  }
}

test('kill -9 midway, rerun: every article stored exactly once', { timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-kill-'));
  try {
    const file = join(dir, 'in.jsonl');
    const db = join(dir, 'k.db');
    writeFileSync(file, articles());
    const child = runIngest(file, db);
    let exited = false;
    child.on('exit', () => {
      exited = true;
    });
    // Kill once some batches are committed.
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      if (exited) break;
      if (count(db) >= 100) {
        child.kill('SIGKILL');
        break;
      }
    }
    await new Promise((r) => (exited ? r(null) : child.on('exit', r)));
    const midway = count(db);
    assert.ok(midway > 0 && midway < N, `killed midway (stored ${midway} of ${N})`);

    const again = runIngest(file, db);
    const code = await new Promise<number | null>((r) => again.on('exit', r));
    assert.equal(code, 0);

    const c = new Database(db, { readonly: true });
    try {
      const q = (sql: string) => (c.prepare(sql).get() as { n: number }).n;
      assert.equal(q('select count(*) as n from articles'), N);
      assert.equal(q('select count(distinct id) as n from articles'), N);
      assert.equal(q("select count(*) as n from audit_log where action = 'ingest'"), N);
      // No orphans and no half articles: each article's rows are all there.
      assert.equal(
        q('select count(*) as n from events where article_id not in (select id from articles)'),
        0,
      );
      assert.equal(q('select count(*) as n from spans where article_id not in (select id from articles)'), 0);
      assert.equal(
        q(
          'select count(*) as n from articles a where a.event_count != (select count(*) from events e where e.article_id = a.id)',
        ),
        0,
      );
    } finally {
      c.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
