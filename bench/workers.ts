/**
 * Throughput of `sitrep worker` processes on PostgreSQL: 1 worker vs 2 workers coding the same
 * backfill (synthetic news-length articles built at run time from ../shared texts). Each run gets a
 * fresh database. Target: 2 workers ≥ 1.7× one worker and ≥ 200 articles/s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backfill } from '../src/queue/backfill.js';
import { closeQueue, openQueue } from '../src/queue/boss.js';
import { openStore } from '../src/store/open.js';
import { createTempPostgres } from '../src/store/test-db.js';
import { newsTexts } from './corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.SITREP_BENCH_ARTICLES ?? 1200);

/** Distinct articles: each source text with a varying lead sentence (so ids differ) and its own date. */
function synthetic(texts: string[], n: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = texts[i % texts.length];
    const day = 1 + (i % 28);
    lines.push(
      JSON.stringify({
        text: `Update ${i}: officials gave new details on Monday.\n\n${t}`,
        published: `2024-02-${String(day).padStart(2, '0')}`,
        outlet: `Outlet ${i % 7}`,
      }),
    );
  }
  return lines;
}

function startWorker(db: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'worker', '--db', db, '--only', 'code'],
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: ROOT },
  );
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('waiting for jobs')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`worker exited (${code}): ${err.slice(-300)}`)));
  });
}

async function runWith(workers: number, file: string, n: number) {
  const pg = await createTempPostgres('sitrep_bench');
  const store = await openStore({ db: pg.url });
  const boss = await openQueue(pg.url);
  const procs: ChildProcess[] = [];
  try {
    for (let i = 0; i < workers; i++) procs.push(await startWorker(pg.url));
    const t0 = performance.now();
    await backfill(boss, null, [file], { merge: false });
    let stored = 0;
    while (stored < n) {
      await new Promise((r) => setTimeout(r, 100));
      stored = await store.countArticles();
      if (performance.now() - t0 > 600_000) throw new Error(`timed out at ${stored}/${n}`);
    }
    const s = (performance.now() - t0) / 1000;
    return {
      workers,
      articles: stored,
      seconds: Math.round(s * 10) / 10,
      articlesPerSecond: Math.round(stored / s),
    };
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(
      procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))),
    );
    await closeQueue(boss);
    await store.close();
    await pg.drop();
  }
}

export async function run() {
  const { texts, source } = newsTexts(400);
  if (source !== 'polnear') {
    console.log('bench workers: ../shared texts not found; skipped');
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  const file = join(dir, 'backfill.jsonl');
  writeFileSync(file, `${synthetic(texts, N).join('\n')}\n`);
  try {
    const one = await runWith(1, file, N);
    console.log(`1 worker:  ${one.articles} articles in ${one.seconds} s = ${one.articlesPerSecond}/s`);
    const two = await runWith(2, file, N);
    console.log(`2 workers: ${two.articles} articles in ${two.seconds} s = ${two.articlesPerSecond}/s`);
    const speedup = Math.round((two.articlesPerSecond / one.articlesPerSecond) * 100) / 100;
    console.log(`speed-up ${speedup}× (target ≥ 1.7×), total ${two.articlesPerSecond}/s (target ≥ 200/s)`);
    return { name: 'workers', source, articles: N, one, two, speedup };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
