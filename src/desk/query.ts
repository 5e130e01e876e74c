/**
 * Queries behind the desk: a sortable, paged event table, map clusters computed in SQL (so the
 * browser never receives 100k rows), and timeline counts. Filter semantics follow the Store's
 * `EventQuery`; the desk adds ordering by any column, totals and review states.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { DeskFilters, TableOrder } from './filters.js';

type EB = ExpressionBuilder<Database, 'events'>;

const EXACT = ['point', 'city', 'admin2'];
const AREA = ['admin1', 'country', 'region'];

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function normKey(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Words of a free-text query, quoted so no FTS operator syntax gets in. */
function ftsTerms(q: string): string[] {
  return (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

export function eventWhere(store: Store, f: DeskFilters) {
  return (eb: EB): Expression<SqlBool> => {
    const c: Expression<SqlBool>[] = [];
    if (f.from) c.push(eb.and([eb('date_end', '>=', f.from), eb('date_end', '!=', '')]));
    if (f.to) c.push(eb.and([eb('date_start', '<=', f.to), eb('date_start', '!=', '')]));
    if (f.bbox) {
      const [w, s, e, n] = f.bbox;
      c.push(eb('lat', '>=', s), eb('lat', '<=', n));
      if (w <= e) c.push(eb('lon', '>=', w), eb('lon', '<=', e));
      else c.push(eb.or([eb('lon', '>=', w), eb('lon', '<=', e)]));
    }
    if (f.country) c.push(eb('country', '=', f.country.toUpperCase()));
    if (f.admin1) c.push(eb('admin1', '=', f.admin1));
    if (f.type?.length) c.push(eb('type', 'in', f.type));
    if (f.actor) {
      const pat = `%${escapeLike(normKey(f.actor))}%`;
      c.push(
        eb.or([
          eb('actors', 'like', sql<string>`${pat} escape '\\'`),
          eb('recipients', 'like', sql<string>`${pat} escape '\\'`),
        ]),
      );
    }
    if (f.source) {
      const s = normKey(f.source);
      c.push(eb.or([eb(eb.fn('lower', ['outlet']), '=', s), eb(eb.fn('lower', ['credit']), '=', s)]));
    }
    if (f.factuality?.length) c.push(eb('factuality', 'in', f.factuality));
    if (f.precision?.length) c.push(eb('precision', 'in', f.precision));
    if (f.minSources !== undefined && f.minSources > 1) c.push(eb('sources', '>=', f.minSources));
    if (f.q) {
      const terms = ftsTerms(f.q);
      // A query with no words matches nothing rather than everything.
      if (!terms.length) c.push(sql<SqlBool>`1 = 0`);
      else if (store.engine === 'sqlite') {
        const match = terms.map((t) => `"${t}"`).join(' ');
        c.push(
          eb(
            'article_id',
            'in',
            sql<string>`(select a.id from articles a join article_fts ft on ft.rowid = a.rowid where article_fts match ${match})`,
          ),
        );
      } else {
        const tsq = terms.join(' & ');
        c.push(
          eb(
            'article_id',
            'in',
            sql<string>`(select a.id from articles a where to_tsvector('english', coalesce(a.title, '') || ' ' || a.text) @@ to_tsquery('english', ${tsq}))`,
          ),
        );
      }
    }
    if (f.review === 'pending') c.push(eb('reviewed', '=', 0));
    else if (f.review === 'reviewed')
      c.push(
        eb('reviewed', '=', 1),
        eb.or([eb('review_status', 'is', null), eb('review_status', '!=', 'rejected')]),
      );
    else if (f.review === 'rejected') c.push(eb('reviewed', '=', 1), eb('review_status', '=', 'rejected'));
    return eb.and(c);
  };
}

/** One table row: the event's filter columns, without the full record. */
export interface DeskRow {
  id: string;
  articleId: string;
  incidentId: string | null;
  title: string | null;
  type: string;
  dateStart: string | null;
  dateEnd: string | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  factuality: string;
  actors: string[];
  recipients: string[];
  fatalities: number | null;
  outlet: string | null;
  credit: string | null;
  sources: number;
  review: 'pending' | 'accepted' | 'edited' | 'rejected';
}

const SORT_SQL = {
  date: 'date_start',
  type: 'type',
  country: 'country',
  location: 'location',
  fatalities: 'fatalities',
  sources: 'sources',
  outlet: 'outlet',
} as const;

export interface TablePage {
  rows: DeskRow[];
  total: number;
  page: number;
  pageSize: number;
}

export async function eventTable(store: Store, f: DeskFilters, o: TableOrder): Promise<TablePage> {
  const where = eventWhere(store, f);
  const col = SORT_SQL[o.sort];
  const [rows, count] = await Promise.all([
    store.db
      .selectFrom('events')
      .select([
        'id',
        'article_id',
        'incident_id',
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
        'outlet',
        'credit',
        'sources',
        'reviewed',
        'review_status',
        (eb) =>
          eb
            .selectFrom('articles')
            .select('title')
            .whereRef('articles.id', '=', 'events.article_id')
            .as('title'),
      ])
      .where(where)
      // Unknown values last in either direction, on both engines (PostgreSQL puts NULLs first in DESC).
      .orderBy(sql`${sql.ref(col)} ${sql.raw(o.dir)} nulls last`)
      .orderBy('id', o.dir)
      .limit(o.pageSize)
      .offset(o.page * o.pageSize)
      .execute(),
    // Counting every match is most of a page's cost over a large store; the total changes only with it.
    cached(store, `total|${JSON.stringify(f)}`, () =>
      store.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(where)
        .executeTakeFirstOrThrow(),
    ),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      incidentId: r.incident_id,
      title: r.title ?? null,
      type: r.type,
      dateStart: r.date_start || null,
      dateEnd: r.date_end || null,
      country: r.country,
      admin1: r.admin1,
      location: r.location,
      lat: r.lat === null ? null : Number(r.lat),
      lon: r.lon === null ? null : Number(r.lon),
      precision: r.precision,
      factuality: r.factuality,
      actors: r.actors ? r.actors.split('\n') : [],
      recipients: r.recipients ? r.recipients.split('\n') : [],
      fatalities: r.fatalities === null ? null : Number(r.fatalities),
      outlet: r.outlet,
      credit: r.credit,
      sources: Number(r.sources),
      review:
        Number(r.reviewed) === 0 ? 'pending' : ((r.review_status as DeskRow['review'] | null) ?? 'accepted'),
    })),
    total: Number(count.n),
    page: o.page,
    pageSize: o.pageSize,
  };
}

