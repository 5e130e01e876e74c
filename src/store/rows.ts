/** Mapping between `sitrep/1` records and table rows (engine-independent). */

import { minhash, packSignature } from '../merge/minhash.js';
import type { EventRecord, Place } from '../model/types.js';
import type { ArticlesTable, ClaimsTable, EventsTable, SpansTable } from './schema.js';
import type { Incident, PutRecord, StoredArticle, StoredEvent, SweepEvent } from './store.js';

/** Layers stored in the spans table (a row each), in record order. */
export const SPAN_LAYERS = ['mentions', 'places', 'times', 'quantities'] as const;
export type SpanLayer = (typeof SPAN_LAYERS)[number];

export function normKey(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Initial independent-source key of an article: its wire credit, else its outlet, else itself. */
export function initialSourceKey(id: string, outlet: string | null, credit: string | null): string {
  if (credit) return `wire:${normKey(credit)}`;
  if (outlet) return `outlet:${normKey(outlet)}`;
  return id;
}

export interface ArticleRows {
  article: ArticlesTable;
  spans: SpansTable[];
  claims: ClaimsTable[];
  events: EventsTable[];
}

function fatalities(e: EventRecord): number | null {
  let best: number | null = null;
  for (const q of e.quantities) if (q.kind === 'dead' && (best === null || q.value > best)) best = q.value;
  return best;
}

export function eventId(articleId: string, eventLocalId: string): string {
  return `${articleId}:${eventLocalId}`;
}

export function recordToRows(put: PutRecord, now: string): ArticleRows {
  const r = put.record;
  const a = r.article;
  const sourceKey = initialSourceKey(a.id, a.outlet, a.credit);
  const {
    text: _text,
    mentions: _m,
    places,
    times: _ti,
    quantities: _q,
    claims,
    events,
    article: _a,
    ...rest
  } = r;
  const article: ArticlesTable = {
    id: a.id,
    url: a.url,
    title: a.title,
    outlet: a.outlet,
    credit: a.credit,
    published: a.published,
    published_date: a.published ? a.published.slice(0, 10) : '',
    published_source: a.publishedSource,
    language: a.language,
    dateline: a.dateline ? JSON.stringify(a.dateline) : null,
    text: r.text,
    record: JSON.stringify({ ...rest, eventOrder: events.map((e) => e.id) }),
    signature: packSignature(minhash(r.text)),
    cluster: a.id,
    source_key: sourceKey,
    origin: put.origin ?? null,
    feed: put.feed ?? null,
    event_count: events.length,
    ingested_at: now,
    updated_at: now,
  };
  // One row per non-empty layer: its JSON is the layer's array, so it reads back as it was coded.
  const spans: SpansTable[] = [];
  for (const layer of SPAN_LAYERS) {
    const src = r[layer];
    if (src.length) spans.push({ article_id: a.id, layer, data: JSON.stringify(src) });
  }
  const claimRows: ClaimsTable[] = claims.length ? [{ article_id: a.id, data: JSON.stringify(claims) }] : [];
  const placeById = new Map<string, Place>();
  for (const p of places) placeById.set(p.mention, p);
  const eventRows: EventsTable[] = events.map((e) => {
    const p = e.place ? placeById.get(e.place) : undefined;
    const interval =
      e.interval ?? (a.published ? [a.published.slice(0, 10), a.published.slice(0, 10)] : null);
    return {
      id: eventId(a.id, e.id),
      article_id: a.id,
      incident_id: null,
      type: e.type,
      date_start: interval?.[0] ?? '',
      date_end: interval?.[1] ?? '',
      country: p?.country ?? null,
      admin1: p?.admin1 ?? null,
      admin2: p?.admin2 ?? null,
      location: p ? (p.name ?? p.text) : null,
      lat: p?.lat ?? null,
      lon: p?.lon ?? null,
      precision: p?.precision ?? null,
      factuality: e.factuality,
      actors: e.actors.map((x) => normKey(x.text)).join('\n'),
      recipients: e.recipients.map((x) => normKey(x.text)).join('\n'),
      fatalities: fatalities(e),
      outlet: a.outlet,
      credit: a.credit,
      source_key: sourceKey,
      sources: 1,
      reviewed: 0,
      updated_at: now,
      record: JSON.stringify(e),
    };
  });
  return { article, spans, claims: claimRows, events: eventRows };
}

type ArticleRow = Omit<ArticlesTable, 'signature' | 'record'>;

export function rowToArticle(row: ArticleRow): StoredArticle {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    outlet: row.outlet,
    credit: row.credit,
    dateline: row.dateline ? JSON.parse(row.dateline) : null,
    published: row.published,
    publishedSource: row.published_source as StoredArticle['publishedSource'],
    language: row.language,
    text: row.text,
    cluster: row.cluster,
    sourceKey: row.source_key,
    origin: row.origin,
    ingestedAt: row.ingested_at,
    updatedAt: row.updated_at,
    eventCount: Number(row.event_count),
  };
}

