/**
 * The one schema both engines share (Kysely table types). Column conventions that hold on SQLite and
 * PostgreSQL alike: ids and timestamps are text (ISO 8601 UTC sorts as text), booleans are integers
 * 0/1, JSON is text, numbers are `double precision`/`integer` (never int8, which pg returns as a string).
 */
import type { Generated } from 'kysely';

export interface ArticlesTable {
  id: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  credit: string | null;
  /** ISO date or date-time as given. */
  published: string | null;
  /** YYYY-MM-DD of `published`, '' when unknown (for range filters). */
  published_date: string;
  published_source: string;
  language: string;
  /** JSON of the dateline span, or null. */
  dateline: string | null;
  text: string;
  /** JSON of the `sitrep/1` record's remaining parts (entities, meta, sentences). */
  record: string;
  /** Packed MinHash signature. */
  signature: Uint8Array;
  cluster: string;
  source_key: string;
  origin: string | null;
  feed: string | null;
  event_count: number;
  ingested_at: string;
  updated_at: string;
}

/**
 * Evidence spans of one article: one row per annotation layer (mentions, places, times, quantities)
 * that has any, holding the layer's spans as coded (migration 0007; it was one row per span, read
 * back only to rebuild records, and cost more to write than anything else an article stores).
 */
export interface SpansTable {
  article_id: string;
  layer: string;
  /** JSON array of the layer's span objects, in record order. */
  data: string;
}

/** The claims of one article, one row (migration 0009; it was one row per claim, read back only to rebuild records). */
export interface ClaimsTable {
  article_id: string;
  /** JSON array of the article's claims, in record order. */
  data: string;
}

export interface EventsTable {
  id: string;
  article_id: string;
  incident_id: string | null;
  type: string;
  /** '' when unknown, so keyset pagination over (date_start, id) needs no NULL handling. */
  date_start: string;
  date_end: string;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  factuality: string;
  /** Actor names, lower-cased, joined by "\n" (for substring filters). */
  actors: string;
  recipients: string;
  fatalities: number | null;
  outlet: string | null;
  credit: string | null;
  source_key: string;
  /** Independent sources of the incident it belongs to (1 when unmerged). */
  sources: number;
  reviewed: number;
  /** The analyst's verdict (accepted, edited, rejected) once reviewed; null while pending. Left out on insert (desk migration 0201). */
  review_status?: string | null;
  updated_at: string;
  record: string;
}

export interface IncidentsTable {
  id: string;
  type: string;
  date_start: string;
  date_end: string;
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  sources: number;
  /** JSON: {events, articles, fields, best, audit}. */
  data: string;
  locked: number;
  updated_at: string;
}

export interface SourcesTable {
  /** Lower-cased name. */
  id: string;
  name: string;
  /** 'outlet' (publisher) or 'wire' (credited agency). */
  kind: string;
  first_seen: string;
}

export interface DeletionsTable {
  kind: string;
  id: string;
  deleted_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  kind: string;
  target: string;
  detail: string | null;
}

export interface FeedsTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_status: string;
  failures: number;
  next_at: string;
  polled_at: string | null;
  articles: number;
}

/** Event counts by full dates, type and country; SQLite only, kept by triggers (migration 0010). */
export interface EventCountsTable {
  date_start: string;
  date_end: string;
  type: string;
  /** '' for events without a country. */
  country: string;
  n: number;
}

/** Counts by 1° grid cell (event-cells.ts) as well, for box aggregates (migration 0011). */
export interface EventCellCountsTable extends EventCountsTable {
  cell: number;
}

export interface Database {
  feeds: FeedsTable;
  articles: ArticlesTable;
  spans: SpansTable;
  claims: ClaimsTable;
  events: EventsTable;
  event_counts: EventCountsTable;
  event_cell_counts: EventCellCountsTable;
  incidents: IncidentsTable;
  sources: SourcesTable;
  deletions: DeletionsTable;
  audit_log: AuditLogTable;
}
