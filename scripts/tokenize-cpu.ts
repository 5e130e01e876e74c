/**
 * CPU of tokenize() alone (wink-nlp and our wrapper), warm: `node --import tsx
 * scripts/tokenize-cpu.ts [N] [REPS]` tokenises the warm-up texts of bench/corpus.ts (SITREP_WARM_N=K:
 * the first K only), then N PolNeAR texts (default 900) REPS times (default 3) and prints wall and
 * process CPU ms/article per pass. SITREP_CALLGRIND=1 switches callgrind's instrumentation on for the
 * measured passes only (stable instruction counts on a busy host):
 *   SITREP_CALLGRIND=1 SITREP_WARM_N=400 valgrind --tool=callgrind --smc-check=all --instr-atstart=no \
 *     node --single-threaded --hash-seed=42 --random-seed=42 --import tsx scripts/tokenize-cpu.ts 150 1
 * SITREP_WARM_NEWS=K also tokenises the first K PolNeAR texts before measuring the N after them: V8
 * then no longer compiles (with --single-threaded, TurboFan's compiles of the functions that meet
 * their first newline or unusual token in the measured pass were ~30% of the instructions counted
 * after the warm corpora alone), and the measured texts still bring new pieces, as unseen articles do.
 */
import { execFileSync } from 'node:child_process';
import { newsTexts, warmTexts } from '../bench/corpus.js';
import { tokenize } from '../src/text/tokenize.js';

const N = Number(process.argv[2] ?? 900);
const REPS = Number(process.argv[3] ?? 3);

/** Switch callgrind's instrumentation of this process on or off (SITREP_CALLGRIND=1 only). */
function callgrind(on: boolean): void {
  if (process.env.SITREP_CALLGRIND === '1')
    execFileSync('callgrind_control', ['-i', on ? 'on' : 'off', String(process.pid)], { stdio: 'ignore' });
}

let warm = warmTexts();
if (process.env.SITREP_WARM_N) warm = warm.slice(0, Number(process.env.SITREP_WARM_N));
for (const t of warm) tokenize(t);
const K = Number(process.env.SITREP_WARM_NEWS ?? 0);
const { texts: news } = newsTexts(K + N);
for (const t of news.slice(0, K)) tokenize(t);
const texts = news.slice(K);
const passes: string[] = [];
for (let r = 0; r < REPS; r++) {
  callgrind(true);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const t of texts) tokenize(t);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  callgrind(false);
  passes.push(
    `wall ${(wall / texts.length).toFixed(3)} cpu ${((cpu.user + cpu.system) / 1000 / texts.length).toFixed(3)}`,
  );
}
console.log(`tokenize ms/article over ${texts.length} texts: ${passes.join(' | ')}`);
