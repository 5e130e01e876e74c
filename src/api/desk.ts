/**
 * The analyst's desk, served by `sitrep serve` from the same process as the API: the built
 * front end (static files from `build/web/`) under `/desk/`, and the routes the desk needs under
 * `/desk/api/`. Every response carries a strict Content-Security-Policy: scripts and styles only
 * from this origin, nothing inline, no plug-ins, no framing — so even if article text reached the
 * DOM as markup (it never does: the front end writes text nodes only), it could not run.
 *
 * Mounted by one line in the API's app factory: `app.route('/', createDesk({ store }))`.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { parseOrder } from '../desk/filters.js';
import { cached, deskStats, eventTable, mapMarks, timeline } from '../desk/query.js';
import type { Actor, Store } from '../store/store.js';
import { reviewRoutes } from './routes/review.js';

export const DESK_BASE = '/desk';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const HERE = dirname(fileURLToPath(import.meta.url));
/** Package root from src/api (tsx) or dist/src/api (built). */
function packageRoot(): string {
  for (let d = HERE, i = 0; i < 5; i++, d = dirname(d)) if (existsSync(join(d, 'package.json'))) return d;
  return join(HERE, '..', '..');
}
export const WEB_DIR = join(packageRoot(), 'build', 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

interface StaticFile {
  mtimeMs: number;
  size: number;
  body: Buffer<ArrayBuffer>;
  /** gzip of the body, made once on the first request that accepts it (text files only). */
  gzip?: Buffer<ArrayBuffer>;
  etag: string;
}

/**
 * Front-end files kept in memory once read (the build is a few hundred KB), re-read when the file on
 * disk changes (a rebuild while serving); text files also kept gzipped for clients that accept it.
 */
const files = new Map<string, StaticFile>();

async function staticFile(path: string, size: number, mtimeMs: number): Promise<StaticFile> {
  const known = files.get(path);
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known;
  const f: StaticFile = {
    mtimeMs,
    size,
    body: await readFile(path),
    etag: `"${size.toString(36)}-${Math.floor(mtimeMs).toString(36)}"`,
  };
  files.set(path, f);
  return f;
}

export interface DeskOptions {
  store: Store;
  /** Where the built front end lives (default `build/web` in the package). */
  webDir?: string;
  /** Who is acting, for the audit log. Default: `user:<name>` from the `x-sitrep-user` header, else "desk". */
  actor?: (c: Context) => Actor;
  /** Compute the unfiltered map and timeline in the background at start (default true). */
  warm?: boolean;
}

/** Databases whose desk answers are being computed at start (see `deskWarming`). */
const warming = new WeakSet<object>();

/**
 * Whether the desk is still computing its first answers at server start. Those are single long
 * reads (a GROUP BY over every event) that hold the event loop while they run: seconds at a million
 * events, so `/health` reports it and load tests wait for it.
 */
export function deskWarming(store: Store): boolean {
  return warming.has(store.db);
}

/** The desk's first paint asks for these; computing them at server start keeps that paint quick. */
async function warm(store: Store): Promise<void> {
  warming.add(store.db);
  try {
    const world: [number, number, number, number] = [-180, -85, 180, 85];
    await cached(store, `map|${JSON.stringify([{}, 2, world])}`, () => mapMarks(store, {}, 2, world));
    await cached(store, `timeline|${JSON.stringify({})}`, () => timeline(store, {}));
    await eventTable(store, {}, parseOrder(new URLSearchParams())); // keeps the unfiltered total
    await deskStats(store);
  } catch {
    // A store closed before warming finished (tests, quick CLI runs): nothing to keep.
  } finally {
    warming.delete(store.db);
  }
}

const USER = /^[\p{L}\p{N}._@-]{1,64}$/u;

export function defaultActor(c: Context): Actor {
  // Behind accounts (src/api/auth.ts) the server sets x-sitrep-actor from the session: it wins.
  const a = c.req.header('x-sitrep-actor');
  if (a && /^[\w:.@-]{1,100}$/.test(a)) return a;
  const u = c.req.header('x-sitrep-user');
  return u && USER.test(u) ? `user:${u}` : 'desk';
}

export function problem(c: Context, status: 400 | 404 | 413 | 415 | 500, title: string, detail?: string) {
  return c.json({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }, status, {
    'content-type': 'application/problem+json',
  });
}

export function createDesk(options: DeskOptions): Hono {
  const webDir = options.webDir ?? WEB_DIR;
  const actor = options.actor ?? defaultActor;
  const app = new Hono();
  if (options.warm !== false) void warm(options.store);

  app.use(`${DESK_BASE}/*`, async (c, next) => {
    await next();
    c.header('content-security-policy', CSP);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    c.header('x-frame-options', 'DENY');
    c.header('cross-origin-opener-policy', 'same-origin');
  });
  app.use(
    `${DESK_BASE}/api/*`,
    bodyLimit({
      maxSize: 3 * 1024 * 1024,
      onError: (c) => problem(c, 413, 'Request body too large', 'at most 3 MB'),
    }),
  );
  // Writes take JSON only: a cross-site HTML form cannot send it, so no CSRF through the browser.
  app.use(`${DESK_BASE}/api/*`, async (c, next) => {
    if (c.req.method === 'POST' && !(c.req.header('content-type') ?? '').startsWith('application/json'))
      return problem(c, 415, 'Unsupported media type', 'send application/json');
    await next();
  });

  app.route(`${DESK_BASE}/api`, reviewRoutes(options.store, actor));

  app.get('/', (c) => c.redirect(`${DESK_BASE}/`, 302));
  app.get(DESK_BASE, (c) => c.redirect(`${DESK_BASE}/`, 301));
  app.get(`${DESK_BASE}/*`, async (c) => {
    const rel = decodeURIComponent(c.req.path.slice(DESK_BASE.length + 1)) || 'index.html';
    const file = normalize(join(webDir, rel));
    if (!file.startsWith(webDir + sep)) return problem(c, 404, 'Not found');
    let path = file;
    let st = await stat(path).catch(() => null);
    // Client-side routes fall back to the app shell; missing assets stay 404.
    if (!st?.isFile()) {
      if (rel.startsWith('assets/') || extname(rel)) return problem(c, 404, 'Not found');
      path = join(webDir, 'index.html');
      st = await stat(path).catch(() => null);
      if (!st?.isFile())
        return problem(c, 404, 'Desk not built', 'run `npm run build` to build the front end into build/web');
    }
    const served = await staticFile(path, st.size, st.mtimeMs);
    const hashed = path.includes(`${sep}assets${sep}`);
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      // Hashed names change with their content: cached for good. The page itself is revalidated.
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: served.etag,
    };
    if (c.req.header('if-none-match') === served.etag) return c.body(null, 304, headers);
    if (COMPRESSIBLE.has(extname(path)) && served.size > 1024) {
      headers.vary = 'accept-encoding';
      if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
        served.gzip ??= gzipSync(served.body);
        return c.body(served.gzip, 200, { ...headers, 'content-encoding': 'gzip' });
      }
    }
    return c.body(served.body, 200, headers);
  });
  return app;
}
