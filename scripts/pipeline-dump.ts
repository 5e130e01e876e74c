/**
 * Fingerprint of the default pipeline's output, to check that a speed change keeps it byte-identical:
 * `node --import tsx scripts/pipeline-dump.ts OUT_FILE` codes every PolNeAR text (dev, train) and the
 * LGL and TR-News articles from ../shared, in batches as `sitrep code` does, writes one SITREP JSON
 * line per text to OUT_FILE and prints its SHA-256. Run on a baseline checkout and on the change, and
 * diff (cmp) the two files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../eval/shared.js';
import { parseGeoXml } from '../eval/tasks/geo.js';
import { createArticle } from '../src/model/article.js';
import { toSitrepJson } from '../src/output/sitrep-json.js';
import { createDefaultPipeline } from '../src/pipeline/default.js';
import { BATCH_SIZE } from '../src/pipeline/pipeline.js';

const out = process.argv[2];
if (!out) throw new Error('usage: pipeline-dump.ts OUT_FILE');

const texts: { text: string; title: boolean }[] = [];
for (const split of ['dev', 'train']) {
  const d = sharedPath('data', 'attribution', 'polnear', split, 'text');
  if (!d) continue;
  for (const f of readdirSync(d).sort())
    if (f.endsWith('.txt')) texts.push({ text: readFileSync(join(d, f), 'utf8'), title: true });
}
for (const name of ['lgl.xml', 'tr-news.xml']) {
  const path = sharedPath('data', 'geo', name);
  if (path && existsSync(path))
    for (const d of parseGeoXml(readFileSync(path, 'utf8'))) texts.push({ text: d.text, title: false });
}

const pipeline = createDefaultPipeline();
const articles = texts.map((t) =>
  createArticle({ text: t.text, firstLineIsTitle: t.title, published: '2016-10-01' }),
);
const lines: string[] = [];
for (let i = 0; i < articles.length; i += BATCH_SIZE) {
  for (const d of pipeline.runBatch(articles.slice(i, i + BATCH_SIZE)))
    lines.push(d instanceof Error ? `ERROR ${d.message}` : JSON.stringify(toSitrepJson(d)));
}
const body = `${lines.join('\n')}\n`;
writeFileSync(out, body);
console.log(`${lines.length} texts, sha256 ${createHash('sha256').update(body).digest('hex')}`);
