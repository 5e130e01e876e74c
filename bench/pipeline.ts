import { printTable } from '../eval/table.js';
import { codeRoot } from './built.js';
import { newsTexts, warmTexts } from './corpus.js';

/**
 * Whole `sitrep code` pipeline on one core: articles/s, and the share of time per stage. Each article
 * is read once, as in a real run: a second pass over the same texts is faster (wink has learnt their
 * unknown words, the CPU caches hold their gazetteer entries) and would flatter the figure.
 *
 * By default the pipeline is measured cold: warmed on 24 articles, so most of the run is V8 still
 * compiling and the memos filling (in one process that codes articles for long, the cost per article
 * falls by about a third over the first ~2,000). BENCH_PIPELINE_WARM=1 measures the long-running
 * state instead: the pipeline first codes every news text of the geo and time corpora (LGL,
 * GeoVirus, TR-News, TimeBank, MEANTIME: other outlets and years, never the measured texts), twice.
 *
 * The code measured: see ./built.ts (the built dist/, as `sitrep code` runs it, when it is current).
 */

export async function run(): Promise<Record<string, unknown>> {
  const code = codeRoot();
  const { createArticle } = (await import(
    `${code.base}model/article.js`
  )) as typeof import('../src/model/article.js');
  const { toSitrepJson } = (await import(
    `${code.base}output/sitrep-json.js`
  )) as typeof import('../src/output/sitrep-json.js');
  const { createDefaultPipeline } = (await import(
    `${code.base}pipeline/default.js`
  )) as typeof import('../src/pipeline/default.js');
  const { BATCH_SIZE } = (await import(
    `${code.base}pipeline/pipeline.js`
  )) as typeof import('../src/pipeline/pipeline.js');
  const { texts, source } = newsTexts(1000);
  const pipeline = createDefaultPipeline();
  const articles = texts.map((text) =>
    createArticle({ text, firstLineIsTitle: true, published: '2016-10-01' }),
  );
  const warm = Math.min(24, Math.max(1, articles.length >> 3));
  for (const a of articles.slice(0, warm)) toSitrepJson(pipeline.run(a)); // load resources, compile
  let warmedOn = warm;
  if (process.env.BENCH_PIPELINE_WARM === '1') {
    const others = warmTexts().map((text) => createArticle({ text, published: '2016-10-01' }));
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < others.length; i += BATCH_SIZE)
        for (const d of pipeline.runBatch(others.slice(i, i + BATCH_SIZE)))
          if (!(d instanceof Error)) JSON.stringify(toSitrepJson(d));
    warmedOn += 2 * others.length;
  }
  const before = new Map(pipeline.timings().map((t) => [t.name, t.ms]));
  const measured = articles.length > warm ? articles.slice(warm) : articles;
  let n = 0;
  let chars = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // as `sitrep code`, ingest and the workers code: in batches, stage by stage (BENCH_PIPELINE_BATCH=1:
  // one article at a time)
  const batch = Math.max(1, Number(process.env.BENCH_PIPELINE_BATCH) || BATCH_SIZE);
  for (let i = 0; i < measured.length; i += batch) {
    const part = measured.slice(i, i + batch);
    const docs = batch === 1 ? [pipeline.run(part[0])] : pipeline.runBatch(part);
    for (const d of docs) {
      if (d instanceof Error) throw d;
      JSON.stringify(toSitrepJson(d));
    }
    for (const a of part) {
      n++;
      chars += a.text.length;
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const stages = pipeline.timings().map((t) => ({
    stage: t.name,
    ms: t.ms - (before.get(t.name) ?? 0),
    'articles/s': n / ((t.ms - (before.get(t.name) ?? 0)) / 1000),
  }));
  const perSecond = n / (ms / 1000);
  printTable([...stages, { stage: 'TOTAL (incl. JSON)', ms, 'articles/s': perSecond }]);
  console.log(
    `\n${n} articles from ${source}, each read once, in batches of ${batch}, mean ${Math.round(chars / n)} chars, after ${warmedOn} warm-up articles${warmedOn > warm ? ' from other corpora' : ''}; code in ${code.label}; one core; ${(cpuMs / n).toFixed(2)} CPU-ms per article (${Math.round(n / (cpuMs / 1000))} per CPU-second; CPU time includes V8's compiler and GC threads)`,
  );
  return {
    name: 'pipeline',
    code: code.label,
    articles: n,
    source,
    meanChars: chars / n,
    batch,
    warmUpArticles: warmedOn,
    articlesPerSecond: perSecond,
    cpuMsPerArticle: cpuMs / n,
    stages,
  };
}
