import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { articleId, createArticle } from '../model/article.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createTempPostgres, type TempDatabase } from '../store/test-db.js';
import { backfill } from './backfill.js';
import { closeQueue, openQueue } from './boss.js';
import { MERGE_AFTER_S, mergeLocked, requestMerge } from './handlers.js';
import { countJobs, listJobs, parseFeedList } from './jobs.js';
import { codeExpireSeconds, QUEUE } from './names.js';
import { startWorker, storableError } from './worker.js';

const CITIES = ['Nairobi', 'Lagos', 'Kampala', 'Accra', 'Dakar', 'Harare'];

/** Small made-up reports: every third one repeats an incident in another outlet's words. */
function articles(n: number): object[] {
  const out: object[] = [];
  for (let i = 0; i < n; i++) {
    const city = CITIES[i % CITIES.length];
    const killed = 2 + (i % 5);
    out.push({
      title: `Clashes in ${city} (${i})`,
      text: `${city}, March ${1 + (i % 20)} (Wire) - Police fired tear gas at protesters in ${city} on Monday, killing ${killed} people, officials said. Report number ${i}.`,
      published: `2024-03-${String(1 + (i % 20)).padStart(2, '0')}`,
      outlet: `Outlet ${i % 3}`,
    });
  }
  return out;
}