/** The desk header's counts: articles, events, and events awaiting review. */
export async function deskStats(
  store: Store,
): Promise<{ articles: number; events: number; pending: number }> {
  // Every page asks; counting 100k rows three times is worth keeping until the store changes.
  return cached(store, 'stats', async () => {
    const [articles, events, pending] = await Promise.all([
      store.countArticles(),
      store.countEvents(),
      store.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('reviewed', '=', 0)
        .executeTakeFirstOrThrow(),
    ]);
    return { articles, events, pending: Number(pending.n) };
  });
}

/** A map mark: a grid cell of located events, or an area (admin1/country/region) they are known only to. */
export interface MapMark {
  /** 'cell' for events located to a point, city or district; 'area' for coarser records. */
  kind: 'cell' | 'area';
  lat: number;
  lon: number;
  count: number;
  /** Most frequent type in the mark. */
  type: string;
  types: Record<string, number>;
  fatalities: number;
  /** Largest number of independent sources of any event in the mark. */
  sources: number;
  precision: string | null;
  country: string | null;
  admin1: string | null;
  /** The event id when the mark holds one event. */
  id: string | null;
}

/**
 * Map and timeline answers cached per store, keyed by the query and the store's write version.
 * Grouping 100k events takes a few hundred milliseconds; asking "has anything changed" must cost
 * next to nothing, since every cached answer asks it. On SQLite (one connection per store) the
 * version is the connection's own change count (`total_changes()`, moved by every insert, update
 * and delete it makes) and `data_version` (moved by every commit of another connection or process);
 * both are counters SQLite keeps, read without touching a table. On PostgreSQL: the latest
 * `updated_at` and the event count.
 * Answers are cached as promises, so a request that arrives while the same answer is being computed
 * (the warm-up at start, a second tab) waits for it instead of computing it again.
 */
