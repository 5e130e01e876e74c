import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError, UsageError } from '../errors.js';

interface JobsOptions {
  db?: string;
  state?: string[];
  limit: number;
  json?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

function needDb(db?: string): string {
  const url = db || process.env.SITREP_DB;
  if (!url || !/^postgres(ql)?:\/\//i.test(url))
    throw new UsageError('jobs: --db postgres://… (or SITREP_DB) is required: the queue lives in PostgreSQL');
  return url;
}

async function withQueue<T>(db: string, f: (boss: import('pg-boss')) => Promise<T>): Promise<T> {
  const { openQueue, closeQueue, QueueError } = await import('../../queue/boss.js');
  let boss: import('pg-boss');
  try {
    boss = await openQueue(db, { supervise: false, max: 2 });
  } catch (e) {
    if (e instanceof QueueError) throw new InputError(e.message);
    throw e;
  }
  try {
    return await f(boss);
  } finally {
    await closeQueue(boss);
  }
}

function parseEvery(v: string): number {
  const m = /^(\d+)\s*(s|m|h)?$/i.exec(v.trim());
  if (!m) throw new UsageError(`--every: expected e.g. 90s, 15m or 1h, got "${v}"`);
  const n = Number(m[1]) * { s: 1, m: 60, h: 3600 }[(m[2] ?? 's').toLowerCase() as 's' | 'm' | 'h'];
  if (n < 10) throw new UsageError('--every: at least 10s');
  return n;
}

export function register(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('list queued, running and failed jobs with their errors (PostgreSQL queue)')
    .option('--db <url>', 'postgres:// URL (default: $SITREP_DB)')
    .option('--state <state>', 'created, retry, active, completed, cancelled, failed (repeatable)', collect)
    .option(
      '--limit <n>',
      'most recent jobs listed',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1)
          throw new UsageError(`--limit: expected a positive integer, got "${v}"`);
        return n;
      },
      30,
    )
    .option('--json', 'JSON instead of a table')
    .action(async (opts: JobsOptions) => {
      const { JOB_STATES, countJobs, listJobs } = await import('../../queue/jobs.js');
      const bad = (opts.state ?? []).filter((s) => !(JOB_STATES as string[]).includes(s));
      if (bad.length)
        throw new UsageError(`--state: unknown ${bad.join(', ')}; known: ${JOB_STATES.join(', ')}`);
      const db = needDb(opts.db);
      await withQueue(db, async (boss) => {
        const [counts, rows] = await Promise.all([
          countJobs(boss),
          listJobs(boss, { states: opts.state as never, limit: opts.limit }),
        ]);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ counts, jobs: rows }, null, 2)}\n`);
          return;
        }
        const byKind = new Map<string, Record<string, number>>();
        for (const c of counts) byKind.set(c.kind, { ...(byKind.get(c.kind) ?? {}), [c.state]: c.count });
        const states = ['created', 'retry', 'active', 'completed', 'failed'];
        const out = [`${'kind'.padEnd(10)} ${states.map((s) => s.padStart(9)).join(' ')}`];
        for (const [kind, c] of byKind)
          out.push(`${kind.padEnd(10)} ${states.map((s) => String(c[s] ?? 0).padStart(9)).join(' ')}`);
        if (!byKind.size) out.push('(no jobs)');
        out.push('');
        for (const j of rows) {
          const when = j.state === 'retry' && j.startAfter ? ` next try ${j.startAfter}` : '';
          out.push(
            `${j.id}  ${j.kind.padEnd(9)} ${j.state.padEnd(9)} attempt ${j.attempts}/${j.maxAttempts}  ${j.createdOn}${when}${j.error ? `\n    error: ${j.error}` : ''}`,
          );
        }
        process.stdout.write(`${out.join('\n')}\n`);
      });
    });

  jobs
    .command('retry')
    .description('put parked (failed) jobs back in the queue')
    .argument('<ids...>', 'job ids from `sitrep jobs`')
    .option('--db <url>', 'postgres:// URL (default: $SITREP_DB)')
    .action(async (ids: string[], opts: { db?: string }) => {
      const db = needDb(opts.db ?? jobs.opts().db);
      const { retryJobs } = await import('../../queue/jobs.js');
      const n = await withQueue(db, (boss) => retryJobs(boss, ids));
      process.stderr.write(`requeued ${n} of ${ids.length} job(s)\n`);
      if (n < ids.length) process.exitCode = 1;
    });

  jobs
    .command('feeds')
    .description(
      'schedule feed polls as jobs: one fetch-feed job per URL in FEEDS.txt, now and then every --every',
    )
    .argument('<feeds>', 'file with one feed URL a line (# comments allowed)')
    .option('--db <url>', 'postgres:// URL (default: $SITREP_DB)')
    .option(
      '--every <interval>',
      'poll again at this interval (e.g. 15m); without it, schedule once and exit',
      parseEvery,
    )
    .option('--timeout <s>', 'network timeout per feed in seconds', (v) => Number(v), 20)
    .action(async (file: string, opts: { db?: string; every?: number; timeout: number }) => {
      const db = needDb(opts.db ?? jobs.opts().db);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        throw new InputError(`${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
      const { parseFeedList, scheduleFeeds } = await import('../../queue/jobs.js');
      const { urls, bad } = parseFeedList(text);
      for (const b of bad) process.stderr.write(`${file}:${b.line}: not an http(s) URL: ${b.text}\n`);
      if (!urls.length) throw new InputError(`${file}: no feed URLs`);
      await withQueue(db, async (boss) => {
        const tick = async () => {
          const n = await scheduleFeeds(boss, urls, { timeoutMs: opts.timeout * 1000 });
          process.stderr.write(`${new Date().toISOString()} scheduled ${n} feed poll(s)\n`);
        };
        await tick();
        if (!opts.every) return;
        await new Promise<void>((resolve) => {
          const timer = setInterval(
            () => void tick().catch((e) => process.stderr.write(`sitrep: ${e.message}\n`)),
            opts.every! * 1000,
          );
          const stop = () => {
            clearInterval(timer);
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      });
      if (bad.length) process.exitCode = 1;
    });
}
