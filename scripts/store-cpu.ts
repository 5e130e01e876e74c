/**
 * CPU of the store's write path alone, for A/B runs of a change to it: `node --import tsx
 * scripts/store-cpu.ts pg|sqlite` codes N synthetic articles (built like bench/workers.ts's backfill;
 * N, default 640) once and caches the records in /tmp, then writes them with `putRecords` into a
 * fresh database (chunks of CHUNK: 32 on PostgreSQL as a worker's code job, 64 on SQLite as ingest),
 * REPS times after one warm-up pass. Prints this process's CPU per article (rows, JSON, driver; on
 * SQLite also the database engine) and, on PostgreSQL, the CPU of the database's backends (from /proc).
 * LIVE=1 codes the records in this process instead of reading the cache: strings fresh from the
 * pipeline (slices of the article text) cost more to serialise than strings parsed from JSON.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { newsTexts } from '../bench/corpus.js';
import { codeArticles } from '../src/ingest/coder.js';
import { createArticle } from '../src/model/article.js';
import type { SitrepRecord } from '../src/model/types.js';
import { openStore } from '../src/store/open.js';
import { createTempPostgres } from '../src/store/test-db.js';

const N = Number(process.env.N ?? 640);
const REPS = Number(process.env.REPS ?? 3);
const mode = process.argv[2] === 'sqlite' ? 'sqlite' : 'pg';
const chunk = Number(process.env.CHUNK ?? (mode === 'pg' ? 32 : 64));
const CACHE = join(tmpdir(), `sitrep-store-cpu-${N}.json`);

function code(): SitrepRecord[] {
  const texts = newsTexts(400).texts;
  // Without ../shared there is nothing to code: say so rather than cache (and time) an empty corpus.
  if (!texts.length) {
    console.error('store-cpu: no news texts found (is ../shared beside the checkout?)');
    process.exit(1);
  }
  const out: SitrepRecord[] = [];
  for (let i = 0; i < N; i += 32) {
    const articles = [];
    for (let j = i; j < Math.min(N, i + 32); j++)
      articles.push(
        createArticle({
          text: `Update ${j}: officials gave new details on Monday.\n\n${texts[j % texts.length]}`,
          published: `2024-02-${String(1 + (j % 28)).padStart(2, '0')}`,
          outlet: `Outlet ${j % 7}`,
        }),
      );
    for (const r of codeArticles(articles)) if (r.ok) out.push(r.record);
  }
  return out;
}

let records: SitrepRecord[];
if (process.env.LIVE) records = code();
else {
  if (!existsSync(CACHE)) writeFileSync(CACHE, JSON.stringify(code()));
  records = JSON.parse(readFileSync(CACHE, 'utf8'));
}

/** CPU ms a process has used, from /proc (Linux). */
function procCpu(pid: number): number {
  const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function pass(measure: boolean) {
  let db: string;
  let drop = async () => {};
  let dir = '';
  if (mode === 'pg') {
    const t = await createTempPostgres('sitrep_storecpu');
    db = t.url;
    drop = t.drop;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-storecpu-'));
    db = join(dir, 'store.db');
  }
  const store = await openStore({ db });
  const admin = mode === 'pg' ? new pg.Client({ connectionString: db }) : null;
  await admin?.connect();
  const backendCpu = async () => {
    if (!admin) return 0;
    const r = await admin.query('select pid from pg_stat_activity where datname = current_database()');
    return r.rows.reduce((a: number, x: { pid: number }) => a + procCpu(x.pid), 0);
  };
  // open the pool's connections before measuring
  await Promise.all([1, 2, 3].map(() => store.countArticles()));
  const b0 = await backendCpu();
  const c0 = cpuMs();
  const t0 = performance.now();
  for (let i = 0; i < records.length; i += chunk)
    await store.putRecords(
      records.slice(i, i + chunk).map((record) => ({ record, origin: 'store-cpu' })),
      'bench',
    );
  const c1 = cpuMs();
  const t1 = performance.now();
  const b1 = await backendCpu();
  const per = (x: number) => (x / records.length).toFixed(3);
  if (measure)
    console.log(
      `${mode} chunk ${chunk}: node ${per(c1 - c0)} ms/article, postgres ${per(b1 - b0)} ms/article, wall ${per(t1 - t0)}`,
    );
  await admin?.end();
  await store.close();
  await drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

await pass(false);
for (let k = 0; k < REPS; k++) await pass(true);
