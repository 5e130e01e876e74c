import type { Command } from 'commander';
import { InputError, UsageError } from '../errors.js';

interface WorkerOptions {
  db?: string;
  only?: string[];
  fetchConcurrency: number;
  codeConcurrency: number;
  maxJobs?: number;
  quiet?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

function int(name: string, min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min)
      throw new UsageError(`${name}: expected an integer ≥ ${min}, got "${v}"`);
    return n;
  };
}

export function register(program: Command): void {
  program
    .command('worker')
    .description(
      'run queued jobs (fetch feed, fetch page, code articles, merge incidents, export) from a PostgreSQL queue; start one per core, on any number of hosts',
    )
    .option('--db <url>', 'postgres:// URL of the shared database (default: $SITREP_DB)')
    .option(
      '--only <kind>',
      'take only this job kind (repeatable): fetchFeed, fetchPage, code, merge, export',
      collect,
    )
    .option('--fetch-concurrency <n>', 'feeds and pages fetched at once', int('--fetch-concurrency', 1), 4)
    .option(
      '--code-concurrency <n>',
      'code jobs in flight (one codes while another stores)',
      int('--code-concurrency', 1),
      2,
    )
    .option('--max-jobs <n>', 'exit after this many jobs (tests, one-shot runs)', int('--max-jobs', 1))
    .option('-q, --quiet', 'no line per job')
    .addHelpText('after', '\nExample:\n  sitrep worker --db postgres://sitrep@db-host/sitrep')
    .action(async (opts: WorkerOptions) => {
      process.exitCode = await workerCommand(opts);
    });
}

async function workerCommand(opts: WorkerOptions): Promise<number> {
  const db = opts.db || process.env.SITREP_DB;
  if (!db) throw new UsageError('worker: --db postgres://… (or SITREP_DB) is required');
  const [{ startWorker }, { JOB_KINDS }, { QueueError }, { StoreError }] = await Promise.all([
    import('../../queue/worker.js'),
    import('../../queue/names.js'),
    import('../../queue/boss.js'),
    import('../../store/store.js'),
  ]);
  const kinds = opts.only ?? [...JOB_KINDS];
  const unknown = kinds.filter((k) => !(JOB_KINDS as string[]).includes(k));
  if (unknown.length)
    throw new UsageError(`--only: unknown job kind ${unknown.join(', ')}; known: ${JOB_KINDS.join(', ')}`);
  if (!/^postgres(ql)?:\/\//i.test(db))
    throw new UsageError(`worker: --db must be a postgres:// URL, got "${db}"`);
  // pg-boss 10 marks a job done without awaiting the write; if the database is restarting at that
  // moment the rejection is unhandled and would end the worker. The job then stays active, expires,
  // and is retried, so log it and keep working.
  process.on('unhandledRejection', (e) => {
    process.stderr.write(
      `${new Date().toISOString()} queue write failed (job will be retried): ${e instanceof Error ? e.message : String(e)}\n`,
    );
  });
  // node-postgres can emit a connection error on a client it has already handed back as failed to
  // connect (seen while PostgreSQL restarts); nothing listens there, so it arrives here. Those are
  // survivable (pools reconnect, jobs retry); anything else is a bug and ends the worker.
  process.on('uncaughtException', (e: NodeJS.ErrnoException) => {
    const lost =
      /Connection terminated|ECONNRESET|ECONNREFUSED|EPIPE|shutting down|starting up|terminating connection/i.test(
        `${e?.code ?? ''} ${e?.message ?? ''}`,
      ) || ['57P01', '57P02', '57P03'].includes(String(e?.code));
    process.stderr.write(
      `${new Date().toISOString()} ${lost ? 'database connection lost' : 'internal error'}: ${e?.message}\n`,
    );
    if (!lost) process.exit(1);
  });
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let finish: () => void = () => {};
  const done = new Promise<void>((r) => {
    finish = r;
  });
  try {
    worker = await startWorker({
      db,
      kinds: kinds as (typeof JOB_KINDS)[number][],
      fetchConcurrency: opts.fetchConcurrency,
      codeConcurrency: opts.codeConcurrency,
      log: (line) => {
        if (!opts.quiet) process.stderr.write(`${new Date().toISOString()} ${line}\n`);
        if (opts.maxJobs && worker && worker.stats.done + worker.stats.failed >= opts.maxJobs) finish();
      },
    });
  } catch (e) {
    if (e instanceof QueueError || e instanceof StoreError) throw new InputError(e.message);
    throw e;
  }
  if (!opts.quiet) process.stderr.write(`${worker.id}: waiting for jobs (Ctrl-C to stop)\n`);
  const stop = () => finish();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await done;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  await worker.stop();
  if (!opts.quiet)
    process.stderr.write(
      `${worker.id}: stopped after ${worker.stats.done} jobs (${worker.stats.failed} failed)\n`,
    );
  return 0;
}
