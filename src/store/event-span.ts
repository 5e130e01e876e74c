/**
 * The longest event interval in the store, in days, kept as a monotonic upper bound in `store_meta`.
 * A time filter asks for events overlapping [from, to]: date_start ≤ to and date_end ≥ from. Only
 * the first bounds the date-ordered index scan; with the longest interval known, date_start ≥
 * from − longest bounds it from below too, so a filter that matches nothing reads a short index
 * range instead of the whole index (hundreds of ms at 1M events). Writers raise the bound in the
 * same transaction as the events they write; deletions never lower it (it stays a safe bound).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

export const SPAN_KEY = 'max_event_days';
const DAY_MS = 86_400_000;

/** Whole days from `start` to `end` (ISO dates); 0 when either is missing or unreadable. */
export function spanDays(start: string | null | undefined, end: string | null | undefined): number {
  if (!start || !end) return 0;
  const a = Date.parse(start.slice(0, 10));
  const b = Date.parse(end.slice(0, 10));
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return 0;
  return Math.ceil((b - a) / DAY_MS);
}

/** Raise the stored bound to at least `days` (no-op when it is already that high). */
export async function raiseEventSpan(
  db: Kysely<Database> | Transaction<Database>,
  days: number,
): Promise<void> {
  if (days <= 0) return;
  await sql`update store_meta set value = ${String(days)} where key = ${SPAN_KEY} and cast(value as integer) < ${days}`.execute(
    db,
  );
}

/** The stored bound (days), or null when the store has none yet. */
export async function readEventSpan(db: Kysely<Database>): Promise<number | null> {
  const r = await sql<{ value: string }>`select value from store_meta where key = ${SPAN_KEY}`.execute(db);
  return r.rows.length ? Number(r.rows[0].value) : null;
}

/** `date` (YYYY-MM-DD…) moved back by `days`, as YYYY-MM-DD; null when the date is unreadable. */
export function daysBefore(date: string, days: number): string | null {
  const t = Date.parse(date.slice(0, 10));
  if (Number.isNaN(t)) return null;
  return new Date(t - days * DAY_MS).toISOString().slice(0, 10);
}
