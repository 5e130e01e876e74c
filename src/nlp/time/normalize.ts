/**
 * Values and intervals of time expressions: TimeML strings plus inclusive day ranges, computed from
 * an anchor day (the publication date, or another time in the text). Unknown parts are X.
 */
import type { Granularity, TimeExpression, TimeType } from '../../model/types.js';
import {
  addMonths,
  dayOf,
  isoDay,
  isoWeekMonday,
  mondayOf,
  monthLength,
  monthRange,
  pad,
  quarterRange,
  type Season,
  seasonOfMonth,
  seasonRange,
  weekday,
  weekValue,
  ymdOf,
} from './calendar.js';

export type Mod = NonNullable<TimeExpression['mod']>;
export type Tense = 'past' | 'pastperfect' | 'future' | 'present' | 'pastfuture' | 'none';

/** A normalised time before it gets an id: interval as day numbers (NaN when none). */
export interface Draft {
  type: TimeType;
  value: string;
  mod?: Mod;
  from: number;
  to: number;
  gran: Granularity;
  /** 'dct' (publication date or its fallback), 'ref' (an earlier time in the text), none = absolute. */
  anchor?: 'dct' | 'ref';
  /** Id of the time used when anchor is 'ref' (filled in by the stage). */
  refId?: string;
  /** Counted from another time ("a year earlier"): not itself a reference point for later times. */
  derived?: boolean;
  /** Sub-span overrides, for rules that split one match into several times ("1990-95"). */
  start?: number;
  end?: number;
}

/** An earlier time in the same paragraph that relative expressions may count from. */
export interface Ref {
  id: string;
  from: number;
  to: number;
  gran: Granularity;
}

const NONE = Number.NaN;

export function dayDraft(day: number, anchor?: 'dct' | 'ref'): Draft {
  if (Number.isNaN(day)) return unknown('DATE', 'XXXX-XX-XX', 'day');
  return { type: 'DATE', value: isoDay(day), from: day, to: day, gran: 'day', anchor };
}

export function weekDraft(day: number, anchor?: 'dct' | 'ref'): Draft {
  if (Number.isNaN(day)) return unknown('DATE', 'XXXX-WXX', 'week');
  const mon = mondayOf(day);
  return { type: 'DATE', value: weekValue(day), from: mon, to: mon + 6, gran: 'week', anchor };
}

export function weekendDraft(day: number, anchor?: 'dct' | 'ref'): Draft {
  if (Number.isNaN(day)) return unknown('DATE', 'XXXX-WXX-WE', 'weekend');
  const sat = mondayOf(day) + 5;
  return { type: 'DATE', value: `${weekValue(day)}-WE`, from: sat, to: sat + 1, gran: 'weekend', anchor };
}

export function isoWeekDraft(year: number, week: number): Draft {
  const mon = isoWeekMonday(year, week);
  return { type: 'DATE', value: `${pad(year, 4)}-W${pad(week)}`, from: mon, to: mon + 6, gran: 'week' };
}

export function monthDraft(y: number, m: number, anchor?: 'dct' | 'ref'): Draft {
  if (Number.isNaN(y)) return unknown('DATE', `XXXX-${pad(m)}`, 'month');
  const [from, to] = monthRange(y, m);
  return { type: 'DATE', value: `${pad(y, 4)}-${pad(m)}`, from, to, gran: 'month', anchor };
}

export function quarterDraft(y: number, q: number, anchor?: 'dct' | 'ref'): Draft {
  if (Number.isNaN(y)) return unknown('DATE', `XXXX-Q${q}`, 'quarter');
  const [from, to] = quarterRange(y, q);
  return { type: 'DATE', value: `${pad(y, 4)}-Q${q}`, from, to, gran: 'quarter', anchor };
}

export function halfDraft(y: number, h: number, anchor?: 'dct' | 'ref'): Draft {
  if (Number.isNaN(y)) return unknown('DATE', `XXXX-H${h}`, 'quarter');
  const from = dayOf(y, h === 1 ? 1 : 7, 1);
  const to = h === 1 ? dayOf(y, 6, 30) : dayOf(y, 12, 31);
  return { type: 'DATE', value: `${pad(y, 4)}-H${h}`, from, to, gran: 'month', anchor };
}

