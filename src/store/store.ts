/**
 * The store: one small interface, two engines (SQLite embedded by default, PostgreSQL for teams).
 *
 * Everything sitrep keeps goes through this interface: the web desk (issue 8), the workers and
 * accounts (issue 9), the API and the exports. Engines live in `sqlite.ts` and `postgres.ts`; both
 * run one Kysely schema (`schema.ts`) and one list of versioned migrations (`migrations.ts`), and
 * both pass the contract suite in `store.test.ts`.
 *
 * Ids are stable strings: an article id is `sha256:…` of its normalised text (see
 * `src/model/article.ts`), an event id is `<article id>:<event id>` (URL-safe), an incident id is
 * `inc:<hash of its first event id>`. Timestamps are ISO 8601 UTC strings (`2026-01-31T12:00:00.000Z`),
 * which sort as text on both engines.
 */
import type { Kysely } from 'kysely';
import type { MergeEvent } from '../merge/summarise.js';
import type {
  ArticleMeta,
  EventRecord,
  Factuality,
  PlacePrecision,
  PloverType,
  SitrepRecord,
} from '../model/types.js';
import type { ArticleRows } from './rows.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

/** Who did a write, for the audit log ("cli", "api", "worker:3", "user:alice"). */
export type Actor = string;

/** Where an article came from (a file path, a feed URL, "api", "-"). Kept for provenance. */
export interface IngestOrigin {
  origin?: string;
  /** Feed the article was found in, when any. */
  feed?: string;
}

export interface PutRecord extends IngestOrigin {
  record: SitrepRecord;
}

export type PutStatus = 'inserted' | 'duplicate';

export interface PutResult {
  id: string;
  status: PutStatus;
}

/** One page of results; pass `next` back as `cursor` to continue, null when done. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface StoredArticle extends ArticleMeta {
  text: string;
  /** Near-duplicate cluster (id of its representative article); the article's own id when alone. */
  cluster: string;
  /** Independent-source key: wire copies and syndicated near-duplicates share one. */
  sourceKey: string;
  origin: string | null;
  ingestedAt: string;
  updatedAt: string;
  eventCount: number;
}

/** An event as stored: the `sitrep/1` event record plus denormalised columns for filtering. */
export interface StoredEvent {
  /** `<article id>:<event id>`, e.g. `sha256:0123…:e1`. */
  id: string;
  articleId: string;
  incidentId: string | null;
  type: PloverType;
  /** Inclusive ISO dates; null when neither the text nor the publication date places it. */
  dateStart: string | null;
  dateEnd: string | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  precision: PlacePrecision | null;
  factuality: Factuality;
  actors: string[];
  recipients: string[];
  fatalities: number | null;
  outlet: string | null;
  credit: string | null;
  sourceKey: string;
  reviewed: boolean;
  updatedAt: string;
  record: EventRecord;
}

export interface FieldValue<T = unknown> {
  value: T;
  /** Independent source keys that gave this value. */
  sources: string[];
  /** Event ids that gave this value. */
  events: string[];
}

export interface Incident {
  id: string;
  type: PloverType;
  dateStart: string | null;
  dateEnd: string | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  precision: PlacePrecision | null;
  /** Number of independent sources (wire copies and near-duplicates count once). */
  sources: number;
  events: string[];
  articles: string[];
  /** Each field's values by source, never averaged: `fatalities: [{value: 93, sources: [...]}, …]`. */
  fields: Record<string, FieldValue[]>;
  /** The best-supported value of each field (most independent sources, then most reports). */
  best: Record<string, unknown>;
  /** Why the events were merged (one line per link), and analyst actions. */
  audit: string[];
  /** True once an analyst split or merged it by hand: automatic re-merging leaves it alone. */
  locked: boolean;
  updatedAt: string;
}

export type SortOrder = 'asc' | 'desc';

