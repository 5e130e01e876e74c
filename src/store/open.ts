/** Open a store: a SQLite file (the embedded default) or a PostgreSQL URL. */
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { KyselyStore } from './kysely-store.js';
import { migrationProvider } from './migrations.js';
import type { Database as Schema } from './schema.js';
import { type Engine, type OpenStoreOptions, type Store, StoreError } from './store.js';

export const DEFAULT_DB = 'sitrep.db';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** The database named by an option, else `SITREP_DB`, else `sitrep.db` in the working directory. */
export function resolveDb(db?: string): string {
  return db || process.env.SITREP_DB || DEFAULT_DB;
}

export async function migrate(db: Kysely<Schema>, engine: Engine): Promise<void> {
  // Unordered: accounts migrations (0100_…) and store migrations (0002_…) are numbered in two lines.
  const migrator = new Migrator({ db, provider: migrationProvider(engine), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new StoreError(
      `migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const target = resolveDb(options.db);
  let store: KyselyStore;
  if (isPostgresUrl(target)) {
    const pool = new pg.Pool({ connectionString: target, max: 8 });
    // Fail on open, with a clear message, rather than on the first query.
    try {
      const c = await pool.connect();
      c.release();
    } catch (e) {
      await pool.end().catch(() => {});
      throw new StoreError(`cannot connect to PostgreSQL: ${e instanceof Error ? e.message : String(e)}`);
    }
    pool.on('error', () => {}); // idle-client errors surface on the next query instead
    // A server restart also errors clients that are checked out between two queries; without a
    // listener that error would be uncaught and end the process (a worker must outlive a restart).
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    store = new KyselyStore('postgres', db, async () => {});
  } else {
    let sqlite: Database.Database;
    try {
      sqlite = new Database(target);
    } catch (e) {
      throw new StoreError(`cannot open ${target}: ${e instanceof Error ? e.message : String(e)}`);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 10000');
    sqlite.pragma('cache_size = -65536');
    // Checkpoint the WAL every ~80 MB instead of every 4 MB: index pages that every batch touches
    // (events has 13 indexes; spans had ~75 rows an article before migration 0007) are copied back once per checkpoint,
    // not once per few batches; ~10% less store CPU per article on the ingest benchmark's batches.
    sqlite.pragma('wal_autocheckpoint = 20000');
    // (SQLite caps the map at its compile-time maximum, 2 GB here.) A page of events read through
    // the map: 0.45-0.59 → 0.35-0.40 CPU-ms a filtered query of 10-50 events over the 1M-event
    // api-load store.
    if (options.mapped) sqlite.pragma('mmap_size = 2147418112');
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) });
    store = new KyselyStore('sqlite', db, async () => {}, sqlite);
  }
  if (options.migrate !== false) {
    try {
      await migrate(store.db, store.engine);
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}

/**
 * The database as Kysely's SQLite driver sees it, with prepared statements kept by their SQL: the
 * driver prepared every query anew (a page of events over 1M: 2.1 → 1.1–1.3 ms of store time).
 * Kysely runs one query at a time on the connection; a statement still being iterated (`busy`) is
 * not handed out again.
 */
function cachedStatements(sqlite: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    const hit = cache.get(source);
    if (hit && !hit.busy) return hit;
    const stmt = sqlite.prepare(source);
    if (!hit) {
      // Queries with lists of varying length have many texts: keep 500, dropping the oldest prepared.
      if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
      cache.set(source, stmt);
    }
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, key) {
      if (key === 'prepare') return prepare;
      const v = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
