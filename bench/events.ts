import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printTable } from '../eval/table.js';
import { createArticle } from '../src/model/article.js';
import { createDefaultPipeline } from '../src/pipeline/default.js';
import { newsTexts } from './corpus.js';

/** Quantities and events stages inside the default pipeline: articles/s per stage and overall, one core. */
export async function run(): Promise<Record<string, unknown>> {
  // SITREP_BENCH_TEXTS: a folder of .txt articles to time instead of the default corpus
  const dir = process.env.SITREP_BENCH_TEXTS;
  const { texts, source } = dir
    ? {
        texts: readdirSync(dir)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .slice(0, 300)
          .map((f) => readFileSync(join(dir, f), 'utf8')),
        source: dir,
      }
    : newsTexts(300);
  const pipeline = createDefaultPipeline();
  const articles = texts.map((text) =>
    createArticle({ text, firstLineIsTitle: true, published: '2016-10-01' }),
  );
  for (const a of articles.slice(0, 20)) pipeline.run(a); // warm up, load lexicons
  const before = new Map(pipeline.timings().map((t) => [t.name, t.ms]));
  let n = 0;
  let events = 0;
  const t0 = performance.now();
  for (const a of articles) {
    events += pipeline.run(a).layer('events').length;
    n++;
  }
  const ms = performance.now() - t0;
  const stages = pipeline.timings().map((t) => {
    const spent = t.ms - (before.get(t.name) ?? 0);
    return { stage: t.name, ms: spent, 'articles/s': n / (spent / 1000) };
  });
  printTable([...stages, { stage: 'TOTAL', ms, 'articles/s': n / (ms / 1000) }]);
  console.log(`\n${n} articles from ${source}, ${events} events; one core`);
  return {
    name: 'events',
    articles: n,
    events,
    source,
    articlesPerSecond: n / (ms / 1000),
    stages,
  };
}