export function seasonDraft(y: number, s: Season, anchor?: 'dct' | 'ref'): Draft {
  if (Number.isNaN(y)) return unknown('DATE', `XXXX-${s}`, 'season');
  const [from, to] = seasonRange(y, s);
  return { type: 'DATE', value: `${pad(y, 4)}-${s}`, from, to, gran: 'season', anchor };
}

export function yearDraft(y: number, anchor?: 'dct' | 'ref'): Draft {
  if (Number.isNaN(y)) return unknown('DATE', 'XXXX', 'year');
  return { type: 'DATE', value: pad(y, 4), from: dayOf(y, 1, 1), to: dayOf(y, 12, 31), gran: 'year', anchor };
}

export function decadeDraft(decadeStart: number, anchor?: 'dct' | 'ref'): Draft {
  if (Number.isNaN(decadeStart)) return unknown('DATE', 'XXX', 'decade');
  const v = pad(Math.floor(decadeStart / 10), 3);
  return {
    type: 'DATE',
    value: v,
    from: dayOf(decadeStart, 1, 1),
    to: dayOf(decadeStart + 9, 12, 31),
    gran: 'decade',
    anchor,
  };
}

/** Century by its number as written: the 20th century is 1900–1999, value "19". */
export function centuryDraft(nth: number, anchor?: 'dct' | 'ref'): Draft {
  if (!(nth >= 1 && nth <= 30)) return unknown('DATE', 'XX', 'century');
  const y0 = (nth - 1) * 100;
  return {
    type: 'DATE',
    value: pad(nth - 1, 2),
    from: dayOf(Math.max(1, y0), 1, 1),
    to: dayOf(y0 + 99, 12, 31),
    gran: 'century',
    anchor,
  };
}

export function unknown(type: TimeType, value: string, gran: Granularity): Draft {
  return { type, value, from: NONE, to: NONE, gran };
}

export function refDraft(value: 'PAST_REF' | 'PRESENT_REF' | 'FUTURE_REF', dct: number): Draft {
  if (value === 'PRESENT_REF' && !Number.isNaN(dct)) {
    return { type: 'DATE', value, from: dct, to: dct, gran: 'day', anchor: 'dct' };
  }
  return {
    type: 'DATE',
    value,
    from: NONE,
    to: NONE,
    gran: 'unknown',
    anchor: Number.isNaN(dct) ? undefined : 'dct',
  };
}

export function durationDraft(value: string, gran: Granularity): Draft {
  return { type: 'DURATION', value, from: NONE, to: NONE, gran };
}

export function setDraft(value: string, gran: Granularity): Draft {
  return { type: 'SET', value, from: NONE, to: NONE, gran };
}

/** Part of day → TimeML suffix. */
export function partOfDay(word: string): string {
  switch (word.toLowerCase()) {
    case 'morning':
      return 'MO';
    case 'afternoon':
      return 'AF';
    case 'evening':
      return 'EV';
    case 'night':
    case 'overnight':
      return 'NI';
    default:
      return 'DT';
  }
}

/** A day with a part of day or clock time: TIME type, interval the day. */
export function timeOnDay(day: number, suffix: string, anchor?: 'dct' | 'ref'): Draft {
  const base = Number.isNaN(day) ? 'XXXX-XX-XX' : isoDay(day);
  return {
    type: 'TIME',
    value: `${base}T${suffix}`,
    from: day,
    to: day,
    gran: /^\d/.test(suffix) ? (suffix.length > 2 ? 'minute' : 'hour') : 'day',
    anchor,
  };
}

// ---- choosing the occurrence of a weekday, month or date relative to an anchor -------------------

/** Simple past or past perfect. */
export function isPast(t: Tense): boolean {
  return t === 'past' || t === 'pastperfect';
}

/** Direction a bare name leans: -1 previous (or same), +1 next (or same), 0 nearest. */
export function leanOf(t: Tense): -1 | 0 | 1 {
  if (t === 'future') return 1;
  if (t === 'present') return 0;
  return -1;
}

/** The weekday `wd` relative to `base`: strict (never base itself) or not, in direction `dir`. */
export function weekdayNear(base: number, wd: number, dir: -1 | 0 | 1, strict: boolean): number {
  const bw = weekday(base);
  const back = (bw - wd + 7) % 7 || (strict ? 7 : 0);
  const fwd = (wd - bw + 7) % 7 || (strict ? 7 : 0);
  if (dir < 0) return base - back;
  if (dir > 0) return base + fwd;
  return back <= fwd ? base - back : base + fwd;
}