async function until(cond: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met within ${ms} ms`);
}

describe('queue on PostgreSQL', () => {
  let pg: TempDatabase;
  let dir: string;
  let store: Store;
  before(async () => {
    pg = await createTempPostgres('sitrep_queue');
    dir = await mkdtemp(join(tmpdir(), 'sitrep-queue-'));
    store = await openStore({ db: pg.url });
  });
  after(async () => {
    await store.close();
    await pg.drop();
    await rm(dir, { recursive: true, force: true });
  });

  test('feed lists: URLs, comments, bad lines', () => {
    const r = parseFeedList('# feeds\nhttps://a.example/rss\n\nnot a url\nftp://x\nhttps://a.example/rss\n');
    assert.deepEqual(r.urls, ['https://a.example/rss']);
    assert.deepEqual(
      r.bad.map((b) => b.line),
      [4, 5],
    );
  });

  test('backfill enqueues chunks once; workers store every article once', async () => {
    const file = join(dir, 'dump.jsonl');
    await writeFile(
      file,
      `${articles(40)
        .map((a) => JSON.stringify(a))
        .join('\n')}\n`,
    );
    const boss = await openQueue(pg.url);
    try {
      const inserts: number[] = [];
      const p = await backfill(boss, store, [file], {
        chunk: 8,
        merge: false,
        onProgress: (x) => inserts.push(x.jobs),
      });
      assert.equal(p.read, 40);
      assert.equal(p.queued, 40);
      assert.equal(p.jobs, 5);
      // The first chunk is queued on its own (workers start at once), then batches grow.
      assert.deepEqual(inserts, [1, 3, 5]);
      // Each job expires (and a dead worker's job comes back) after a time sized to its chunk.
      const { rows } = await boss
        .getDb()
        .executeSql(
          `SELECT DISTINCT extract(epoch FROM expire_in)::int AS s FROM pgboss.job WHERE name = $1`,
          [QUEUE.code],
        );
      assert.deepEqual(
        rows.map((r: { s: number }) => r.s),
        [codeExpireSeconds(8)],
      );
      assert.ok(codeExpireSeconds(8) < 30 && codeExpireSeconds(1000) > 500);
      // Again before any worker ran: the same chunks are already queued.
      await backfill(boss, store, [file], { chunk: 8, merge: false });
      const queued = (await countJobs(boss))
        .filter((c) => c.kind === 'code')
        .reduce((a, c) => a + c.count, 0);
      assert.equal(queued, 5);
    } finally {
      await closeQueue(boss);
    }
    const w1 = await startWorker({ db: pg.url, kinds: ['code'], pollSeconds: 0.5 });
    const w2 = await startWorker({ db: pg.url, kinds: ['code'], pollSeconds: 0.5 });
    try {
      await until(async () => (await store.countArticles()) === 40, 60_000);
      await until(async () => w1.stats.done + w2.stats.done === 5, 10_000);
    } finally {
      await w1.stop();
      await w2.stop();
    }
    assert.equal(await store.countArticles(), 40);
    const audit = await store.listAudit({ limit: 100 });
    assert.ok(audit.some((a) => a.action === 'ingest' && a.actor.startsWith('worker:')));
  });

  test("backfill's article ids are createArticle's", () => {
    for (const text of [
      '\ufeffLAGOS (Wire) -  Police  said\r\n\r\nTwo men were held.  \t\n',
      'Cafe\u0301 owners in Accra protested on Monday.\n\n',
      ...articles(3).map((a) => (a as { text: string }).text),
    ]) {
      assert.equal(articleId(text), createArticle({ text }).id);
    }
  });

  test('merges asked for by new articles wait, and requests meanwhile share one merge', async () => {
    const boss = await openQueue(pg.url);
    try {
      for (let i = 0; i < 5; i++) await requestMerge(boss, 'new articles', MERGE_AFTER_S);
      const { rows } = await boss
        .getDb()
        .executeSql(
          `SELECT extract(epoch FROM start_after - now())::float AS wait FROM pgboss.job WHERE name = $1 AND state = 'created'`,
          [QUEUE.merge],
        );
      assert.equal(rows.length, 1);
      assert.ok(rows[0].wait > MERGE_AFTER_S - 2 && rows[0].wait <= MERGE_AFTER_S, String(rows[0].wait));
    } finally {
      await boss.getDb().executeSql(`DELETE FROM pgboss.job WHERE name = $1`, [QUEUE.merge]);
      await closeQueue(boss);
    }
  });

  test('a poisoned job is retried, then parked with its error', async () => {
    const boss = await openQueue(pg.url, { settings: { code: { retryLimit: 1, retryDelay: 1 } } });
    const w = await startWorker({ db: pg.url, kinds: ['code'], pollSeconds: 0.5 });
    try {
      await boss.send(QUEUE.code, { articles: 'not a list' }, { singletonKey: 'poison' });
      await until(async () => (await listJobs(boss, { states: ['failed'] })).length === 1, 30_000);
      const [j] = await listJobs(boss, { states: ['failed'] });
      assert.equal(j.kind, 'code');
      assert.equal(j.attempts, 2);
      assert.match(j.error ?? '', /without articles/);
    } finally {
      await w.stop();
      await closeQueue(boss);
    }
  });

  test('a job error quoting NUL bytes (a garbage feed) is still recorded', async () => {
    const boss = await openQueue(pg.url);
    try {
      await boss.send(QUEUE.export, { probe: 'nul' });
      const [job] = await boss.fetch(QUEUE.export);
      const raw = new Error('unexpected token \u0000 in feed');
      // PostgreSQL's jsonb refuses \u0000: the error as thrown cannot be stored
      await assert.rejects(boss.fail(QUEUE.export, job.id, raw), { code: '22P05' });
      await boss.fail(QUEUE.export, job.id, storableError(raw));
      const stored = await boss.getJobById(QUEUE.export, job.id);
      const output = stored?.output as { message?: string } | undefined;
      assert.equal(output?.message, 'unexpected token \ufffd in feed');
    } finally {
      await boss.getDb().executeSql(`DELETE FROM pgboss.job WHERE name = $1`, [QUEUE.export]);
      await closeQueue(boss);
    }
  });

  test('concurrent merges leave no duplicate incidents', async () => {
    const other = await openStore({ db: pg.url });
    try {
      await Promise.all([mergeLocked(store, 'a'), mergeLocked(other, 'b'), mergeLocked(store, 'c')]);
    } finally {
      await other.close();
    }
    const seen = new Map<string, string>();
    let incidents = 0;
    let cursor: string | null = null;
    do {
      const page = await store.queryIncidents({ limit: 500, ...(cursor ? { cursor } : {}) });
      for (const inc of page.items) {
        incidents++;
        for (const e of inc.events) {
          assert.ok(!seen.has(e), `event ${e} in ${seen.get(e)} and ${inc.id}`);
          seen.set(e, inc.id);
        }
      }
      cursor = page.next;
    } while (cursor);
    assert.ok(incidents > 0);
    for await (const e of store.streamEvents({})) {
      if (e.incidentId) assert.equal(seen.get(e.id), e.incidentId);
    }
  });
});
