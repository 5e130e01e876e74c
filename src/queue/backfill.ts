/**
 * Backfill: read archived articles (JSON Lines, WARC, or anything `sitrep ingest` reads) and enqueue
 * them as code jobs of CODE_CHUNK articles, in insert batches. Articles already stored are skipped
 * when a store is given, and each chunk's singleton key is its article ids, so re-running a backfill
 * enqueues nothing twice. The coding happens on the workers.
 */
import type PgBoss from 'pg-boss';
import { readInputs } from '../ingest/read.js';
import type { IngestItem, InputError, Result } from '../ingest/types.js';
import { articleId } from '../model/article.js';
import type { Store } from '../store/store.js';
import { CODE_CHUNK, chunkKey } from './handlers.js';
import { type CodeJob, codeExpireSeconds, QUEUE } from './names.js';
import { isWarcPath, readWarc } from './warc.js';

export interface BackfillProgress {
  read: number;
  /** Articles put in jobs. */
  queued: number;
  /** Already stored or repeated in the input. */
  skipped: number;
  failed: number;
  jobs: number;
}

export interface BackfillOptions {
  /** Articles per code job (default CODE_CHUNK). */
  chunk?: number;
  /** Code jobs per insert round trip, at most (the first inserts are smaller so workers start at once). */
  insertBatch?: number;
  /** Request an incident merge after each chunk (default true). */
  merge?: boolean;
  onProgress?: (p: BackfillProgress) => void;
  onError?: (e: InputError) => void;
}

export async function* readArchives(paths: string[]): AsyncGenerator<Result<IngestItem>> {
  for (const p of paths) {
    // Archived pages are not fetched again: what the dump holds is what is coded.
    if (isWarcPath(p)) yield* readWarc(p);
    else yield* readInputs([p], { fetchPagesBelow: 0 });
  }
}

export async function backfill(
  boss: PgBoss,
  store: Store | null,
  paths: string[],
  o: BackfillOptions = {},
): Promise<BackfillProgress> {
  const chunk = o.chunk ?? CODE_CHUNK;
  const insertBatch = o.insertBatch ?? 20;
  const p: BackfillProgress = { read: 0, queued: 0, skipped: 0, failed: 0, jobs: 0 };
  let pending: { id: string; item: IngestItem }[] = [];
  let jobs: { name: string; data: CodeJob; singletonKey: string; expireInSeconds: number }[] = [];
  const seen = new Set<string>();
  // 1, 2, 4, … jobs per insert up to insertBatch: waiting workers get the first chunk as soon as it
  // is read, and later inserts still take few round trips.
  let batch = 1;

  const flushJobs = async () => {
    if (!jobs.length) return;
    await boss.insert(jobs);
    p.jobs += jobs.length;
    jobs = [];
    batch = Math.min(insertBatch, batch * 2);
    o.onProgress?.({ ...p });
  };
  const flushChunk = async () => {
    if (!pending.length) return;
    const known = store ? await store.hasArticles(pending.map((x) => x.id)) : new Set<string>();
    const fresh = pending.filter((x) => !known.has(x.id));
    p.skipped += pending.length - fresh.length;
    pending = [];
    if (fresh.length) {
      jobs.push({
        name: QUEUE.code,
        data: {
          articles: fresh.map((x) => x.item.input),
          origins: fresh.map((x) => x.item.origin),
          ...(o.merge === false ? { merge: false } : {}),
        },
        singletonKey: chunkKey(fresh.map((x) => x.id)),
        expireInSeconds: codeExpireSeconds(fresh.length),
      });
      p.queued += fresh.length;
    }
    if (jobs.length >= batch) await flushJobs();
  };

  for await (const r of readArchives(paths)) {
    if (!r.ok) {
      p.failed++;
      o.onError?.(r.error);
      continue;
    }
    p.read++;
    let id: string;
    try {
      // The id createArticle would give (a hash of the text with white space folded, which is
      // unchanged by its normalisation), without the dateline parsing the worker does anyway.
      const text = r.value.input.text;
      if (typeof text !== 'string') throw new Error('article text is not a string');
      id = articleId(text);
    } catch (e) {
      p.failed++;
      o.onError?.({ origin: r.value.origin, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    // Ids seen in this run: a 1M-article backfill keeps ~1M short strings, well within memory.
    if (seen.has(id)) {
      p.skipped++;
      continue;
    }
    seen.add(id);
    pending.push({ id, item: r.value });
    if (pending.length >= chunk) await flushChunk();
  }
  await flushChunk();
  await flushJobs();
  return p;
}