const caches = new WeakMap<Store, Map<string, Promise<unknown>>>();
const CACHE_ENTRIES = 64;

async function storeVersion(store: Store): Promise<string> {
  if (store.engine === 'sqlite') {
    const r = await sql<{
      c: number;
      d: number;
    }>`select total_changes() as c, (select data_version from pragma_data_version) as d`.execute(store.db);
    return `${r.rows[0].c}.${r.rows[0].d}`;
  }
  const r = await store.db
    .selectFrom('events')
    .select((eb) => [eb.fn.max<string>('updated_at').as('u'), eb.fn.countAll<number>().as('n')])
    .executeTakeFirstOrThrow();
  return `${r.u ?? ''}#${r.n}`;
}

export async function cached<T>(store: Store, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(store);
  if (!cache) {
    cache = new Map();
    caches.set(store, cache);
  }
  const k = `${await storeVersion(store)}|${key}`;
  const hit = cache.get(k) as Promise<T> | undefined;
  if (hit !== undefined) {
    cache.delete(k);
    cache.set(k, hit); // most recently used last
    return hit;
  }
  const v = compute();
  cache.set(k, v);
  v.catch(() => cache.delete(k));
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return v;
}

/** Drop every cached answer for a store (benchmarks timing the uncached work). */
export function forgetCached(store: Store): void {
  caches.delete(store);
}

export interface MapMarks {
  marks: MapMark[];
  /** Matching events with no coordinates (cannot be drawn). */
  unlocated: number;
  cell: number;
}

/** Events grouped by grid cell (or area) and type: what the marks are made of. */
interface GroupRow {
  type: string;
  n: number;
  slat: number;
  slon: number;
  dead: number;
  src: number;
  id: string;
}
interface CellRow extends GroupRow {
  gy: number;
  gx: number;
}
interface AreaRow extends GroupRow {
  precision: string | null;
  country: string | null;
  admin1: string | null;
}
interface Grid {
  zoom: number;
  cells: CellRow[];
  areas: AreaRow[];
  unlocated: number;
}

/** Grid cell size (degrees) at a zoom level: it halves with each level. */
function cellSize(zoom: number): number {
  return 360 / 2 ** (zoom + 3);
}

export const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

function isWorld(v: [number, number, number, number]): boolean {
  return v[0] <= WORLD[0] && v[1] <= WORLD[1] && v[2] >= WORLD[2] && v[3] >= WORLD[3];
}

/**
 * Views of the whole world at this zoom or coarser are all regrouped from one grid at this zoom:
 * a cell at zoom z is exactly 2×2 cells at zoom z+1 (floor(x / 2c) = floor(floor(x / c) / 2)), so
 * the first paint's two world requests (before and after fitting the data) cost one query.
 */
const WORLD_GRID_ZOOM = 4;

