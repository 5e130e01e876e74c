/**
 * The `Store` over Kysely: one implementation for both engines; the few engine-specific SQL bits
 * (full text, week buckets) branch on `engine`.
 */

import type BetterSqlite3 from 'better-sqlite3';
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import { signatureOrder } from '../merge/dedup.js';
import { sweepOrder } from '../merge/incidents.js';
import { unpackSignature } from '../merge/minhash.js';
import { incidentId, type MergeEvent, summariseIncident } from '../merge/summarise.js';
import type { SitrepRecord } from '../model/types.js';
import { boxCells, CELL_SQL, cellOf } from './event-cells.js';
import { daysBefore, raiseEventSpan, readEventSpan, SPAN_KEY, spanDays } from './event-span.js';
import {
  type ArticleRows,
  decodeCursor,
  encodeCursor,
  type IncidentRow,
  incidentToRow,
  MERGE_COLUMNS,
  normKey,
  recordToRows,
  rowToArticle,
  rowToEvent,
  rowToEventJson,
  rowToIncident,
  rowToSweepEvent,
  SPAN_LAYERS,
} from './rows.js';
import type { Database, EventsTable } from './schema.js';
import {
  type Actor,
  type AggregateQuery,
  type AggregateRow,
  type ArticleQuery,
  type ArticleSignature,
  type AuditEntry,
  type Deletion,
  type Engine,
  type EventQuery,
  type FeedState,
  type Incident,
  type IncidentBuilder,
  type IncidentQuery,
  type IncidentWrite,
  type Page,
  type PutRecord,
  type PutResult,
  type Store,
  type StoredArticle,
  type StoredEvent,
  StoreError,
  type SweepEvent,
} from './store.js';

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

/** The longest interval (days) among these articles' events. */
function longestSpan(rows: readonly ArticleRows[]): number {
  let max = 0;
  for (const r of rows)
    for (const e of r.events) {
      const d = spanDays(e.date_start, e.date_end);
      if (d > max) max = d;
    }
  return max;
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Rows per multi-row INSERT, keeping under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.floor(30000 / columns));
}

const LONE_SURROGATE_ESCAPE = /\\ud[89a-f]/i;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Rows per JSON.stringify call in jsonRows. */
const JSON_SLICE = 16;

/**
 * Rows as one JSON array in UTF-8, for a `$n::json` parameter of json_populate_recordset (pg sends
 * a Buffer in binary format, which json reads as its text). The array is stringified 16 rows at a
 * time and the slices written into one Buffer: JSON.stringify of a whole chunk's rows (megabytes)
 * returns a rope that pg's UTF-8 encoding first flattens into a fresh string of that size, which
 * cost about as much again as stringifying (measured ~0.4 ms an article). JSON.stringify writes a
 * lone surrogate as a \udXXXX escape, which PostgreSQL rejects; such strings become U+FFFD, as
 * node-postgres does when it sends a string as a parameter.
 */
