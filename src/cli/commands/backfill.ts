import type { Command } from 'commander';
import { InputError, UsageError } from '../errors.js';

interface BackfillOptions {
  db?: string;
  chunk: number;
  merge: boolean;
  quiet?: boolean;
}

export function register(program: Command): void {
  program
    .command('backfill')
    .description('enqueue archived articles (JSON Lines, WARC, folders) as coding jobs for `sitrep worker`')
    .argument('<files...>', 'JSON Lines (.jsonl), WARC (.warc, .warc.gz), or anything `sitrep ingest` reads')
    .option('--db <url>', 'postgres:// URL of the shared database (default: $SITREP_DB)')
    .option(
      '--chunk <n>',
      'articles per job',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 1000)
          throw new UsageError(`--chunk: expected 1–1000, got "${v}"`);
        return n;
      },
      32,
    )
    .option('--no-merge', 'do not merge incidents after each job (merge once at the end instead)')
    .option('-q, --quiet', 'no progress lines')
    .addHelpText(
      'after',
      '\nExample:\n  sitrep backfill archive-2020.warc.gz dump.jsonl --db postgres://db-host/sitrep',
    )
    .action(async (files: string[], opts: BackfillOptions) => {
      process.exitCode = await backfillCommand(files, opts);
    });
}

async function backfillCommand(files: string[], opts: BackfillOptions): Promise<number> {
  const db = opts.db || process.env.SITREP_DB;
  if (!db || !/^postgres(ql)?:\/\//i.test(db))
    throw new UsageError(
      'backfill: --db postgres://… (or SITREP_DB) is required: the queue lives in PostgreSQL',
    );
  if (files.includes('-')) throw new UsageError('backfill reads files, not standard input');
  const [
    { openQueue, closeQueue, QueueError },
    { backfill },
    { openStore },
    { StoreError },
    { formatInputError },
  ] = await Promise.all([
    import('../../queue/boss.js'),
    import('../../queue/backfill.js'),
    import('../../store/open.js'),
    import('../../store/store.js'),
    import('../../ingest/types.js'),
  ]);
  let store: Awaited<ReturnType<typeof openStore>>;
  let boss: Awaited<ReturnType<typeof openQueue>>;
  try {
    store = await openStore({ db });
    boss = await openQueue(db, { supervise: false, max: 2 });
  } catch (e) {
    if (e instanceof QueueError || e instanceof StoreError) throw new InputError(e.message);
    throw e;
  }
  const t0 = performance.now();
  let last = 0;
  try {
    const p = await backfill(boss, store, files, {
      chunk: opts.chunk,
      merge: opts.merge,
      onError: (e) => process.stderr.write(`${formatInputError(e)}\n`),
      onProgress: (p) => {
        const now = performance.now();
        if (opts.quiet || now - last < 1000) return;
        last = now;
        const rate = Math.round(p.read / ((now - t0) / 1000));
        process.stderr.write(
          `read ${p.read}, queued ${p.queued} in ${p.jobs} jobs, skipped ${p.skipped}, failed ${p.failed} (${rate}/s)\n`,
        );
      },
    });
    if (!opts.merge && p.queued > 0) {
      const { requestMerge } = await import('../../queue/handlers.js');
      await requestMerge(boss, 'backfill');
    }
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    if (!opts.quiet)
      process.stderr.write(
        `backfill: read ${p.read}, queued ${p.queued} articles in ${p.jobs} jobs, skipped ${p.skipped} already stored, ${p.failed} failed (${s} s); run \`sitrep worker\` to code them\n`,
      );
    return p.failed > 0 ? 1 : 0;
  } finally {
    await closeQueue(boss);
    await store.close();
  }
}
