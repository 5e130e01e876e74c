/**
 * Near-duplicate clustering + incident merge over a store built at run time: N made-up articles over
 * a year (two events each, 300 places in four countries, a pool of actors), of which a share re-report
 * an earlier article's incident from another outlet a day or two later and a share are syndicated
 * copies of an earlier article. Reports seconds for the first merge and for a rerun that changes
 * nothing, and the peak RSS of the process that merges (the sweeps hold only their windows).
 * `npm run bench -- merge` (N = SITREP_MERGE_ARTICLES, default 50,000; SQLite).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from '../eval/table.js';
import { type MergeSummary, runMerge } from '../src/merge/index.js';
import type { PloverType, SitrepRecord } from '../src/model/types.js';
import { fixtureRecord } from '../src/store/fixtures.js';
import { openStore } from '../src/store/open.js';

const N = Number(process.env.SITREP_MERGE_ARTICLES ?? 50_000);
const COUNTRIES: [string, number, number][] = [
  ['ML', 14.5, -4.2],
  ['NG', 9.1, 7.4],
  ['SY', 35.0, 38.0],
  ['YE', 15.4, 45.0],
];
const ACTORS = ['Gunmen', 'Troops', 'Police', 'Militants', 'Protesters', 'Rebels', 'Officials', 'Villagers'];
const VERBS: [string, PloverType | undefined][] = [
  ['attacked', undefined],
  ['shelled', undefined],
  ['marched', 'PROTEST'],
  ['met', 'CONSULT'],
  ['arrested', 'COERCE'],
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Story {
  filler: string;
  /** The article's second, unrelated event. */
  second?: Story;
  place: { text: string; country: string; lat: number; lon: number };
  day: number;
  verb: number;
  actor: string;
  dead: number;
}

const WORDS =
  'market harvest river council school clinic road bridge fuel water price season rain border truck convoy village elder mayor farmer trader teacher nurse court budget tax union strike police camp aid grain cattle well drought flood power line station port ferry church mosque district governor ministry election vote'.split(
    ' ',
  );

/** A paragraph of background that differs from article to article (made of random words). */
function background(r: () => number): string {
  const out: string[] = [];
  for (let k = 0; k < 40; k++) out.push(WORDS[Math.floor(r() * WORDS.length)]);
  return `Background: ${out.join(' ')}.`;
}

function dayIso(d: number): string {
  return new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
}

function record(
  i: number,
  story: Story,
  second: Story | undefined,
  outlet: string,
  day: number,
  lead: string,
  filler: string,
): SitrepRecord {
  const [v1, t1] = VERBS[story.verb];
  const other = second ?? story;
  const [v2, t2] = VERBS[other.verb];
  const s1 = story.place.text;
  const s2 = other.place.text;
  return fixtureRecord({
    text: `${lead} ${story.actor} ${v1} near ${s1}, and ${story.dead} people died there. Separately, ${other.actor} ${v2} outside ${s2}. Report ${i}.\n\n${filler}`,
    outlet,
    published: dayIso(day),
    events: [
      {
        ...(t1 ? { type: t1 } : {}),
        trigger: v1,
        actor: story.actor,
        dead: story.dead,
        place: story.place,
      },
      { ...(t2 ? { type: t2 } : {}), trigger: v2, actor: other.actor, place: other.place },
    ],
  });
}

export async function run(): Promise<Record<string, unknown>> {
  const r = rng(5);
  const places = Array.from({ length: 300 }, (_, k) => {
    const [cc, lat, lon] = COUNTRIES[k % COUNTRIES.length];
    return { text: `Town${k}`, country: cc, lat: lat + (r() - 0.5) * 6, lon: lon + (r() - 0.5) * 6 };
  });
  const story = (): Story => ({
    place: places[Math.floor(r() * places.length)],
    day: Math.floor(r() * 365),
    verb: Math.floor(r() * VERBS.length),
    actor: ACTORS[Math.floor(r() * ACTORS.length)],
    dead: Math.floor(r() * 20),
    filler: background(r),
  });
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-merge-'));
  const db = join(dir, 'merge.db');
  const store = await openStore({ db });
  try {
    const stories: Story[] = [];
    let batch: { record: SitrepRecord }[] = [];
    let rereports = 0;
    let copies = 0;
    for (let i = 0; i < N; i++) {
      const roll = r();
      let rec: SitrepRecord;
      if (i > 100 && roll < 0.25) {
        // Another outlet reports an earlier story a day or two later (another incident source).
        const s = stories[Math.floor(r() * stories.length)];
        rec = record(
          i,
          s,
          story(),
          `Outlet ${Math.floor(r() * 40)}`,
          s.day + Math.floor(r() * 2),
          'Witnesses said',
          background(r),
        );
        rereports++;
      } else if (i > 100 && roll < 0.3) {
        // A syndicated copy: the same story and wording under another outlet's name.
        const s = stories[Math.floor(r() * stories.length)];
        rec = record(i, s, s.second, `Outlet ${Math.floor(r() * 40)}`, s.day, 'Officials said', s.filler);
        copies++;
      } else {
        const s = { ...story(), second: story() };
        stories.push(s);
        rec = record(i, s, s.second, `Outlet ${Math.floor(r() * 40)}`, s.day, 'Officials said', s.filler);
      }
      batch.push({ record: rec });
      if (batch.length === 1000) {
        await store.putRecords(batch, 'bench');
        batch = [];
      }
    }
    if (batch.length) await store.putRecords(batch, 'bench');

    // The merges run in a child process so its peak memory is the merge's alone (plus module load).
    await store.close();
    const child = await mergeInChild(db);
    const { first, again, firstS, againS, maxRssMb } = child;
    const rows = [
      {
        run: 'first merge',
        seconds: firstS,
        events: first.events,
        incidents: first.incidents,
        multiSource: first.multiSourceIncidents,
        clusters: first.duplicateClusters,
      },
      {
        run: 'rerun (no change)',
        seconds: againS,
        events: again.events,
        incidents: again.incidents,
        multiSource: again.multiSourceIncidents,
        clusters: again.duplicateClusters,
      },
    ];
    printTable(rows);
    console.log(
      `\n${N} articles (${rereports} re-reports, ${copies} syndicated copies); peak RSS of the merging process: ${maxRssMb} MB`,
    );
    return { name: 'merge', articles: N, rereports, copies, rows, maxRssMb };
  } finally {
    await store.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ChildReport {
  first: MergeSummary;
  again: MergeSummary;
  firstS: number;
  againS: number;
  maxRssMb: number;
}

function mergeInChild(db: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--merge-child', db],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out) as ChildReport);
      else reject(new Error(`merge child exited with ${code}`));
    });
  });
}

if (process.argv[2] === '--merge-child') {
  const store = await openStore({ db: process.argv[3] });
  const t0 = performance.now();
  const first = await runMerge(store);
  const firstS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const again = await runMerge(store);
  const againS = (performance.now() - t1) / 1000;
  await store.close();
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ first, again, firstS, againS, maxRssMb } satisfies ChildReport));
}
