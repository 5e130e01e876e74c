/**
 * The job queue: pg-boss over the same PostgreSQL database as the store (schema `pgboss`).
 *
 * Why pg-boss (over graphile-worker): jobs have explicit states (created, retry, active, completed,
 * failed) with the handler's error kept in `output`, which is what `sitrep jobs` lists; queue
 * policies give dedup by key; an active job whose worker died (kill -9, lost host) expires and is
 * retried by whichever worker runs maintenance next, whereas graphile-worker leaves a crashed
 * worker's jobs locked for 4 hours. pg-boss 10 is the last line that runs on Node 20.
 */

import pg from 'pg';
import PgBoss from 'pg-boss';
import { type JobKind, QUEUE, type QueueSettings, SETTINGS } from './names.js';

export class QueueError extends Error {}

export interface OpenQueueOptions {
  /**
   * Seconds between maintenance passes (expiring jobs of dead workers), default 5: a dead worker's job
   * comes back at most this long after its expiry.
   */
  maintenanceSeconds?: number;
  /** Override queue settings (tests shorten expiry). */
  settings?: Partial<Record<JobKind, Partial<QueueSettings>>>;
  /** Pool size for this process's queue connections. */
  max?: number;
  /** Run pg-boss maintenance from this process (workers: yes; one-shot CLI commands: no). */
  supervise?: boolean;
}

export function isPostgres(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Start pg-boss on `url`, creating its schema and sitrep's queues when missing. */
export async function openQueue(url: string, o: OpenQueueOptions = {}): Promise<PgBoss> {
  if (!isPostgres(url)) {
    throw new QueueError(`workers need a PostgreSQL database (--db postgres://…), got "${url}"`);
  }
  // Our own pool, so every client has an error listener: a PostgreSQL restart errors clients that
  // are checked out between queries, and an unhandled client error would end the worker.
  const pool = new pg.Pool({ connectionString: url, max: o.max ?? 4, application_name: 'sitrep' });
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    supervise: o.supervise ?? false,
    schedule: false,
    // SITREP_QUEUE_MAINTENANCE_S: fault tests shorten it to see a killed worker's job come back fast.
    maintenanceIntervalSeconds: o.maintenanceSeconds ?? (Number(process.env.SITREP_QUEUE_MAINTENANCE_S) || 5),
    monitorStateIntervalSeconds: 60,
  });
  pools.set(boss, pool);
  // Connection errors (a PostgreSQL restart) surface here; pg-boss keeps polling and reconnects.
  boss.on('error', () => {});
  try {
    await boss.start();
  } catch (e) {
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    await pool.end().catch(() => {});
    throw new QueueError(`cannot start the job queue: ${e instanceof Error ? e.message : String(e)}`);
  }
  await ensureQueues(boss, o.settings);
  return boss;
}

export async function ensureQueues(
  boss: PgBoss,
  overrides: OpenQueueOptions['settings'] = {},
): Promise<void> {
  for (const kind of Object.keys(QUEUE) as JobKind[]) {
    const s = { ...SETTINGS[kind], ...(overrides[kind] ?? {}) };
    const q = {
      name: QUEUE[kind],
      policy: s.policy,
      retryLimit: s.retryLimit,
      retryDelay: s.retryDelay,
      retryBackoff: true,
      expireInSeconds: s.expireInSeconds,
    };
    const existing = await boss.getQueue(QUEUE[kind]);
    if (!existing) await boss.createQueue(QUEUE[kind], q);
    else if (overrides[kind]) await boss.updateQueue(QUEUE[kind], q);
  }
}

export async function closeQueue(boss: PgBoss, graceful = true): Promise<void> {
  await boss.stop({ graceful, wait: true, timeout: 30_000 }).catch(() => {});
  await pools
    .get(boss)
    ?.end()
    .catch(() => {});
  pools.delete(boss);
}

const pools = new WeakMap<PgBoss, pg.Pool>();
