/**
 * Fresh PostgreSQL databases for tests and benchmarks: one uniquely named database per run, dropped
 * after. PostgreSQL must be running (`SITREP_TEST_PG`, default postgres://postgres@127.0.0.1:5432/postgres);
 * when it is not, this throws: the contract suite fails loudly rather than skipping.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_PG_ADMIN = process.env.SITREP_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTempPostgres(prefix = 'sitrep_test'): Promise<TempDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is required for these tests but is not reachable at ${TEST_PG_ADMIN}: ${e instanceof Error ? e.message : e}`,
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(TEST_PG_ADMIN);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_PG_ADMIN });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
