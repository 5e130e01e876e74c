/**
 * Speed of the sources stage alone: articles are tokenised and given their mentions once, then the
 * stage runs over all of them repeatedly. Uses PolNeAR dev texts from ../shared when present, else a
 * built-in article written for the purpose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../eval/shared.js';
import { createArticle } from '../src/model/article.js';
import type { Doc } from '../src/model/doc.js';
import { createMentionsStage } from '../src/nlp/mentions/index.js';
import { createSourcesStage } from '../src/nlp/sources/index.js';
import { createPipeline } from '../src/pipeline/pipeline.js';

const BUILT_IN = `Rebels Say Dam Was Hit

KHARKIV (Example Wire) - Two villages near the dam were flooded overnight, Olena Koval, the head of a local relief group, told reporters on Tuesday.

"The water came at three in the morning. Nobody had time to leave," Koval said, citing her own sources in the district.

According to the regional governor, 40 families were evacuated. A source in the emergency service told Example Wire that the dam had been struck twice.

The defence ministry denied this and demanded an inquiry, while officials who spoke on condition of anonymity said repairs would take weeks.`;

export interface BenchReport {
  task: string;
  articles: number;
  runs: number;
  articlesPerSec: number;
}

export async function run(args: string[] = []): Promise<BenchReport> {
  const dir = args[0] ? join(args[0], 'text') : sharedPath('data', 'attribution', 'polnear', 'dev', 'text');
  const texts = dir
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => readFileSync(join(dir, f), 'utf8'))
    : [BUILT_IN];
  const prepare = createPipeline([createMentionsStage()]);
  const docs: Doc[] = texts.map((text) => prepare.run(createArticle({ text })));
  const stage = createSourcesStage();
  for (const d of docs) stage.run(d); // warm up
  const runs = Math.max(3, Math.ceil(2000 / docs.length));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let r = 0; r < runs; r++) for (const d of docs) stage.run(d);
  const cpu = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  // CPU time, not wall time: on a shared machine the wall clock counts other people's work
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const n = runs * docs.length;
  const articlesPerSec = (n * 1000) / cpuMs;
  console.log(
    `sources stage: ${articlesPerSec.toFixed(0)} articles/s per core of CPU time (${((n * 1000) / ms).toFixed(0)}/s wall; ${docs.length} ${dir ? 'PolNeAR dev' : 'built-in'} articles × ${runs} runs)`,
  );
  return { task: 'sources', articles: docs.length, runs, articlesPerSec };
}

if (import.meta.url === `file://${process.argv[1]}`) await run(process.argv.slice(2));
