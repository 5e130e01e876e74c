/**
 * Desk first paint over 100k events: synthetic events are written to a fresh SQLite store at run
 * time, the desk is served by the real API app, and headless Chromium loads it; first paint is the
 * time from navigation start to the desk's `desk-ready` mark (map marks, timeline and first table
 * page drawn). Target: ≤ 2 s. Also times the three API calls the first paint makes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLOVER_TYPES } from '../src/desk/filters.js';
import { mapMarks, timeline } from '../src/desk/query.js';
import type { PlacePrecision } from '../src/model/types.js';
import { fixtureRecord } from '../src/store/fixtures.js';
import { openStore } from '../src/store/index.js';
import { hasChromium, launch } from '../test/browser/browser.js';
import { serveDesk } from '../test/browser/harness.js';

const EVENTS = Number(process.env.SITREP_DESK_EVENTS ?? 100_000);
const PER_ARTICLE = 10;

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HUBS = [
  { country: 'SY', admin1: 'Aleppo', lat: 36.2, lon: 37.1 },
  { country: 'SY', admin1: 'Idlib', lat: 35.9, lon: 36.6 },
  { country: 'IQ', admin1: 'Baghdad', lat: 33.3, lon: 44.4 },
  { country: 'ML', admin1: 'Mopti', lat: 14.5, lon: -4.2 },
  { country: 'UA', admin1: 'Kharkiv', lat: 49.99, lon: 36.23 },
  { country: 'SD', admin1: 'Khartoum', lat: 15.5, lon: 32.56 },
  { country: 'MM', admin1: 'Sagaing', lat: 22.0, lon: 95.9 },
  { country: 'CO', admin1: 'Cauca', lat: 2.45, lon: -76.6 },
];
const PRECISIONS: PlacePrecision[] = ['point', 'city', 'city', 'city', 'admin2', 'admin1', 'country'];

export async function fill(store: Awaited<ReturnType<typeof openStore>>): Promise<number> {
  const r = rng(42);
  const day0 = Date.parse('2023-01-01T00:00:00Z');
  let made = 0;
  const batch = [];
  for (let a = 0; made < EVENTS; a++) {
    const hub = HUBS[Math.floor(r() * HUBS.length)];
    const date = new Date(day0 + Math.floor(r() * 730) * 86_400_000).toISOString().slice(0, 10);
    const events = [];
    let text = `Report ${a} from ${hub.admin1}.`;
    for (let i = 0; i < PER_ARTICLE && made < EVENTS; i++, made++) {
      const word = `Town${a}x${i}`;
      const dead = Math.floor(r() * 20);
      text += ` Fighting was reported near ${word} where ${dead} people died.`;
      const precision = PRECISIONS[Math.floor(r() * PRECISIONS.length)];
      events.push({
        type: PLOVER_TYPES[Math.floor(r() * PLOVER_TYPES.length)],
        trigger: 'Fighting',
        date,
        dead,
        place: {
          text: word,
          country: hub.country,
          admin1: hub.admin1,
          lat: hub.lat + (r() - 0.5) * 3,
          lon: hub.lon + (r() - 0.5) * 3,
          precision,
        },
      });
    }
    batch.push({
      record: fixtureRecord({
        text,
        title: `Report ${a}`,
        outlet: `Outlet ${a % 37}`,
        published: date,
        events,
      }),
    });
    if (batch.length >= 500) await store.putRecords(batch.splice(0));
  }
  if (batch.length) await store.putRecords(batch.splice(0));
  return store.countEvents();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run() {
  if (!hasChromium()) {
    console.log('bench desk: no Chromium at /usr/bin/chromium (apt-get install -y chromium); skipped');
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-desk-'));
  const store = await openStore({ db: join(dir, 'desk.db') });
  const t0 = performance.now();
  const events = await fill(store);
  const fillMs = performance.now() - t0;
  console.log(`bench desk: ${events} events written in ${(fillMs / 1000).toFixed(1)} s`);
  // Uncached cost of the aggregates the first paint needs (the server caches them per store version).
  const world: [number, number, number, number] = [-180, -85, 180, 85];
  const compute: Record<string, number> = {};
  for (const [name, fn] of [
    ['map', () => mapMarks(store, {}, 2, world)],
    ['timeline', () => timeline(store, {})],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s0 = performance.now();
      await fn();
      times.push(performance.now() - s0);
    }
    compute[name] = Math.round(median(times));
  }
  const desk = await serveDesk(store, dir);
  const api: Record<string, number> = {};
  for (const p of ['/events?pageSize=50', '/map?zoom=2&view=-180,-85,180,85', '/timeline', '/stats']) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s0 = performance.now();
      const r = await fetch(`${desk.url}/desk/api${p}`);
      await r.arrayBuffer();
      times.push(performance.now() - s0);
    }
    api[p.split('?')[0]] = Math.round(median(times));
  }
  const s = await launch();
  const paints: number[] = [];
  const filtered: number[] = [];
  const paint = async (query: string) => {
    await s.page.goto(`${desk.url}/desk/${query}`);
    await s.page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
    return s.page.evaluate(() => Math.round(performance.getEntriesByName('desk-ready')[0]?.startTime ?? -1));
  };
  try {
    for (let i = 0; i < 4; i++) paints.push(await paint(''));
    // Filters nobody asked for before: nothing cached, every aggregate computed for this paint.
    for (const t of ['ASSAULT', 'PROTEST', 'AID']) filtered.push(await paint(`?type=${t}`));
  } finally {
    await s.close();
    await desk.close();
  }
  const result = {
    events,
    firstPaintMs: { firstLoad: paints[0], repeatMedian: median(paints.slice(1)), all: paints },
    uncachedFilteredPaintMs: filtered,
    aggregateComputeMs: compute,
    apiMedianMs: api,
    targetMs: 2000,
    pass: Math.max(...paints) <= 2000,
  };
  console.log(
    `bench desk: first paint over ${events} events: first load ${paints[0]} ms, repeat median ${result.firstPaintMs.repeatMedian} ms (target ≤ 2000 ms); with uncached filters ${filtered.join(', ')} ms; aggregate compute ${JSON.stringify(compute)}; API medians ${JSON.stringify(api)}`,
  );
  return result;
}