export interface EventQuery {
  /** Inclusive ISO dates; an event matches when its interval overlaps [from, to]. */
  from?: string;
  to?: string;
  /** [west, south, east, north] in degrees. */
  bbox?: [number, number, number, number];
  /** ISO 3166-1 alpha-2. */
  country?: string;
  admin1?: string;
  type?: PloverType[];
  /** Substring of an actor or recipient name (case-insensitive). */
  actor?: string;
  /** Outlet or credit (exact, case-insensitive). */
  source?: string;
  factuality?: Factuality[];
  precision?: PlacePrecision[];
  /** Minimum independent sources of the event's incident (an unmerged event has 1). */
  minSources?: number;
  /** Full text over the article text. */
  q?: string;
  articleId?: string;
  incidentId?: string;
  reviewed?: boolean;
  updatedSince?: string;
  limit?: number;
  cursor?: string;
}

export interface ArticleQuery {
  from?: string;
  to?: string;
  source?: string;
  q?: string;
  updatedSince?: string;
  limit?: number;
  cursor?: string;
}

export interface IncidentQuery extends Omit<EventQuery, 'articleId' | 'incidentId' | 'reviewed'> {}

export interface AggregateQuery extends Omit<EventQuery, 'limit' | 'cursor'> {
  interval: 'day' | 'week';
  by: 'type' | 'country' | 'none';
}

export interface AggregateRow {
  /** First day of the bucket (ISO date; weeks start on Monday). */
  bucket: string;
  key: string | null;
  count: number;
}

export interface Deletion {
  kind: 'article' | 'event' | 'incident';
  id: string;
  deletedAt: string;
}

export interface AuditEntry {
  id?: number;
  at: string;
  actor: Actor;
  action: string;
  kind: 'article' | 'event' | 'incident' | 'cluster' | 'store';
  target: string;
  /** JSON-serialisable detail: before/after, reasons. */
  detail?: unknown;
}

/** Article-level signature rows used by de-duplication. */
export interface ArticleSignature {
  id: string;
  /** MinHash signature, packed (see src/merge/minhash.ts). */
  signature: Uint32Array;
  outlet: string | null;
  credit: string | null;
  published: string | null;
}

/** A polled feed's state: validators for conditional GET, and backoff. */
export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** "ok", "not modified", or the last error. */
  lastStatus: string;
  /** Consecutive failures (drives the backoff). */
  failures: number;
  /** Earliest time of the next poll. */
  nextAt: string;
  polledAt: string | null;
  /** Articles stored from this feed so far. */
  articles: number;
}

export interface IncidentWrite {
  incident: Omit<Incident, 'updatedAt'>;
}

/** What an incident merge reads: an event's merge fields and its article's near-duplicate cluster. */
export type SweepEvent = MergeEvent & { cluster: string };

export type IncidentBuilder = (
  events: AsyncIterable<SweepEvent>,
  write: (w: IncidentWrite) => Promise<void>,
) => Promise<void>;

export interface Store {
  readonly engine: Engine;
  /** Escape hatch for engine-aware code (workers, accounts): the Kysely instance over the schema. */
  readonly db: Kysely<Database>;

  /**
   * Write coded articles in one transaction: all or nothing. An article whose id is already stored is
   * a no-op ("duplicate"). Its span layers (mentions, places, times, quantities), claims and events are
   * written with it, so a crash never leaves half an article.
   */
  putRecords(records: PutRecord[], actor?: Actor): Promise<PutResult[]>;
  /**
   * `putRecords` for rows already built by `recordToRows` (on an ingest coding thread, which then
   * sends the main thread flat rows instead of the record's object graph). The write time is set
   * here, whatever `now` the rows were built with.
   */
  putRows(rows: ArticleRows[], actor?: Actor): Promise<PutResult[]>;
  /** Which of these article ids are stored (to skip coding on a rerun). */
  hasArticles(ids: string[]): Promise<Set<string>>;
  /** Which of these URLs are stored (to skip fetching known pages). */
  hasUrls(urls: string[]): Promise<Set<string>>;

