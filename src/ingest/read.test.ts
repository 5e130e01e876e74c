import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { decodeBytes } from './decode.js';
import { readInputs } from './read.js';
import type { IngestItem, InputError, ReadOptions } from './types.js';

const BODY =
  'Floodwaters rose across the lower valley on Thursday after three days of heavy rain, officials said. ' +
  'Rescue teams moved two hundred families from riverside villages to schools on higher ground. ' +
  'The regional weather office warned that more rain was expected over the weekend.';

const PAGE = `<!doctype html><html lang="en"><head>
<title>Ignored title | Site</title>
<meta property="og:title" content="Valley floods force evacuations">
<meta property="og:site_name" content="The Valley Courier">
<meta name="author" content="Jo Rivers">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2026-02-05T09:30:00Z","headline":"Valley floods"}</script>
<script>window.evil = 1</script>
</head><body><nav>Home | World | Sport</nav>
<article><h1>Valley floods force evacuations</h1>
<p>${BODY.split('. ').slice(0, 1).join('. ')}.</p>
<p>${BODY.split('. ').slice(1).join('. ')}</p>
<p>The regional council said it would publish an assessment of the damage to roads, bridges and farmland next week, once the water had receded enough for inspectors to reach the worst-hit areas.</p>
</article><footer>Copyright</footer></body></html>`;

async function collect(paths: string[], opts: ReadOptions = {}) {
  const items: IngestItem[] = [];
  const errors: InputError[] = [];
  for await (const r of readInputs(paths, { politenessMs: 0, ...opts })) {
    if (r.ok) items.push(r.value);
    else errors.push(r.error);
  }
  return { items, errors };
}

