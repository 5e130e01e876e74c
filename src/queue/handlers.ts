/**
 * What each job does. Handlers are idempotent: an article is stored once however often its job
 * runs (the store keys articles by content hash and skips ids it has), so a retried or duplicated
 * job costs time, never data.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import { redactingStore } from '../api/sensitive.js';
import { type ExportFormat, exportChunks } from '../export/formats.js';
import { codeArticles } from '../ingest/coder.js';
import { decodeBytes } from '../ingest/decode.js';
import { parseFeedText } from '../ingest/feed.js';
import { fetchBytes } from '../ingest/fetch.js';
import { extractHtml } from '../ingest/html.js';
import { runMerge } from '../merge/index.js';
import { createArticle } from '../model/article.js';
import type { Article } from '../model/types.js';
import type { Actor, PutRecord, Store } from '../store/store.js';
import { type CodeJob, type ExportJob, type FetchFeedJob, type FetchPageJob, QUEUE } from './names.js';

export interface HandlerContext {
  store: Store;
  boss: PgBoss;
  actor: Actor;
  /** Largest feed or page fetched, in bytes. */
  maxBytes?: number;
}

export interface CodeOutput {
  inserted: number;
  duplicates: number;
  failed: number;
  errors?: string[];
  /** Where the job's time went (ms): coding (CPU-bound), storing (mostly waiting on PostgreSQL), and the process CPU over the whole job. */
  ms?: { code: number; store: number; cpu: number };
}

/** Articles per code job: small enough that a retry is cheap, large enough that queue overhead is noise. */
export const CODE_CHUNK = 32;

/** The singleton key of a code job: its articles, so the same chunk queued twice is queued once. */
export function chunkKey(ids: string[]): string {
  return `code:${createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 32)}`;
}

