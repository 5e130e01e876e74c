/**
 * An ingest run: read inputs → skip articles already stored → code the rest on worker threads →
 * write each batch in one transaction. Memory is bounded by the batches in flight, not the input
 * size; a killed run leaves whole batches only, and a rerun skips what is stored.
 */
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { createArticle } from '../model/article.js';
import type { Article } from '../model/types.js';
import type { ArticleRows } from '../store/rows.js';
import type { Actor, Store } from '../store/store.js';
import type { RowsResult } from './coder.js';
import { type Coder, inlineCoder, workerCoder } from './pool.js';
import { readInputs } from './read.js';
import type { IngestItem, InputError, ReadOptions, Result } from './types.js';

export interface IngestProgress {
  read: number;
  inserted: number;
  duplicates: number;
  failed: number;
}

export interface IngestSummary extends IngestProgress {
  elapsedMs: number;
  /** Ids of the articles written by this run. */
  insertedIds: string[];
}

export interface IngestRunOptions {
  read?: ReadOptions;
  /** Worker threads for coding; 0 codes in this thread. Default: the number of cores. */
  workers?: number;
  /** Articles per transaction (default 64). */
  batchSize?: number;
  actor?: Actor;
  onProgress?: (p: IngestProgress) => void;
  onError?: (e: InputError) => void;
  /** Keep the ids written (for merging only what is new); default true. */
  collectIds?: boolean;
}

interface Pending {
  article: Article;
  origin: string;
  feed?: string;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Ingest from paths/URLs, or from results already being read (a polled feed). */
export async function ingest(
  store: Store,
  source: string[] | AsyncIterable<Result<IngestItem>>,
  options: IngestRunOptions = {},
): Promise<IngestSummary> {
  const t0 = performance.now();
  const batchSize = options.batchSize ?? 64;
  const nWorkers = options.workers ?? defaultWorkers();
  // A run of one batch is coded in this thread: it does not pay the workers' start-up. From files,
  // the first full batch waits for the next article to know whether it is the only one, so that a
  // longer run codes every batch in the workers and this thread never loads a pipeline (the
  // lexicons, the gazetteer and wink's model: about 150 MB it would hold for the whole run). A feed
  // is not held up: its first batch is coded here.
  const inline = inlineCoder();
  let pool: Coder | null = null;
  let launched = 0;
  const holdFirst = Array.isArray(source) && nWorkers > 0;
  const coderFor = (useInline: boolean): Coder => {
    if (nWorkers === 0 || useInline) return inline;
    pool ??= workerCoder(nWorkers);
    return pool;
  };
  const maxInFlight = Math.max(2, nWorkers * 2);
  const strict = options.read?.strict ?? false;
  const p: IngestProgress = { read: 0, inserted: 0, duplicates: 0, failed: 0 };
  const insertedIds: string[] = [];
  const report = (e: InputError) => {
    p.failed++;
    options.onError?.(e);
  };
  let stop = false;
  let writeChain: Promise<void> = Promise.resolve();
  const inFlight: Promise<void>[] = [];

  const flush = async (batch: Pending[], useInline: boolean) => {
    const known = await store.hasArticles(batch.map((b) => b.article.id));
    const todo: Pending[] = [];
    const seen = new Set<string>();
    for (const b of batch) {
      if (known.has(b.article.id) || seen.has(b.article.id)) p.duplicates++;
      else {
        seen.add(b.article.id);
        todo.push(b);
      }
    }
    const coder = coderFor(useInline);
    // Spread one batch over the workers.
    const per = Math.max(1, Math.ceil(todo.length / Math.max(1, nWorkers)));
    const parts: Pending[][] = [];
    for (let i = 0; i < todo.length; i += per) parts.push(todo.slice(i, i + per));
    const coded = (await Promise.all(parts.map((part) => coder.code(part)))).flat();
    const rows: ArticleRows[] = [];
    coded.forEach((r: RowsResult, i) => {
      if (r.ok) rows.push(r.rows);
      else report({ origin: todo[i].origin, message: r.message });
    });
    // Writes happen in input order, one transaction per batch.
    const prev = writeChain;
    writeChain = (async () => {
      await prev;
      const res = await store.putRows(rows, options.actor ?? 'cli');
      for (const r of res) {
        if (r.status === 'inserted') {
          p.inserted++;
          if (options.collectIds !== false) insertedIds.push(r.id);
        } else p.duplicates++;
      }
      options.onProgress?.({ ...p });
    })();
    await writeChain;
  };

  try {
    let batch: Pending[] = [];
    let held = false; // the first batch is full and waits for the next article
    // `last`: no article follows this batch (known when the input ended, or for a feed's first batch)
    const launch = async (last: boolean) => {
      const b = batch;
      batch = [];
      const job = flush(b, launched++ === 0 && (last || !holdFirst));
      inFlight.push(job);
      job.finally(() => inFlight.splice(inFlight.indexOf(job), 1)).catch(() => {});
      if (inFlight.length >= maxInFlight) await Promise.race(inFlight);
    };
    for await (const r of Array.isArray(source) ? readInputs(source, options.read) : source) {
      if (!r.ok) {
        report(r.error);
        if (strict) {
          stop = true;
          break;
        }
        continue;
      }
      p.read++;
      let article: Article;
      try {
        article = createArticle(r.value.input);
      } catch (e) {
        report({ origin: r.value.origin, message: e instanceof Error ? e.message : String(e) });
        continue;
      }
      if (!article.text) {
        report({ origin: r.value.origin, message: 'no article text' });
        continue;
      }
      if (held) {
        held = false;
        await launch(false);
      }
      batch.push({ article, origin: r.value.origin, ...(r.value.feed ? { feed: r.value.feed } : {}) });
      if (batch.length >= batchSize) {
        if (holdFirst && launched === 0) held = true;
        else await launch(false);
      }
    }
    // a held first batch was full before any error stopped the run, as any launched batch was
    if (batch.length && (!stop || held)) await launch(true);
    await Promise.all(inFlight);
    await writeChain;
  } finally {
    await (pool as Coder | null)?.close();
  }
  return { ...p, insertedIds, elapsedMs: performance.now() - t0 };
}

/** Quick count of the articles local inputs hold (for a progress bar's total); null when unknown. */
export async function estimateArticles(paths: string[]): Promise<number | null> {
  let n = 0;
  for (const path of paths) {
    if (path === '-' || /^https?:/i.test(path)) return null;
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(path);
    } catch {
      continue;
    }
    if (st.isDirectory()) return null;
    const ext = extname(path).toLowerCase();
    if (ext === '.jsonl' || ext === '.ndjson') {
      if (st.size > 2 * 1024 ** 3) return null;
      const buf = await readFile(path);
      let lines = 0;
      for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) lines++;
      if (buf.length && buf[buf.length - 1] !== 10) lines++;
      n += lines;
    } else if (ext === '.txt' || ext === '.html' || ext === '.htm' || ext === '.md') n++;
    else return null;
  }
  return n;
}
