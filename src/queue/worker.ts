/**
 * A worker process: polls every sitrep queue on one PostgreSQL database and runs the jobs. Start as
 * many as there are cores, on as many hosts as needed; they share nothing but the database.
 */
import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import { codeArticles } from '../ingest/coder.js';
import { createArticle } from '../model/article.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { closeQueue, type OpenQueueOptions, openQueue } from './boss.js';
import {
  type HandlerContext,
  handleCode,
  handleExport,
  handleFetchFeed,
  handleFetchPage,
  handleMerge,
} from './handlers.js';
import { JOB_KINDS, type JobKind, QUEUE } from './names.js';

export interface WorkerOptions extends OpenQueueOptions {
  db: string;
  /** Which job kinds this worker takes (default: all). */
  kinds?: JobKind[];
  /** Jobs of each kind run at once in this process (fetches wait on the network; coding does not). */
  fetchConcurrency?: number;
  /** Code jobs in flight per worker (default 2: one codes while the other stores). */
  codeConcurrency?: number;
  /** Seconds between polls of an idle queue. */
  pollSeconds?: number;
  maxBytes?: number;
  /** Called with one line per finished or failed job. */
  log?: (line: string) => void;
}

export interface WorkerStats {
  done: number;
  failed: number;
  byKind: Record<string, number>;
}

export interface RunningWorker {
  id: string;
  stats: WorkerStats;
  store: Store;
  boss: PgBoss;
  stop(): Promise<void>;
}

// C0 control characters but tab, line feed and carriage return
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const MAX_ERROR_CHARS = 2000;

/**
 * A job's error as pg-boss can store it: the error goes into a jsonb column, and PostgreSQL's jsonb
 * rejects \u0000, which a garbage feed's parse error may quote (the failure then could not be
 * recorded and surfaced as an unhandled rejection). Control characters become U+FFFD; long
 * messages are cut.
 */
export function storableError(e: unknown): Error {
  const raw = e instanceof Error ? e.message : String(e);
  const err = new Error(raw.replace(CONTROL, '\ufffd').slice(0, MAX_ERROR_CHARS));
  if (e instanceof Error) err.name = e.name;
  return err;
}

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const id = `worker:${hostname()}:${process.pid}`;
  const store = await openStore({ db: o.db });
  let boss: PgBoss;
  try {
    boss = await openQueue(o.db, { ...o, supervise: o.supervise ?? true });
  } catch (e) {
    await store.close();
    throw e;
  }
  const ctx: HandlerContext = { store, boss, actor: id, ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}) };
  const stats: WorkerStats = { done: 0, failed: 0, byKind: {} };
  const log = o.log ?? (() => {});
  const handlers: Record<JobKind, (data: never) => Promise<unknown>> = {
    code: (d) => handleCode(ctx, d),
    fetchFeed: (d) => handleFetchFeed(ctx, d),
    fetchPage: (d) => handleFetchPage(ctx, d),
    merge: () => handleMerge(ctx),
    export: (d) => handleExport(ctx, d),
  };
  const poll = o.pollSeconds ?? 0.5;
  // Load the pipeline's lexicons before taking jobs, so the first job is not slow.
  if (!o.kinds || o.kinds.some((k) => k !== 'merge' && k !== 'export'))
    codeArticles([createArticle({ text: 'Police arrested two men in Lagos on Monday, officials said.' })]);
  for (const kind of o.kinds ?? JOB_KINDS) {
    // Two code lanes: while one job waits on PostgreSQL storing its chunk, the other codes (one lane
    // left the worker idle for a quarter of each job in a profile).
    const lanes =
      kind === 'fetchFeed' || kind === 'fetchPage'
        ? (o.fetchConcurrency ?? 4)
        : kind === 'code'
          ? (o.codeConcurrency ?? 2)
          : 1;
    for (let lane = 0; lane < lanes; lane++) {
      let laneId = '';
      laneId = await boss.work(QUEUE[kind], { batchSize: 1, pollingIntervalSeconds: poll }, async ([job]) => {
        const t0 = performance.now();
        // pg-boss waits out the polling interval after every job; after a job the queue likely has
        // more, so skip the wait (an idle queue is still polled at the interval).
        if (laneId) boss.notifyWorker(laneId);
        try {
          const result = await handlers[kind](job.data as never);
          stats.done++;
          stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
          log(`${kind} ${job.id} done in ${Math.round(performance.now() - t0)} ms ${JSON.stringify(result)}`);
          return result;
        } catch (e) {
          stats.failed++;
          const err = storableError(e);
          log(`${kind} ${job.id} failed: ${err.message}`);
          throw err;
        }
      });
    }
  }
  let stopped = false;
  return {
    id,
    stats,
    store,
    boss,
    async stop() {
      if (stopped) return;
      stopped = true;
      await closeQueue(boss);
      await store.close();
    },
  };
}
