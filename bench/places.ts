import { printTable } from '../eval/table.js';
import { createArticle } from '../src/model/article.js';
import type { Doc } from '../src/model/doc.js';
import { createMentionsStage } from '../src/nlp/mentions/index.js';
import { gazetteer } from '../src/nlp/places/gazetteer/load.js';
import { createPlacesStage } from '../src/nlp/places/index.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { newsTexts } from './corpus.js';

/**
 * The places stage alone on one core: articles/s over news-length texts that were tokenised and
 * given mentions beforehand (their time is not counted), plus the gazetteer's load time and memory.
 */
export async function run(): Promise<Record<string, unknown>> {
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const lc0 = process.cpuUsage();
  gazetteer();
  const loadMs = performance.now() - t0;
  const lc = process.cpuUsage(lc0);
  const loadCpuMs = (lc.user + lc.system) / 1000;
  const loadMb = (process.memoryUsage().rss - rss0) / 1e6;
  const { texts, source } = newsTexts(400);
  const prep = createPipeline([createMentionsStage()]);
  const docs: Doc[] = texts.map((text) => prep.run(createArticle({ text, firstLineIsTitle: true })));
  const stage = createPlacesStage();
  for (const d of docs.slice(0, 50)) stage.run(d); // warm up
  const rounds = Math.max(1, Math.ceil(2000 / docs.length));
  let n = 0;
  let places = 0;
  let chars = 0;
  const s0 = performance.now();
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    for (const d of docs) {
      places += stage.run(d).places.length;
      chars += d.text.length;
      n++;
    }
  }
  const ms = performance.now() - s0;
  const c = process.cpuUsage(c0);
  const perSecond = n / (ms / 1000);
  // on a shared machine wall time includes waiting for a core; CPU time is what the stage costs
  const perCpuSecond = n / ((c.user + c.system) / 1e6);
  printTable([
    {
      what: 'gazetteer load',
      value: `${Math.round(loadMs)} ms wall, ${Math.round(loadCpuMs)} ms CPU, +${Math.round(loadMb)} MB rss`,
    },
    {
      what: 'places stage',
      value: `${Math.round(perSecond)} articles/s wall, ${Math.round(perCpuSecond)} per CPU-second`,
    },
    { what: 'places per article', value: (places / n).toFixed(1) },
  ]);
  console.log(`\n${n} articles from ${source}, mean ${Math.round(chars / n)} chars; one core`);
  return {
    name: 'places',
    articles: n,
    source,
    articlesPerSecond: perSecond,
    loadMs,
    loadMb,
    placesPerArticle: places / n,
  };
}
