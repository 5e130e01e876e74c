import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../eval/shared.js';
import { parseGeoXml } from '../eval/tasks/geo.js';
import { loadDocs } from '../eval/tasks/time.js';
import { createArticle } from '../src/model/article.js';
import { toSitrepJson } from '../src/output/sitrep-json.js';
import type { createDefaultPipeline } from '../src/pipeline/default.js';
import { BATCH_SIZE } from '../src/pipeline/pipeline.js';

/**
 * News-length texts to time the pipeline on: PolNeAR article texts from ../shared when present
 * (read at run time, never copied), else the bundled example article.
 */
export function newsTexts(limit = 500): { texts: string[]; source: string } {
  const dir = sharedPath('data', 'attribution', 'polnear', 'dev', 'text');
  const trainDir = sharedPath('data', 'attribution', 'polnear', 'train', 'text');
  const texts: string[] = [];
  for (const d of [dir, trainDir]) {
    if (!d) continue;
    for (const f of readdirSync(d).sort()) {
      if (texts.length >= limit) break;
      if (f.endsWith('.txt')) texts.push(readFileSync(join(d, f), 'utf8'));
    }
  }
  if (texts.length > 0) return { texts, source: 'polnear' };
  return {
    texts: [readFileSync(new URL('../examples/dispatch.txt', import.meta.url), 'utf8')],
    source: 'examples/dispatch.txt',
  };
}

/**
 * Texts to warm a pipeline up on before measuring: every news text of the geo and time corpora (LGL,
 * GeoVirus, TR-News, TimeBank, MEANTIME: other outlets and years than the measured PolNeAR texts).
 */
export function warmTexts(): string[] {
  const texts: string[] = [];
  for (const name of ['lgl.xml', 'geovirus.xml', 'tr-news.xml']) {
    const path = sharedPath('data', 'geo', name);
    if (path && existsSync(path)) for (const d of parseGeoXml(readFileSync(path, 'utf8'))) texts.push(d.text);
  }
  for (const name of ['tbaq', 'meantime']) {
    const path = sharedPath('data', 'time', name);
    if (path && existsSync(path)) for (const d of loadDocs(path)) texts.push(d.text);
  }
  return texts;
}

/** Code texts in batches and serialise each result, as `sitrep code` does (for CPU measurements). */
export function codeTexts(
  pipeline: ReturnType<typeof createDefaultPipeline>,
  texts: string[],
  title: boolean,
): void {
  const articles = texts.map((text) =>
    createArticle({ text, firstLineIsTitle: title, published: '2016-10-01' }),
  );
  for (let i = 0; i < articles.length; i += BATCH_SIZE)
    for (const d of pipeline.runBatch(articles.slice(i, i + BATCH_SIZE))) {
      if (d instanceof Error) throw d;
      JSON.stringify(toSitrepJson(d));
    }
}
