/**
 * kill -9 a worker mid-job: its job expires, another worker retries it, and every article is stored
 * exactly once. Bounded: ~1–2 minutes.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { backfill } from '../../src/queue/backfill.js';
import { closeQueue, openQueue } from '../../src/queue/boss.js';
import { listJobs } from '../../src/queue/jobs.js';
import { codeExpireSeconds } from '../../src/queue/names.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { createTempPostgres, type TempDatabase } from '../../src/store/test-db.js';
import { madeUpArticles, startCliWorker, stopChild, until } from './team-helpers.js';

const N = 240;
const CHUNK = 20;
let pg: TempDatabase;
let store: Store;
let dir: string;
const children: ChildProcess[] = [];

before(async () => {
  pg = await createTempPostgres('sitrep_kill');
  store = await openStore({ db: pg.url });
  dir = await mkdtemp(join(tmpdir(), 'sitrep-kill-'));
});
after(async () => {
  for (const c of children) await stopChild(c, 'SIGKILL');
  await store.close();
  await pg.drop();
  await rm(dir, { recursive: true, force: true });
});

test('kill -9 a worker mid-job: the job is retried, every article stored exactly once', {
  timeout: 240_000,
}, async () => {
  const file = join(dir, 'dump.jsonl');
  await writeFile(
    file,
    `${madeUpArticles(N, 'kill')
      .map((a) => JSON.stringify(a))
      .join('\n')}\n`,
  );
  // The queue's own settings: the dead worker's job comes back after its chunk-sized expiry
  // (codeExpireSeconds) and the next maintenance pass, not after a test-only short expiry.
  const boss = await openQueue(pg.url);
  try {
    const p = await backfill(boss, store, [file], { chunk: CHUNK, merge: false });
    assert.equal(p.queued, N);
    const env = {};
    const a = await startCliWorker(pg.url, env);
    children.push(a);
    await until(
      async () =>
        (await listJobs(boss, { states: ['active'] })).length > 0 && (await store.countArticles()) > 0,
      120_000,
      'worker mid-job',
    );
    a.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((r) => (a.exitCode !== null || a.signalCode !== null ? r(null) : a.once('exit', r)));
    // The victim is a job the dead worker still holds: one picked before the kill may have completed
    // in between (a chunk codes in well under a second on a quiet machine).
    const orphaned = await listJobs(boss, { states: ['active'] });
    const victim = orphaned[0]?.id ?? null;
    assert.ok(victim, 'the killed worker held a job');
    const b = await startCliWorker(pg.url, env);
    children.push(b);
    await until(async () => (await store.countArticles()) === N, 150_000, 'all articles stored');
    await until(
      async () => (await listJobs(boss, { states: ['created', 'retry', 'active'] })).length === 0,
      60_000,
      'queue drained',
    );
    const { rows } = await boss
      .getDb()
      .executeSql(`SELECT state::text AS state, retry_count, started_on FROM pgboss.job WHERE id = $1`, [
        victim,
      ]);
    assert.equal(rows[0].state, 'completed');
    assert.ok(rows[0].retry_count >= 1, 'the killed job was retried');
    // Back within its expiry + a maintenance pass (5 s) + the first retry delay (~2 s), with slack
    // for a loaded machine; it used to take over two minutes.
    const backAfter = (new Date(rows[0].started_on).getTime() - killedAt) / 1000;
    console.log(`killed worker's job restarted ${backAfter.toFixed(1)} s after the kill`);
    assert.ok(backAfter <= codeExpireSeconds(CHUNK) + 5 + 20, `job back after ${backAfter} s`);
    // Exactly once: no article, event or span twice, and one ingest audit entry per article.
    const dupSpans = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM (SELECT article_id, layer FROM spans GROUP BY 1, 2 HAVING count(*) > 1) d`.execute(
      store.db,
    );
    assert.equal(dupSpans.rows[0].n, 0);
    const ingests = await sql<{
      n: number;
      d: number;
    }>`SELECT count(*)::int AS n, count(DISTINCT target)::int AS d FROM audit_log WHERE action = 'ingest'`.execute(
      store.db,
    );
    assert.equal(ingests.rows[0].n, N);
    assert.equal(ingests.rows[0].d, N);
    await stopChild(b);
  } finally {
    await closeQueue(boss);
  }
});
