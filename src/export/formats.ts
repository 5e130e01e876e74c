/**
 * Exports, streamed: rows are produced page by page from the store, so a million events export in
 * constant memory. Formats: JSON Lines of `sitrep/1` records, CSV of events, GeoJSON
 * FeatureCollection of placed events, and ACLED-compatible CSV.
 */
import { createHash } from 'node:crypto';
import type { ArticleQuery, EventQuery, Store, StoredEvent } from '../store/store.js';
import { country } from './countries.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'geojson', 'acled'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  acled: 'text/csv; charset=utf-8',
};

export const EXTENSIONS: Record<ExportFormat, string> = {
  jsonl: 'jsonl',
  csv: 'csv',
  geojson: 'geojson',
  acled: 'csv',
};

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: unknown[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

export const CSV_COLUMNS = [
  'id',
  'article_id',
  'incident_id',
  'type',
  'date_start',
  'date_end',
  'country',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'precision',
  'factuality',
  'actors',
  'recipients',
  'fatalities',
  'outlet',
  'credit',
  'sources',
  'reviewed',
  'trigger',
] as const;

function csvRow(e: StoredEvent): unknown[] {
  return [
    e.id,
    e.articleId,
    e.incidentId,
    e.type,
    e.dateStart,
    e.dateEnd,
    e.country,
    e.admin1,
    e.admin2,
    e.location,
    e.lat,
    e.lon,
    e.precision,
    e.factuality,
    e.record.actors.map((a) => a.text).join('; '),
    e.record.recipients.map((a) => a.text).join('; '),
    e.fatalities,
    e.outlet,
    e.credit,
    e.sourceKey,
    e.reviewed ? 1 : 0,
    e.record.trigger.text,
  ];
}

// ACLED's column order (codebook 2023+).
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** ACLED types for a PLOVER event the events stage gave no ACLED type. */
const ACLED_FALLBACK: Record<string, [string, string]> = {
  ASSAULT: ['Violence against civilians', 'Attack'],
  PROTEST: ['Protests', 'Peaceful protest'],
  COERCE: ['Strategic developments', 'Arrests'],
  MOBILIZE: ['Strategic developments', 'Other'],
  THREATEN: ['Strategic developments', 'Other'],
  SANCTION: ['Strategic developments', 'Other'],
  AGREE: ['Strategic developments', 'Agreement'],
  RETREAT: ['Strategic developments', 'Non-violent transfer of territory'],
};

const DISORDER: Record<string, string> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Riots: 'Political violence; Demonstrations',
  Protests: 'Demonstrations',
  'Strategic developments': 'Strategic developments',
};

/** ACLED actor type codes (inter1/inter2) from PLOVER sectors. */
const INTER: Record<string, number> = {
  GOV: 1,
  MIL: 1,
  COP: 1,
  JUD: 1,
  SPY: 1,
  REB: 2,
  INS: 2,
  OPP: 6,
  CVL: 7,
  REF: 7,
  IGO: 8,
  NGO: 8,
};

function acledTypes(e: StoredEvent): [string, string] {
  if (e.record.acled) return [e.record.acled.eventType, e.record.acled.subEventType];
  return ACLED_FALLBACK[e.type] ?? ['Strategic developments', 'Other'];
}

function timePrecision(e: StoredEvent): number {
  if (!e.dateStart || !e.dateEnd) return 3;
  const days = (Date.parse(e.dateEnd) - Date.parse(e.dateStart)) / 86_400_000;
  return days < 1 ? 1 : days <= 7 ? 2 : 3;
}

function geoPrecision(p: string | null): number | '' {
  if (p === 'point' || p === 'city') return 1;
  if (p === 'admin2') return 2;
  if (p === 'admin1' || p === 'country' || p === 'region') return 3;
  return '';
}