/** Year of month `m` relative to the anchor month: the previous, next or nearest occurrence. */
export function yearForMonth(base: number, m: number, dir: -1 | 0 | 1, strict: boolean): number {
  const { y, m: bm } = ymdOf(base);
  // a tense read one month off is more often wrong than the month: next month stays next month
  if (dir < 0) return m < bm || (m === bm && !strict) || (!strict && m === bm + 1) ? y : y - 1;
  if (dir > 0) return m > bm || (m === bm && !strict) || (!strict && m === bm - 1) ? y : y + 1;
  const diff = m - bm;
  if (diff > 6) return y - 1;
  if (diff < -6) return y + 1;
  return y;
}

/** Year for a month and day without a year, leaning past/future; Feb 29 moves to a leap year. */
export function yearForDate(base: number, m: number, d: number, dir: -1 | 0 | 1): number {
  const { y } = ymdOf(base);
  let year = y;
  const c = dayOf(y, m, Math.min(d, 28));
  // nearest occurrence, unless the tense clearly points the other way by more than two months
  const diff = c - base;
  if (dir < 0) {
    if (diff > 60) year = y - 1;
  } else if (dir > 0) {
    if (diff < -60) year = y + 1;
  } else if (diff > 183) year = y - 1;
  else if (diff < -183) year = y + 1;
  if (m === 2 && d === 29) {
    const step = dir > 0 ? 1 : -1;
    for (let i = 0; i < 4 && d > monthLength(year, m); i++) year += step;
  }
  return year;
}

/** Season occurrence relative to the anchor's current season. */
export function seasonYear(base: number, s: Season, dir: -1 | 0 | 1, strict: boolean): number {
  const { y, m } = ymdOf(base);
  const cur = seasonOfMonth(m);
  const order: Season[] = ['WI', 'SP', 'SU', 'FA'];
  // season index counted on a line where WI of year y covers Dec y – Feb y+1
  const curYear = y + cur.yearShift;
  const curIdx = curYear * 4 + order.indexOf(cur.s) + (cur.s === 'WI' ? 4 : 0);
  const idxIn = (yy: number) => yy * 4 + order.indexOf(s) + (s === 'WI' ? 4 : 0);
  let yy = curYear;
  if (dir < 0) {
    while (idxIn(yy) > curIdx || (strict && idxIn(yy) === curIdx)) yy--;
    while (idxIn(yy + 1) < curIdx || (!strict && idxIn(yy + 1) === curIdx)) yy++;
  } else if (dir > 0) {
    while (idxIn(yy) < curIdx || (strict && idxIn(yy) === curIdx)) yy++;
    while (idxIn(yy - 1) > curIdx || (!strict && idxIn(yy - 1) === curIdx)) yy--;
  } else {
    while (idxIn(yy) - curIdx > 2) yy--;
    while (curIdx - idxIn(yy) > 1) yy++;
  }
  return yy;
}

/** Shift a draft at its own granularity by n units (year-earlier quarter, the previous week …). */
export function shiftMonths(y: number, m: number, n: number): { y: number; m: number } {
  return addMonths(y, m, n);
}

/** Narrow an interval for early/mid/late: first, middle or last third of it. */
export function applyMod(d: Draft, mod: Mod | undefined): Draft {
  if (!mod) return d;
  d.mod = mod;
  if (Number.isNaN(d.from) || d.type !== 'DATE') return d;
  const len = d.to - d.from + 1;
  if (len < 3) return d;
  const third = Math.floor(len / 3);
  if (mod === 'START') d.to = d.from + third - 1;
  else if (mod === 'END') d.from = d.to - third + 1;
  else if (mod === 'MID') {
    d.from += third;
    d.to -= third;
  }
  return d;
}

/** Mod for a modifier word or phrase as written. */
export function modOf(word: string | undefined): Mod | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  if (w === 'early' || /beginning|start|turn/.test(w)) return 'START';
  if (w === 'late' || /\bend\b|close/.test(w)) return 'END';
  if (w === 'mid' || /middle/.test(w)) return 'MID';
  if (/about|around|approximately|roughly|some|nearly|almost|circa/.test(w)) return 'APPROX';
  return undefined;
}
