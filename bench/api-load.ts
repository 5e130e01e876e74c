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
      const [city, cc, lat, lon] = CITIES[j % CITIES.length];
      const day = `2024-${String(1 + (j % 12)).padStart(2, '0')}-${String(1 + (j % 28)).padStart(2, '0')}`;
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

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  // SITREP_LOAD_PROF=DIR writes a CPU profile of the server there (node --cpu-prof).
  const prof = process.env.SITREP_LOAD_PROF;
  const child = spawn(
    process.execPath,
    [
      ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []),
      '--import',
      'tsx',
      'src/cli/main.ts',
      'serve',
      '--db',
      db,
      '--port',
      '0',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /serving on (http:\/\/[^\s]+)/.exec(err);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err.slice(-300)}`)));
  });
}

export interface LoadResult {
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
}

export async function loadTest(events: number, seconds: number, connections = 200): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-load-'));
  // SITREP_LOAD_DB keeps the built store between runs (rebuilt when it holds a different count).
  const keep = process.env.SITREP_LOAD_DB;
  const db = keep || join(dir, 'load.db');
  const token =
    keep && (await storedEvents(keep)) === events ? await loadToken(keep) : await fresh(db, events);
  const { child, url } = await startServer(db);
  const pid = child.pid!;
  try {
    const paths = [
      '/events?limit=50',
      '/events?country=ML&limit=50',
      '/events?type=ASSAULT&from=2024-03-01&to=2024-06-30&limit=50',
      '/events?bbox=-5,10,10,20&limit=20',
      '/incidents?limit=20',
      '/articles?limit=20',
      '/aggregates?interval=week&by=type&from=2024-01-01&to=2024-03-31',
    ];
    // Warm up (first queries load the store's pages).
    for (const p of paths) await fetch(url + p, { headers: { authorization: `Bearer ${token}` } });
    const samples: number[] = [rssKb(pid)];
    const timer = setInterval(() => samples.push(rssKb(pid)), 1000);
    let i = 0;
    const r = await autocannon({
      url,
      connections,
      duration: seconds,
      headers: { authorization: `Bearer ${token}` },
      requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
    });
    clearInterval(timer);
    samples.push(rssKb(pid));
    const mb = (kb: number) => Math.round(kb / 1024);
    return {
      events,
      seconds,
      connections,
      requests: r.requests.total,
      requestsPerSecond: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      // Start after warm-up; end and max over the run: flat memory means end ≈ the steady level, not growing.
      rssStartMb: mb(samples[Math.min(5, samples.length - 1)]),
      rssEndMb: mb(samples[samples.length - 1]),
      rssMaxMb: mb(Math.max(...samples)),
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
  const r = await loadTest(events, seconds);
  console.log(
    `${r.events} events, ${r.connections} clients, ${r.seconds} s: ${r.requestsPerSecond} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms (target ≤ 100), errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}, server RSS ${r.rssStartMb} → ${r.rssEndMb} MB (max ${r.rssMaxMb})`,
  );
  return { name: 'api-load', ...r };
}
