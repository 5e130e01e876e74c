/**
 * The HTTP API over a store: Hono with zod-validated requests, an OpenAPI 3 document generated from
 * the same schemas, problem-details errors (RFC 9457), cursor pagination, streamed exports.
 * `createApp(store)` returns the app; `app.fetch` serves it (see src/cli/commands/serve.ts).
 */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { CONTENT_TYPES, EXTENSIONS, type ExportFormat, exportChunks } from '../export/formats.js';
import { createArticle } from '../model/article.js';
import type { SitrepRecord } from '../model/types.js';
import type { EventQuery } from '../store/store.js';
import { type Store, StoreError } from '../store/store.js';
import { VERSION } from '../version.js';
import { createDesk, deskWarming } from './desk.js';
import { docsPage } from './docs.js';
import {
  AggregateQuery,
  AnyObject,
  ArticleBody,
  ArticleListQuery,
  DeletionsQuery,
  EventFilterQuery,
  ExportQuery,
  IdParam,
  MergeBody,
  PageOf,
  Problem,
  ReviewBody,
  SplitBody,
} from './schemas.js';

export interface AppOptions {
  /** Largest request body accepted (default 5 MB). */
  maxBodyBytes?: number;
  /** Codes a posted article (default: the standard pipeline, loaded on first use). */
  code?: (text: ReturnType<typeof createArticle>) => Promise<SitrepRecord> | SitrepRecord;
  /** Run the merge step after a posted article is stored (default false: `POST /merge` does it). */
  mergeOnPost?: boolean;
  /**
   * Warm the desk's map and timeline at start (default: for the first app over a database only —
   * server mode builds a second app, over the redacting store, on the same database).
   */
  warmDesk?: boolean;
  /** Serve repeated GETs from memory while the store is unchanged (default true; see ResponseCache). */
  cacheReads?: boolean;
}

/**
 * Turns of the event loop for requests that read the store: one such request starts per turn (its
 * synchronous SQLite work and the promise callbacks after it run before the next turn). libuv accepts
 * one new connection each time the loop polls; when each turn instead answered every request waiting
 * on the open connections (200 busy clients: ~0.3-0.5 s a turn), new connections waited 10-20 s in
 * the kernel's accept queue (`ss -ltn`: 121 waiting, drained ~4 a second) and clients timed out. A
 * bare Node server that spends 2.5 ms on each request shows the same; giving each request its own
 * turn, all 200 connections were accepted in the first 2 s, with no timeouts and the same requests a
 * second. Answers from the read cache do not wait.
 */
export function loopTurns(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  let head = 0;
  let scheduled = false;
  const step = () => {
    scheduled = false;
    if (head < waiting.length) waiting[head++]();
    if (head === waiting.length) {
      waiting.length = 0;
      head = 0;
    } else {
      scheduled = true;
      setImmediate(step);
    }
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!scheduled) {
        scheduled = true;
        setImmediate(step);
      }
    });
}

/**
 * Answers to GET requests, kept while the store's write version holds (any write, by this process or
 * another, drops them all): a read-heavy API serves a repeated query from memory instead of SQL,
 * row decoding and JSON. Bounded in bytes; least recently used go first. Off when the store has no
 * write version (PostgreSQL).
 */
export class ResponseCache {
  private entries = new Map<string, { body: string; type: string }>();
  private version: string | null = null;
  private bytes = 0;
  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly maxEntryBytes = 1024 * 1024,
  ) {}

  /** The entries valid at `version` (clears the rest). */
  private at(version: string) {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
    return this.entries;
  }

  get(key: string, version: string) {
    const entries = this.at(version);
    const e = entries.get(key);
    if (e) {
      entries.delete(key);
      entries.set(key, e); // most recently used last
    }
    return e;
  }

  /** Keep an answer computed at `version` (dropped when the store has moved on meanwhile). */
  set(key: string, version: string, body: string, type: string): void {
    if (body.length > this.maxEntryBytes || version !== this.version) return;
    const entries = this.entries;
    const old = entries.get(key);
    if (old) this.bytes -= old.body.length;
    entries.set(key, { body, type });
    this.bytes += body.length;
    for (const [k, e] of entries) {
      if (this.bytes <= this.maxBytes) break;
      entries.delete(k);
      this.bytes -= e.body.length;
    }
  }
}

