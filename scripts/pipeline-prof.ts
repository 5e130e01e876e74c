/**
 * CPU profile of the default pipeline's warm part: `node --import tsx scripts/pipeline-prof.ts OUT
 * [N]` warms as scripts/pipeline-cpu.ts does, then profiles coding N PolNeAR texts (default 900)
 * with the inspector's sampling profiler and writes OUT (.cpuprofile), then prints self time by
 * function and by file (top 40 / 25). Also prints per-stage CPU from the pipeline's timings.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { codeTexts, newsTexts, warmTexts } from '../bench/corpus.js';
import { createDefaultPipeline } from '../src/pipeline/default.js';

const out = process.argv[2];
const N = Number(process.argv[3] ?? 900);
if (!out) throw new Error('usage: pipeline-prof.ts OUT [N]');

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const pipeline = createDefaultPipeline();
codeTexts(pipeline, warmTexts(), false);
const { texts } = newsTexts(N);
const before = new Map(pipeline.timings().map((t) => [t.name, t.ms]));
const session = new Session();
session.connect();
const post = (m: string, p?: object) =>
  new Promise<unknown>((res, rej) => session.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 200 });
await post('Profiler.start');
const cpu0 = process.cpuUsage();
codeTexts(pipeline, texts, true);
const cpu = process.cpuUsage(cpu0);
const { profile } = (await post('Profiler.stop')) as {
  profile: { nodes: Node[]; samples: number[]; startTime: number; endTime: number };
};
writeFileSync(out, JSON.stringify(profile));
const n = texts.length;
console.log(`process CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms/article over ${n}`);
console.log(
  'stages ms/article:',
  pipeline
    .timings()
    .map((t) => `${t.name} ${((t.ms - (before.get(t.name) ?? 0)) / n).toFixed(3)}`)
    .join(', '),
);
const total = profile.samples.length;
const byFn = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
  const h = node.hitCount ?? 0;
  if (!h) continue;
  const f = node.callFrame;
  const file = f.url.replace(/^.*\/(node_modules|src)\//, '$1/') || '(native)';
  const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + h);
  byFile.set(file, (byFile.get(file) ?? 0) + h);
}
const show = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, h]) => `${((100 * h) / total).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');
console.log(`--- self time by function (${total} samples)\n${show(byFn, 45)}`);
console.log(`--- self time by file\n${show(byFile, 30)}`);
