import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { parseInterval, pollFeeds } from './watch.js';

const BODY =
  'Workers at the river port went on strike on Wednesday over unpaid overtime, a union spokesman said, and ships queued outside the harbour. Port managers said talks would resume on Friday.';

let server: Server;
let base: string;
let store: Store;
const hits = { feed: 0, conditional: 0, broken: 0 };

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      hits.feed++;
      if (req.headers['if-none-match'] === '"v1"') {
        hits.conditional++;
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader('etag', '"v1"');
      res.setHeader('content-type', 'application/rss+xml');
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Port News</title><item><title>Strike</title><link>https://port.example/1</link><description>${BODY} ${BODY} ${BODY}</description></item></channel></rss>`,
      );
    } else {
      hits.broken++;
      res.statusCode = 503;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = await openStore({ db: ':memory:' });
});
after(async () => {
  server.closeAllConnections();
  server.close();
  await store.close();
});

test('watch: conditional GET, backoff, state kept in the store', async () => {
  let clock = Date.parse('2026-06-01T00:00:00Z');
  const o = { everyMs: 15 * 60_000, politenessMs: 0, now: () => clock, onError: () => {} };
  const urls = [`${base}/feed.xml`, `${base}/broken.xml`];
  const first = await pollFeeds(store, urls, o);
  assert.deepEqual(first, { polled: 2, notModified: 0, failed: 1, stored: 1 });
  const broken = await store.getFeedState(`${base}/broken.xml`);
  assert.equal(broken?.failures, 1);
  assert.match(broken?.lastStatus ?? '', /HTTP 503/);
  // Nothing is due a minute later.
  clock += 60_000;
  assert.equal((await pollFeeds(store, urls, o)).polled, 0);
  // After the interval the feed is asked conditionally; the broken one is still backing off (2 × interval).
  clock += 15 * 60_000;
  const third = await pollFeeds(store, urls, o);
  assert.deepEqual(third, { polled: 1, notModified: 1, failed: 0, stored: 0 });
  assert.equal(hits.conditional, 1);
  clock += 30 * 60_000;
  await pollFeeds(store, urls, o);
  assert.equal((await store.getFeedState(`${base}/broken.xml`))?.failures, 2);
  assert.equal(await store.countArticles(), 1);
  assert.equal((await store.getFeedState(`${base}/feed.xml`))?.articles, 1);
});

test('parseInterval', () => {
  assert.equal(parseInterval('15m'), 900_000);
  assert.equal(parseInterval('2h'), 7_200_000);
  assert.equal(parseInterval('0s'), null);
  assert.equal(parseInterval('soon'), null);
});
