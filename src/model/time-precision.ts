import type { TimeExpression } from './types.js';

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS : Number.NaN;
}

/**
 * ACLED `time_precision` of a time expression: 1 = the exact day is known, 2 = within a week (a few
 * days, a weekend), 3 = a month or coarser, or not placed on the calendar at all.
 */
export function timePrecision(time: Pick<TimeExpression, 'interval' | 'type'>): 1 | 2 | 3 {
  if (!time.interval || time.type === 'SET') return 3;
  const days = dayNumber(time.interval[1]) - dayNumber(time.interval[0]) + 1;
  if (Number.isNaN(days)) return 3;
  if (days <= 1) return 1;
  if (days <= 7) return 2;
  return 3;
}
