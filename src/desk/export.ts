/**
 * Export exactly what the desk's table shows: the same filters, the same order, every page.
 * Streamed page by page, so a large selection is written in constant memory.
 */
import type { Store } from '../store/store.js';
import type { DeskFilters, TableOrder } from './filters.js';
import { type DeskRow, eventTable } from './query.js';

export const EXPORT_FORMATS = ['csv', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_COLUMNS = [
  'id',
  'date_start',
  'date_end',
  'type',
  'actors',
  'recipients',
  'location',
  'admin1',
  'country',
  'latitude',
  'longitude',
  'precision',
  'fatalities',
  'sources',
  'factuality',
  'outlet',
  'credit',
  'review',
  'article_id',
  'incident_id',
  'title',
] as const;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join('; ') : String(v);
  // Quote always when needed; a leading =,+,-,@ is prefixed so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvRow(r: DeskRow): string {
  return `${[
    r.id,
    r.dateStart,
    r.dateEnd,
    r.type,
    r.actors,
    r.recipients,
    r.location,
    r.admin1,
    r.country,
    r.lat,
    r.lon,
    r.precision,
    r.fatalities,
    r.sources,
    r.factuality,
    r.outlet,
    r.credit,
    r.review,
    r.articleId,
    r.incidentId,
    r.title,
  ]
    .map(csvCell)
    .join(',')}\n`;
}

function feature(r: DeskRow): string {
  const { lat, lon, ...props } = r;
  return JSON.stringify({
    type: 'Feature',
    geometry: lat === null || lon === null ? null : { type: 'Point', coordinates: [lon, lat] },
    properties: props,
  });
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

const PAGE = 1000;

export async function* exportRows(
  store: Store,
  f: DeskFilters,
  order: Pick<TableOrder, 'sort' | 'dir'>,
  format: ExportFormat,
): AsyncIterable<string> {
  if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\n`;
  if (format === 'geojson') yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for (let page = 0; ; page++) {
    const t = await eventTable(store, f, { ...order, page, pageSize: PAGE });
    let chunk = '';
    for (const r of t.rows) {
      if (format === 'csv') chunk += csvRow(r);
      else if (format === 'jsonl') chunk += `${JSON.stringify(r)}\n`;
      else {
        chunk += `${first ? '' : ',\n'}${feature(r)}`;
        first = false;
      }
    }
    if (chunk) yield chunk;
    if (t.rows.length < PAGE) break;
  }
  if (format === 'geojson') yield '\n]}\n';
}
