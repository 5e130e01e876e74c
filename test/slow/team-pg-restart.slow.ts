/**
 * Restart PostgreSQL mid-ingest: workers reconnect and continue; every article is stored exactly
 * once. Restarting the shared server would break other test runs on a development machine, so this
 * runs under CI (CI=true) or with SITREP_PG_RESTART=1, and says so when it does not.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { backfill } from '../../src/queue/backfill.js';
import { closeQueue, openQueue } from '../../src/queue/boss.js';
import { listJobs } from '../../src/queue/jobs.js';
import { openStore } from '../../src/store/open.js';
import { createTempPostgres } from '../../src/store/test-db.js';
import { madeUpArticles, startCliWorker, stopChild, until } from './team-helpers.js';

const allowed = process.env.CI === 'true' || process.env.SITREP_PG_RESTART === '1';

function restartPostgres(): void {
  const version = readdirSync('/etc/postgresql')[0];
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], {
    stdio: 'ignore',
    timeout: 60_000,
  });
}

test('restart PostgreSQL mid-ingest: workers reconnect and continue', {
  skip: !allowed && 'set CI=true or SITREP_PG_RESTART=1 (restarts the shared PostgreSQL)',
  timeout: 300_000,
}, async () => {
  // enough articles that two workers are still busy when the restart comes (1,500 short ones were
  // all stored before the first check on a quiet machine, while the second worker was starting)
  const N = 5000;
  const pg = await createTempPostgres('sitrep_restart');
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-restart-'));
  const store = await openStore({ db: pg.url });
  const children: ChildProcess[] = [];
  try {
    const file = join(dir, 'dump.jsonl');
    await writeFile(
      file,
      `${madeUpArticles(N, 'restart')
        .map((a) => JSON.stringify(a))
        .join('\n')}\n`,
    );
    const boss = await openQueue(pg.url, { settings: { code: { expireInSeconds: 10, retryDelay: 1 } } });
    await backfill(boss, store, [file], { chunk: 10, merge: false });
    await closeQueue(boss);
    const env = { SITREP_QUEUE_MAINTENANCE_S: '2' };
    children.push(...(await Promise.all([startCliWorker(pg.url, env), startCliWorker(pg.url, env)])));
    await until(async () => (await store.countArticles()) >= 30, 120_000, 'ingest under way');
    const before = await store.countArticles();
    console.log(`restart after ${before} of ${N} articles were stored`);
    assert.ok(before < N, 'restart happens mid-ingest');
    restartPostgres();
    await until(
      async () => (await store.countArticles()) === N,
      180_000,
      'all articles stored after the restart',
    );
    const boss2 = await openQueue(pg.url);
    try {
      await until(
        async () => (await listJobs(boss2, { states: ['created', 'retry', 'active'] })).length === 0,
        60_000,
        'queue drained',
      );
      assert.equal((await listJobs(boss2, { states: ['failed'] })).length, 0);
    } finally {
      await closeQueue(boss2);
    }
    const ingests = await sql<{
      n: number;
      d: number;
    }>`SELECT count(*)::int AS n, count(DISTINCT target)::int AS d FROM audit_log WHERE action = 'ingest'`.execute(
      store.db,
    );
    assert.deepEqual(ingests.rows[0], { n: N, d: N });
    for (const c of children) assert.equal(c.exitCode, null, 'workers kept running');
  } finally {
    for (const c of children) await stopChild(c);
    await store.close();
    await pg.drop();
    await rm(dir, { recursive: true, force: true });
  }
});