function acledRow(e: StoredEvent): unknown[] {
  const c = country(e.country);
  const [eventType, subType] = acledTypes(e);
  const actors = e.record.actors;
  const targets = e.record.recipients;
  const inter1 = actors[0]?.sector ? (INTER[actors[0].sector] ?? '') : '';
  const inter2 = targets[0]?.sector ? (INTER[targets[0].sector] ?? '') : '';
  const interaction =
    inter1 !== ''
      ? String(inter2 !== '' ? Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2) : inter1 * 10)
      : '';
  const hash = createHash('sha1').update(e.id).digest('hex').slice(0, 10);
  const notes = [
    e.dateStart ? `On ${e.dateStart},` : '',
    actors.map((a) => a.text).join(', ') || 'unnamed actors',
    e.record.trigger.text,
    targets.map((a) => a.text).join(', '),
    e.location ? `in ${e.location}` : '',
    e.fatalities !== null ? `(${e.fatalities} reported killed)` : '',
    e.factuality !== 'asserted' ? `[${e.factuality}]` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [
    `${c?.alpha3 ?? 'XXX'}${hash}`,
    e.dateStart ?? '',
    e.dateStart ? e.dateStart.slice(0, 4) : '',
    timePrecision(e),
    DISORDER[eventType] ?? 'Strategic developments',
    eventType,
    subType,
    actors[0]?.text ?? '',
    actors
      .slice(1)
      .map((a) => a.text)
      .join('; '),
    inter1,
    targets[0]?.text ?? '',
    targets
      .slice(1)
      .map((a) => a.text)
      .join('; '),
    inter2,
    interaction,
    inter2 === 7 ? 'Civilian targeting' : '',
    c?.numeric || '',
    '',
    c?.name ?? '',
    e.admin1 ?? '',
    e.admin2 ?? '',
    '',
    e.location ?? '',
    e.lat ?? '',
    e.lon ?? '',
    geoPrecision(e.precision),
    [e.outlet, e.credit].filter((x, i, a) => x && a.indexOf(x) === i).join('; '),
    '',
    notes,
    e.fatalities ?? 0,
    e.factuality === 'asserted' ? '' : `factuality=${e.factuality}`,
    Math.floor(Date.parse(e.updatedAt) / 1000),
  ];
}

function geoFeature(e: StoredEvent): string {
  return JSON.stringify({
    type: 'Feature',
    id: e.id,
    geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
    properties: {
      type: e.type,
      dateStart: e.dateStart,
      dateEnd: e.dateEnd,
      country: e.country,
      admin1: e.admin1,
      location: e.location,
      precision: e.precision,
      factuality: e.factuality,
      actors: e.record.actors.map((a) => a.text),
      recipients: e.record.recipients.map((a) => a.text),
      fatalities: e.fatalities,
      articleId: e.articleId,
      incidentId: e.incidentId,
      outlet: e.outlet,
      trigger: e.record.trigger.text,
    },
  });
}

/** The export as a stream of text chunks. Event filters apply to csv/geojson/acled; jsonl takes article filters. */
export async function* exportChunks(
  store: Store,
  format: ExportFormat,
  q: Omit<EventQuery, 'limit' | 'cursor'> = {},
): AsyncGenerator<string> {
  if (format === 'jsonl') {
    const aq: ArticleQuery = { from: q.from, to: q.to, q: q.q, updatedSince: q.updatedSince };
    for await (const r of store.streamRecords(aq)) yield `${JSON.stringify(r)}\n`;
    return;
  }
  if (format === 'geojson') {
    let buf = '{"type":"FeatureCollection","features":[\n';
    let first = true;
    for await (const e of store.streamEvents(q)) {
      if (e.lat === null || e.lon === null) continue;
      buf += `${first ? '' : ',\n'}${geoFeature(e)}`;
      first = false;
      if (buf.length > 65536) {
        yield buf;
        buf = '';
      }
    }
    yield `${buf}\n]}\n`;
    return;
  }
  const acled = format === 'acled';
  yield csvLine(acled ? [...ACLED_COLUMNS] : [...CSV_COLUMNS]);
  // Lines are grouped into chunks so the consumer is not called per row.
  let buf = '';
  for await (const e of store.streamEvents(q)) {
    buf += csvLine(acled ? acledRow(e) : csvRow(e));
    if (buf.length > 65536) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