describe('readInputs', () => {
  let dir: string;
  let server: Server;
  let base: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
    server = createServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.setHeader('content-type', 'application/rss+xml');
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
<item><title>Floods</title><link>${base}/page.html</link><description>Short teaser.</description><pubDate>Thu, 05 Feb 2026 09:30:00 GMT</pubDate></item>
<item><title>Missing</title><link>${base}/missing.html</link><description>Another short teaser.</description></item>
</channel></rss>`);
      } else if (req.url === '/page.html') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(PAGE);
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 3000);
      } else {
        res.statusCode = 404;
        res.end('not found');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('plain text: first line is the title', async () => {
    const p = join(dir, 'a.txt');
    writeFileSync(p, `River floods\n\n${BODY}\n`);
    const { items, errors } = await collect([p]);
    assert.equal(errors.length, 0);
    assert.equal(items.length, 1);
    assert.equal(items[0].input.firstLineIsTitle, true);
    assert.ok(items[0].input.text.includes('Rescue teams'));
  });

  test('HTML: main text, title, byline, outlet and published time, no scripts or navigation', async () => {
    const p = join(dir, 'page.html');
    writeFileSync(p, PAGE);
    const { items, errors } = await collect([p]);
    assert.deepEqual(errors, []);
    const it = items[0];
    assert.equal(it.input.title, 'Valley floods force evacuations');
    assert.equal(it.input.outlet, 'The Valley Courier');
    assert.equal(it.input.published, '2026-02-05T09:30:00.000Z');
    assert.equal(it.byline, 'Jo Rivers');
    assert.ok(it.input.text.includes('Rescue teams moved'));
    assert.ok(!it.input.text.includes('evil'));
    assert.ok(!it.input.text.includes('Home | World'));
    assert.ok(it.input.text.includes('\n\n'), 'paragraphs kept');
  });

  test('JSON Lines: line-numbered errors, duplicate ids, and reading goes on', async () => {
    const p = join(dir, 'batch.jsonl');
    writeFileSync(
      p,
      [
        JSON.stringify({ id: 'x1', title: 'One', text: BODY, source: 'Courier', date: '2026-02-05' }),
        '{not json',
        JSON.stringify({ id: 'x2', headline: 'No text' }),
        JSON.stringify({ id: 'x1', text: `${BODY} Again.` }),
        '',
        JSON.stringify({
          id: 'x3',
          body: 'Second story body text.',
          published_at: '2026-02-06T10:00:00+01:00',
        }),
      ].join('\n'),
    );
    const { items, errors } = await collect([p]);
    assert.equal(items.length, 2);
    assert.equal(items[0].input.outlet, 'Courier');
    assert.equal(items[0].origin, `${p}:1`);
    assert.equal(items[1].input.published, '2026-02-06T09:00:00.000Z');
    assert.deepEqual(
      errors.map((e) => e.line),
      [2, 3, 4],
    );
    assert.match(errors[0].message, /invalid JSON/);
    assert.match(errors[1].message, /no article text/);
    assert.match(errors[2].message, /duplicate id "x1" \(first on line 1\)/);
    const strict = await collect([p], { strict: true });
    assert.equal(strict.items.length, 1);
    assert.equal(strict.errors.length, 1);
  });

  test('folders: recursive, sorted, glob include and exclude', async () => {
    const root = join(dir, 'tree');
    mkdirSync(join(root, 'b', 'skip'), { recursive: true });
    writeFileSync(join(root, 'a.txt'), BODY);
    writeFileSync(join(root, 'b', 'c.txt'), BODY.replace('Thursday', 'Friday'));
    writeFileSync(join(root, 'b', 'skip', 'd.txt'), BODY.replace('Thursday', 'Monday'));
    writeFileSync(join(root, 'b', 'notes.csv'), 'x,y');
    const all = await collect([root]);
    assert.deepEqual(
      all.items.map((i) => i.origin.slice(root.length + 1)),
      ['a.txt', 'b/c.txt', 'b/skip/d.txt'],
    );
    const some = await collect([root], { include: ['b/**/*.txt'], exclude: ['**/skip'] });
    assert.deepEqual(
      some.items.map((i) => i.origin.slice(root.length + 1)),
      ['b/c.txt'],
    );
  });

  test('feeds: RSS, Atom and JSON Feed files', async () => {
    const rss = join(dir, 'f.rss');
    writeFileSync(
      rss,
      `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Courier</title>
<item><title>Floods</title><link>https://news.example/1</link><pubDate>Thu, 05 Feb 2026 09:30:00 GMT</pubDate><content:encoded><![CDATA[<p>${BODY}</p>]]></content:encoded></item>
</channel></rss>`,
    );
    const atom = join(dir, 'f.atom');
    writeFileSync(
      atom,
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title><id>urn:x</id><updated>2026-02-05T00:00:00Z</updated>
<entry><title>Floods</title><id>urn:1</id><link href="https://news.example/2"/><updated>2026-02-05T09:30:00Z</updated><author><name>Jo Rivers</name></author><content type="html">&lt;p&gt;${BODY}&lt;/p&gt;</content></entry></feed>`,
    );
    const json = join(dir, 'f.json');
    writeFileSync(
      json,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Courier',
        items: [
          {
            id: '1',
            url: 'https://news.example/3',
            content_text: BODY,
            date_published: '2026-02-05T09:30:00Z',
          },
        ],
      }),
    );
    const { items, errors } = await collect([rss, atom, json], { fetchPagesBelow: 0 });
    assert.deepEqual(errors, []);
    assert.deepEqual(
      items.map((i) => i.input.url),
      ['https://news.example/1', 'https://news.example/2', 'https://news.example/3'],
    );
    for (const i of items) {
      assert.equal(i.input.outlet, 'Courier');
      assert.ok(i.input.text.startsWith('Floodwaters rose'));
      assert.equal(i.input.published, '2026-02-05T09:30:00.000Z');
    }
    assert.equal(items[1].byline, 'Jo Rivers');
  });

  test('feed URL: short items fetch their page; a 404 page is an error for that item only', async () => {
    const { items, errors } = await collect([`${base}/feed.xml`]);
    assert.equal(items.length, 2);
    assert.equal(items[0].input.title, 'Valley floods force evacuations');
    assert.ok(items[0].input.text.includes('Rescue teams'));
    assert.equal(items[0].feed, `${base}/feed.xml`);
    // The missing page falls back to the teaser text.
    assert.equal(items[1].input.text, 'Another short teaser.');
    assert.deepEqual(errors, []);
    const known = await collect([`${base}/feed.xml`], { knownUrls: async (u) => new Set(u) });
    assert.equal(known.items.length, 0);
  });

  test('bad inputs: 404, timeout, malformed feed, missing file, size limit', async () => {
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, '<?xml version="1.0"?><rss><channel><item><title>x</title>');
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(2000));
    const { items, errors } = await collect(
      [`${base}/nope`, `${base}/slow`, bad, join(dir, 'none.txt'), big],
      {
        timeoutMs: 300,
        maxBytes: 1000,
      },
    );
    assert.equal(items.length, 0);
    assert.equal(errors.length, 5);
    assert.match(errors[0].message, /HTTP 404/);
    assert.match(errors[1].message, /timed out/);
    assert.match(errors[2].message, /not a readable RSS, Atom or JSON feed/);
    assert.match(errors[3].message, /no such file/);
    assert.match(errors[4].message, /larger than/);
  });

  test('standard input is sniffed', async () => {
    const stdin = Readable.from([
      Buffer.from(`${JSON.stringify({ text: BODY })}\n${JSON.stringify({ text: 'Two.' })}\n`),
    ]);
    const { items } = await collect(['-'], { stdin });
    assert.equal(items.length, 2);
  });
});

describe('decodeBytes', () => {
  test('UTF-8, BOM, and Windows-1252 when the bytes are not UTF-8', () => {
    assert.equal(decodeBytes(Buffer.from('caf\u00e9 \u2014 ok')).text, 'caf\u00e9 \u2014 ok');
    assert.equal(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x41])).text, 'A');
    // "café – “quoted”" in Windows-1252
    const cp1252 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x94]);
    const d = decodeBytes(cp1252);
    assert.equal(d.text, 'caf\u00e9 \u2013 \u201cq\u201d');
    assert.equal(
      decodeBytes(Buffer.from('<meta charset="iso-8859-1"><p>caf\u00e9</p>', 'latin1')).text,
      '<meta charset="iso-8859-1"><p>caf\u00e9</p>',
    );
  });
});