/** A cache key for a request: its path and its query parameters in a canonical order. */
function cacheKey(url: string): string {
  const u = new URL(url);
  u.searchParams.sort();
  return `${u.pathname}?${u.searchParams}`;
}

/** Databases whose desk has been warmed by an app in this process. */
const deskWarmed = new WeakSet<object>();

const PROBLEM_TYPE = 'about:blank';

export function problem(c: Context, status: number, title: string, detail?: string): Response {
  return c.body(
    JSON.stringify({ type: PROBLEM_TYPE, title, status, ...(detail ? { detail } : {}) }),
    status as 400,
    {
      'content-type': 'application/problem+json',
    },
  );
}

const problemResponses = {
  400: { description: 'Bad request', content: { 'application/problem+json': { schema: Problem } } },
  404: { description: 'Not found', content: { 'application/problem+json': { schema: Problem } } },
};

type EventFilters = z.infer<typeof EventFilterQuery>;

function toEventQuery(q: Partial<EventFilters>): EventQuery {
  const out: EventQuery = {};
  if (q.from) out.from = q.from;
  if (q.to) out.to = q.to;
  if (q.from && q.to && q.from > q.to) throw new StoreError('from is after to');
  if (q.bbox) {
    const [w, s, e, n] = q.bbox.split(',').map(Number);
    if (w < -180 || e > 180 || w > 180 || e < -180 || s < -90 || n > 90 || s > n) {
      throw new StoreError(
        'bbox: expected west,south,east,north with -180 ≤ lon ≤ 180, -90 ≤ south ≤ north ≤ 90',
      );
    }
    out.bbox = [w, s, e, n];
  }
  if (q.country) out.country = q.country.toUpperCase();
  if (q.admin1) out.admin1 = q.admin1;
  if (q.type) out.type = q.type.split(',').map((s) => s.trim()) as EventQuery['type'];
  if (q.actor) out.actor = q.actor;
  if (q.source) out.source = q.source;
  if (q.factuality) out.factuality = q.factuality.split(',').map((s) => s.trim()) as EventQuery['factuality'];
  if (q.precision) out.precision = q.precision.split(',').map((s) => s.trim()) as EventQuery['precision'];
  if (q.min_sources) out.minSources = q.min_sources;
  if (q.q) out.q = q.q;
  if (q.updated_since) out.updatedSince = q.updated_since;
  if (q.reviewed) out.reviewed = q.reviewed === 'true';
  if (q.limit) out.limit = q.limit;
  if (q.cursor) out.cursor = q.cursor;
  return out;
}

/**
 * Read and discard an oversized body (up to 64 MB) before answering 413: clients that are still
 * uploading then get the answer instead of a reset connection. Larger uploads are cut off.
 */
async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body) return;
  let n = 0;
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      n += chunk.byteLength;
      if (n > 64 * 1024 * 1024) break;
    }
  } catch {
    // the client went away
  }
}

