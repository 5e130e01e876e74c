import type { Command } from 'commander';
import { InputError, UsageError } from '../errors.js';

interface IngestOptions {
  db?: string;
  workers?: number;
  batch: number;
  include?: string[];
  exclude?: string[];
  strict?: boolean;
  maxBytes: number;
  fetch: boolean;
  timeout: number;
  merge: boolean;
  quiet?: boolean;
}

function int(name: string, min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min)
      throw new UsageError(`${name}: expected an integer ≥ ${min}, got "${v}"`);
    return n;
  };
}

function size(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(v.trim());
  if (!m) throw new UsageError(`--max-bytes: not a size: ${v}`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(Number(m[1]) * mult);
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command): void {
  program
    .command('ingest')
    .description('read, code and store articles; syndicated copies are clustered and incidents merged')
    .argument(
      '<inputs...>',
      'files, folders, JSON Lines, HTML pages, RSS/Atom/JSON feeds (files or URLs), or - for stdin',
    )
    .option('--db <db>', 'SQLite file or postgres:// URL (default: $SITREP_DB or sitrep.db)')
    .option(
      '--workers <n>',
      'coding worker threads (default: number of cores; 0 = this thread)',
      int('--workers', 0),
    )
    .option('--batch <n>', 'articles per transaction', int('--batch', 1), 64)
    .option('--include <glob>', 'in folders, only files matching this glob (repeatable)', collect)
    .option(
      '--exclude <glob>',
      'in folders, leave out files or folders matching this glob (repeatable)',
      collect,
    )
    .option('--strict', 'stop at the first bad input')
    .option('--max-bytes <n>', 'largest file, page or feed accepted', size, 20 * 1024 * 1024)
    .option('--no-fetch', 'do not fetch the pages of feed items with short content')
    .option('--timeout <s>', 'network timeout in seconds', int('--timeout', 1), 20)
    .option('--no-merge', 'skip near-duplicate clustering and incident merging after the run')
    .option('-q, --quiet', 'no progress bar and no summary')
    .addHelpText(
      'after',
      '\nExamples:\n  sitrep ingest articles/ --include "**/*.html"\n  sitrep ingest dump.jsonl --db postgres://localhost/sitrep\n  sitrep ingest https://example.org/feed.xml',
    )
    .action(async (inputs: string[], opts: IngestOptions) => {
      process.exitCode = await ingestCommand(inputs, opts);
    });
}

async function ingestCommand(paths: string[], opts: IngestOptions): Promise<number> {
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  const [{ openStore, StoreError }, { ingest, estimateArticles }, { runMerge }, { formatInputError }] =
    await Promise.all([
      import('../../store/index.js'),
      import('../../ingest/run.js'),
      import('../../merge/index.js'),
      import('../../ingest/types.js'),
    ]);
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore({ db: opts.db });
  } catch (e) {
    if (e instanceof StoreError) throw new InputError(e.message);
    throw e;
  }
  const tty = Boolean(process.stderr.isTTY) && !opts.quiet && !process.env.CI;
  let bar: import('cli-progress').SingleBar | null = null;
  const started = Date.now();
  let lastDone = 0;
  let failedCount = 0;
  try {
    if (tty) {
      const { SingleBar, Presets } = await import('cli-progress');
      const total = await estimateArticles(paths);
      bar = new SingleBar(
        {
          format: total
            ? 'ingest [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted} | {failed} failed'
            : 'ingest {value} articles | {rate}/s | {failed} failed',
          stream: process.stderr,
          hideCursor: true,
          etaBuffer: 200,
        },
        Presets.shades_classic,
      );
      bar.start(total ?? 0, 0, { rate: '0', failed: 0 });
    }
    const summary = await ingest(store, paths, {
      workers: opts.workers,
      batchSize: opts.batch,
      read: {
        strict: opts.strict,
        maxBytes: opts.maxBytes,
        include: opts.include,
        exclude: opts.exclude,
        fetchPagesBelow: opts.fetch ? 500 : 0,
        timeoutMs: opts.timeout * 1000,
        knownUrls: (urls) => store.hasUrls(urls),
      },
      collectIds: false,
      onProgress: (p) => {
        const done = p.inserted + p.duplicates;
        lastDone = done;
        const secs = (Date.now() - started) / 1000;
        bar?.update(done, { rate: secs > 0 ? (done / secs).toFixed(0) : '0', failed: p.failed });
      },
      onError: (e) => {
        if (bar) bar.stop();
        process.stderr.write(`sitrep: ${formatInputError(e)}\n`);
        failedCount++;
        if (bar) bar.start(bar.getTotal(), lastDone, { rate: '…', failed: failedCount });
      },
    });
    bar?.stop();
    bar = null;
    const secs = summary.elapsedMs / 1000;
    if (!opts.quiet) {
      process.stderr.write(
        `sitrep: ${summary.inserted} stored, ${summary.duplicates} already stored, ${summary.failed} failed, in ${secs.toFixed(1)} s (${((summary.inserted + summary.duplicates) / Math.max(secs, 0.001)).toFixed(0)} articles/s)\n`,
      );
    }
    if (opts.merge && summary.inserted > 0) {
      const m = await runMerge(store, 'cli');
      if (!opts.quiet) {
        process.stderr.write(
          `sitrep: ${m.duplicateClusters} near-duplicate clusters; ${m.incidents} incidents (${m.multiSourceIncidents} with several sources) from ${m.events} events\n`,
        );
      }
    }
    return summary.failed > 0 ? 1 : 0;
  } finally {
    bar?.stop();
    await store.close();
  }
}
