/**
 * A feed that hangs and one that returns garbage do not stall the others: served from a local HTTP
 * server on 127.0.0.1; the good feeds' articles are stored while the bad feeds time out, are
 * retried with backoff and end parked with their errors. Bounded: ~1 minute.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { closeQueue, openQueue } from '../../src/queue/boss.js';
import { listJobs, scheduleFeeds } from '../../src/queue/jobs.js';
import { type RunningWorker, startWorker } from '../../src/queue/worker.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { createTempPostgres, type TempDatabase } from '../../src/store/test-db.js';
import { until } from './team-helpers.js';

function rss(name: string, n: number): string {
  const items = Array.from({ length: n }, (_, i) => {
    const body = `Villagers in ${name} said soldiers detained ${3 + i} men on Wednesday after a clash near the river. Local leaders called for their release and for an inquiry into the raid, which left several houses burned. The army said the men were suspects in an earlier attack on a checkpoint, a claim their families denied. Item ${i} of the ${name} feed.`;
    return `<item><title>${name} item ${i}</title><link>http://127.0.0.1/${name}/${i}</link><pubDate>Wed, 05 Jun 2024 10:00:00 GMT</pubDate><description>${body}</description></item>`;
  }).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>http://127.0.0.1/</link><description>test</description>${items}</channel></rss>`;
}

let pg: TempDatabase;
let store: Store;
let server: Server;
let base: string;
const hanging: ServerResponse[] = [];
let worker: RunningWorker | null = null;

before(async () => {
  pg = await createTempPostgres('sitrep_feeds');
  store = await openStore({ db: pg.url });
  server = createServer((req, res) => {
    if (req.url === '/hang') {
      hanging.push(res); // never answered
      return;
    }
    if (req.url === '/garbage') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(randomBytes(4096));
      return;
    }
    const m = /^\/good(\d)$/.exec(req.url ?? '');
    if (m) {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss(`Kilo${m[1]}`, 5));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await worker?.stop();
  for (const r of hanging) r.destroy();
  server.closeAllConnections();
  server.close();
  await store.close();
  await pg.drop();
});

test('a hanging feed and a garbage feed do not stall the good ones', { timeout: 120_000 }, async () => {
  const boss = await openQueue(pg.url, { settings: { fetchFeed: { retryLimit: 1, retryDelay: 1 } } });
  try {
    // Bad feeds first, so they are taken first.
    await scheduleFeeds(boss, [`${base}/hang`, `${base}/garbage`], { timeoutMs: 3000, fetchPagesBelow: 0 });
    await scheduleFeeds(boss, [`${base}/good1`, `${base}/good2`], { timeoutMs: 3000, fetchPagesBelow: 0 });
    const t0 = Date.now();
    worker = await startWorker({ db: pg.url, kinds: ['fetchFeed', 'code'], fetchConcurrency: 2 });
    await until(async () => (await store.countArticles()) === 10, 30_000, 'good feeds stored');
    const goodSeconds = (Date.now() - t0) / 1000;
    assert.ok(goodSeconds < 20, `good feeds took ${goodSeconds} s`);
    await until(
      async () => (await listJobs(boss, { states: ['failed'] })).length === 2,
      60_000,
      'bad feeds parked',
    );
    const failed = await listJobs(boss, { states: ['failed'] });
    const errors = failed.map((j) => j.error ?? '').join('\n');
    assert.match(errors, /not a feed/);
    assert.match(errors, /hang: .*(time|abort)/i);
    assert.ok(failed.every((j) => j.attempts === 2));
  } finally {
    await closeQueue(boss);
  }
});
