/**
 * API under load: `sitrep serve` (accounts on, an editor token) over a store of N events built at
 * run time, 200 concurrent clients for D seconds (autocannon) on a mix of event, incident and
 * article queries. Reports requests/s, latency p50/p99, errors, and the server's memory over the run.
 * `npm run bench -- api-load` (N = SITREP_LOAD_EVENTS, default 1,000,000; D = SITREP_LOAD_SECONDS, 60).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { addUser, createToken } from '../src/accounts/accounts.js';
import { fixtureRecord } from '../src/store/fixtures.js';
import { openStore } from '../src/store/open.js';
import { cliArgs } from './built.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CITIES: [string, string, number, number][] = [
  ['Kora', 'ML', 14.5, -4.2],
  ['Gao', 'ML', 16.3, -0.04],
  ['Kano', 'NG', 12.0, 8.5],
  ['Goma', 'CD', -1.7, 29.2],
  ['Aden', 'YE', 12.8, 45.0],
  ['Idlib', 'SY', 35.9, 36.6],
];

/** A store of about `events` events (4 per made-up article), written in batches. */
export async function buildStore(db: string, events: number): Promise<string> {
  const store = await openStore({ db });
  const articles = Math.ceil(events / 4);
  const batch = 500;
  for (let i = 0; i < articles; i += batch) {
    const recs = [];
    for (let j = i; j < Math.min(articles, i + batch); j++) {
      // Day and place vary independently: each day (j mod 336) holds every city in turn. (Taking
      // both from j mod 12 and j mod 6 put each month's events in one city: a box query then read
      // up to a whole window of the date index to find its page, a case real stores do not have.)
      const k = j % 336;
      const [city, cc, lat, lon] = CITIES[Math.floor(j / 336) % CITIES.length];
      const day = `2024-${String(1 + Math.floor(k / 28)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`;
      const place = { text: city, country: cc, lat, lon };
      recs.push({
        record: fixtureRecord({
          text: `Gunmen attacked a convoy near ${city} and ${j % 50} people were killed. Troops shelled positions near ${city}. Protesters marched in ${city}. Officials met elders in ${city}. Note ${j}.`,
          outlet: `Outlet ${j % 9}`,
          published: day,
          events: [
            { trigger: 'attacked', actor: 'Gunmen', dead: j % 50, place },
            { trigger: 'shelled', actor: 'Troops', place },
            { type: 'PROTEST', trigger: 'marched', actor: 'Protesters', place },
            { type: 'CONSULT', trigger: 'met', actor: 'Officials', place },
          ],
        }),
      });
    }
    await store.putRecords(recs, 'bench');
  }
  await addUser(store, 'loadtest', 'editor').catch(() => {});
  const { token } = await createToken(store, 'loadtest', { ratePerMin: 100_000_000 });
  await store.close();
  return token;
}

async function fresh(db: string, events: number): Promise<string> {
  rmSync(db, { force: true });
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  return buildStore(db, events);
}

async function storedEvents(db: string): Promise<number> {
  if (!existsSync(db)) return -1;
  const store = await openStore({ db });
  try {
    return await store.countEvents();
  } finally {
    await store.close();
  }
}

/** A new token of the load-test user in a kept store. */
async function loadToken(db: string): Promise<string> {
  const store = await openStore({ db });
  try {
    return (await createToken(store, 'loadtest', { ratePerMin: 100_000_000 })).token;
  } finally {
    await store.close();
  }
}

/**
 * Resident memory of the server (its process and, with --processes N, its server processes) in kB:
 * `private` is its own memory (heap, SQLite's page cache: what grows when it leaks); `mapped` the
 * pages of files it maps, the store among them (`sitrep serve` reads SQLite through a memory map),
 * which the kernel shares and can reclaim.
 */
function rssKb(pid: number): { private: number; mapped: number } {
  const out = { private: 0, mapped: 0 };
  let kids: string[] = [];
  try {
    kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    // no children file (kernel without it): the primary alone
  }
  for (const p of [String(pid), ...kids]) {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      out.private += Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0);
      out.mapped += Number(/RssFile:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // a server process that just ended
    }
  }
  return out;
}

/**
 * `sitrep serve --db DB --port 0 ARGS…` in a child process, resolved once it says where it serves;
 * `stderr()` is what it has written there so far. ARGS default to the bench's:
 * `--processes $SITREP_LOAD_PROCESSES` (default 1).
 */
export function startServer(
  db: string,
  args: string[] = ['--processes', process.env.SITREP_LOAD_PROCESSES ?? '1'],
): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  // SITREP_LOAD_PROF=DIR writes a CPU profile of the server there (node --cpu-prof).
  const prof = process.env.SITREP_LOAD_PROF;
  const child = spawn(
    process.execPath,
    [
      ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []),
      ...cliArgs(),
      ...['serve', '--db', db, '--port', '0', ...args],
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err.slice(-300)}`)), 120_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.length > 100_000) err = err.slice(-10_000);
      const m = /serving on (http:\/\/[^\s]+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], stderr: () => err });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${err.slice(-300)}`));
    });
  });
}

