/**
 * Collection benchmarks (issue 7 targets):
 *  1. ingest of N news-length articles (default 10,000; BENCH_INGEST_N) into SQLite: whole pipeline +
 *     store, worker threads, articles/s and peak memory (target ≥ 300/s, ≤ 1 GB);
 *  2. the same into PostgreSQL (target ≥ 200/s);
 *  3. event queries with filters over 1M stored events through the API (target p95 ≤ 50 ms);
 *  4. export of those 1M events, streamed (constant memory).
 * The corpus is generated at run time from ../shared article texts (paragraphs of different articles
 * mixed, so every article is distinct) and never stored; without ../shared this prints one line.
 * Parts can be chosen with BENCH_INGEST_PARTS=sqlite,postgres,query,export; BENCH_INGEST_WORKERS sets
 * the coding threads (default: as `sitrep ingest`).
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { rng } from '../eval/dedup-corpus.js';
import { SHARED_DIR } from '../eval/shared.js';
import { printTable } from '../eval/table.js';
import { createApp } from '../src/api/app.js';
import { exportChunks } from '../src/export/formats.js';
import { defaultWorkers } from '../src/ingest/run.js';
import { openStore } from '../src/store/open.js';
import type { PutRecord } from '../src/store/store.js';
import { createTempPostgres } from '../src/store/test-db.js';
import { cliArgs } from './built.js';

const SHARED = process.env.SITREP_SHARED || SHARED_DIR;

/** Coding threads for the ingest runs: BENCH_INGEST_WORKERS, else what `sitrep ingest` uses. */
function codingThreads(): number {
  return Number(process.env.BENCH_INGEST_WORKERS) || defaultWorkers();
}

function sourceTexts(): string[] | null {
  const dirs = [
    join(SHARED, 'data', 'attribution', 'polnear', 'train', 'text'),
    join(SHARED, 'data', 'attribution', 'polnear', 'dev', 'text'),
  ];
  const texts: string[] = [];
  for (const d of dirs) {
    try {
      for (const f of readdirSync(d).sort())
        if (f.endsWith('.txt')) texts.push(readFileSync(join(d, f), 'utf8'));
    } catch {
      // folder absent
    }
  }
  return texts.length ? texts : null;
}

