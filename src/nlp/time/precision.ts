import type { TimeExpression } from '../../model/types.js';
import { parseIsoDay } from './calendar.js';

/**
 * ACLED `time_precision` of a time: 1 = the exact day is known, 2 = within a week (or a few days),
 * 3 = a month or coarser, or not placed on the calendar at all.
 */
export function timePrecision(time: Pick<TimeExpression, 'interval' | 'granularity' | 'type'>): 1 | 2 | 3 {
  if (!time.interval || time.type === 'SET') return 3;
  const from = parseIsoDay(time.interval[0]);
  const to = parseIsoDay(time.interval[1]);
  if (Number.isNaN(from) || Number.isNaN(to)) return 3;
  const days = to - from + 1;
  if (days <= 1) return 1;
  if (days <= 7) return 2;
  return 3;
}
