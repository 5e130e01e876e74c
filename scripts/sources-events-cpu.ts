/**
 * CPU per article of the pipeline's last two stages alone (sources, events) in a steady state:
 * `node --import tsx scripts/sources-events-cpu.ts [N] [PASSES]` runs the earlier stages once on N
 * PolNeAR texts (default 300), then codes copies of those documents through sources and events,
 * stage by stage as the pipeline does, PASSES times (default 8). It prints each stage's process CPU
 * (user+sys) ms/article per pass, the lowest of the last half, and a hash of both stages' layers
 * (the same in every pass and run unless the output changed). Each pass gets fresh documents (no
 * per-document memo survives) and the actor registry's text memos are emptied first, so the texts
 * are not flattered by phrases coded in an earlier pass. On this busy 2-core machine alternate
 * runs of a baseline checkout and the change, a few of each.
 * SITREP_PROFILE=FILE writes a CPU profile of the last SITREP_MEASURED passes (default 2; run the
 * tsc output rather than tsx for line numbers). SITREP_CALLGRIND=1 switches callgrind's
 * instrumentation on for each stage of those passes and dumps its counts after it (one file per
 * dump, named by stage in its "desc: Trigger" line; V8 still compiles in these passes, so their
 * counts drift by 5-25% from pass to pass):
 *   SITREP_CALLGRIND=1 valgrind --tool=callgrind --smc-check=all --instr-atstart=no \
 *     node --single-threaded --hash-seed=42 --random-seed=42 --import tsx scripts/sources-events-cpu.ts 100 8
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { newsTexts } from '../bench/corpus.js';
import { createArticle } from '../src/model/article.js';
import { type Doc, MutableDoc } from '../src/model/doc.js';
import type { LayerName } from '../src/model/types.js';
import { loadActorRegistry } from '../src/nlp/events/actors.js';
import { createEventsStage } from '../src/nlp/events/index.js';
import { createSourcesStage } from '../src/nlp/sources/index.js';
import { createDefaultPipeline } from '../src/pipeline/default.js';
import { createPipeline } from '../src/pipeline/pipeline.js';

const N = Number(process.argv[2] ?? 300);
const PASSES = Number(process.argv[3] ?? 8);
/** The last passes, measured by callgrind (the earlier ones warm up). */
const MEASURED = Number(process.env.SITREP_MEASURED ?? 2);

/** Under callgrind (SITREP_CALLGRIND=1): switch instrumentation on/off, or dump the counts so far. */
function callgrind(what: 'on' | 'off' | 'dump', name = ''): void {
  if (process.env.SITREP_CALLGRIND !== '1') return;
  const args = what === 'dump' ? [`--dump=${name}`] : ['-i', what];
  execFileSync('callgrind_control', [...args, String(process.pid)], { stdio: 'ignore' });
}

// the default pipeline's stages before sources, run once per text
const all = createDefaultPipeline().stages;
const early = all.slice(
  0,
  all.findIndex((s) => s.name === 'sources'),
);
const earlyLayers = early.flatMap((s) => s.provides) as LayerName[];
const prefix = createPipeline(early);
const { texts } = newsTexts(N);
const docs = prefix.runBatch(
  texts.map((text) => createArticle({ text, firstLineIsTitle: true, published: '2016-10-01' })),
) as MutableDoc[];

const sources = createSourcesStage();
const events = createEventsStage();
const registry = loadActorRegistry([]) as unknown as {
  memo: Map<string, unknown>;
  codes: Map<string, unknown>;
};

/** A fresh document with the same tokens and earlier layers (no WeakMap memo keyed on it yet). */
function copy(d: Doc): MutableDoc {
  const c = new MutableDoc(d.article, {
    tokens: d.tokens,
    sentences: [...d.sentences],
    sentenceTokens: d.sentenceTokens.map(([a, b]) => [a, b] as [number, number]),
  });
  for (const name of earlyLayers) c.setLayer(name, [...d.layer(name)] as never);
  return c;
}

// SITREP_PROFILE=FILE: a CPU profile (.cpuprofile) of the measured passes
const session = process.env.SITREP_PROFILE ? new Session() : null;
const post = (m: string, p?: object) =>
  new Promise<unknown>((res, rej) => session!.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
if (session) {
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
}

/** Process CPU milliseconds (user+sys, all threads: V8's compiler and GC helpers too). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const rows: { sources: number; events: number }[] = [];
let digest = '';
for (let p = 0; p < PASSES; p++) {
  const fresh = docs.map(copy);
  registry.memo.clear();
  registry.codes.clear();
  const measured = p >= PASSES - MEASURED;
  if (measured) callgrind('on');
  if (session && p === PASSES - MEASURED) await post('Profiler.start');
  const hash = createHash('sha256');
  // stage by stage over the batch, as the pipeline does
  const t0 = cpuMs();
  const claims = fresh.map((d) => sources.run(d).claims);
  const t1 = cpuMs();
  if (measured) callgrind('dump', 'sources');
  for (let k = 0; k < fresh.length; k++) fresh[k].setLayer('claims', claims[k]);
  const t2 = cpuMs();
  const evs = fresh.map((d) => events.run(d).events);
  const t3 = cpuMs();
  if (measured) callgrind('dump', 'events');
  if (measured) callgrind('off');
  for (let k = 0; k < fresh.length; k++) {
    hash.update(JSON.stringify(claims[k]));
    hash.update(JSON.stringify(evs[k]));
  }
  const h = hash.digest('hex').slice(0, 16);
  if (digest && h !== digest) throw new Error(`pass ${p} gave other output (${h} vs ${digest})`);
  digest = h;
  rows.push({ sources: (t1 - t0) / fresh.length, events: (t3 - t2) / fresh.length });
}
callgrind('off');
if (session) {
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  writeFileSync(process.env.SITREP_PROFILE!, JSON.stringify(profile));
}
const fmt = (x: number) => x.toFixed(3);
console.log(`${docs.length} articles, ${PASSES} passes, output ${digest}`);
console.log(`per pass sources ms/article: ${rows.map((r) => fmt(r.sources)).join(' ')}`);
console.log(`per pass events  ms/article: ${rows.map((r) => fmt(r.events)).join(' ')}`);
const late = rows.slice(Math.floor(PASSES / 2));
console.log(
  `best of last ${late.length}: sources ${fmt(Math.min(...late.map((r) => r.sources)))}, events ${fmt(Math.min(...late.map((r) => r.events)))}`,
);
