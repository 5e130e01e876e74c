/**
 * CPU per article of the default pipeline in a warm process, counting every thread (V8's compiler
 * and GC threads compete with the other worker for the cores): `node --import tsx
 * scripts/pipeline-cpu.ts [N]` warms on the news texts of the geo and time corpora (LGL, GeoVirus,
 * TR-News, TimeBank, MEANTIME; SITREP_WARM_PASSES passes, default 1), then codes N PolNeAR texts
 * (default 900) in batches as `sitrep code` does and prints process CPU (user+sys) per article, the
 * main thread's share and the rest per thread name (Linux /proc; elsewhere only the process total).
 * SITREP_PREPASS=1 codes the measured texts once before the measured pass. SITREP_WARM_N=K warms on
 * the first K of those texts only. SITREP_CALLGRIND=1 switches callgrind's instrumentation on for the
 * measured pass only (stable instruction counts on a busy host):
 *   SITREP_CALLGRIND=1 SITREP_WARM_N=400 valgrind --tool=callgrind --smc-check=all --instr-atstart=no \
 *     node --single-threaded --hash-seed=42 --random-seed=42 --import tsx scripts/pipeline-cpu.ts 150
 * The default measure is not a steady state: after 1,320 warm-up articles V8 still compiles rule
 * functions that only now became hot (the 'node' threads, ~2.5 ms/article of ~7-8; under callgrind
 * TurboFan is ~40% of the instructions even on a second pass after 700 articles). For the steady
 * state use SITREP_WARM_PASSES=3 SITREP_PREPASS=1 (~4.9 ms/article, helper threads ~0.6).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { codeTexts, newsTexts, warmTexts } from '../bench/corpus.js';
import { createDefaultPipeline } from '../src/pipeline/default.js';

const N = Number(process.argv[2] ?? 900);
const PASSES = Number(process.env.SITREP_WARM_PASSES ?? 1);

/** Switch callgrind's instrumentation of this process on or off (SITREP_CALLGRIND=1 only). */
function callgrind(on: boolean): void {
  if (process.env.SITREP_CALLGRIND === '1')
    execFileSync('callgrind_control', ['-i', on ? 'on' : 'off', String(process.pid)], { stdio: 'ignore' });
}

/** CPU milliseconds (user+sys) per thread name, from /proc/self/task (empty off Linux). */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync('/proc/self/task')) return out;
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in 100 Hz ticks
      const name =
        tid === String(process.pid) ? 'main' : readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      out.set(name, (out.get(name) ?? 0) + ms);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

const pipeline = createDefaultPipeline();
const warm = warmTexts();
for (let p = 0; p < PASSES; p++) codeTexts(pipeline, warm, false);
const { texts } = newsTexts(N);
// SITREP_PREPASS=1: code the measured texts once before measuring them (the state once V8 has seen
// every path these texts take; a second pass is otherwise flattered only by wink's learnt words)
if (process.env.SITREP_PREPASS === '1') codeTexts(pipeline, texts, true);
// marks where the measured part starts in --trace-opt/--trace-deopt output (same stream)
if (process.env.SITREP_MARK === '1') console.log('=== measured');
const threads0 = threadCpu();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
callgrind(true);
codeTexts(pipeline, texts, true);
callgrind(false);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const threads1 = threadCpu();
const n = texts.length;
const perThread = [...threads1]
  .map(([name, ms]) => [name, ms - (threads0.get(name) ?? 0)] as const)
  .filter(([, ms]) => ms > 0)
  .sort((a, b) => b[1] - a[1]);
const total = (cpu.user + cpu.system) / 1000;
console.log(
  `${n} articles after ${PASSES * warm.length} warm-up: process CPU ${(total / n).toFixed(3)} ms/article (user ${(cpu.user / 1000 / n).toFixed(3)}, sys ${(cpu.system / 1000 / n).toFixed(3)}), wall ${(wall / n).toFixed(3)} ms/article`,
);
console.log(
  `per thread, ms/article: ${perThread.map(([name, ms]) => `${name} ${(ms / n).toFixed(3)}`).join(', ')}`,
);
