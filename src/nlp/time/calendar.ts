/**
 * Calendar arithmetic on plain day numbers (days since 1970-01-01, UTC), so that no Date object
 * is built per expression beyond the conversion itself. Everything here is proleptic Gregorian.
 */

export const DAY_MS = 86_400_000;

/** Day number of a calendar date, or NaN when the date does not exist (February 30). */
export function dayOf(y: number, m: number, d: number): number {
  if (!(m >= 1 && m <= 12 && d >= 1 && y >= 1 && y <= 9999) || d > monthLength(y, m)) return Number.NaN;
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999
  SCRATCH.setTime(0);
  SCRATCH.setUTCFullYear(y, m - 1, d);
  return Math.round(SCRATCH.getTime() / DAY_MS);
}
const SCRATCH = new Date(0);

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function ymdOf(day: number): Ymd {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function monthLength(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : LENGTHS[m - 1];
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday (4)
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Monday of the ISO week containing `day`. */
export function mondayOf(day: number): number {
  return day - weekday(day) + 1;
}

/** ISO week-numbering year and week of a day. */
export function isoWeek(day: number): { year: number; week: number } {
  const thursday = mondayOf(day) + 3;
  const year = ymdOf(thursday).y;
  const jan1 = dayOf(year, 1, 1);
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** Monday of ISO week `week` of ISO year `year`. */
export function isoWeekMonday(year: number, week: number): number {
  const jan4 = dayOf(year, 1, 4);
  return mondayOf(jan4) + (week - 1) * 7;
}

export function pad(n: number, width = 2): string {
  const s = String(Math.abs(n));
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

export function isoDay(day: number): string {
  const { y, m, d } = ymdOf(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function weekValue(day: number): string {
  const { year, week } = isoWeek(day);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** Add months to a (year, month) pair. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}

/** Add calendar months to a day, clamping to the month's end (Mar 31 − 1 month = Feb 28/29). */
export function addMonthsToDay(day: number, n: number): number {
  const { y, m, d } = ymdOf(day);
  const t = addMonths(y, m, n);
  return dayOf(t.y, t.m, Math.min(d, monthLength(t.y, t.m)));
}

/** First and last day of a month. */
export function monthRange(y: number, m: number): [number, number] {
  return [dayOf(y, m, 1), dayOf(y, m, monthLength(y, m))];
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

export function quarterRange(y: number, q: number): [number, number] {
  return [dayOf(y, q * 3 - 2, 1), monthRange(y, q * 3)[1]];
}

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
/** Meteorological seasons (northern hemisphere), the usual reading in news. */
export function seasonRange(y: number, s: Season): [number, number] {
  switch (s) {
    case 'SP':
      return [dayOf(y, 3, 1), dayOf(y, 5, 31)];
    case 'SU':
      return [dayOf(y, 6, 1), dayOf(y, 8, 31)];
    case 'FA':
      return [dayOf(y, 9, 1), dayOf(y, 11, 30)];
    default:
      return [dayOf(y, 12, 1), monthRange(y + 1, 2)[1]];
  }
}

export function seasonOfMonth(m: number): { s: Season; yearShift: number } {
  if (m >= 3 && m <= 5) return { s: 'SP', yearShift: 0 };
  if (m >= 6 && m <= 8) return { s: 'SU', yearShift: 0 };
  if (m >= 9 && m <= 11) return { s: 'FA', yearShift: 0 };
  return { s: 'WI', yearShift: m <= 2 ? -1 : 0 };
}

/** Parse "YYYY-MM-DD…" into a day number, or NaN. */
export function parseIsoDay(s: string | null | undefined): number {
  if (!s) return Number.NaN;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (!m) return Number.NaN;
  return dayOf(+m[1], +m[2], +m[3]);
}