export interface LoadResult {
  mix: LoadMix;
  events: number;
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  rssStartMb: number;
  rssEndMb: number;
  rssMaxMb: number;
  /** The most file pages (the store's, mapped) resident at once, MB. */
  mappedMaxMb: number;
}

/**
 * The request mix. `views`: the same few desk views over and over (what a team watching one desk
 * sends; the read cache answers most of them). `varied`: every request a different filter
 * combination (random date windows, countries, types, boxes), so nearly every one reaches the store.
 */
export type LoadMix = 'views' | 'varied';

const VIEWS = [
  '/events?limit=50',
  '/events?country=ML&limit=50',
  '/events?type=ASSAULT&from=2024-03-01&to=2024-06-30&limit=50',
  '/events?bbox=-5,10,10,20&limit=20',
  '/incidents?limit=20',
  '/articles?limit=20',
  '/aggregates?interval=week&by=type&from=2024-01-01&to=2024-03-31',
];

function variedPath(r: () => number): string {
  const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  const from = Math.floor(r() * 330);
  const to = from + 1 + Math.floor(r() * 60);
  const q = [`from=${day(from)}`, `to=${day(to)}`, `limit=${10 + Math.floor(r() * 41)}`];
  const roll = r();
  if (roll < 0.3) q.push(`country=${CITIES[Math.floor(r() * CITIES.length)][1]}`);
  else if (roll < 0.55) q.push(`type=${['ASSAULT', 'PROTEST', 'CONSULT', 'COERCE'][Math.floor(r() * 4)]}`);
  else if (roll < 0.7) {
    const [, , lat, lon] = CITIES[Math.floor(r() * CITIES.length)];
    const w = 1 + r() * 4;
    q.push(
      `bbox=${(lon - w).toFixed(2)},${(lat - w).toFixed(2)},${(lon + w).toFixed(2)},${(lat + w).toFixed(2)}`,
    );
  }
  if (r() < 0.15) return `/aggregates?interval=day&by=type&${q.slice(0, 2).join('&')}`;
  return `/events?${q.join('&')}`;
}

export async function loadTest(
  events: number,
  seconds: number,
  connections = 200,
  mix: LoadMix = 'views',
): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-load-'));
  // SITREP_LOAD_DB keeps the built store between runs (rebuilt when it holds a different count).
  const keep = process.env.SITREP_LOAD_DB;
  const db = keep || join(dir, 'load.db');
  const token =
    keep && (await storedEvents(keep)) === events ? await loadToken(keep) : await fresh(db, events);
  const { child, url } = await startServer(db);
  const pid = child.pid!;
  try {
    const paths = VIEWS;
    let seed = 17;
    const r = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const next = mix === 'views' ? () => paths[i++ % paths.length] : () => variedPath(r);
    // The desk computes its first answers at start, each one long read that holds the event loop:
    // wait for them (a server just started stalls that long once), then warm the store's pages.
    for (let t = 0; t < 1200; t++) {
      const h = (await (await fetch(`${url}/health`)).json()) as { warming?: boolean };
      if (!h.warming) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // Warm up (first queries load the store's pages).
    for (const p of paths) await fetch(url + p, { headers: { authorization: `Bearer ${token}` } });
    const samples: number[] = [];
    let mappedMax = 0;
    const sample = () => {
      const kb = rssKb(pid);
      samples.push(kb.private);
      mappedMax = Math.max(mappedMax, kb.mapped);
    };
    sample();
    const timer = setInterval(sample, 1000);
    let i = 0;
    const res = await autocannon({
      url,
      connections,
      duration: seconds,
      headers: { authorization: `Bearer ${token}` },
      requests: [{ setupRequest: (req) => ({ ...req, path: next() }) }],
    });
    clearInterval(timer);
    sample();
    const mb = (kb: number) => Math.round(kb / 1024);
    return {
      mix,
      events,
      seconds,
      connections,
      requests: res.requests.total,
      requestsPerSecond: Math.round(res.requests.average),
      p50: res.latency.p50,
      p99: res.latency.p99,
      errors: res.errors,
      timeouts: res.timeouts,
      non2xx: res.non2xx,
      // Start after warm-up; end and max over the run: flat memory means end ≈ the steady level, not growing.
      rssStartMb: mb(samples[Math.min(5, samples.length - 1)]),
      rssEndMb: mb(samples[samples.length - 1]),
      rssMaxMb: mb(Math.max(...samples)),
      mappedMaxMb: mb(mappedMax),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run() {
  const events = Number(process.env.SITREP_LOAD_EVENTS ?? 1_000_000);
  const seconds = Number(process.env.SITREP_LOAD_SECONDS ?? 60);
  const mixes = (process.env.SITREP_LOAD_MIX ?? 'views,varied').split(',') as LoadMix[];
  const results: LoadResult[] = [];
  for (const mix of mixes) {
    const r = await loadTest(events, seconds, 200, mix);
    results.push(r);
    console.log(
      `${r.mix}: ${r.events} events, ${r.connections} clients, ${r.seconds} s: ${r.requestsPerSecond} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms (target ≤ 100), errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}, server private memory ${r.rssStartMb} → ${r.rssEndMb} MB (max ${r.rssMaxMb}), mapped file pages up to ${r.mappedMaxMb} MB`,
    );
  }
  return { name: 'api-load', results };
}