function jsonRows(rows: readonly object[]): Buffer {
  const parts: string[] = [];
  let bytes = 2;
  for (let i = 0; i < rows.length; i += JSON_SLICE) {
    const slice = rows.slice(i, i + JSON_SLICE);
    let json = JSON.stringify(slice);
    if (LONE_SURROGATE_ESCAPE.test(json))
      json = JSON.stringify(slice, (_k, v) =>
        typeof v === 'string' ? v.replace(LONE_SURROGATE, '\ufffd') : v,
      );
    // each slice without its brackets; commas between them
    parts.push(json.slice(1, -1));
    bytes += Buffer.byteLength(parts[parts.length - 1]) + 1;
  }
  const buf = Buffer.allocUnsafe(bytes);
  let at = 0;
  buf[at++] = 0x5b; // [
  for (let k = 0; k < parts.length; k++) {
    if (k > 0) buf[at++] = 0x2c; // ,
    at += buf.write(parts[k], at);
  }
  buf[at++] = 0x5d; // ]
  return buf.subarray(0, at);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Words of a free-text query, quoted so no FTS operator syntax can get in. */
function ftsTerms(q: string): string[] {
  return (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

function clampLimit(n: number | undefined): number {
  if (n === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(n) || n < 1) throw new StoreError('limit must be a positive integer');
  return Math.min(n, MAX_LIMIT);
}

/**
 * Keyset pagination: every list is paged over (key, id) in one direction, and the cursor is the last
 * row's (key, id). Newest first by date, or oldest first by update time for `updated_since` sync.
 */
interface Keyset {
  key: 'date_start' | 'published_date' | 'updated_at';
  dir: 'asc' | 'desc';
}
type Cursor = [string, string];

function parseCursor(c: string | undefined): Cursor | null {
  if (!c) return null;
  const v = decodeCursor(c);
  if (v?.length !== 2 || typeof v[0] !== 'string' || typeof v[1] !== 'string')
    throw new StoreError('invalid cursor');
  return v as Cursor;
}

/**
 * Rows of one page in keyset order, after the cursor. The cursor test is `key <= k and (key < k or
 * id < i)` (descending; mirrored ascending): a range on the key that an index on (key, id) serves,
 * where a bare `key < k or (key = k and id < i)` sends planners to an OR plan and a sort.
 */
// biome-ignore lint/suspicious/noExplicitAny: any table, any selection
function keyset<QB extends SelectQueryBuilder<any, any, any>>(
  qb: QB,
  ks: Keyset,
  cur: Cursor | null,
  limit: number,
): QB {
  const key = sql.ref(ks.key);
  const id = sql.ref('id');
  let out = qb;
  if (cur) {
    const lt = sql.raw(ks.dir === 'desc' ? '<' : '>');
    const le = sql.raw(ks.dir === 'desc' ? '<=' : '>=');
    out = out.where(
      sql<SqlBool>`${key} ${le} ${cur[0]} and (${key} ${lt} ${cur[0]} or ${id} ${lt} ${cur[1]})`,
    ) as QB;
  }
  return out
    .orderBy(key, ks.dir)
    .orderBy(id, ks.dir)
    .limit(limit + 1) as QB;
}

/** The page (at most `limit` rows of the `limit + 1` fetched) and the cursor to the next one. */
function pageOf<R>(rows: R[], limit: number, ks: Keyset): { rows: R[]; next: string | null } {
  if (rows.length <= limit) return { rows, next: null };
  const page = rows.slice(0, limit);
  const last = page[limit - 1] as Record<string, unknown>;
  return { rows: page, next: encodeCursor([String(last[ks.key]), String(last.id)]) };
}

const BY_UPDATE: Keyset = { key: 'updated_at', dir: 'asc' };
const EVENTS_BY_DATE: Keyset = { key: 'date_start', dir: 'desc' };

/**
 * A type list up to this long is queried as one ordered index range per type, merged (a list served
 * from the type index at once would be sorted whole); longer lists filter a scan in date order.
 */
const MAX_TYPE_BRANCHES = 4;

type EventEB = ExpressionBuilder<Database, 'events'>;
type IncidentEB = ExpressionBuilder<Database, 'incidents'>;

/**
 * A prepared insert bound by position: better-sqlite3 looks each named parameter up on the row
 * object, which cost ~1/3 more than positional arguments (measured on span rows, ~80 an article).
 */
class SqliteInsert {
  private readonly vals: unknown[];
  constructor(
    private readonly st: BetterSqlite3.Statement,
    private readonly cols: string[],
  ) {
    this.vals = new Array(cols.length);
  }

  run(row: object): BetterSqlite3.RunResult {
    const r = row as Record<string, unknown>;
    for (let i = 0; i < this.cols.length; i++) this.vals[i] = r[this.cols[i]];
    return this.st.run(...this.vals);
  }
}

const COUNTED = new Set(['from', 'to', 'country', 'type', 'interval', 'by', 'startFloor']);

type CountRow = { bucket: string; key: string | null; count: number | string };

/** Two sets of aggregate rows summed, in the order of an aggregate query (bucket, then key with null first). */
function sumRows(a: CountRow[], b: CountRow[]): CountRow[] {
  const out = new Map<string, CountRow>();
  for (const r of [...a, ...b]) {
    const id = `${r.bucket}\u0000${r.key ?? ''}`;
    const row = out.get(id);
    if (row) row.count = Number(row.count) + Number(r.count);
    else out.set(id, { bucket: r.bucket, key: r.key ?? null, count: Number(r.count) });
  }
  return [...out.values()].sort((x, y) =>
    x.bucket !== y.bucket
      ? x.bucket < y.bucket
        ? -1
        : 1
      : x.key === y.key
        ? 0
        : x.key === null
          ? -1
          : y.key === null
            ? 1
            : x.key < y.key
              ? -1
              : 1,
  );
}

/** Count one more row under `key`, whose column values are `values` (the count follows them). */
function tally(counts: Map<string, (string | number)[]>, key: string, ...values: (string | number)[]): void {
  const row = counts.get(key);
  if (row) (row[row.length - 1] as number)++;
  else counts.set(key, [...values, 1]);
}

/**
 * Whether event_counts (migration 0010) answers an aggregate: it holds dates, type and country, so
 * any other filter needs the events themselves. An allow-list, so a filter added to EventQuery
 * later falls back to the events table.
 */
function countsServe(q: AggregateQuery): boolean {
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || COUNTED.has(k)) continue;
    if (k === 'minSources' && (v as number) <= 1) continue;
    return false;
  }
  return true;
}

export class KyselyStore implements Store {
  constructor(
    readonly engine: Engine,
    readonly db: Kysely<Database>,
    private readonly onClose: () => Promise<void>,
    /** The SQLite connection under Kysely, for the ingest hot path (null on PostgreSQL). */
    private readonly raw: BetterSqlite3.Database | null = null,
  ) {}

  private now(): string {
    return new Date().toISOString();
  }

  // ---------------------------------------------------------------- writes

  async putRecords(records: PutRecord[], actor: Actor = 'cli'): Promise<PutResult[]> {
    if (records.length === 0) return [];
    const now = this.now();
    // Within one batch the first copy wins.
    const seen = new Set<string>();
    const rows: ArticleRows[] = [];
    for (const r of records) {
      const id = r.record.article.id;
      if (!seen.has(id)) {
        seen.add(id);
        rows.push(recordToRows(r, now));
      }
    }
    return this.writeRows(
      rows,
      records.map((r) => r.record.article.id),
      now,
      actor,
    );
  }

  async putRows(rows: ArticleRows[], actor: Actor = 'cli'): Promise<PutResult[]> {
    if (rows.length === 0) return [];
    const now = this.now();
    const seen = new Set<string>();
    const unique: ArticleRows[] = [];
    for (const r of rows) {
      if (seen.has(r.article.id)) continue;
      seen.add(r.article.id);
      r.article.ingested_at = now;
      r.article.updated_at = now;
      for (const e of r.events) e.updated_at = now;
      unique.push(r);
    }
    return this.writeRows(
      unique,
      rows.map((r) => r.article.id),
      now,
      actor,
    );
  }

  /** Write the rows of distinct articles; one result per id of `ids` (the batch as given, with repeats). */
  private async writeRows(
    rows: ArticleRows[],
    ids: string[],
    now: string,
    actor: Actor,
  ): Promise<PutResult[]> {
    const inserted = this.raw
      ? this.putRowsSqlite(rows, now, actor)
      : await this.putRowsKysely(rows, now, actor);
    const first = new Set<string>();
    return ids.map((id) => {
      const isFirst = !first.has(id);
      first.add(id);
      return { id, status: isFirst && inserted.has(id) ? 'inserted' : 'duplicate' };
    });
  }

  private sourceRows(fresh: ArticleRows[], now: string) {
    const sources = new Map<string, { id: string; name: string; kind: string; first_seen: string }>();
    for (const r of fresh) {
      const { outlet, credit } = r.article;
      if (outlet)
        sources.set(normKey(outlet), { id: normKey(outlet), name: outlet, kind: 'outlet', first_seen: now });
      if (credit)
        sources.set(normKey(credit), { id: normKey(credit), name: credit, kind: 'wire', first_seen: now });
    }
    return [...sources.values()];
  }

  private auditRows(fresh: ArticleRows[], now: string, actor: Actor) {
    return fresh.map((r) => ({
      at: now,
      actor,
      action: 'ingest',
      kind: 'article',
      target: r.article.id,
      detail: JSON.stringify({ origin: r.article.origin, events: r.events.length }),
    }));
  }

  /**
   * PostgreSQL: one transaction; articles, spans, claims and events each go in as one JSON array
   * parameter expanded by json_populate_recordset. Against multi-row VALUES with one parameter per
   * cell (~25,000 per chunk of 32 news articles) this halves PostgreSQL's CPU for parsing and binding
   * and the worker's for building the statement (measured on the worker benchmark's chunks).
   * Columns are matched by name; a column missing from the rows is inserted as NULL (not its DEFAULT),
   * so a column added later with a default must be written by recordToRows.
   */
  private async putRowsKysely(rows: ArticleRows[], now: string, actor: Actor): Promise<Set<string>> {
    return this.db.transaction().execute(async (trx) => {
      const done = new Set<string>();
      const articles = rows.map((r) => ({
        ...r.article,
        signature: `\\x${Buffer.from(r.article.signature).toString('hex')}`,
      }));
      const res = await sql<{ id: string }>`insert into articles
        select * from json_populate_recordset(null::articles, ${jsonRows(articles)}::json)
        on conflict (id) do nothing returning id`.execute(trx);
      for (const x of res.rows) done.add(x.id);
      const fresh = rows.filter((r) => done.has(r.article.id));
      const spans = fresh.flatMap((r) => r.spans);
      if (spans.length)
        await sql`insert into spans select * from json_populate_recordset(null::spans, ${jsonRows(spans)}::json)`.execute(
          trx,
        );
      const claims = fresh.flatMap((r) => r.claims);
      if (claims.length)
        await sql`insert into claims select * from json_populate_recordset(null::claims, ${jsonRows(claims)}::json)`.execute(
          trx,
        );
      const events = fresh.flatMap((r) => r.events);
      if (events.length)
        await sql`insert into events select * from json_populate_recordset(null::events, ${jsonRows(events)}::json)`.execute(
          trx,
        );
      await raiseEventSpan(trx, longestSpan(fresh));
      const sources = this.sourceRows(fresh, now);
      if (sources.length) {
        await trx
          .insertInto('sources')
          .values(sources)
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
      const audit = this.auditRows(fresh, now, actor);
      for (const part of chunks(audit, rowsPerInsert(6)))
        await trx.insertInto('audit_log').values(part).execute();
      return done;
    });
  }

  private stmts: Map<string, SqliteInsert> | null = null;
  private spanStmt: BetterSqlite3.Statement | null = null;
  private countStmt: BetterSqlite3.Statement | null = null;
  private cellCountStmt: BetterSqlite3.Statement | null = null;

  private insertStmt(table: string, row: object, conflict = ''): SqliteInsert {
    this.stmts ??= new Map();
    const key = `${table}${conflict}`;
    let ins = this.stmts.get(key);
    if (!ins) {
      const cols = Object.keys(row);
      const st = this.raw!.prepare(
        `insert into ${table} (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map(() => '?').join(', ')}) ${conflict}`,
      );
      ins = new SqliteInsert(st, cols);
      this.stmts.set(key, ins);
    }
    return ins;
  }

  /**
   * SQLite hot path: the same rows through cached prepared statements in one synchronous
   * transaction (no statement is re-prepared per batch; several times faster than multi-row SQL).
   */
  private putRowsSqlite(rows: ArticleRows[], now: string, actor: Actor): Set<string> {
    const raw = this.raw!;
    const done = new Set<string>();
    // one upsert per distinct key of the batch: the key's column values, then the count
    const counts = new Map<string, (string | number)[]>();
    const cellCounts = new Map<string, (string | number)[]>();
    raw.transaction(() => {
      for (const r of rows) {
        const a = { ...r.article, signature: Buffer.from(r.article.signature) };
        if (this.insertStmt('articles', a, 'on conflict(id) do nothing').run(a).changes !== 1) continue;
        done.add(a.id);
        for (const x of r.spans) this.insertStmt('spans', x).run(x);
        for (const x of r.claims) this.insertStmt('claims', x).run(x);
        for (const x of r.events) {
          this.insertStmt('events', x).run(x);
          const key = `${x.date_start}\u0000${x.date_end}\u0000${x.type}\u0000${x.country ?? ''}`;
          tally(counts, key, x.date_start, x.date_end, x.type, x.country ?? '');
          if (x.lat !== null && x.lon !== null) {
            const cell = cellOf(x.lat, x.lon);
            tally(cellCounts, `${cell}\u0000${key}`, cell, x.date_start, x.date_end, x.type, x.country ?? '');
          }
        }
      }
      // event_counts (migration 0010): one upsert per distinct key of the batch
      this.countStmt ??= raw.prepare(
        'insert into event_counts (date_start, date_end, type, country, n) values (?, ?, ?, ?, ?) on conflict do update set n = n + excluded.n',
      );
      for (const values of counts.values()) this.countStmt.run(...values);
      // event_cell_counts (migration 0011), likewise
      this.cellCountStmt ??= raw.prepare(
        'insert into event_cell_counts (cell, date_start, date_end, type, country, n) values (?, ?, ?, ?, ?, ?) on conflict do update set n = n + excluded.n',
      );
      for (const values of cellCounts.values()) this.cellCountStmt.run(...values);
      const fresh = rows.filter((r) => done.has(r.article.id));
      for (const x of this.sourceRows(fresh, now))
        this.insertStmt('sources', x, 'on conflict(id) do nothing').run(x);
      for (const x of this.auditRows(fresh, now, actor)) this.insertStmt('audit_log', x).run(x);
      const days = longestSpan(fresh);
      if (days > 0) {
        this.spanStmt ??= raw.prepare(
          `update store_meta set value = ? where key = '${SPAN_KEY}' and cast(value as integer) < ?`,
        );
        this.spanStmt.run(String(days), days);
      }
    })();
    return done;
  }

  async hasArticles(ids: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunks(ids, 500)) {
      if (!part.length) continue;
      const rows = await this.db.selectFrom('articles').select('id').where('id', 'in', part).execute();
      for (const r of rows) out.add(r.id);
    }
    return out;
  }

  async hasUrls(urls: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunks(urls, 500)) {
      if (!part.length) continue;
      const rows = await this.db.selectFrom('articles').select('url').where('url', 'in', part).execute();
      for (const r of rows) if (r.url) out.add(r.url);
    }
    return out;
  }

  async deleteArticle(id: string, actor: Actor = 'cli'): Promise<boolean> {
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const art = await trx.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst();
      if (!art) return false;
      const evs = await trx
        .selectFrom('events')
        .select(['id', 'incident_id'])
        .where('article_id', '=', id)
        .execute();
      await trx.deleteFrom('spans').where('article_id', '=', id).execute();
      await trx.deleteFrom('claims').where('article_id', '=', id).execute();
      await trx.deleteFrom('events').where('article_id', '=', id).execute();
      await trx.deleteFrom('articles').where('id', '=', id).execute();
      const dels = [
        { kind: 'article', id, deleted_at: now },
        ...evs.map((e) => ({ kind: 'event', id: e.id, deleted_at: now })),
      ];
      for (const part of chunks(dels, 5000)) await trx.insertInto('deletions').values(part).execute();
      const gone = new Set(evs.map((e) => e.id));
      const incIds = [...new Set(evs.map((e) => e.incident_id).filter((x): x is string => !!x))];
      for (const incId of incIds) await this.rebuildIncident(trx, incId, gone, now, null);
      await trx
        .insertInto('audit_log')
        .values({ at: now, actor, action: 'delete', kind: 'article', target: id, detail: null })
        .execute();
      return true;
    });
  }

  async setEventReviewed(id: string, reviewed: boolean, actor: Actor = 'cli'): Promise<boolean> {
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('events')
        .set({ reviewed: reviewed ? 1 : 0, updated_at: now })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return false;
      await trx
        .insertInto('audit_log')
        .values({
          at: now,
          actor,
          action: reviewed ? 'review' : 'unreview',
          kind: 'event',
          target: id,
          detail: null,
        })
        .execute();
      return true;
    });
  }

  // ---------------------------------------------------------------- articles

  private articleColumns = [
    'id',
    'url',
    'title',
    'outlet',
    'credit',
    'published',
    'published_date',
    'published_source',
    'language',
    'dateline',
    'text',
    'cluster',
    'source_key',
    'origin',
    'feed',
    'event_count',
    'ingested_at',
    'updated_at',
  ] as const;

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = await this.db
      .selectFrom('articles')
      .select(this.articleColumns)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? rowToArticle(row) : null;
  }

  async countArticles(): Promise<number> {
    const r = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  private ftsArticleIds(q: string) {
    const terms = ftsTerms(q);
    if (!terms.length) throw new StoreError('full-text query has no words');
    if (this.engine === 'sqlite') {
      const match = terms.map((t) => `"${t}"`).join(' ');
      return sql<string>`(select a.id from articles a join article_fts f on f.rowid = a.rowid where article_fts match ${match})`;
    }
    const tsq = terms.join(' & ');
    return sql<string>`(select a.id from articles a where to_tsvector('english', coalesce(a.title, '') || ' ' || a.text) @@ to_tsquery('english', ${tsq}))`;
  }

  async listArticles(q: ArticleQuery): Promise<Page<StoredArticle>> {
    const limit = clampLimit(q.limit);
    let qb = this.db.selectFrom('articles').select(this.articleColumns);
    if (q.from) qb = qb.where('published_date', '>=', q.from);
    if (q.to) qb = qb.where('published_date', '<=', q.to);
    if (q.source) {
      const s = normKey(q.source);
      qb = qb.where((eb) =>
        eb.or([eb(eb.fn('lower', ['outlet']), '=', s), eb(eb.fn('lower', ['credit']), '=', s)]),
      );
    }
    if (q.q) qb = qb.where('id', 'in', this.ftsArticleIds(q.q));
    if (q.updatedSince) qb = qb.where('updated_at', '>=', q.updatedSince);
    const ks: Keyset = q.updatedSince ? BY_UPDATE : { key: 'published_date', dir: 'desc' };
    const page = pageOf(await keyset(qb, ks, parseCursor(q.cursor), limit).execute(), limit, ks);
    return { items: page.rows.map(rowToArticle), next: page.next };
  }

  async getRecord(id: string): Promise<SitrepRecord | null> {
    const recs = await this.recordsFor([id]);
    return recs[0] ?? null;
  }

  private async recordsFor(ids: string[]): Promise<SitrepRecord[]> {
    if (!ids.length) return [];
    const arts = await this.db.selectFrom('articles').selectAll().where('id', 'in', ids).execute();
    const spans = await this.db
      .selectFrom('spans')
      .select(['article_id', 'layer', 'data'])
      .where('article_id', 'in', ids)
      .execute();
    const claims = await this.db
      .selectFrom('claims')
      .select(['article_id', 'data'])
      .where('article_id', 'in', ids)
      .execute();
    const events = await this.db
      .selectFrom('events')
      .select(['article_id', 'id', 'record'])
      .where('article_id', 'in', ids)
      .execute();
    const byId = new Map<string, SitrepRecord>();
    const eventOrder = new Map<string, string[]>();
    for (const a of arts) {
      const rest = JSON.parse(a.record);
      eventOrder.set(a.id, rest.eventOrder ?? []);
      const art = rowToArticle(a);
      byId.set(a.id, {
        schema: rest.schema,
        article: {
          id: art.id,
          title: art.title,
          url: art.url,
          outlet: art.outlet,
          credit: art.credit,
          dateline: art.dateline,
          published: art.published,
          publishedSource: art.publishedSource,
          language: art.language,
        },
        text: a.text,
        sentences: rest.sentences,
        mentions: [],
        entities: rest.entities,
        places: [],
        times: [],
        quantities: [],
        claims: [],
        events: [],
        meta: rest.meta,
      });
    }
    for (const s of spans) {
      const rec = byId.get(s.article_id);
      if (rec && (SPAN_LAYERS as readonly string[]).includes(s.layer)) {
        (rec as unknown as Record<string, unknown>)[s.layer] = JSON.parse(s.data);
      }
    }
    for (const c of claims) {
      const rec = byId.get(c.article_id);
      if (rec) rec.claims = JSON.parse(c.data);
    }
    // Events in their coded order: the local ids sort as coded ("e1", "e2", …) only by number.
    const evByArticle = new Map<string, { id: string; record: string }[]>();
    for (const e of events) {
      const l = evByArticle.get(e.article_id);
      if (l) l.push(e);
      else evByArticle.set(e.article_id, [e]);
    }
    for (const [aid, l] of evByArticle) {
      const rec = byId.get(aid);
      if (!rec) continue;
      const parsed = l.map((e) => JSON.parse(e.record));
      const order = new Map((eventOrder.get(aid) ?? []).map((id, i) => [id, i]));
      parsed.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      rec.events = parsed;
    }
    return ids.map((id) => byId.get(id)).filter((x): x is SitrepRecord => !!x);
  }

  async *streamRecords(q: ArticleQuery = {}): AsyncIterable<SitrepRecord> {
    let after = '';
    for (;;) {
      let qb = this.db.selectFrom('articles').select('id').where('id', '>', after);
      if (q.from) qb = qb.where('published_date', '>=', q.from);
      if (q.to) qb = qb.where('published_date', '<=', q.to);
      if (q.updatedSince) qb = qb.where('updated_at', '>=', q.updatedSince);
      if (q.q) qb = qb.where('id', 'in', this.ftsArticleIds(q.q));
      const ids = (await qb.orderBy('id').limit(200).execute()).map((r) => r.id);
      if (!ids.length) return;
      for (const r of await this.recordsFor(ids)) yield r;
      after = ids[ids.length - 1];
    }
  }

  // ---------------------------------------------------------------- events

  async getEvent(id: string): Promise<StoredEvent | null> {
    const row = await this.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToEvent(row) : null;
  }

  async countEvents(): Promise<number> {
    const r = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * The WHERE of an event query. `part` narrows it to one branch of a query run as a union (see
   * `queryEvents`): one type of a type list, or one side of the source test (outlet, else credit).
   */
  /**
   * The query with `startFloor`: the lowest date_start an event overlapping `from` can have, given
   * the longest event interval in the store (see event-span.ts). Bounds the date-ordered scan.
   */
  private spanAt: { version: string; days: number | null } | null = null;

  private async withStartFloor<Q extends Omit<EventQuery, 'limit' | 'cursor'>>(
    q: Q,
  ): Promise<Q & { startFloor?: string }> {
    if (!q.from) return q;
    // one read per store version (every request with a time filter asks)
    const version = this.writeVersion();
    let days: number | null;
    if (version !== null && this.spanAt?.version === version) days = this.spanAt.days;
    else {
      days = await readEventSpan(this.db);
      if (version !== null) this.spanAt = { version, days };
    }
    if (days === null) return q;
    const floor = daysBefore(q.from, days + 1);
    return floor ? { ...q, startFloor: floor } : q;
  }

  private eventFilter(
    q: Omit<EventQuery, 'limit' | 'cursor'> & { startFloor?: string },
    part: { type?: string; source?: 'outlet' | 'credit'; paged?: boolean } = {},
  ) {
    // A page is read in date order: on SQLite, unary + keeps some filters off their own index (see
    // below) so the planner walks the date order instead; counts and sub-selects need no order.
    const unindexed = this.engine === 'sqlite' && part.paged;
    return (eb: EventEB): Expression<SqlBool> => {
      const c: Expression<SqlBool>[] = [];
      if (q.from) c.push(eb.and([eb('date_end', '>=', q.from), eb('date_end', '!=', '')]));
      if (q.to) c.push(eb.and([eb('date_start', '<=', q.to), eb('date_start', '!=', '')]));
      if (q.startFloor) c.push(eb('date_start', '>=', q.startFloor));
      if (q.bbox) {
        // Tested on each row of the date-ordered scan (events_scan holds lat and lon): read through
        // a lat/lon index (desk_events_map), a wide box hands back a large share of the table to be
        // sorted (seconds at 1M events), while the scan's worst case, a box with almost nothing in
        // it, reads the index once.
        const [w, s, e, n] = q.bbox;
        const lat = unindexed ? sql<number>`+lat` : eb.ref('lat');
        const lon = unindexed ? sql<number>`+lon` : eb.ref('lon');
        c.push(eb(lat, '>=', s), eb(lat, '<=', n));
        if (w <= e) c.push(eb(lon, '>=', w), eb(lon, '<=', e));
        else c.push(eb.or([eb(lon, '>=', w), eb(lon, '<=', e)]));
      }
      if (q.country) c.push(eb('country', '=', q.country.toUpperCase()));
      if (q.admin1) c.push(eb('admin1', '=', q.admin1));
      if (part.type) c.push(eb('type', '=', part.type));
      else if (q.type?.length === 1) c.push(eb('type', '=', q.type[0]));
      // A longer list is checked row by row in date order (unary + keeps SQLite off the type index,
      // which would hand back every row of those types to be sorted).
      else if (q.type?.length) c.push(eb(unindexed ? sql<string>`+type` : eb.ref('type'), 'in', q.type));
      if (q.actor) {
        const pat = `%${escapeLike(normKey(q.actor))}%`;
        c.push(
          eb.or([
            eb('actors', 'like', sql<string>`${pat} escape '\\'`),
            eb('recipients', 'like', sql<string>`${pat} escape '\\'`),
          ]),
        );
      }
      if (q.source) {
        const s = normKey(q.source);
        const outlet = eb.fn<string>('lower', ['outlet']);
        const credit = eb.fn<string>('lower', ['credit']);
        if (part.source === 'outlet') c.push(eb(outlet, '=', s));
        // Events whose outlet matches too are the outlet branch's: the branches never overlap.
        else if (part.source === 'credit')
          c.push(eb(credit, '=', s), eb(eb.fn('coalesce', [outlet, sql.lit('')]), '!=', s));
        else c.push(eb.or([eb(outlet, '=', s), eb(credit, '=', s)]));
      }
      if (q.factuality?.length) c.push(eb('factuality', 'in', q.factuality));
      if (q.precision?.length) c.push(eb('precision', 'in', q.precision));
      if (q.minSources !== undefined && q.minSources > 1) c.push(eb('sources', '>=', q.minSources));
      if (q.q) c.push(eb('article_id', 'in', this.ftsArticleIds(q.q)));
      if (q.articleId) c.push(eb('article_id', '=', q.articleId));
      if (q.incidentId) c.push(eb('incident_id', '=', q.incidentId));
      if (q.reviewed !== undefined) c.push(eb('reviewed', '=', q.reviewed ? 1 : 0));
      if (q.updatedSince) c.push(eb('updated_at', '>=', q.updatedSince));
      return eb.and(c);
    };
  }

  /**
   * A page of events. Filters with an index that returns rows in page order (country, admin1, type,
   * source) read just one page of it. Two filters that are an OR — a short type list, outlet or
   * credit for a source — run as one ordered, limited query per alternative, merged by a UNION ALL
   * (at most a few pages of rows): read at once they would match a large share of the table that
   * then had to be sorted before the first page. Everything else filters a scan in date order,
   * on SQLite over a covering index (migration 0004) that holds the filter columns.
   */
  async queryEvents(query: EventQuery): Promise<Page<StoredEvent>> {
    const page = await this.eventPage(query);
    return { items: page.rows.map(rowToEvent), next: page.next };
  }

  async queryEventsJson(query: EventQuery): Promise<string> {
    const page = await this.eventPage(query);
    return `{"items":[${page.rows.map(rowToEventJson).join(',')}],"next":${JSON.stringify(page.next)}}`;
  }

  private async eventPage(query: EventQuery): Promise<{ rows: EventsTable[]; next: string | null }> {
    const q = await this.withStartFloor(query);
    const limit = clampLimit(q.limit);
    const ks = q.updatedSince ? BY_UPDATE : EVENTS_BY_DATE;
    const cur = parseCursor(q.cursor);
    const types =
      q.type && q.type.length > 1 && q.type.length <= MAX_TYPE_BRANCHES ? [...new Set(q.type)] : [undefined];
    const sides = q.source ? (['outlet', 'credit'] as const) : [undefined];
    const parts = types.flatMap((type) => sides.map((source) => ({ type, source })));
    const one = (part: (typeof parts)[number]) =>
      keyset(
        this.db
          .selectFrom('events')
          .selectAll()
          .where(this.eventFilter(q, { ...part, paged: true })),
        ks,
        cur,
        limit,
      );
    let rows: EventsTable[];
    if (parts.length === 1) rows = await one(parts[0]).execute();
    else {
      const branches = parts.map((p, i) => this.db.selectFrom(one(p).as(`b${i}`)).selectAll());
      let union = branches[0];
      for (const b of branches.slice(1)) union = union.unionAll(b);
      rows = await keyset(this.db.selectFrom(union.as('u')).selectAll(), ks, null, limit).execute();
    }
    return pageOf(rows, limit, ks);
  }

  async *streamEvents(q: Omit<EventQuery, 'limit' | 'cursor'>): AsyncIterable<StoredEvent> {
    let cursor: string | undefined;
    for (;;) {
      const page = await this.queryEvents({ ...q, limit: MAX_LIMIT, cursor });
      for (const e of page.items) yield e;
      if (!page.next) return;
      cursor = page.next;
    }
  }

  /**
   * Counts by day or week and by type or country. On SQLite, filters event_counts holds (time, type,
   * country) are answered from it (migration 0010); anything else counts the events.
   */
  async aggregate(query: AggregateQuery): Promise<AggregateRow[]> {
    const q = await this.withStartFloor(query);
    const bucket =
      q.interval === 'day'
        ? sql<string>`substr(date_start, 1, 10)`
        : this.engine === 'sqlite'
          ? sql<string>`date(substr(date_start, 1, 10), 'weekday 0', '-6 days')`
          : sql<string>`to_char(date_trunc('week', substr(date_start, 1, 10)::date), 'YYYY-MM-DD')`;
    // (event_counts keeps a missing country as '')
    const key =
      q.by === 'type'
        ? sql<string>`type`
        : q.by === 'country'
          ? sql<string>`nullif(country, '')`
          : sql<string>`null`;
    const groups = q.by === 'none' ? [bucket] : [bucket, key];
    const counted = (table: 'event_counts' | 'event_cell_counts', cells?: number[]) =>
      this.countsIn(q, table)
        .$if(cells !== undefined, (qb) => qb.where(sql<boolean>`cell in (${sql.raw(cells!.join(','))})`))
        .select([bucket.as('bucket'), key.as('key'), (eb) => eb.fn.sum<number>('n').as('count')])
        .groupBy(groups)
        .orderBy('bucket')
        .orderBy('key')
        .execute();
    const counting = (cells?: number[]) =>
      this.db
        .selectFrom('events')
        .select([bucket.as('bucket'), key.as('key'), (eb) => eb.fn.countAll<number>().as('count')])
        .where(this.eventFilter(q))
        .where('date_start', '!=', '')
        .$if(cells !== undefined, (qb) =>
          qb.where(sql<boolean>`(${sql.raw(CELL_SQL)}) in (${sql.raw(cells!.join(','))})`),
        )
        .groupBy(groups)
        .orderBy('bucket')
        .orderBy(sql`key asc nulls first`) // both engines alike (PostgreSQL puts nulls last)
        .execute();
    // A box on SQLite (migration 0011): the counts of the grid cells wholly inside it, plus the
    // events of the cells its edges cut, found by one seek of events_cell per cell.
    const cells = this.engine === 'sqlite' && q.bbox ? boxCells(q.bbox) : null;
    let rows: CountRow[];
    if (cells && countsServe({ ...q, bbox: undefined })) {
      const inner = cells.inner.length ? await counted('event_cell_counts', cells.inner) : [];
      const edge = cells.edge.length ? await counting(cells.edge) : [];
      rows = sumRows(inner, edge);
    } else if (this.engine === 'sqlite' && countsServe(q)) rows = await counted('event_counts');
    else rows = await counting(cells?.inner.concat(cells.edge));
    return rows.map((r) => ({ bucket: r.bucket, key: r.key ?? null, count: Number(r.count) }));
  }

  /** The event_counts rows an aggregate reads: eventFilter's time, type and country tests. */
  private countsIn(q: AggregateQuery & { startFloor?: string }, table: 'event_counts' | 'event_cell_counts') {
    let qb = this.db.selectFrom(table as 'event_counts').where('date_start', '!=', '');
    if (q.from) qb = qb.where('date_end', '>=', q.from).where('date_end', '!=', '');
    if (q.to) qb = qb.where('date_start', '<=', q.to);
    if (q.startFloor) qb = qb.where('date_start', '>=', q.startFloor);
    if (q.country) qb = qb.where('country', '=', q.country.toUpperCase());
    if (q.type?.length) qb = qb.where('type', 'in', q.type);
    return qb;
  }

  // ---------------------------------------------------------------- dedup and incidents

  async *streamSignatures(): AsyncIterable<ArticleSignature> {
    // In the sweep's order (publication time, undated last, then id): the publication days are
    // listed first and each page of whole days is sorted here, so no collation is involved.
    const days = await this.db
      .selectFrom('articles')
      .select(['published_date', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('published_date')
      .execute();
    const key = (d: string) => d || '9999';
    days.sort((a, b) => (key(a.published_date) < key(b.published_date) ? -1 : 1));
    for (let i = 0; i < days.length; ) {
      let n = 0;
      let j = i;
      while (j < days.length && (j === i || n + Number(days[j].n) <= 2000)) n += Number(days[j++].n);
      const rows = await this.db
        .selectFrom('articles')
        .select(['id', 'signature', 'outlet', 'credit', 'published'])
        .where(
          'published_date',
          'in',
          days.slice(i, j).map((d) => d.published_date),
        )
        .execute();
      const page = rows.map((r) => ({
        id: r.id,
        signature: unpackSignature(r.signature),
        outlet: r.outlet,
        credit: r.credit,
        published: r.published,
      }));
      page.sort(signatureOrder);
      for (const s of page) yield s;
      i = j;
    }
  }

  async setClusters(assign: Map<string, [string, string]>, actor: Actor = 'merge'): Promise<void> {
    const now = this.now();
    const ids = [...assign.keys()].sort();
    await this.db.transaction().execute(async (trx) => {
      for (const part of chunks(ids, 500)) {
        const cur = await trx
          .selectFrom('articles')
          .select(['id', 'cluster', 'source_key'])
          .where('id', 'in', part)
          .execute();
        for (const row of cur) {
          const [cluster, sourceKey] = assign.get(row.id)!;
          if (row.cluster === cluster && row.source_key === sourceKey) continue;
          await trx
            .updateTable('articles')
            .set({ cluster, source_key: sourceKey, updated_at: now })
            .where('id', '=', row.id)
            .execute();
          await trx
            .updateTable('events')
            .set({ source_key: sourceKey, updated_at: now })
            .where('article_id', '=', row.id)
            .execute();
          await trx
            .insertInto('audit_log')
            .values({
              at: now,
              actor,
              action: 'cluster',
              kind: 'article',
              target: row.id,
              detail: JSON.stringify({
                before: { cluster: row.cluster, sourceKey: row.source_key },
                after: { cluster, sourceKey },
              }),
            })
            .execute();
        }
      }
    });
  }

  async replaceIncidents(incidents: IncidentWrite[], actor: Actor = 'merge'): Promise<void> {
    await this.rebuildIncidents(async (_events, write) => {
      for (const w of incidents) await write(w);
    }, actor);
  }

  async rebuildIncidents(build: IncidentBuilder, actor: Actor = 'merge'): Promise<void> {
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const locked = await trx
        .selectFrom('incidents')
        .select(['id', 'data'])
        .where('locked', '=', 1)
        .execute();
      const lockedEvents = new Set<string>();
      for (const r of locked) for (const e of JSON.parse(r.data).events as string[]) lockedEvents.add(e);
      // Ids written by this run, kept in the database rather than in memory.
      await sql`drop table if exists merge_seen`.execute(trx);
      await sql`create temporary table merge_seen (id text primary key)`.execute(trx);

      let pending: IncidentWrite[] = [];
      const flush = async () => {
        const batch = pending;
        pending = [];
        if (batch.length) await this.writeIncidentBatch(trx, batch, now, actor);
      };
      await build(this.sweepEvents(trx), async (w) => {
        if (w.incident.events.some((e) => lockedEvents.has(e))) return;
        pending.push(w);
        if (pending.length >= 200) await flush();
      });
      await flush();

      // Incidents this run no longer produced.
      for (;;) {
        const gone = await trx
          .selectFrom('incidents')
          .select('id')
          .where('locked', '=', 0)
          .where('id', 'not in', (eb) =>
            eb.selectFrom(sql`merge_seen`.as('s')).select(sql<string>`s.id`.as('id')),
          )
          .limit(500)
          .execute();
        if (!gone.length) break;
        const ids = gone.map((g) => g.id);
        await trx.deleteFrom('incidents').where('id', 'in', ids).execute();
        await trx
          .insertInto('deletions')
          .values(ids.map((id) => ({ kind: 'incident', id, deleted_at: now })))
          .execute();
      }
      // Events left pointing at an incident that is gone, or counted as several sources alone.
      await trx
        .updateTable('events')
        .set({ incident_id: null, sources: 1, updated_at: now })
        .where((eb) =>
          eb.or([
            eb.and([
              eb('incident_id', 'is not', null),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('incidents')
                    .select('incidents.id')
                    .whereRef('incidents.id', '=', 'events.incident_id'),
                ),
              ),
            ]),
            eb.and([eb('incident_id', 'is', null), eb('sources', '!=', 1)]),
          ]),
        )
        .execute();
      await sql`drop table merge_seen`.execute(trx);
    });
  }

  /**
   * Events for an incident merge in sweep order (start date, then id, compared as code units on both
   * engines: the dates are listed first and each page is sorted here, so no collation is involved).
   */
  private async *sweepEvents(trx: Transaction<Database>): AsyncIterable<SweepEvent> {
    const dates = await trx
      .selectFrom('events')
      .select(['date_start', (eb) => eb.fn.countAll<number>().as('n')])
      .where('date_start', '!=', '')
      .groupBy('date_start')
      .execute();
    dates.sort((a, b) => (a.date_start < b.date_start ? -1 : a.date_start > b.date_start ? 1 : 0));
    for (let i = 0; i < dates.length; ) {
      // A page: whole dates, about 5,000 events.
      let n = 0;
      let j = i;
      while (j < dates.length && (j === i || n + Number(dates[j].n) <= 5000)) n += Number(dates[j++].n);
      const rows = await trx
        .selectFrom('events')
        .innerJoin('articles', 'articles.id', 'events.article_id')
        .select([...MERGE_COLUMNS.map((c) => `events.${c}` as const), 'articles.cluster'])
        .where(
          'events.date_start',
          'in',
          dates.slice(i, j).map((d) => d.date_start),
        )
        .execute();
      const page = rows.map(rowToSweepEvent).sort(sweepOrder);
      for (const e of page) yield e;
      i = j;
    }
  }

  /** Write one batch of merge output: new or changed incidents, their audit lines and event assignments. */
  private async writeIncidentBatch(
    trx: Transaction<Database>,
    batch: IncidentWrite[],
    now: string,
    actor: Actor,
  ): Promise<void> {
    const rows = batch.map((w) => incidentToRow(w.incident, now));
    const old = new Map<string, IncidentRow>();
    for (const part of chunks(
      rows.map((r) => r.id),
      500,
    )) {
      for (const r of await trx.selectFrom('incidents').selectAll().where('id', 'in', part).execute())
        old.set(r.id, r as IncidentRow);
    }
    await sql`insert into merge_seen (id) values ${sql.join(rows.map((r) => sql`(${r.id})`))}`.execute(trx);
    const assign: [string, string, number][] = [];
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      const events = batch[k].incident.events;
      const prev = old.get(row.id);
      if (prev && prev.data === row.data && Number(prev.sources) === row.sources && prev.type === row.type) {
        // Unchanged: its events should already point at it; re-check cheaply in the bulk update below.
        for (const e of events) assign.push([e, row.id, row.sources]);
        continue;
      }
      if (prev) {
        await trx.deleteFrom('incidents').where('id', '=', row.id).execute();
        // Events that left this incident (the ones that moved elsewhere are reassigned below).
        await trx
          .updateTable('events')
          .set({ incident_id: null, sources: 1, updated_at: now })
          .where('incident_id', '=', row.id)
          .where('id', 'not in', events)
          .execute();
      }
      await trx.insertInto('incidents').values(row).execute();
      await trx
        .insertInto('audit_log')
        .values({
          at: now,
          actor,
          action: prev ? 'incident.update' : 'incident.create',
          kind: 'incident',
          target: row.id,
          detail: JSON.stringify({ events, why: batch[k].incident.audit }),
        })
        .execute();
      for (const e of events) assign.push([e, row.id, row.sources]);
    }
    // Event assignments in bulk: only rows whose incident or source count changes are written.
    for (const part of chunks(assign, 1000)) {
      const values = sql.join(part.map(([e, inc, n]) => sql`(${e}, ${inc}, ${n})`));
      await sql`update events set incident_id = v.inc, sources = v.n, updated_at = ${now}
        from (select column1 as id, column2 as inc, cast(column3 as integer) as n from (values ${values}) as t) as v
        where events.id = v.id and (events.incident_id is null or events.incident_id <> v.inc or events.sources <> v.n)`.execute(
        trx,
      );
    }
  }

  private async loadMergeEvents(
    trx: Transaction<Database> | Kysely<Database>,
    ids: string[],
  ): Promise<MergeEvent[]> {
    const out: MergeEvent[] = [];
    for (const part of chunks(ids, 500)) {
      const rows = await trx.selectFrom('events').selectAll().where('id', 'in', part).execute();
      for (const r of rows) out.push(rowToEvent(r as EventsTable));
    }
    return out;
  }

  /** Recompute one incident after events left it (deleted or split off); drop it when empty. */
  private async rebuildIncident(
    trx: Transaction<Database>,
    id: string,
    without: Set<string>,
    now: string,
    note: string | null,
  ): Promise<Incident | null> {
    const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const inc = rowToIncident(row);
    const keep = inc.events.filter((e) => !without.has(e));
    await trx.deleteFrom('incidents').where('id', '=', id).execute();
    if (!keep.length) {
      await trx.insertInto('deletions').values({ kind: 'incident', id, deleted_at: now }).execute();
      return null;
    }
    const evs = await this.loadMergeEvents(trx, keep);
    const next = summariseIncident(id, evs, note ? [...inc.audit, note] : inc.audit, inc.locked);
    await trx.insertInto('incidents').values(incidentToRow(next, now)).execute();
    await trx
      .updateTable('events')
      .set({ incident_id: id, sources: next.sources, updated_at: now })
      .where('id', 'in', keep)
      .execute();
    return { ...next, updatedAt: now };
  }

  async getIncident(id: string): Promise<Incident | null> {
    const row = await this.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToIncident(row) : null;
  }

  async queryIncidents(q: IncidentQuery): Promise<Page<Incident>> {
    const limit = clampLimit(q.limit);
    const cur = parseCursor(q.cursor);
    // Event-level filters select incidents through their events.
    const { minSources, from, to, bbox, country, admin1, type, precision, updatedSince, ...eventLevel } = q;
    const needsEvents = Object.values(eventLevel).some((v) => v !== undefined && v !== null && v !== '');
    let qb = this.db.selectFrom('incidents').selectAll();
    qb = qb.where((eb: IncidentEB) => {
      const c: Expression<SqlBool>[] = [];
      if (from) c.push(eb.and([eb('date_end', '>=', from), eb('date_end', '!=', '')]));
      if (to) c.push(eb.and([eb('date_start', '<=', to), eb('date_start', '!=', '')]));
      if (bbox) {
        const [w, s, e, n] = bbox;
        c.push(eb('lat', '>=', s), eb('lat', '<=', n));
        if (w <= e) c.push(eb('lon', '>=', w), eb('lon', '<=', e));
        else c.push(eb.or([eb('lon', '>=', w), eb('lon', '<=', e)]));
      }
      if (country) c.push(eb('country', '=', country.toUpperCase()));
      if (admin1) c.push(eb('admin1', '=', admin1));
      if (type?.length) c.push(eb('type', 'in', type));
      if (precision?.length) c.push(eb('precision', 'in', precision));
      if (minSources !== undefined) c.push(eb('sources', '>=', minSources));
      if (updatedSince) c.push(eb('updated_at', '>=', updatedSince));
      return eb.and(c);
    });
    if (needsEvents) {
      const sub = this.db.selectFrom('events').select('incident_id').where(this.eventFilter(eventLevel));
      qb = qb.where('id', 'in', sub.where('incident_id', 'is not', null) as never);
    }
    const ks: Keyset = updatedSince ? BY_UPDATE : EVENTS_BY_DATE;
    const page = pageOf(await keyset(qb, ks, cur, limit).execute(), limit, ks);
    return { items: page.rows.map(rowToIncident), next: page.next };
  }

  async splitIncident(id: string, eventIds: string[], actor: Actor, reason?: string): Promise<Incident> {
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new StoreError(`no incident ${id}`);
      const inc = rowToIncident(row);
      const moving = new Set(eventIds);
      for (const e of moving)
        if (!inc.events.includes(e)) throw new StoreError(`event ${e} is not in incident ${id}`);
      if (moving.size === 0 || moving.size === inc.events.length) {
        throw new StoreError('a split must move some but not all of the events');
      }
      const note = `split by ${actor} at ${now}${reason ? `: ${reason}` : ''}`;
      await trx.updateTable('incidents').set({ locked: 1 }).where('id', '=', id).execute();
      await this.rebuildIncident(trx, id, moving, now, note);
      const moved = [...moving].sort();
      const newId = incidentId(moved) === id ? `${id}:split` : incidentId(moved);
      const evs = await this.loadMergeEvents(trx, moved);
      const created = summariseIncident(newId, evs, [`split from ${id}: ${note}`], true);
      await trx.deleteFrom('incidents').where('id', '=', newId).execute();
      await trx.insertInto('incidents').values(incidentToRow(created, now)).execute();
      await trx
        .updateTable('events')
        .set({ incident_id: newId, sources: created.sources, updated_at: now })
        .where('id', 'in', moved)
        .execute();
      await trx
        .insertInto('audit_log')
        .values({
          at: now,
          actor,
          action: 'incident.split',
          kind: 'incident',
          target: id,
          detail: JSON.stringify({ moved, into: newId, reason: reason ?? null }),
        })
        .execute();
      return { ...created, updatedAt: now };
    });
  }

  async mergeIncidents(ids: string[], actor: Actor, reason?: string): Promise<Incident> {
    if (new Set(ids).size < 2) throw new StoreError('merging needs at least two incidents');
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('incidents').selectAll().where('id', 'in', ids).execute();
      if (rows.length !== new Set(ids).size) {
        const found = new Set(rows.map((r) => r.id));
        throw new StoreError(`no incident ${ids.find((i) => !found.has(i))}`);
      }
      const incs = ids.map((i) => rowToIncident(rows.find((r) => r.id === i)!));
      const into = incs[0];
      const allEvents = [...new Set(incs.flatMap((i) => i.events))];
      const note = `merged ${ids.slice(1).join(', ')} by ${actor} at ${now}${reason ? `: ${reason}` : ''}`;
      const evs = await this.loadMergeEvents(trx, allEvents);
      const merged = summariseIncident(into.id, evs, [...into.audit, note], true);
      await trx.deleteFrom('incidents').where('id', 'in', ids).execute();
      await trx
        .insertInto('deletions')
        .values(ids.slice(1).map((id) => ({ kind: 'incident', id, deleted_at: now })))
        .execute();
      await trx.insertInto('incidents').values(incidentToRow(merged, now)).execute();
      for (const part of chunks(allEvents, 500)) {
        await trx
          .updateTable('events')
          .set({ incident_id: into.id, sources: merged.sources, updated_at: now })
          .where('id', 'in', part)
          .execute();
      }
      await trx
        .insertInto('audit_log')
        .values({
          at: now,
          actor,
          action: 'incident.merge',
          kind: 'incident',
          target: into.id,
          detail: JSON.stringify({ merged: ids.slice(1), reason: reason ?? null }),
        })
        .execute();
      return { ...merged, updatedAt: now };
    });
  }

  // ---------------------------------------------------------------- feeds

  async getFeedState(url: string): Promise<FeedState | null> {
    const r = await this.db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
    if (!r) return null;
    return {
      url: r.url,
      etag: r.etag,
      lastModified: r.last_modified,
      lastStatus: r.last_status,
      failures: Number(r.failures),
      nextAt: r.next_at,
      polledAt: r.polled_at,
      articles: Number(r.articles),
    };
  }

  async setFeedState(s: FeedState): Promise<void> {
    const row = {
      url: s.url,
      etag: s.etag,
      last_modified: s.lastModified,
      last_status: s.lastStatus,
      failures: s.failures,
      next_at: s.nextAt,
      polled_at: s.polledAt,
      articles: s.articles,
    };
    const { url: _u, ...rest } = row;
    await this.db
      .insertInto('feeds')
      .values(row)
      .onConflict((oc) => oc.column('url').doUpdateSet(rest))
      .execute();
  }

  // ---------------------------------------------------------------- sync and audit

  async deletions(since: string, limit = 1000): Promise<Deletion[]> {
    const rows = await this.db
      .selectFrom('deletions')
      .selectAll()
      .where('deleted_at', '>=', since)
      .orderBy('deleted_at')
      .orderBy('id')
      .limit(clampLimit(limit))
      .execute();
    return rows.map((r) => ({ kind: r.kind as Deletion['kind'], id: r.id, deletedAt: r.deleted_at }));
  }

  async audit(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: this.now(),
        actor: entry.actor,
        action: entry.action,
        kind: entry.kind,
        target: entry.target,
        detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      })
      .execute();
  }

  async listAudit(q: { target?: string; since?: string; limit?: number }): Promise<AuditEntry[]> {
    let qb = this.db.selectFrom('audit_log').selectAll();
    if (q.target) qb = qb.where('target', '=', q.target);
    if (q.since) qb = qb.where('at', '>=', q.since);
    const rows = await qb.orderBy('id').limit(clampLimit(q.limit)).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actor: r.actor,
      action: r.action,
      kind: r.kind as AuditEntry['kind'],
      target: r.target,
      detail: r.detail ? JSON.parse(r.detail) : undefined,
    }));
  }

  private versionStmts: [BetterSqlite3.Statement, BetterSqlite3.Statement] | null = null;

  /**
   * SQLite: rows changed through this connection (`total_changes()`, which counts every insert,
   * update and delete, Kysely's and the raw ingest path's alike) and commits by other connections
   * (`data_version`). Both are read from memory, no I/O: about a microsecond.
   */
  writeVersion(): string | null {
    if (!this.raw?.open) return null;
    this.versionStmts ??= [
      this.raw.prepare('select total_changes()').pluck(),
      this.raw.prepare('pragma data_version').pluck(),
    ];
    return `${this.versionStmts[0].get()}:${this.versionStmts[1].get()}`;
  }

  async close(): Promise<void> {
    // Keeps the query planner's statistics current as the store grows (cheap when nothing changed).
    if (this.raw?.open) {
      try {
        this.raw.pragma('optimize');
      } catch {
        // read-only or busy: statistics stay as they were
      }
    }
    await this.db.destroy();
    await this.onClose();
  }
}
