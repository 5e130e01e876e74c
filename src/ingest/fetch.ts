/**
 * HTTP for feeds and pages: timeouts, a size cap read as the body streams in, conditional GET
 * (ETag / Last-Modified) and a minimum gap between requests to one host. Errors are values.
 */
import { VERSION } from '../version.js';

export const USER_AGENT = `sitrep/${VERSION} (+https://github.com/sitrep)`;

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchResult =
  | {
      ok: true;
      status: number;
      notModified: boolean;
      url: string;
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { ok: false; message: string; status?: number; retryAfterMs?: number };

export async function fetchBytes(url: string, o: FetchOptions): Promise<FetchResult> {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml, text/html, */*;q=0.5',
  };
  if (o.etag) headers['if-none-match'] = o.etag;
  if (o.lastModified) headers['if-modified-since'] = o.lastModified;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), o.timeoutMs);
  try {
    const res = await fetch(url, { headers, signal: ctrl.signal, redirect: 'follow' });
    if (res.status === 304) {
      await res.body?.cancel();
      return {
        ok: true,
        status: 304,
        notModified: true,
        url: res.url || url,
        bytes: new Uint8Array(),
        contentType: null,
        etag: o.etag ?? null,
        lastModified: o.lastModified ?? null,
      };
    }
    if (!res.ok) {
      await res.body?.cancel();
      const ra = Number(res.headers.get('retry-after'));
      return {
        ok: false,
        status: res.status,
        message: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
        ...(Number.isFinite(ra) && ra > 0 ? { retryAfterMs: ra * 1000 } : {}),
      };
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > o.maxBytes) {
      await res.body?.cancel();
      return { ok: false, message: `response larger than ${mb(o.maxBytes)}` };
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > o.maxBytes) {
          ctrl.abort();
          return { ok: false, message: `response larger than ${mb(o.maxBytes)}` };
        }
        parts.push(chunk);
      }
    }
    return {
      ok: true,
      status: res.status,
      notModified: false,
      url: res.url || url,
      bytes: Buffer.concat(parts),
      contentType: res.headers.get('content-type'),
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
    };
  } catch (e) {
    if (ctrl.signal.aborted)
      return { ok: false, message: `timed out after ${Math.round(o.timeoutMs / 1000)} s` };
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return {
      ok: false,
      message: cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e)),
    };
  } finally {
    clearTimeout(timer);
  }
}

export function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Keeps a minimum gap between requests to the same host. */
export class HostGate {
  private last = new Map<string, number>();
  constructor(private readonly gapMs: number) {}

  async wait(url: string): Promise<void> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return;
    }
    const now = Date.now();
    const next = (this.last.get(host) ?? 0) + this.gapMs;
    this.last.set(host, Math.max(now, next));
    if (next > now) await new Promise((r) => setTimeout(r, next - now));
  }
}
