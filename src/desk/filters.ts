/**
 * The desk's filters as URL query parameters: one parser shared by the browser (filters live in the
 * URL) and the server (the same string is the API query), so what the table shows and what an
 * export writes come from one definition. DOM- and Node-free on purpose.
 */

import { FACTUALITIES, PLOVER_TYPES, PLACE_PRECISIONS as PRECISIONS } from '../model/vocab.js';

export { FACTUALITIES, PLOVER_TYPES, PRECISIONS };

/** Review state of an event: not yet looked at, accepted or edited by an analyst, or rejected. */
export const REVIEW_STATES = ['pending', 'reviewed', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface DeskFilters {
  from?: string;
  to?: string;
  /** [west, south, east, north]. */
  bbox?: [number, number, number, number];
  country?: string;
  admin1?: string;
  type?: string[];
  actor?: string;
  source?: string;
  factuality?: string[];
  precision?: string[];
  minSources?: number;
  q?: string;
  review?: ReviewState;
}

/** Table ordering: a whitelisted column and a direction. */
export const SORT_COLUMNS = [
  'date',
  'type',
  'country',
  'location',
  'fatalities',
  'sources',
  'outlet',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export const FILTER_KEYS = [
  'from',
  'to',
  'bbox',
  'country',
  'admin1',
  'type',
  'actor',
  'source',
  'factuality',
  'precision',
  'minSources',
  'q',
  'review',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Za-z]{2}$/;
const MAX_TEXT = 200;

export interface ParsedFilters {
  filters: DeskFilters;
  errors: string[];
}

function list(
  v: string | null,
  allowed: readonly string[],
  name: string,
  errors: string[],
): string[] | undefined {
  if (!v) return undefined;
  const out: string[] = [];
  for (const raw of v.split(',')) {
    const x = raw.trim();
    if (!x) continue;
    const hit = allowed.find((a) => a.toLowerCase() === x.toLowerCase());
    if (hit) out.push(hit);
    else errors.push(`${name}: unknown value "${x.slice(0, 40)}"`);
  }
  return out.length ? out : undefined;
}

function text(v: string | null, name: string, errors: string[]): string | undefined {
  if (v === null) return undefined;
  const t = v.trim();
  if (!t) return undefined;
  if (t.length > MAX_TEXT) {
    errors.push(`${name}: longer than ${MAX_TEXT} characters`);
    return undefined;
  }
  return t;
}

/** Read filters from query parameters; bad values are reported, not silently dropped. */
export function parseFilters(p: URLSearchParams): ParsedFilters {
  const errors: string[] = [];
  const f: DeskFilters = {};
  for (const k of ['from', 'to'] as const) {
    const v = p.get(k);
    if (v) {
      if (DATE.test(v)) f[k] = v;
      else errors.push(`${k}: expected YYYY-MM-DD`);
    }
  }
  const bbox = p.get('bbox');
  if (bbox) {
    const n = bbox.split(',').map(Number);
    const [w, s, e, north] = n;
    if (
      n.length === 4 &&
      n.every(Number.isFinite) &&
      s >= -90 &&
      north <= 90 &&
      s <= north &&
      w >= -180 &&
      e <= 180
    )
      f.bbox = [w, s, e, north];
    else errors.push('bbox: expected west,south,east,north in degrees');
  }
  const country = p.get('country');
  if (country) {
    if (COUNTRY.test(country)) f.country = country.toUpperCase();
    else errors.push('country: expected an ISO 3166-1 alpha-2 code');
  }
  const admin1 = text(p.get('admin1'), 'admin1', errors);
  if (admin1) f.admin1 = admin1;
  const type = list(p.get('type'), PLOVER_TYPES, 'type', errors);
  if (type) f.type = type;
  const fact = list(p.get('factuality'), FACTUALITIES, 'factuality', errors);
  if (fact) f.factuality = fact;
  const prec = list(p.get('precision'), PRECISIONS, 'precision', errors);
  if (prec) f.precision = prec;
  for (const k of ['actor', 'source', 'q'] as const) {
    const v = text(p.get(k), k, errors);
    if (v) f[k] = v;
  }
  const ms = p.get('minSources');
  if (ms) {
    const n = Number(ms);
    if (Number.isInteger(n) && n >= 1 && n <= 1000) f.minSources = n;
    else errors.push('minSources: expected a whole number from 1');
  }
  const review = p.get('review');
  if (review) {
    if ((REVIEW_STATES as readonly string[]).includes(review)) f.review = review as ReviewState;
    else errors.push(`review: expected one of ${REVIEW_STATES.join(', ')}`);
  }
  return { filters: f, errors };
}

function round(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** Write filters as query parameters (stable order, empty values left out). */
export function filtersToParams(f: DeskFilters, into = new URLSearchParams()): URLSearchParams {
  for (const k of FILTER_KEYS) into.delete(k);
  if (f.from) into.set('from', f.from);
  if (f.to) into.set('to', f.to);
  if (f.bbox) into.set('bbox', f.bbox.map(round).join(','));
  if (f.country) into.set('country', f.country);
  if (f.admin1) into.set('admin1', f.admin1);
  if (f.type?.length) into.set('type', f.type.join(','));
  if (f.actor) into.set('actor', f.actor);
  if (f.source) into.set('source', f.source);
  if (f.factuality?.length) into.set('factuality', f.factuality.join(','));
  if (f.precision?.length) into.set('precision', f.precision.join(','));
  if (f.minSources && f.minSources > 1) into.set('minSources', String(f.minSources));
  if (f.q) into.set('q', f.q);
  if (f.review) into.set('review', f.review);
  return into;
}

export interface TableOrder {
  sort: SortColumn;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [25, 50, 100, 200] as const;

export function parseOrder(p: URLSearchParams): TableOrder {
  const s = p.get('sort');
  const sort = (SORT_COLUMNS as readonly string[]).includes(s ?? '') ? (s as SortColumn) : 'date';
  const dir = p.get('dir') === 'asc' ? 'asc' : 'desc';
  const page = Math.max(0, Math.min(1_000_000, Math.floor(Number(p.get('page')) || 0)));
  const ps = Number(p.get('pageSize'));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(ps) ? ps : 50;
  return { sort, dir, page, pageSize };
}