  getArticle(id: string): Promise<StoredArticle | null>;
  /** The full `sitrep/1` record as coded, rebuilt from the stored rows. */
  getRecord(id: string): Promise<SitrepRecord | null>;
  listArticles(q: ArticleQuery): Promise<Page<StoredArticle>>;
  deleteArticle(id: string, actor?: Actor): Promise<boolean>;
  countArticles(): Promise<number>;

  getEvent(id: string): Promise<StoredEvent | null>;
  queryEvents(q: EventQuery): Promise<Page<StoredEvent>>;
  /** The page of `queryEvents(q)` as JSON text (the API's answer), made without parsing each record. */
  queryEventsJson(q: EventQuery): Promise<string>;
  /** Every matching event in a stable order, fetched in pages (constant memory). */
  streamEvents(q: Omit<EventQuery, 'limit' | 'cursor'>): AsyncIterable<StoredEvent>;
  /** Every stored record in article-id order (constant memory). */
  streamRecords(q?: ArticleQuery): AsyncIterable<SitrepRecord>;
  countEvents(): Promise<number>;
  setEventReviewed(id: string, reviewed: boolean, actor?: Actor): Promise<boolean>;

  getIncident(id: string): Promise<Incident | null>;
  queryIncidents(q: IncidentQuery): Promise<Page<Incident>>;
  aggregate(q: AggregateQuery): Promise<AggregateRow[]>;

  /** De-duplication input: signatures of all articles, streamed in publication order (undated last, then id). */
  streamSignatures(): AsyncIterable<ArticleSignature>;
  /** Set near-duplicate clusters and source keys: `article id → [cluster, sourceKey]`. */
  setClusters(assign: Map<string, [string, string]>, actor?: Actor): Promise<void>;
  /**
   * Replace every unlocked incident by these (deterministic merge output). Locked incidents
   * (analyst edits) are kept and their events are not reassigned.
   */
  replaceIncidents(incidents: IncidentWrite[], actor?: Actor): Promise<void>;
  /**
   * The same replacement, streamed, in one transaction: `build` reads every event with a start date
   * (ascending start date, then id, each with its article's near-duplicate cluster) and hands the
   * incidents it forms to `write`. Memory is bounded by a page of events plus what `build` holds:
   * unchanged incidents keep their updated_at, incidents no longer produced are deleted (with a
   * deletions entry), locked incidents and their events are left alone.
   */
  rebuildIncidents(build: IncidentBuilder, actor?: Actor): Promise<void>;
  /** Analyst actions: move events out into a new incident / merge incidents into the first. */
  splitIncident(id: string, eventIds: string[], actor: Actor, reason?: string): Promise<Incident>;
  mergeIncidents(ids: string[], actor: Actor, reason?: string): Promise<Incident>;

  getFeedState(url: string): Promise<FeedState | null>;
  setFeedState(state: FeedState): Promise<void>;

  deletions(since: string, limit?: number): Promise<Deletion[]>;
  audit(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void>;
  listAudit(q: { target?: string; since?: string; limit?: number }): Promise<AuditEntry[]>;

  /**
   * A token that changes whenever anything is written to the database, by this process or another
   * (so answers computed at one version may be served again while it holds); null when the engine
   * has no cheap exact one (PostgreSQL), and nothing may be cached.
   */
  writeVersion(): string | null;

  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** A file path (SQLite), `:memory:`, or a `postgres://` URL. Default: `SITREP_DB` or `sitrep.db`. */
  db?: string;
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  /**
   * SQLite: read the file through a memory map (up to 2 GB) rather than copying each page from the
   * OS into SQLite's own cache; for a server that mostly reads. The mapped pages of the file count in
   * the process's resident memory (as shared, reclaimable file pages).
   */
  mapped?: boolean;
}

export class StoreError extends Error {}