function streamResponse(chunks: AsyncGenerator<string>, headers: Record<string, string>): Response {
  const enc = new TextEncoder();
  // Pull-based: the next page is read from the store only when the client has taken the last one.
  const body = new ReadableStream<Uint8Array>({
    async pull(ctrl) {
      try {
        const { value, done } = await chunks.next();
        if (done) ctrl.close();
        else ctrl.enqueue(enc.encode(value));
      } catch (e) {
        ctrl.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, { headers });
}

export function createApp(store: Store, options: AppOptions = {}) {
  const maxBody = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
          .join('; ');
        return problem(c, 400, 'Invalid request', issues);
      }
    },
  });

  app.onError((err, c) => {
    if (err instanceof StoreError)
      return problem(
        c,
        /^no (incident|article|event)/.test(err.message) ? 404 : 400,
        'Bad request',
        err.message,
      );
    if (err instanceof HTTPException) {
      const status = err.status;
      return problem(c, status, status === 413 ? 'Payload too large' : 'Bad request', err.message);
    }
    console.error(`sitrep serve: ${err instanceof Error ? err.message : String(err)}`);
    return problem(c, 500, 'Internal error');
  });
  app.notFound((c) => problem(c, 404, 'Not found', `no route ${c.req.method} ${c.req.path}`));

  const limitBody = bodyLimit({
    maxSize: maxBody,
    onError: async (c) => {
      await drain(c.req.raw.body);
      return problem(c, 413, 'Payload too large', `request bodies are limited to ${maxBody} bytes`);
    },
  });
  // GET and HEAD carry no body: asking for one would build a full WHATWG Request (headers, abort
  // signal) for nothing, a sixth of a cached read's cost.
  app.use('*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );

  // Who made a change, for the audit log (accounts and tokens come with server mode, issue 9).
  const actorOf = (c: Context) => {
    const h = c.req.header('x-sitrep-actor');
    return h && /^[\w:.@-]{1,100}$/.test(h) ? `api:${h}` : 'api';
  };

  const cache = new ResponseCache();
  const turn = loopTurns();
  /** A 200 answer of JSON text, kept by the read cache when the request passed through it. */
  const cacheSlots = new WeakMap<Context, { key: string; version: string }>();
  const jsonText = (c: Context, body: string) => {
    const slot = cacheSlots.get(c);
    if (slot) cache.set(slot.key, slot.version, body, 'application/json');
    return c.body(body, 200, { 'content-type': 'application/json' });
  };
  const cachedReads = async (c: Context, next: () => Promise<void>) => {
    const cacheable = c.req.method === 'GET' && options.cacheReads !== false;
    let version = cacheable ? store.writeVersion() : null;
    if (version === null) {
      await turn();
      return next();
    }
    const key = cacheKey(c.req.url);
    let hit = cache.get(key, version);
    if (hit) return c.body(hit.body, 200, { 'content-type': hit.type, 'x-cache': 'hit' });
    // A read of the store waits for its turn; meanwhile the store may have changed, or a request for
    // the same answer filled the cache.
    await turn();
    version = store.writeVersion();
    if (version === null) return next();
    hit = cache.get(key, version);
    if (hit) return c.body(hit.body, 200, { 'content-type': hit.type, 'x-cache': 'hit' });
    // The answer is kept as the handler's JSON text when it makes it: c.json is wrapped for this
    // request. (Reading it back from the finished Response instead built a WHATWG Response and stream
    // to recover a string the handler had a moment before: 18% of the instructions of an uncached
    // /events or /aggregates request over the 1M-event store of `npm run bench -- api-load`.)
    cacheSlots.set(c, { key, version });
    const json = c.json;
    c.json = ((object: unknown, arg?: unknown, headers?: unknown) => {
      if ((arg !== undefined && arg !== 200) || headers !== undefined)
        return (json as (...a: unknown[]) => Response)(object, arg, headers);
      return jsonText(c, JSON.stringify(object));
    }) as typeof c.json;
    await next();
  };
  for (const path of ['/events', '/incidents', '/articles']) {
    app.use(path, cachedReads);
    app.use(`${path}/*`, cachedReads);
  }
  app.use('/aggregates', cachedReads);

  app.get('/health', (c) =>
    c.json({ ok: true, version: VERSION, engine: store.engine, warming: deskWarming(store) }),
  );

  // ------------------------------------------------------------------ articles
  app.openapi(
    createRoute({
      method: 'get',
      path: '/articles',
      tags: ['articles'],
      summary: 'List articles (newest first, or by update time with updated_since)',
      request: { query: ArticleListQuery },
      responses: {
        200: {
          description: 'A page of articles',
          content: { 'application/json': { schema: PageOf('Article') } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await store.listArticles({
        from: q.from,
        to: q.to,
        source: q.source,
        q: q.q,
        updatedSince: q.updated_since,
        limit: q.limit,
        cursor: q.cursor,
      });
      return c.json(page as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/articles/{id}',
      tags: ['articles'],
      summary: 'One article with its annotations (the full sitrep/1 record)',
      request: { params: IdParam },
      responses: {
        200: { description: 'The article', content: { 'application/json': { schema: AnyObject } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const [article, record] = await Promise.all([store.getArticle(id), store.getRecord(id)]);
      if (!article || !record) return problem(c, 404, 'Not found', `no article ${id}`) as never;
      const { text: _t, ...meta } = article;
      return c.json({ ...meta, record } as never, 200);
    },
  );

  let pipeline: ((a: ReturnType<typeof createArticle>) => Promise<SitrepRecord>) | null = null;
  const code = async (a: ReturnType<typeof createArticle>): Promise<SitrepRecord> => {
    if (options.code) return options.code(a);
    if (!pipeline) {
      const [{ createDefaultPipeline }, { toSitrepJson }] = await Promise.all([
        import('../pipeline/default.js'),
        import('../output/sitrep-json.js'),
      ]);
      const p = createDefaultPipeline();
      pipeline = async (x) => toSitrepJson(p.run(x));
    }
    return pipeline(a);
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/articles',
      tags: ['articles'],
      summary: 'Code and store an article',
      request: { body: { content: { 'application/json': { schema: ArticleBody } }, required: true } },
      responses: {
        201: { description: 'Stored', content: { 'application/json': { schema: AnyObject } } },
        200: {
          description: 'Already stored (same normalised text)',
          content: { 'application/json': { schema: AnyObject } },
        },
        413: { description: 'Body too large', content: { 'application/problem+json': { schema: Problem } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const article = createArticle({ ...body, publishedSource: 'field' });
      if (!article.text)
        return problem(c, 400, 'Invalid request', 'text: empty after normalisation') as never;
      const record = await code(article);
      const [res] = await store.putRecords([{ record, origin: 'api' }], 'api');
      if (options.mergeOnPost && res.status === 'inserted') {
        const { runMerge } = await import('../merge/index.js');
        await runMerge(store, 'api');
      }
      return c.json(
        { id: res.id, status: res.status, events: record.events.length, record } as never,
        res.status === 'inserted' ? 201 : 200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/articles/{id}',
      tags: ['articles'],
      summary: 'Delete an article with its spans, claims and events (recorded in the deletions feed)',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await store.deleteArticle(id, actorOf(c))))
        return problem(c, 404, 'Not found', `no article ${id}`) as never;
      return c.body(null, 204) as never;
    },
  );

  // ------------------------------------------------------------------ events
  app.openapi(
    createRoute({
      method: 'get',
      path: '/events',
      tags: ['events'],
      summary: 'Query events',
      request: { query: EventFilterQuery },
      responses: {
        200: {
          description: 'A page of events',
          content: { 'application/json': { schema: PageOf('Event') } },
        },
        ...problemResponses,
      },
    }),
    async (c) => jsonText(c, await store.queryEventsJson(toEventQuery(c.req.valid('query')))) as never,
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/events/{id}',
      tags: ['events'],
      summary: 'One event',
      request: { params: IdParam },
      responses: {
        200: { description: 'The event', content: { 'application/json': { schema: AnyObject } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const e = await store.getEvent(id);
      if (!e) return problem(c, 404, 'Not found', `no event ${id}`) as never;
      return c.json(e as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/events/{id}/review',
      tags: ['events'],
      summary: 'Mark an event reviewed (or not); written to the audit log',
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: ReviewBody } }, required: true },
      },
      responses: {
        200: { description: 'The event', content: { 'application/json': { schema: AnyObject } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { reviewed } = c.req.valid('json');
      if (!(await store.setEventReviewed(id, reviewed, actorOf(c))))
        return problem(c, 404, 'Not found', `no event ${id}`) as never;
      return c.json((await store.getEvent(id)) as never, 200);
    },
  );

  // ------------------------------------------------------------------ incidents
  app.openapi(
    createRoute({
      method: 'get',
      path: '/incidents',
      tags: ['incidents'],
      summary: 'Query incidents (events of several articles merged)',
      request: { query: EventFilterQuery.omit({ reviewed: true }) },
      responses: {
        200: {
          description: 'A page of incidents',
          content: { 'application/json': { schema: PageOf('Incident') } },
        },
        ...problemResponses,
      },
    }),
    async (c) => c.json((await store.queryIncidents(toEventQuery(c.req.valid('query')))) as never, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/incidents/{id}',
      tags: ['incidents'],
      summary: 'One incident with its events, values by source and merge audit',
      request: { params: IdParam },
      responses: {
        200: { description: 'The incident', content: { 'application/json': { schema: AnyObject } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const inc = await store.getIncident(id);
      if (!inc) return problem(c, 404, 'Not found', `no incident ${id}`) as never;
      return c.json(inc as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/incidents/{id}/split',
      tags: ['incidents'],
      summary: 'Move some events out of an incident into a new one (locks both)',
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: SplitBody } }, required: true },
      },
      responses: {
        200: { description: 'The new incident', content: { 'application/json': { schema: AnyObject } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json((await store.splitIncident(id, body.events, actorOf(c), body.reason)) as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/incidents/merge',
      tags: ['incidents'],
      summary: 'Merge incidents into the first one (locks it)',
      request: { body: { content: { 'application/json': { schema: MergeBody } }, required: true } },
      responses: {
        200: { description: 'The merged incident', content: { 'application/json': { schema: AnyObject } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json((await store.mergeIncidents(body.ids, actorOf(c), body.reason)) as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/merge',
      tags: ['incidents'],
      summary: 'Re-run near-duplicate clustering and incident merging over the store',
      responses: { 200: { description: 'Summary', content: { 'application/json': { schema: AnyObject } } } },
    }),
    async (c) => {
      const { runMerge } = await import('../merge/index.js');
      return c.json((await runMerge(store, actorOf(c))) as never, 200);
    },
  );

  // ------------------------------------------------------------------ aggregates, sync, export
  app.openapi(
    createRoute({
      method: 'get',
      path: '/aggregates',
      tags: ['events'],
      summary: 'Event counts by day or week, by type or country',
      request: { query: AggregateQuery },
      responses: {
        200: { description: 'Buckets', content: { 'application/json': { schema: AnyObject } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { interval, by, ...filters } = q;
      const rows = await store.aggregate({ ...toEventQuery(filters), interval, by });
      return c.json({ interval, by, buckets: rows } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/deletions',
      tags: ['sync'],
      summary: 'Articles, events and incidents deleted at or after `since`',
      request: { query: DeletionsQuery },
      responses: {
        200: { description: 'Deletions', content: { 'application/json': { schema: AnyObject } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ items: await store.deletions(q.since, q.limit) } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/export',
      tags: ['export'],
      summary: 'Export events (csv, geojson, acled) or records (jsonl), streamed',
      request: { query: ExportQuery },
      responses: { 200: { description: 'The export file' }, ...problemResponses },
    }),
    async (c) => {
      const { format, ...filters } = c.req.valid('query');
      const { limit: _l, cursor: _c, ...q } = toEventQuery(filters);
      const f = format as ExportFormat;
      return streamResponse(exportChunks(store, f, q), {
        'content-type': CONTENT_TYPES[f],
        'content-disposition': `attachment; filename="sitrep-events.${EXTENSIONS[f]}"`,
      }) as never;
    },
  );

  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'sitrep API',
      version: VERSION,
      description:
        'Articles, events and incidents coded by sitrep, with their evidence. Errors are RFC 9457 problem details.',
    },
  });
  app.get('/docs', (c) =>
    c.html(
      docsPage(app.getOpenAPIDocument({ openapi: '3.0.3', info: { title: 'sitrep API', version: VERSION } })),
    ),
  );
  const warm = options.warmDesk ?? !deskWarmed.has(store.db);
  if (warm) deskWarmed.add(store.db);
  app.route('/', createDesk({ store, warm })); // the analyst's desk at /desk/ (issue 8)
  return app;
}