/** The fields a merge reads, from an event row (shared by full events and merge reads). */
function mergeFieldsOf(row: SweepRow | EventsTable): Omit<SweepEvent, 'cluster'> {
  return {
    id: row.id,
    articleId: row.article_id,
    sourceKey: row.source_key,
    type: row.type as StoredEvent['type'],
    dateStart: row.date_start || null,
    dateEnd: row.date_end || null,
    country: row.country,
    admin1: row.admin1,
    location: row.location,
    lat: row.lat === null ? null : Number(row.lat),
    lon: row.lon === null ? null : Number(row.lon),
    precision: row.precision as StoredEvent['precision'],
    factuality: row.factuality as StoredEvent['factuality'],
    actors: row.actors ? row.actors.split('\n') : [],
    recipients: row.recipients ? row.recipients.split('\n') : [],
    fatalities: row.fatalities === null ? null : Number(row.fatalities),
  };
}

/** A stored event's fields but its record, in the order the API and exports give them. */
function eventHead(row: EventsTable): Omit<StoredEvent, 'record'> {
  return {
    ...mergeFieldsOf(row),
    incidentId: row.incident_id,
    admin2: row.admin2,
    outlet: row.outlet,
    credit: row.credit,
    reviewed: Number(row.reviewed) === 1,
    updatedAt: row.updated_at,
  };
}

export function rowToEvent(row: EventsTable): StoredEvent {
  return { ...eventHead(row), record: JSON.parse(row.record) };
}

/**
 * The JSON text of `rowToEvent(row)` with the stored record text spliced in, rather than parsed and
 * serialised again (the record is stored as JSON text: parsing it was ~11% of the server's CPU time
 * on a page of events).
 */
export function rowToEventJson(row: EventsTable): string {
  const head = JSON.stringify(eventHead(row));
  return `${head.slice(0, -1)},"record":${row.record}}`;
}

/** The merge fields of an event row (no record JSON), with its article's cluster. */
export function rowToSweepEvent(row: SweepRow): SweepEvent {
  return { ...mergeFieldsOf(row), cluster: row.cluster };
}

/** The event columns a merge reads (the select list of a merge read and the shape of its rows). */
export const MERGE_COLUMNS = [
  'id',
  'article_id',
  'source_key',
  'type',
  'date_start',
  'date_end',
  'country',
  'admin1',
  'location',
  'lat',
  'lon',
  'precision',
  'factuality',
  'actors',
  'recipients',
  'fatalities',
] as const satisfies readonly (keyof EventsTable)[];

export type SweepRow = Pick<EventsTable, (typeof MERGE_COLUMNS)[number]> & { cluster: string };

export interface IncidentRow {
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
  data: string;
  locked: number;
  updated_at: string;
}

export function incidentToRow(inc: Omit<Incident, 'updatedAt'>, now: string): IncidentRow {
  return {
    id: inc.id,
    type: inc.type,
    date_start: inc.dateStart ?? '',
    date_end: inc.dateEnd ?? '',
    country: inc.country,
    admin1: inc.admin1,
    location: inc.location,
    lat: inc.lat,
    lon: inc.lon,
    precision: inc.precision,
    sources: inc.sources,
    data: JSON.stringify({
      events: inc.events,
      articles: inc.articles,
      fields: inc.fields,
      best: inc.best,
      audit: inc.audit,
    }),
    locked: inc.locked ? 1 : 0,
    updated_at: now,
  };
}

export function rowToIncident(row: IncidentRow): Incident {
  const d = JSON.parse(row.data);
  return {
    id: row.id,
    type: row.type as Incident['type'],
    dateStart: row.date_start || null,
    dateEnd: row.date_end || null,
    country: row.country,
    admin1: row.admin1,
    location: row.location,
    lat: row.lat === null ? null : Number(row.lat),
    lon: row.lon === null ? null : Number(row.lon),
    precision: row.precision as Incident['precision'],
    sources: Number(row.sources),
    events: d.events,
    articles: d.articles,
    fields: d.fields,
    best: d.best,
    audit: d.audit,
    locked: Number(row.locked) === 1,
    updatedAt: row.updated_at,
  };
}

/** Opaque keyset cursor. */
export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(c: string): (string | number)[] | null {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}
