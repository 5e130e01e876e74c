/**
 * Fingerprint of what the two storing paths write, to check that a change to the write path keeps
 * the stored result identical: `node --import tsx scripts/store-fingerprint.ts OUT_DIR` codes the same
 * synthetic articles (built like bench/workers.ts's backfill; SITREP_BENCH_ARTICLES, default 300) and
 * stores them (1) with `sitrep ingest` into SQLite, (2) the same into PostgreSQL, (3) as queue code
 * jobs (handleCode, payloads round-tripped through JSON as pg-boss delivers them) into PostgreSQL.
 * Each store's tables are dumped in key order without the write timestamps to OUT_DIR/<path>.txt,
 * and one SHA-256 per table is printed: run before and after a change and diff the outputs.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import { newsTexts } from '../bench/corpus.js';
import { ingest } from '../src/ingest/run.js';
import { CODE_CHUNK, handleCode } from '../src/queue/handlers.js';
import type { CodeJob } from '../src/queue/names.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { createTempPostgres } from '../src/store/test-db.js';

const N = Number(process.env.SITREP_BENCH_ARTICLES ?? 300);

/** Columns that hold the time of the write (differ between any two runs). */
const CLOCK = new Set(['ingested_at', 'updated_at', 'first_seen', 'at', 'deleted_at']);

const TABLES: [string, string][] = [
  ['articles', 'id'],
  ['spans', 'article_id, layer'],
  ['claims', 'article_id'],
  ['events', 'id'],
  ['incidents', 'id'],
  ['sources', 'id'],
  ['deletions', 'kind, id'],
  // ids follow the order batches finish coding in, which varies between runs
  ['audit_log', 'target'],
  ['store_meta', 'key'],
];

function synthetic(texts: string[], n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = texts[i % texts.length];
    const day = 1 + (i % 28);
    out.push({
      text: `Update ${i}: officials gave new details on Monday.\n\n${t}`,
      published: `2024-02-${String(day).padStart(2, '0')}`,
      outlet: `Outlet ${i % 7}`,
    });
  }
  return out;
}

async function dump(store: Store, file: string): Promise<Record<string, string>> {
  const lines: string[] = [];
  const sums: Record<string, string> = {};
  for (const [table, key] of TABLES) {
    // text keys sorted by code point on both engines (COLLATE "C" on PostgreSQL)
    const orderBy = key
      .split(', ')
      .map((k) => (store.engine === 'postgres' && k !== 'n' ? `"${k}" collate "C"` : `"${k}"`))
      .join(', ');
    const { rows } = await sql<
      Record<string, unknown>
    >`select * from ${sql.raw(table)} order by ${sql.raw(orderBy)}`.execute(store.db);
    const h = createHash('sha256');
    for (const row of rows) {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) {
        if (CLOCK.has(k) || (table === 'audit_log' && k === 'id')) continue;
        o[k] = v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v;
      }
      // origins name the run's temporary input file
      const line = `${table}\t${JSON.stringify(o)}`.replaceAll(tmp, '<tmp>');
      lines.push(line);
      h.update(`${line}\n`);
    }
    sums[table] = `${rows.length} ${h.digest('hex').slice(0, 16)}`;
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return sums;
}

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: scripts/store-fingerprint.ts OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const inputs = synthetic(newsTexts(400).texts, N);
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-fp-'));
const jsonl = join(tmp, 'in.jsonl');
writeFileSync(jsonl, `${inputs.map((x) => JSON.stringify(x)).join('\n')}\n`);
try {
  const report: Record<string, Record<string, string>> = {};
  const sqlite = await openStore({ db: join(tmp, 'a.db') });
  await ingest(sqlite, [jsonl], { workers: 2, actor: 'cli' });
  report['ingest-sqlite'] = await dump(sqlite, join(outDir, 'ingest-sqlite.txt'));
  await sqlite.close();

  const pg1 = await createTempPostgres('sitrep_fp');
  try {
    const s = await openStore({ db: pg1.url });
    await ingest(s, [jsonl], { workers: 2, actor: 'cli' });
    report['ingest-postgres'] = await dump(s, join(outDir, 'ingest-postgres.txt'));
    await s.close();
  } finally {
    await pg1.drop();
  }

  const pg2 = await createTempPostgres('sitrep_fp');
  try {
    const s = await openStore({ db: pg2.url });
    const ctx = { store: s, boss: null as unknown as PgBoss, actor: 'worker:fp' };
    for (let i = 0; i < inputs.length; i += CODE_CHUNK) {
      const part = inputs.slice(i, i + CODE_CHUNK);
      const job: CodeJob = {
        articles: part,
        origins: part.map((_, k) => `in.jsonl:${i + k + 1}`),
        merge: false,
      };
      await handleCode(ctx, JSON.parse(JSON.stringify(job)));
    }
    report['queue-postgres'] = await dump(s, join(outDir, 'queue-postgres.txt'));
    await s.close();
  } finally {
    await pg2.drop();
  }
  for (const [path, sums] of Object.entries(report)) {
    console.log(path);
    for (const [t, v] of Object.entries(sums)) console.log(`  ${t.padEnd(10)} ${v}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