/** N distinct news-length articles (about 3,000 characters) as JSON Lines. */
function makeCorpus(texts: string[], n: number, file: string): { meanChars: number } {
  const paras = texts.map((t) => t.split(/\n\s*\n/).filter((p) => p.trim().length > 40));
  const r = rng(11);
  const lines: string[] = [];
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const a = paras[Math.floor(r() * paras.length)];
    const b = paras[Math.floor(r() * paras.length)];
    const body: string[] = [];
    let len = 0;
    for (let k = 0; len < 3000 && k < 40; k++) {
      const src = k % 3 === 2 ? b : a;
      const p = src[Math.floor(r() * src.length)] ?? '';
      body.push(p);
      len += p.length;
    }
    const text = body.join('\n\n');
    chars += text.length;
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      JSON.stringify({
        id: `b${i}`,
        title: body[0].slice(0, 80),
        text,
        outlet: `Outlet ${i % 40}`,
        published: `2016-0${(i % 9) + 1}-${day}`,
      }),
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { meanChars: chars / n };
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const RSS_ON_EXIT = fileURLToPath(new URL('./rss-on-exit.mjs', import.meta.url));

/**
 * `sitrep ingest` as a user runs it: the CLI (./built.ts) in its own process (startup included), so the peak
 * memory is the CLI's alone, not this benchmark's corpus and bookkeeping. No merge step (timed apart).
 */
async function benchIngest(db: string, file: string, n: number, label: string) {
  const args = ['--import', RSS_ON_EXIT, ...cliArgs(), 'ingest', file, '--db', db, '--no-merge'];
  args.push('--workers', String(codingThreads()));
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  const out = `${child.stdout}${child.stderr}`;
  const counts = /(\d+) stored, (\d+) already stored, (\d+) failed/.exec(out);
  const rss = /sitrep-bench-maxrss-kb (\d+)/.exec(out);
  if (child.status !== 0 || !counts || !rss)
    throw new Error(`${label}: sitrep ingest exited ${child.status}: ${out.trim().split('\n').pop()}`);
  const [inserted, duplicates, failed] = counts.slice(1).map(Number);
  const store = await openStore({ db });
  try {
    const stored = await store.countArticles();
    if (inserted + duplicates !== n || failed || stored !== inserted)
      throw new Error(`${label}: stored ${stored} of ${n}`);
  } finally {
    await store.close();
  }
  return {
    part: `ingest → ${label}`,
    articles: inserted,
    seconds,
    perSecond: (inserted + duplicates) / seconds,
    peakRssMb: Math.round(Number(rss[1]) / 1024),
  };
}

/** The store's share alone: coded records from `fromDb` written again, 64 per transaction. */
async function benchStoreOnly(fromDb: string, toDb: string, label: string) {
  const from = await openStore({ db: fromDb });
  const to = await openStore({ db: toDb });
  try {
    let ms = 0;
    let n = 0;
    let batch: PutRecord[] = [];
    const flush = async () => {
      const t0 = performance.now();
      await to.putRecords(batch);
      ms += performance.now() - t0;
      n += batch.length;
      batch = [];
    };
    for await (const record of from.streamRecords()) {
      batch.push({ record });
      if (batch.length === 64) await flush();
    }
    if (batch.length) await flush();
    return {
      part: `store only → ${label}`,
      articles: n,
      seconds: ms / 1000,
      perSecond: n / (ms / 1000),
      peakRssMb: peakRssMb(),
    };
  } finally {
    await from.close();
    await to.close();
  }
}

const TYPES = [
  'ASSAULT',
  'PROTEST',
  'COERCE',
  'ACCUSE',
  'MOBILIZE',
  'CONSULT',
  'THREATEN',
  'AID',
  'REQUEST',
  'SUPPORT',
];
const COUNTRIES = [
  'SY',
  'IQ',
  'UA',
  'SD',
  'ML',
  'NG',
  'AF',
  'YE',
  'MX',
  'CO',
  'IN',
  'PK',
  'ET',
  'SO',
  'CD',
  'MM',
  'LY',
  'BF',
  'CM',
  'PH',
];
const FACT = ['asserted', 'asserted', 'asserted', 'reported', 'reported', 'uncertain', 'denied'];
const PREC = ['city', 'city', 'admin1', 'admin2', 'country', 'point'];
const ACTORS = [
  'police',
  'army',
  'protesters',
  'rebels',
  'gunmen',
  'militia',
  'students',
  'farmers',
  'government',
  'opposition',
];

/** Fill a SQLite store with `n` synthetic events directly (the store's own schema, one transaction). */
function fillEvents(path: string, n: number): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const r = rng(3);
  const ins = db.prepare(
    `insert into events (id, article_id, incident_id, type, date_start, date_end, country, admin1, admin2, location, lat, lon, precision, factuality, actors, recipients, fatalities, outlet, credit, source_key, sources, reviewed, updated_at, record)
     values (?, ?, null, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, 0, ?, ?)`,
  );
  const base = Date.UTC(2023, 0, 1);
  // Rows go in 50k per transaction, so the write-ahead log stays small.
  const tx = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const type = TYPES[Math.floor(r() * r() * TYPES.length)];
      const day = new Date(base + Math.floor(r() * 1095) * 86_400_000).toISOString().slice(0, 10);
      const ci = Math.floor(r() * r() * COUNTRIES.length);
      const country = COUNTRIES[ci];
      const lat = -10 + ci * 3 + r() * 4;
      const lon = -20 + ci * 7 + r() * 5;
      const actor = ACTORS[Math.floor(r() * ACTORS.length)];
      const target = ACTORS[Math.floor(r() * ACTORS.length)];
      const dead = type === 'ASSAULT' ? Math.floor(r() * 30) : null;
      const aid = `sha256:${(i >> 3).toString(16).padStart(32, '0')}`;
      const id = `${aid}:e${i & 7}`;
      const record = JSON.stringify({
        id: `e${i & 7}`,
        type,
        actors: [{ start: 0, end: actor.length, text: actor }],
        recipients: [{ start: 10, end: 10 + target.length, text: target }],
        interval: [day, day],
        quantities: dead === null ? [] : [{ start: 30, end: 32, kind: 'dead', value: dead }],
        factuality: FACT[i % FACT.length],
        trigger: { start: 20, end: 27, text: 'clashed' },
        sentence: 0,
        confidence: 0.8,
      });
      ins.run(
        id,
        aid,
        type,
        day,
        day,
        country,
        `Province ${ci}-${i % 5}`,
        `Town ${i % 997}`,
        lat,
        lon,
        PREC[i % PREC.length],
        FACT[i % FACT.length],
        actor,
        target,
        dead,
        `Outlet ${i % 40}`,
        `outlet:outlet ${i % 40}`,
        1 + (i % 11 === 0 ? 2 : 0),
        '2026-01-01T00:00:00.000Z',
        record,
      );
    }
  });
  for (let i = 0; i < n; i += 50_000) tx(i, Math.min(n, i + 50_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('analyze');
  db.close();
}

function storedEvents(path: string): number {
  if (!existsSync(path)) return -1;
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from events').get() as { n: number }).n;
  } catch {
    return -1;
  } finally {
    db.close();
  }
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export async function benchQueries(path: string) {
  const store = await openStore({ db: path });
  // Measured: the query itself. Not the desk's start-up warming (map and timeline over all events),
  // nor the API's answers kept in memory (the repeated shapes below would be served from it).
  const app = createApp(store, { warmDesk: false, cacheReads: false });
  const r = rng(5);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const month = () => `2024-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`;
  const shapes: [string, () => string][] = [
    [
      'time range',
      () => {
        const m = month();
        return `from=${m}-01&to=${m}-28`;
      },
    ],
    ['country + time', () => `country=${pick(COUNTRIES)}&from=2024-01-01&to=2024-06-30`],
    ['type + country', () => `type=${pick(TYPES)}&country=${pick(COUNTRIES)}`],
    ['bbox + time', () => `bbox=0,0,40,30&from=${month()}-01`],
    ['type list + factuality', () => `type=ASSAULT,PROTEST&factuality=asserted,reported`],
    ['precision + min sources', () => `precision=city,point&min_sources=2`],
    [
      'admin1',
      () => `admin1=${encodeURIComponent(`Province ${Math.floor(r() * 20)}-${Math.floor(r() * 5)}`)}`,
    ],
    ['actor', () => `actor=${pick(ACTORS)}&country=${pick(COUNTRIES)}`],
    ['source', () => `source=${encodeURIComponent(`Outlet ${Math.floor(r() * 40)}`)}&from=2025-01-01`],
    ['next page', () => ''],
  ];
  const times = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const all: number[] = [];
  let lastNext: string | null = null;
  // Warm the page cache once.
  await app.request('/events?limit=100');
  for (let round = 0; round < 30; round++) {
    for (const [name, make] of shapes) {
      let qs = make();
      if (name === 'next page') {
        if (!lastNext) continue;
        qs = `cursor=${encodeURIComponent(lastNext)}`;
      }
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const res = await app.request(`/events?limit=100&${qs}`);
      const body = (await res.json()) as { items: unknown[]; next: string | null };
      const ms = performance.now() - t0;
      const c1 = process.cpuUsage(c0);
      const cl = cpu.get(name) ?? [];
      cl.push((c1.user + c1.system) / 1000);
      cpu.set(name, cl);
      if (res.status !== 200) throw new Error(`query ${qs}: HTTP ${res.status}`);
      if (body.next) lastNext = body.next;
      all.push(ms);
      const l = times.get(name) ?? [];
      l.push(ms);
      times.set(name, l);
    }
  }
  await store.close();
  const rows = [...times].map(([shape, xs]) => ({
    shape,
    n: xs.length,
    p50: pct(xs, 50),
    p95: pct(xs, 95),
    cpuP95: pct(cpu.get(shape) ?? [], 95),
  }));
  const allCpu = [...cpu.values()].flat();
  rows.push({ shape: 'ALL', n: all.length, p50: pct(all, 50), p95: pct(all, 95), cpuP95: pct(allCpu, 95) });
  return rows;
}

async function benchExport(path: string, n: number) {
  const store = await openStore({ db: path });
  try {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let maxRss = before;
    let bytes = 0;
    let lines = 0;
    const t0 = performance.now();
    for await (const chunk of exportChunks(store, 'acled', {})) {
      bytes += chunk.length;
      for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) lines++;
      if ((lines & 0x3fff) === 0) maxRss = Math.max(maxRss, process.memoryUsage().rss);
    }
    maxRss = Math.max(maxRss, process.memoryUsage().rss);
    const secs = (performance.now() - t0) / 1000;
    if (lines - 1 !== n) throw new Error(`exported ${lines - 1} of ${n} events`);
    return {
      part: 'export 1M events (acled csv)',
      events: lines - 1,
      seconds: secs,
      perSecond: (lines - 1) / secs,
      mb: bytes / 1024 / 1024,
      rssBeforeMb: Math.round(before / 1024 / 1024),
      rssMaxMb: Math.round(maxRss / 1024 / 1024),
    };
  } finally {
    await store.close();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const parts = new Set((process.env.BENCH_INGEST_PARTS ?? 'sqlite,postgres,query,export').split(','));
  const n = Number(process.env.BENCH_INGEST_N ?? 10_000);
  const nEvents = Number(process.env.BENCH_EVENTS_N ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  const out: Record<string, unknown> = { name: 'ingest', workers: codingThreads() };
  try {
    if (parts.has('sqlite') || parts.has('postgres')) {
      const texts = sourceTexts();
      if (!texts) {
        console.log(`skipped ingest: no article texts under ${SHARED} (../shared is absent)`);
      } else {
        const file = join(dir, 'corpus.jsonl');
        const { meanChars } = makeCorpus(texts, n, file);
        console.log(
          `corpus: ${n} articles, mean ${Math.round(meanChars)} chars, ${codingThreads()} coding threads`,
        );
        out.meanChars = meanChars;
        const rows = [];
        const sqlite = join(dir, 'bench.db');
        if (parts.has('sqlite')) {
          rows.push(await benchIngest(sqlite, file, n, 'SQLite'));
          rows.push(await benchStoreOnly(sqlite, join(dir, 'copy.db'), 'SQLite'));
        }
        if (parts.has('postgres')) {
          const pg = await createTempPostgres('sitrep_bench');
          try {
            rows.push(await benchIngest(pg.url, file, n, 'PostgreSQL'));
            if (parts.has('sqlite')) {
              const pg2 = await createTempPostgres('sitrep_bench');
              try {
                rows.push(await benchStoreOnly(sqlite, pg2.url, 'PostgreSQL'));
              } finally {
                await pg2.drop();
              }
            }
          } finally {
            await pg.drop();
          }
        }
        printTable(rows);
        out.ingest = rows;
      }
    }
    if (parts.has('query') || parts.has('export')) {
      // BENCH_EVENTS_DB keeps the filled store between runs (refilled when its size differs).
      const keep = process.env.BENCH_EVENTS_DB;
      const path = keep || join(dir, 'events.db');
      if (!keep || storedEvents(path) !== nEvents) {
        rmSync(path, { force: true });
        const s = await openStore({ db: path }); // migrate
        await s.close();
        const t0 = performance.now();
        fillEvents(path, nEvents);
        console.log(
          `\nfilled ${nEvents} synthetic events in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
      }
      if (parts.has('query')) {
        const rows = await benchQueries(path);
        printTable(rows);
        out.query = rows;
      }
      if (parts.has('export')) {
        const row = await benchExport(path, nEvents);
        printTable([row]);
        out.export = row;
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