async function groupEvents(
  store: Store,
  f: DeskFilters,
  zoom: number,
  view?: [number, number, number, number],
): Promise<Grid> {
  const cell = cellSize(zoom);
  const where = eventWhere(store, { ...f, bbox: view });
  // A literal (our own number), so the GROUP BY expression is textually the SELECT one on PostgreSQL.
  const floorLat = sql<number>`floor(lat / ${sql.lit(cell)})`;
  const floorLon = sql<number>`floor(lon / ${sql.lit(cell)})`;
  const [cells, areas, unlocated] = await Promise.all([
    store.db
      .selectFrom('events')
      .select([
        floorLat.as('gy'),
        floorLon.as('gx'),
        'type',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('lat').as('slat'),
        (eb) => eb.fn.sum<number>('lon').as('slon'),
        (eb) => eb.fn.sum<number>('fatalities').as('dead'),
        (eb) => eb.fn.max<number>('sources').as('src'),
        (eb) => eb.fn.min<string>('id').as('id'),
      ])
      .where(where)
      .where('lat', 'is not', null)
      .where((eb) => eb.or([eb('precision', 'in', EXACT), eb('precision', 'is', null)]))
      .groupBy([floorLat, floorLon, 'type'])
      .execute(),
    store.db
      .selectFrom('events')
      .select([
        'precision',
        'country',
        'admin1',
        'type',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('lat').as('slat'),
        (eb) => eb.fn.sum<number>('lon').as('slon'),
        (eb) => eb.fn.sum<number>('fatalities').as('dead'),
        (eb) => eb.fn.max<number>('sources').as('src'),
        (eb) => eb.fn.min<string>('id').as('id'),
      ])
      .where(where)
      .where('lat', 'is not', null)
      .where('precision', 'in', AREA)
      .groupBy(['precision', 'country', 'admin1', 'type'])
      .execute(),
    view
      ? Promise.resolve({ n: 0 })
      : store.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(eventWhere(store, f))
          .where('lat', 'is', null)
          .executeTakeFirstOrThrow(),
  ]);
  // PostgreSQL returns sums and counts as strings: numbers once, here.
  const group = (r: (typeof cells)[number] | (typeof areas)[number]): GroupRow => ({
    type: r.type,
    n: Number(r.n),
    slat: Number(r.slat),
    slon: Number(r.slon),
    dead: Number(r.dead ?? 0),
    src: Number(r.src ?? 1),
    id: r.id,
  });
  return {
    zoom,
    cells: cells.map((r) => ({ ...group(r), gy: Number(r.gy), gx: Number(r.gx) })),
    areas: areas.map((r) => ({ ...group(r), precision: r.precision, country: r.country, admin1: r.admin1 })),
    unlocated: Number(unlocated.n),
  };
}

/** The grid's cells regrouped at a coarser zoom (exact: see WORLD_GRID_ZOOM). */
function coarsen(g: Grid, zoom: number): CellRow[] {
  if (zoom >= g.zoom) return g.cells;
  const k = 2 ** (g.zoom - zoom);
  const out = new Map<string, CellRow>();
  for (const r of g.cells) {
    const gy = Math.floor(r.gy / k);
    const gx = Math.floor(r.gx / k);
    const key = `${gy}:${gx}:${r.type}`;
    const o = out.get(key);
    if (!o) out.set(key, { ...r, gy, gx });
    else {
      o.n += r.n;
      o.slat += r.slat;
      o.slon += r.slon;
      o.dead += r.dead;
      o.src = Math.max(o.src, r.src);
      if (r.id < o.id) o.id = r.id;
    }
  }
  return [...out.values()];
}

