/**
 * Feed polling (`sitrep watch`): each feed is fetched when due with conditional GET (ETag /
 * Last-Modified), one request at a time per host with a gap between them, and exponential backoff
 * after failures (a Retry-After header is honoured). State lives in the store, so a restarted
 * watcher carries on where it stopped.
 */
import { readFile } from 'node:fs/promises';
import type { FeedState, Store } from '../store/store.js';
import { fetchBytes, HostGate } from './fetch.js';
import { readFeedContent } from './read.js';
import { type IngestRunOptions, ingest } from './run.js';
import type { InputError } from './types.js';

export interface WatchOptions {
  /** Poll interval per feed (ms). */
  everyMs: number;
  /** Longest backoff after repeated failures (default 24 h). */
  maxBackoffMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  politenessMs?: number;
  workers?: number;
  onError?: (e: InputError) => void;
  onPoll?: (url: string, status: string, stored: number) => void;
  now?: () => number;
}

export interface PollSummary {
  polled: number;
  notModified: number;
  failed: number;
  stored: number;
}

/** Feed URLs from a list file: one per line, "#" comments and blank lines ignored. */
export async function readFeedList(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  const urls: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    if (!/^https?:\/\//i.test(line)) throw new Error(`${path}: not an http(s) URL: ${line}`);
    urls.push(line);
  }
  return [...new Set(urls)];
}

/** Parse "15m", "1h", "30s", "2d" into milliseconds. */
export function parseInterval(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/i.exec(s.trim());
  if (!m) return null;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
    m[2].toLowerCase() as 's' | 'm' | 'h' | 'd'
  ];
  const ms = Number(m[1]) * unit;
  return ms >= 1000 ? ms : null;
}

/** Poll every feed that is due, once. */
export async function pollFeeds(store: Store, urls: string[], o: WatchOptions): Promise<PollSummary> {
  const now = o.now ?? Date.now;
  const gate = new HostGate(o.politenessMs ?? 1000);
  const sum: PollSummary = { polled: 0, notModified: 0, failed: 0, stored: 0 };
  for (const url of urls) {
    const prev = await store.getFeedState(url);
    if (prev && Date.parse(prev.nextAt) > now()) continue;
    sum.polled++;
    await gate.wait(url);
    const res = await fetchBytes(url, {
      timeoutMs: o.timeoutMs ?? 20_000,
      maxBytes: o.maxBytes ?? 20 * 1024 * 1024,
      etag: prev?.etag,
      lastModified: prev?.lastModified,
    });
    const state: FeedState = prev ?? {
      url,
      etag: null,
      lastModified: null,
      lastStatus: '',
      failures: 0,
      nextAt: '',
      polledAt: null,
      articles: 0,
    };
    state.polledAt = new Date(now()).toISOString();
    let stored = 0;
    if (!res.ok) {
      sum.failed++;
      state.failures++;
      state.lastStatus = res.message;
      const backoff = Math.min(o.maxBackoffMs ?? 86_400_000, o.everyMs * 2 ** Math.min(state.failures, 10));
      state.nextAt = new Date(now() + Math.max(backoff, res.retryAfterMs ?? 0)).toISOString();
      o.onError?.({
        origin: url,
        message: `${res.message} (retry after ${Math.round(backoff / 60_000)} min)`,
      });
    } else {
      state.failures = 0;
      state.nextAt = new Date(now() + o.everyMs).toISOString();
      state.etag = res.etag ?? state.etag;
      state.lastModified = res.lastModified ?? state.lastModified;
      if (res.notModified) {
        sum.notModified++;
        state.lastStatus = 'not modified';
      } else {
        const opts: IngestRunOptions = {
          workers: o.workers ?? 0,
          collectIds: false,
          onError: o.onError,
          read: { knownUrls: (u) => store.hasUrls(u), gate, timeoutMs: o.timeoutMs },
        };
        const s = await ingest(store, readFeedContent(res.bytes, url, res.contentType, opts.read), opts);
        stored = s.inserted;
        state.articles += s.inserted;
        state.lastStatus = s.failed ? `ok, ${s.failed} items failed` : 'ok';
        sum.stored += s.inserted;
      }
    }
    await store.setFeedState(state);
    o.onPoll?.(url, state.lastStatus, stored);
  }
  return sum;
}
