import type { Command } from 'commander';
import { InputError, UsageError } from '../errors.js';

interface WatchCliOptions {
  db?: string;
  every: string;
  once?: boolean;
  timeout: number;
  merge: boolean;
  quiet?: boolean;
}

export function register(program: Command): void {
  program
    .command('watch')
    .description(
      'poll RSS/Atom/JSON feeds and ingest new articles (conditional GET, per-host politeness, backoff)',
    )
    .argument('<feeds>', 'a file listing feed URLs, one per line ("#" comments allowed)')
    .option('--db <db>', 'SQLite file or postgres:// URL (default: $SITREP_DB or sitrep.db)')
    .option('--every <interval>', 'poll interval per feed: 30s, 15m, 1h, 1d', '15m')
    .option('--once', 'poll the feeds that are due once, then exit')
    .option(
      '--timeout <s>',
      'network timeout in seconds',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--timeout: expected seconds, got "${v}"`);
        return n;
      },
      20,
    )
    .option('--no-merge', 'skip clustering and incident merging after new articles')
    .option('-q, --quiet', 'only errors')
    .action(async (feeds: string, opts: WatchCliOptions) => {
      const [
        { openStore, StoreError },
        { pollFeeds, readFeedList, parseInterval },
        { runMerge },
        { formatInputError },
      ] = await Promise.all([
        import('../../store/index.js'),
        import('../../ingest/watch.js'),
        import('../../merge/index.js'),
        import('../../ingest/types.js'),
      ]);
      const everyMs = parseInterval(opts.every);
      if (!everyMs)
        throw new UsageError(`--every: expected an interval such as 30s, 15m, 1h; got "${opts.every}"`);
      let urls: string[];
      try {
        urls = await readFeedList(feeds);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new InputError(code === 'ENOENT' ? `${feeds}: no such file` : (e as Error).message);
      }
      if (!urls.length) throw new InputError(`${feeds}: no feed URLs`);
      let store: Awaited<ReturnType<typeof openStore>>;
      try {
        store = await openStore({ db: opts.db });
      } catch (e) {
        if (e instanceof StoreError) throw new InputError(e.message);
        throw e;
      }
      let stopping = false;
      let wake: (() => void) | null = null;
      const stop = () => {
        stopping = true;
        wake?.();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      let failedAny = false;
      try {
        while (!stopping) {
          const sum = await pollFeeds(store, urls, {
            everyMs,
            timeoutMs: opts.timeout * 1000,
            onError: (e) => {
              failedAny = true;
              process.stderr.write(`sitrep: ${formatInputError(e)}\n`);
            },
            onPoll: (url, status, stored) => {
              if (!opts.quiet)
                process.stderr.write(`sitrep: ${url}: ${status}${stored ? `, ${stored} new` : ''}\n`);
            },
          });
          if (sum.stored && opts.merge) await runMerge(store, 'watch');
          if (opts.once) break;
          // Sleep until the next feed is due (at most one interval).
          await new Promise<void>((r) => {
            wake = r;
            setTimeout(r, Math.min(everyMs, 60_000));
          });
        }
      } finally {
        await store.close();
      }
      process.exitCode = opts.once && failedAny ? 1 : 0;
    });
}