function toMarks(cells: CellRow[], areas: AreaRow[], unlocated: number, cell: number): MapMarks {
  const byKey = new Map<string, MapMark & { slat: number; slon: number }>();
  const add = (key: string, kind: MapMark['kind'], r: CellRow | AreaRow) => {
    let m = byKey.get(key);
    if (!m) {
      m = {
        kind,
        lat: 0,
        lon: 0,
        slat: 0,
        slon: 0,
        count: 0,
        type: r.type,
        types: {},
        fatalities: 0,
        sources: 0,
        precision: 'precision' in r ? r.precision : null,
        country: 'country' in r ? r.country : null,
        admin1: 'admin1' in r ? r.admin1 : null,
        id: null,
      };
      byKey.set(key, m);
    }
    m.count += r.n;
    m.slat += r.slat;
    m.slon += r.slon;
    m.types[r.type] = (m.types[r.type] ?? 0) + r.n;
    m.fatalities += r.dead;
    m.sources = Math.max(m.sources, r.src);
    m.id = m.count === 1 ? r.id : null;
  };
  for (const r of cells) add(`c${r.gy}:${r.gx}`, 'cell', r);
  for (const r of areas) add(`a${r.precision}:${r.country}:${r.admin1}`, 'area', r);
  const marks: MapMark[] = [];
  for (const m of byKey.values()) {
    const { slat, slon, ...rest } = m;
    // Most frequent type; ties go to the first in name order, so the answer is the same whatever
    // order the groups came in.
    let best = rest.type;
    for (const [t, n] of Object.entries(rest.types)) {
      const b = rest.types[best] ?? 0;
      if (n > b || (n === b && t < best)) best = t;
    }
    marks.push({ ...rest, type: best, lat: slat / m.count, lon: slon / m.count });
  }
  marks.sort((a, b) => b.count - a.count);
  return { marks, unlocated, cell };
}

/**
 * Clusters for the map: located events are binned on a grid whose cell halves with each zoom level;
 * events known only to a province or country are grouped by that area, never put on a pin.
 */
export async function mapMarks(
  store: Store,
  f: DeskFilters,
  zoom: number,
  view?: [number, number, number, number],
): Promise<MapMarks> {
  const z = Math.max(0, Math.min(18, Math.round(zoom)));
  if (view && isWorld(view) && z <= WORLD_GRID_ZOOM) {
    const { bbox: _own, ...rest } = f;
    const g = await cached(store, `grid|${JSON.stringify(rest)}`, () =>
      groupEvents(store, rest, WORLD_GRID_ZOOM, WORLD),
    );
    return toMarks(coarsen(g, z), g.areas, 0, cellSize(z));
  }
  const g = await groupEvents(store, f, z, view);
  return toMarks(g.cells, g.areas, g.unlocated, cellSize(z));
}

export interface TimelineData {
  interval: 'day' | 'week';
  /** Bucket start dates, ascending. */
  buckets: string[];
  /** Counts per type, aligned with `buckets`. */
  series: Record<string, number[]>;
}

function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

function nextDay(day: string, step: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + step);
  return d.toISOString().slice(0, 10);
}

/** Counts per day (or week, over long spans) and type; empty buckets included so the axis is true time. */
export async function timeline(store: Store, f: DeskFilters): Promise<TimelineData> {
  const day = sql<string>`substr(date_start, 1, 10)`;
  const rows = await store.db
    .selectFrom('events')
    .select([day.as('day'), 'type', (eb) => eb.fn.countAll<number>().as('n')])
    .where(eventWhere(store, f))
    .where('date_start', '!=', '')
    .groupBy([day, 'type'])
    .orderBy(day)
    .execute();
  if (!rows.length) return { interval: 'day', buckets: [], series: {} };
  const first = rows[0].day;
  const last = rows[rows.length - 1].day;
  const spanDays = (Date.parse(last) - Date.parse(first)) / 86_400_000;
  const interval = spanDays > 180 ? 'week' : 'day';
  const start = interval === 'week' ? mondayOf(first) : first;
  const step = interval === 'week' ? 7 : 1;
  const buckets: string[] = [];
  const index = new Map<string, number>();
  // Cap the axis: a stray date decades away must not allocate millions of buckets.
  for (let d = start; d <= last && buckets.length < 5000; d = nextDay(d, step)) {
    index.set(d, buckets.length);
    buckets.push(d);
  }
  const series: Record<string, number[]> = {};
  for (const r of rows) {
    const i = index.get(interval === 'week' ? mondayOf(r.day) : r.day);
    if (i === undefined) continue;
    series[r.type] ??= new Array(buckets.length).fill(0);
    series[r.type][i] += Number(r.n);
  }
  return { interval, buckets, series };
}
