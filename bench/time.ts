import { printTable } from '../eval/table.js';
import { createArticle } from '../src/model/article.js';
import { type Doc, MutableDoc } from '../src/model/doc.js';
import { createTimeStage } from '../src/nlp/time/index.js';
import { tokenize } from '../src/text/tokenize.js';
import { newsTexts } from './corpus.js';

/** The time stage alone on one core: articles/s over pre-tokenised news articles. */
export async function run(): Promise<Record<string, unknown>> {
  const { texts, source } = newsTexts(400);
  const docs: Doc[] = texts.map((text) => {
    const a = createArticle({ text, firstLineIsTitle: true, published: '2016-10-01' });
    return new MutableDoc(a, tokenize(a.text));
  });
  const stage = createTimeStage();
  let found = 0;
  for (const d of docs) found += stage.run(d).times.length; // warm up
  const rounds = Math.max(3, Math.ceil(5000 / docs.length));
  let n = 0;
  let chars = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const d of docs) {
      stage.run(d);
      n++;
      chars += d.text.length;
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // CPU time of this process: the per-core rate even when other work shares the machine
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const perSecond = n / (ms / 1000);
  const perCpuSecond = n / (cpuMs / 1000);
  printTable([
    {
      stage: 'time',
      articles: n,
      ms,
      'articles/s (wall)': perSecond,
      'articles/s (cpu)': perCpuSecond,
      'times/article': found / docs.length,
    },
  ]);
  console.log(
    `\n${docs.length} articles from ${source} × ${rounds}, mean ${Math.round(chars / n)} chars; one core, tokens given`,
  );
  return {
    name: 'time',
    articles: n,
    source,
    meanChars: chars / n,
    articlesPerSecond: perSecond,
    articlesPerCpuSecond: perCpuSecond,
    timesPerArticle: found / docs.length,
  };
}
