/**
 * The job kinds sitrep workers run, and their queue settings. One PostgreSQL database holds the
 * queue (pg-boss, schema `pgboss`) beside the store; every worker on every host polls the same
 * queues, so adding a host is starting `sitrep worker` there.
 */
import type { ArticleInput } from '../model/article.js';

export const QUEUE = {
  fetchFeed: 'sitrep-fetch-feed',
  fetchPage: 'sitrep-fetch-page',
  code: 'sitrep-code',
  merge: 'sitrep-merge',
  export: 'sitrep-export',
} as const;

export type JobKind = keyof typeof QUEUE;
export const JOB_KINDS = Object.keys(QUEUE) as JobKind[];
export const QUEUE_NAMES: string[] = Object.values(QUEUE);

export function kindOfQueue(name: string): JobKind | null {
  for (const k of JOB_KINDS) if (QUEUE[k] === name) return k;
  return null;
}

/** Attempts before a job is parked in state `failed` with its last error (1 try + retries). */
export const DEFAULT_ATTEMPTS = 5;

export interface QueueSettings {
  /**
   * `short`: at most one queued job per singleton key (dedup by key);
   * `stately`: one queued and one running per key (a merge asked for while one runs is kept, once).
   */
  policy: 'short' | 'stately' | 'standard';
  retryLimit: number;
  /** First retry delay in seconds; doubles each attempt (with jitter). */
  retryDelay: number;
  /**
   * A job running longer than this is failed and retried: this is how the job of a killed worker
   * (kill -9, lost host) comes back, at the next maintenance pass after it expires.
   */
  expireInSeconds: number;
}

const common = {
  retryLimit: DEFAULT_ATTEMPTS - 1,
  retryDelay: 2,
};

/**
 * Expiry of a code job of `articles` articles: the time after which a job whose worker died (kill -9,
 * lost host) is failed and retried. An article codes and stores in ~10 ms on one core (~100 ms on a
 * machine loaded 10× over), so 15 s plus half a second per article is over 10× the worst duration
 * seen, while a 32-article chunk of a dead worker comes back in about half a minute, not two. If a
 * live job ever outlives it, the retry only repeats work: articles are stored once by content hash.
 */
export function codeExpireSeconds(articles: number): number {
  return Math.ceil(15 + 0.5 * Math.max(1, articles));
}

export const SETTINGS: Record<JobKind, QueueSettings> = {
  fetchFeed: { ...common, policy: 'short', expireInSeconds: 120 },
  fetchPage: { ...common, policy: 'short', expireInSeconds: 120 },
  // Code jobs carry their own expiry sized to their chunk (codeExpireSeconds); this is the fallback.
  code: { ...common, policy: 'short', expireInSeconds: 60 },
  merge: { ...common, policy: 'stately', expireInSeconds: 3600 },
  export: { ...common, policy: 'standard', expireInSeconds: 3600 },
};

/** A chunk of articles to code and store (backfill, feeds with full content). */
export interface CodeJob {
  articles: ArticleInput[];
  /** Provenance of each article ("dump.jsonl:12", a URL). */
  origins: string[];
  feed?: string;
  /** Request an incident merge after storing (default true). */
  merge?: boolean;
}

export interface FetchFeedJob {
  url: string;
  /** Fetch the page of an item whose own content is shorter than this many characters. */
  fetchPagesBelow?: number;
  timeoutMs?: number;
}

export interface FetchPageJob {
  url: string;
  feed?: string;
  /** The feed item's own article input, used when the page cannot be extracted. */
  fallback?: ArticleInput;
  timeoutMs?: number;
}

export interface MergeJob {
  reason?: string;
}

export interface ExportJob {
  format: 'jsonl' | 'csv' | 'geojson' | 'acled';
  /** File the worker writes (on the worker's host). */
  path: string;
  /** Only records updated since (ISO time). */
  updatedSince?: string;
  /** Redacted for publication: sensitive fields withheld (as `sitrep export --public`). */
  public?: boolean;
}

export interface JobPayload {
  fetchFeed: FetchFeedJob;
  fetchPage: FetchPageJob;
  code: CodeJob;
  merge: MergeJob;
  export: ExportJob;
}
