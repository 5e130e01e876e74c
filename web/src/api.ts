/** Calls to the desk's API; the analyst's name goes with every write, for the audit log. */
export const API = '/desk/api';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function analyst(): string {
  try {
    return localStorage.getItem('sitrep.analyst') ?? '';
  } catch {
    return '';
  }
}

export function setAnalyst(name: string): void {
  try {
    localStorage.setItem('sitrep.analyst', name);
  } catch {
    /* private mode: the name lasts for this page only */
  }
}

async function handle<T>(res: Response): Promise<T> {
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    try {
      const p = await res.json();
      msg = [p.title, p.detail].filter(Boolean).join(': ') || msg;
    } catch {
      /* not a problem document */
    }
    throw new ApiError(res.status, msg);
  }
  return (await res.json()) as T;
}

function url(path: string, params?: URLSearchParams): string {
  const q = params?.toString();
  return `${API}${path}${q ? `?${q}` : ''}`;
}

/** Requests sent ahead of the code that will ask for them (see `prefetch`), by URL. */
const ahead = new Map<string, Promise<Response>>();

/**
 * Send a GET now that a view still loading its code will make: the first paint's requests then run
 * while the map and chart libraries download and start, and the view's own `get` of the same URL
 * takes this response (once) instead of asking again.
 */
export function prefetch(path: string, params?: URLSearchParams): void {
  const u = url(path, params);
  if (!ahead.has(u)) ahead.set(u, fetch(u));
}

/** Forget requests sent ahead that nothing took (the first paint is over; their answers may be stale). */
export function dropPrefetched(): void {
  ahead.clear();
}

export async function get<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const u = url(path, params);
  const early = ahead.get(u);
  if (early) {
    ahead.delete(u);
    const res = await early;
    // The caller gave up meanwhile (a newer request replaced this one): as fetch would have it.
    if (signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    return handle<T>(res);
  }
  return handle<T>(await fetch(u, { signal }));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const who = analyst();
  if (who) headers['x-sitrep-user'] = who;
  return handle<T>(await fetch(`${API}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }));
}
