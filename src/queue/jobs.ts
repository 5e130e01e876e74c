/** Looking at and steering the queue: list jobs by state with their errors, retry parked ones, schedule feed polls. */
import type PgBoss from 'pg-boss';
import { DEFAULT_ATTEMPTS, type FetchFeedJob, kindOfQueue, QUEUE, QUEUE_NAMES } from './names.js';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
export const JOB_STATES: JobState[] = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'];

export interface JobRow {
  id: string;
  kind: string;
  state: JobState;
  /** Attempts made so far (a job that never ran has 0). */
  attempts: number;
  maxAttempts: number;
  key: string | null;
  createdOn: string;
  startedOn: string | null;
  completedOn: string | null;
  /** Next attempt, for jobs waiting to retry. */
  startAfter: string | null;
  /** The last error, for failed and retrying jobs. */
  error: string | null;
}

export interface JobCount {
  kind: string;
  state: JobState;
  count: number;
}

function iso(d: unknown): string | null {
  return d instanceof Date ? d.toISOString() : typeof d === 'string' ? d : null;
}

function errorText(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const o = output as Record<string, unknown>;
  if (typeof o.message === 'string') return o.message.split('\n')[0];
  if (o.value !== undefined) return String(o.value).split('\n')[0];
  return null;
}

const SCHEMA = 'pgboss';

export async function countJobs(boss: PgBoss): Promise<JobCount[]> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT name, state::text AS state, count(*)::int AS n FROM ${SCHEMA}.job WHERE name = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2`,
      [QUEUE_NAMES],
    );
  return rows.map((r: { name: string; state: JobState; n: number }) => ({
    kind: kindOfQueue(r.name) ?? r.name,
    state: r.state,
    count: r.n,
  }));
}

export async function listJobs(
  boss: PgBoss,
  q: { states?: JobState[]; limit?: number } = {},
): Promise<JobRow[]> {
  const states = q.states?.length ? q.states : ['created', 'retry', 'active', 'failed'];
  const { rows } = await boss.getDb().executeSql(
    `SELECT id, name, state::text AS state, retry_count, retry_limit, singleton_key, created_on, started_on,
            completed_on, start_after, output
       FROM ${SCHEMA}.job
      WHERE name = ANY($1) AND state::text = ANY($2)
      ORDER BY created_on DESC, id
      LIMIT $3`,
    [QUEUE_NAMES, states, q.limit ?? 50],
  );
  return rows.map((r: Record<string, unknown>) => {
    const state = r.state as JobState;
    const retries = Number(r.retry_count);
    const attempts =
      state === 'created' ? 0 : state === 'active' ? retries + 1 : retries + (state === 'retry' ? 0 : 1);
    return {
      id: String(r.id),
      kind: kindOfQueue(String(r.name)) ?? String(r.name),
      state,
      attempts,
      maxAttempts: Number(r.retry_limit) + 1,
      key: (r.singleton_key as string | null) ?? null,
      createdOn: iso(r.created_on) ?? '',
      startedOn: iso(r.started_on),
      completedOn: iso(r.completed_on),
      startAfter: state === 'retry' ? iso(r.start_after) : null,
      error: state === 'failed' || state === 'retry' ? errorText(r.output) : null,
    };
  });
}

/** Put parked (failed) jobs back in the queue. */
export async function retryJobs(boss: PgBoss, ids: string[]): Promise<number> {
  const { rows } = await boss
    .getDb()
    .executeSql(`SELECT id, name FROM ${SCHEMA}.job WHERE id::text = ANY($1) AND state = 'failed'`, [ids]);
  for (const r of rows as { id: string; name: string }[]) await boss.retry(r.name, r.id);
  return rows.length;
}

/** Read a feeds file: one URL a line; blank lines and `#` comments ignored. */
export function parseFeedList(text: string): { urls: string[]; bad: { line: number; text: string }[] } {
  const urls: string[] = [];
  const bad: { line: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    try {
      const u = new URL(line);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
      urls.push(u.toString());
    } catch {
      bad.push({ line: i + 1, text: line });
    }
  });
  return { urls: [...new Set(urls)], bad };
}

/**
 * Enqueue one poll per feed. A feed whose previous poll is still waiting is not queued again
 * (singleton key per feed), so a slow or hanging feed never piles up polls.
 */
export async function scheduleFeeds(
  boss: PgBoss,
  urls: string[],
  o: { timeoutMs?: number; fetchPagesBelow?: number } = {},
): Promise<number> {
  if (!urls.length) return 0;
  await boss.insert(
    urls.map((url) => ({
      name: QUEUE.fetchFeed,
      data: { url, ...o } satisfies FetchFeedJob,
      singletonKey: `feed:${url}`,
    })),
  );
  return urls.length;
}

export { DEFAULT_ATTEMPTS };