export async function handleCode(ctx: HandlerContext, job: CodeJob): Promise<CodeOutput> {
  if (!job || !Array.isArray(job.articles)) throw new Error('code job without articles');
  const cpu0 = process.cpuUsage();
  const out: CodeOutput = { inserted: 0, duplicates: 0, failed: 0 };
  const errors: string[] = [];
  const articles: { article: Article; origin: string }[] = [];
  job.articles.forEach((input, i) => {
    const origin = job.origins?.[i] ?? 'queue';
    try {
      const article = createArticle(input);
      if (!article.text) throw new Error('no article text');
      articles.push({ article, origin });
    } catch (e) {
      out.failed++;
      errors.push(`${origin}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  const known = await ctx.store.hasArticles(articles.map((a) => a.article.id));
  const seen = new Set<string>();
  const todo = articles.filter((a) => {
    if (known.has(a.article.id) || seen.has(a.article.id)) {
      out.duplicates++;
      return false;
    }
    seen.add(a.article.id);
    return true;
  });
  const t0 = performance.now();
  const coded = codeArticles(todo.map((t) => t.article));
  const t1 = performance.now();
  const puts: PutRecord[] = [];
  coded.forEach((r, i) => {
    if (r.ok)
      puts.push({ record: r.record, origin: todo[i].origin, ...(job.feed ? { feed: job.feed } : {}) });
    else {
      out.failed++;
      errors.push(`${todo[i].origin}: ${r.message}`);
    }
  });
  for (const r of await ctx.store.putRecords(puts, ctx.actor)) {
    if (r.status === 'inserted') out.inserted++;
    else out.duplicates++;
  }
  const t2 = performance.now();
  if (errors.length) out.errors = errors.slice(0, 10);
  const cpu = process.cpuUsage(cpu0);
  out.ms = {
    code: Math.round(t1 - t0),
    store: Math.round(t2 - t1),
    cpu: Math.round((cpu.user + cpu.system) / 1000),
  };
  if (out.inserted > 0 && job.merge !== false) await requestMerge(ctx.boss, 'new articles', MERGE_AFTER_S);
  return out;
}

/**
 * Seconds a merge asked for by new articles waits before it starts. A merge re-reads every event, so
 * during a backfill one merge per chunk would keep a worker merging all the time; with the wait, the
 * chunks stored meanwhile share one merge (at most one every MERGE_AFTER_S plus its own duration).
 */
export const MERGE_AFTER_S = 10;

/**
 * Ask for an incident merge, `afterSeconds` from now; while one is queued, asking again is a no-op
 * (stately queue: one queued and one running at most).
 */
export async function requestMerge(boss: PgBoss, reason: string, afterSeconds = 0): Promise<void> {
  await boss.send(
    QUEUE.merge,
    { reason },
    { singletonKey: 'incidents', ...(afterSeconds > 0 ? { startAfter: afterSeconds } : {}) },
  );
}

export async function handleFetchFeed(ctx: HandlerContext, job: FetchFeedJob) {
  const maxBytes = ctx.maxBytes ?? 20 * 1024 * 1024;
  const timeoutMs = job.timeoutMs ?? 20_000;
  const res = await fetchBytes(job.url, { timeoutMs, maxBytes });
  // A failed fetch throws, so the queue retries it with backoff and parks it after the last attempt.
  if (!res.ok) throw new Error(`${job.url}: ${res.message}`);
  const text = decodeBytes(res.bytes, res.contentType).text;
  let feed: ReturnType<typeof parseFeedText>;
  try {
    feed = parseFeedText(text);
  } catch (e) {
    throw new Error(`${job.url}: not a feed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const below = job.fetchPagesBelow ?? 500;
  const full: CodeJob = { articles: [], origins: [], feed: job.url };
  const pages: { url: string; fallback: FetchPageJob['fallback'] }[] = [];
  for (const item of feed.items) {
    if (item.link && item.input.text.length < below) pages.push({ url: item.link, fallback: item.input });
    else if (item.input.text.trim()) {
      full.articles.push(item.input);
      full.origins.push(item.link ?? job.url);
    }
  }
  const known = await ctx.store.hasUrls(pages.map((p) => p.url));
  const fresh = pages.filter((p) => !known.has(p.url));
  if (fresh.length) {
    await ctx.boss.insert(
      fresh.map((p) => ({
        name: QUEUE.fetchPage,
        data: { url: p.url, feed: job.url, fallback: p.fallback, timeoutMs } satisfies FetchPageJob,
        singletonKey: `page:${p.url}`,
      })),
    );
  }
  let coded: CodeOutput | null = null;
  if (full.articles.length) coded = await handleCode(ctx, full);
  return { items: feed.items.length, pages: fresh.length, ...(coded ?? {}) };
}

export async function handleFetchPage(ctx: HandlerContext, job: FetchPageJob) {
  const res = await fetchBytes(job.url, {
    timeoutMs: job.timeoutMs ?? 20_000,
    maxBytes: ctx.maxBytes ?? 20 * 1024 * 1024,
  });
  if (!res.ok) throw new Error(`${job.url}: ${res.message}`);
  const html = decodeBytes(res.bytes, res.contentType).text;
  const page = extractHtml(html, res.url);
  const input = page?.input ?? job.fallback;
  if (!input?.text?.trim()) throw new Error(`${job.url}: no article text found`);
  return handleCode(ctx, {
    articles: [{ ...input, url: input.url ?? job.url }],
    origins: [job.url],
    ...(job.feed ? { feed: job.feed } : {}),
  });
}

/** One advisory lock key for incident merging (any constant shared by all workers). */
export const MERGE_LOCK = 7_302_019;

/**
 * Merge incidents under a PostgreSQL advisory lock, so two workers never interleave their
 * read-compute-replace cycles. The lock is held on one pooled connection for the whole merge and is
 * released when that session ends, even if the worker is killed.
 */
export async function mergeLocked(store: Store, actor: Actor) {
  if (store.engine !== 'postgres') return runMerge(store, actor);
  return store.db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MERGE_LOCK})`.execute(conn);
    try {
      return await runMerge(store, actor);
    } finally {
      await sql`SELECT pg_advisory_unlock(${MERGE_LOCK})`.execute(conn);
    }
  });
}

export async function handleMerge(ctx: HandlerContext) {
  const s = await mergeLocked(ctx.store, ctx.actor);
  return { articles: s.articles, events: s.events, incidents: s.incidents };
}

export async function handleExport(ctx: HandlerContext, job: ExportJob) {
  if (!EXPORT_FORMATS.has(job.format)) throw new Error(`unknown export format ${String(job.format)}`);
  const out = createWriteStream(job.path);
  let bytes = 0;
  const q = job.updatedSince ? { updatedSince: job.updatedSince } : {};
  const source = job.public ? redactingStore(ctx.store) : ctx.store;
  for await (const chunk of exportChunks(source, job.format as ExportFormat, q)) {
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { format: job.format, path: job.path, chars: bytes, ...(job.public ? { public: true } : {}) };
}

const EXPORT_FORMATS = new Set(['jsonl', 'csv', 'geojson', 'acled']);
