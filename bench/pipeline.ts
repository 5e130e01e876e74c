import { printTable } from '../eval/table.js';
import { createArticle } from '../src/model/article.js';
import { toSitrepJson } from '../src/output/sitrep-json.js';
import { createDefaultPipeline } from '../src/pipeline/default.js';
import { newsTexts } from './corpus.js';

/** Whole `sitrep code` pipeline on one core: articles/s, and the share of time per stage. */
export async function run(): Promise<Record<string, unknown>> {
  const { texts, source } = newsTexts(400);
  const pipeline = createDefaultPipeline();
  const articles = texts.map((text) =>
    createArticle({ text, firstLineIsTitle: true, published: '2016-10-01' }),
  );
  for (const a of articles.slice(0, 20)) toSitrepJson(pipeline.run(a)); // warm up, load resources
  const before = new Map(pipeline.timings().map((t) => [t.name, t.ms]));
  const rounds = Math.max(1, Math.ceil(1000 / articles.length));
  let n = 0;
  let chars = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const a of articles) {
      JSON.stringify(toSitrepJson(pipeline.run(a)));
      n++;
      chars += a.text.length;
    }
  }
  const ms = performance.now() - t0;
  const stages = pipeline.timings().map((t) => ({
    stage: t.name,
    ms: t.ms - (before.get(t.name) ?? 0),
    'articles/s': n / ((t.ms - (before.get(t.name) ?? 0)) / 1000),
  }));
  const perSecond = n / (ms / 1000);
  printTable([...stages, { stage: 'TOTAL (incl. JSON)', ms, 'articles/s': perSecond }]);
  console.log(`\n${n} articles from ${source}, mean ${Math.round(chars / n)} chars; one core`);
  return {
    name: 'pipeline',
    articles: n,
    source,
    meanChars: chars / n,
    articlesPerSecond: perSecond,
    stages,
  };
}
