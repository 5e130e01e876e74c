/**
 * The recogniser's patterns: each rule is one sticky regex, tried only at tokens that can start a
 * time expression, and a function that turns a match into a normalised value given the context
 * (publication date, tense of the governing verb, earlier times in the paragraph).
 */
import type { Granularity } from '../../model/types.js';
import type { TokenTable } from '../../text/tokenize.js';
import {
  addMonthsToDay,
  dayOf,
  isoWeek,
  mondayOf,
  quarterOf,
  type Season,
  seasonOfMonth,
  weekday,
  ymdOf,
} from './calendar.js';
import {
  DECADE_WORDS,
  durationValue,
  monthNumber,
  NUMBER_WORDS,
  numberValue,
  ORDINAL_WORDS,
  ordinalValue,
  type UnitCode,
  unitCode,
  weekdayNumber,
} from './lexicon.js';
import {
  applyMod,
  centuryDraft,
  type Draft,
  dayDraft,
  decadeDraft,
  durationDraft,
  halfDraft,
  isPast,
  leanOf,
  modOf,
  monthDraft,
  partOfDay,
  quarterDraft,
  type Ref,
  refDraft,
  seasonDraft,
  seasonYear,
  setDraft,
  type Tense,
  timeOnDay,
  unknown,
  weekDraft,
  weekdayNear,
  weekendDraft,
  yearDraft,
  yearForDate,
  yearForMonth,
} from './normalize.js';

export type RefKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'any';

export interface Ctx {
  /** Anchor day (publication date or its fallback from the text); NaN when unknown. */
  dct: number;
  tense: Tense;
  /** The latest earlier time in the same paragraph fine enough for `kind`, or null. */
  ref(kind: RefKind, reach?: number): Ref | null;
  /** Lower-cased word before the match ("back", "in", "since"). */
  before: string;
  /** The match is followed by a possessive 's ("Wednesday's ruling"). */
  possessive?: boolean;
  /** A few characters of text after the match. */
  after?: string;
  /** A few characters of text before the match. */
  lead?: string;
}

type Groups = Record<string, string | undefined>;

export interface Rule {
  name: string;
  re: RegExp;
  /** Cheap check at recognition time (capitalisation, context); a rejected match is not a candidate. */
  accept?(g: Groups, text: string, start: number, end: number): boolean;
  make(g: Groups, c: Ctx, start: number, match: string): Draft | Draft[] | null;
}

// ---- pattern pieces ------------------------------------------------------------------------------

const MON =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\\.?|feb\\.?|mar\\.|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?)(?![a-z])';
const WD =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\\.|tues?\\.|wed\\.|thur?s?\\.|fri\\.|sat\\.|sun\\.)(?![a-z])';
const DAY = '(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?(?!\\d|:\\d)';
const YEAR4 = '(?:1\\d{3}|20\\d{2})(?!\\d|,\\d)';
const NUMW = NUMBER_WORDS.join('|');
const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+|\\s+1/2(?![\\d/]))?|(?:${NUMW})(?:-(?:${NUMW}))?(?![a-z])|an?(?![a-z]))`;
const VAGUE =
  '(?:several|a\\s+few|few|many|some|a\\s+couple\\s+of|a\\s+couple|couple\\s+of|a\\s+number\\s+of|numerous|the\\s+next\\s+few|the\\s+past\\s+few|the\\s+last\\s+few)';
const UNIT =
  '(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|quarters?|weekends?|fortnights?|yrs?|hrs?|mins?)(?![a-z]|-(?:earlier|ago|end|old|long))';
const ORD = `(?:\\d{1,2}(?:st|nd|rd|th)|(?:twenty-)?(?:${ORDINAL_WORDS.join('|')}))`;
const DMOD =
  '(?:(?<mod>early|late|mid|(?:the\\s+)?(?:very\\s+)?(?:end|beginning|start|middle|close|turn)\\s+of|around|about|approximately|roughly|circa)(?:\\s*-\\s*|\\s+))?';
const QMOD =
  '(?:(?<qmod>about|around|approximately|roughly|nearly|almost|more\\s+than|less\\s+than|fewer\\s+than|at\\s+least|at\\s+most|up\\s+to|some|over(?=\\s+(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)\\s))\\s+)?';
const PREP_BEFORE = new Set([
  'in',
  'since',
  'until',
  'till',
  'by',
  'of',
  'from',
  'through',
  'during',
  'before',
  'after',
  'to',
  'between',
  'and',
  'or',
  'last',
  'early',
  'late',
  'mid',
  'this',
  'next',
  'on',
  'for',
  'as',
  'at',
  'around',
  'about',
  'throughout',
  'into',
  'circa',
  'back',
  'than',
  'within',
  'past',
]);

function rx(src: string): RegExp {
  return new RegExp(src, 'iy');
}

function capitalised(s: string | undefined): boolean {
  return !!s && s[0] >= 'A' && s[0] <= 'Z';
}

/** Lower-cased word just before `at` (skipping white space), or ''. */
export function wordBefore(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '-')) i--;
  const end = i + 1;
  while (i >= 0 && isLetterOrQuote(text.charCodeAt(i))) i--;
  return text.slice(i + 1, end).toLowerCase();
}

function wordAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  const s = i;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!(isLetterOrQuote(c) || (c >= 48 && c <= 57) || c === 45)) break;
    i++;
  }
  return text.slice(s, i);
}

/** [A-Za-z'] by char code (a regex test per character cost a call each). */
function isLetterOrQuote(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39;
}

function yearOf(day: number): number {
  return Number.isNaN(day) ? Number.NaN : ymdOf(day).y;
}

function withMod(d: Draft | null, g: Groups): Draft | null {
  return d ? applyMod(d, modOf(g.mod)) : d;
}

function dirWord(s: string | undefined): string {
  return (s ?? '').toLowerCase().replace(/\s+/g, ' ');
}

function twoDigitYear(s: string, pivot = 1900): number {
  if (s.length === 4) return Number(s);
  const n = Number(s);
  return pivot === 1900 ? (n > 40 ? 1900 + n : 2000 + n) : pivot + n;
}

// ---- relative resolution helpers -----------------------------------------------------------------

function resolveWeekday(wd: number, dir: string, c: Ctx): Draft {
  const base = c.dct;
  if (dir === 'the previous' || dir === 'the following' || dir === 'the next') {
    const r = c.ref('day') ?? c.ref('day', 2);
    const anchor = r ? r.from : base;
    if (Number.isNaN(anchor)) return unknown('DATE', `XXXX-WXX-${wd}`, 'day');
    const d = weekdayNear(anchor, wd, dir === 'the previous' ? -1 : 1, true);
    return refd(dayDraft(d), r);
  }
  if (Number.isNaN(base)) return unknown('DATE', `XXXX-WXX-${wd}`, 'day');
  let day: number;
  switch (dir) {
    case 'last':
    case 'past':
    case 'this past':
      day = weekdayNear(base, wd, -1, true);
      break;
    case 'next':
    case 'coming':
    case 'this coming':
      day = weekdayNear(base, wd, 1, true);
      break;
    case 'this':
      day = weekdayNear(base, wd, isPast(c.tense) ? -1 : 1, false);
      break;
    default: {
      if (c.tense === 'pastfuture') {
        const r = c.ref('week');
        if (r && r.from <= base) return refd(dayDraft(weekdayNear(r.from, wd, 1, false)), r);
      }
      // "Wednesday's ruling": a day named as the owner of an event is one already reported
      if (c.possessive && c.tense !== 'future') {
        day = weekdayNear(base, wd, -1, false);
        break;
      }
      // "until Tuesday": a deadline ahead, unless the clause is past perfect ("Until Thursday, they had not");
      // "planned to leave on Thursday", "would travel Thursday": plans reported in the past are still
      // ahead when nothing in the paragraph dates the report
      const ahead =
        ((c.before === 'until' || c.before === 'till') && c.tense !== 'pastperfect') ||
        c.tense === 'pastfuture' ||
        (c.before === 'as' && SOON_AS.test(c.lead ?? ''));
      day = weekdayNear(base, wd, ahead ? 1 : c.tense === 'present' ? -1 : leanOf(c.tense), false);
    }
  }
  return dayDraft(day, 'dct');
}

/** Lean of a month or date without a year: "would be paid in January" is ahead of the report. */
function dateLean(t: Tense): -1 | 0 | 1 {
  return t === 'pastfuture' ? 1 : leanOf(t);
}

function refd(d: Draft, r: Ref | null): Draft {
  if (r) {
    d.anchor = 'ref';
    d.refId = r.id;
    d.derived = true;
  } else if (!Number.isNaN(d.from)) d.anchor = 'dct';
  return d;
}

function resolveMonth(m: number, dir: string, c: Ctx): Draft {
  if (Number.isNaN(c.dct)) return monthDraft(Number.NaN, m);
  let y: number;
  switch (dir) {
    case 'last':
    case 'past':
    case 'this past':
      y = yearForMonth(c.dct, m, -1, true);
      break;
    case 'next':
    case 'coming':
    case 'this coming':
      y = yearForMonth(c.dct, m, 1, true);
      break;
    case 'this':
      y = ymdOf(c.dct).y;
      break;
    default:
      y = yearForMonth(c.dct, m, c.before === 'back' ? -1 : dateLean(c.tense), false);
  }
  return monthDraft(y, m, 'dct');
}

function resolveMonthDay(m: number, d: number, wd: number, c: Ctx): Draft {
  if (Number.isNaN(c.dct)) {
    return unknown('DATE', `XXXX-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, 'day');
  }
  let y = yearForDate(c.dct, m, d, c.before === 'back' ? -1 : dateLean(c.tense));
  if (wd) {
    // a written weekday picks the year in which the date falls on it
    const base = ymdOf(c.dct).y;
    for (const cand of [y, base, base - 1, base + 1]) {
      const day = dayOf(cand, m, d);
      if (!Number.isNaN(day) && weekday(day) === wd) {
        y = cand;
        break;
      }
    }
  }
  const day = dayOf(y, m, d);
  if (Number.isNaN(day)) return unknown('DATE', 'XXXX-XX-XX', 'day');
  return dayDraft(day, 'dct');
}

function shiftUnit(base: number, unit: UnitCode, n: number): number {
  switch (unit) {
    case 'D':
      return base + n;
    case 'W':
      return base + 7 * n;
    case 'FN':
      return base + 14 * n;
    case 'WE':
      return base + 7 * n;
    case 'M':
      return addMonthsToDay(base, n);
    case 'Q':
      return addMonthsToDay(base, 3 * n);
    case 'Y':
      return addMonthsToDay(base, 12 * n);
    case 'DE':
      return addMonthsToDay(base, 120 * n);
    case 'CE':
      return addMonthsToDay(base, 1200 * n);
    default:
      return base;
  }
}

/** The unit-sized period containing `day`, as a draft. */
function periodDraft(day: number, unit: UnitCode, anchor?: 'dct' | 'ref'): Draft {
  if (Number.isNaN(day)) {
    const v: Record<string, [string, Granularity]> = {
      D: ['XXXX-XX-XX', 'day'],
      W: ['XXXX-WXX', 'week'],
      WE: ['XXXX-WXX-WE', 'weekend'],
      M: ['XXXX-XX', 'month'],
      Q: ['XXXX-QX', 'quarter'],
      Y: ['XXXX', 'year'],
      DE: ['XXX', 'decade'],
      CE: ['XX', 'century'],
    };
    const [val, gran] = v[unit] ?? ['XXXX-XX-XX', 'day'];
    return unknown('DATE', val, gran);
  }
  const { y, m } = ymdOf(day);
  switch (unit) {
    case 'D':
      return dayDraft(day, anchor);
    case 'W':
    case 'FN':
      return weekDraft(day, anchor);
    case 'WE':
      return weekendDraft(day, anchor);
    case 'M':
      return monthDraft(y, m, anchor);
    case 'Q':
      return quarterDraft(y, quarterOf(m), anchor);
    case 'DE':
      return decadeDraft(Math.floor(y / 10) * 10, anchor);
    case 'CE':
      return centuryDraft(Math.floor(y / 100) + 1, anchor);
    default:
      return yearDraft(y, anchor);
  }
}

function refKindOf(unit: UnitCode): 'day' | 'week' | 'month' | 'quarter' | 'year' {
  if (unit === 'D' || unit === 'H' || unit === 'MIN') return 'day';
  if (unit === 'W' || unit === 'WE' || unit === 'FN') return 'week';
  if (unit === 'M') return 'month';
  if (unit === 'Q') return 'quarter';
  return 'year';
}

/** The most recent quarter that has ended by the anchor day (what "the quarter" means in results news). */
function completedQuarter(day: number): { y: number; q: number } {
  const { y, m } = ymdOf(day);
  const q = quarterOf(m) - 1;
  return q === 0 ? { y: y - 1, q: 4 } : { y, q };
}

const SEASONS: Record<string, Season> = {
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
  winter: 'WI',
};

// ---- the rules -----------------------------------------------------------------------------------

const monthOk = (g: Groups) => capitalised(g.mon);
/** "Black Monday", "Good Friday": names of days, not the weekday before publication. */
const NAMED_DAY_PREFIX = /\b(?:Black|Bloody|Good|Holy|Ash|Palm|Super|Cyber|Blue|Maundy|Easter)\s+$/;
const wdOk = (g: Groups) => !g.wd || capitalised(g.wd);

export const RULES: Rule[] = [
  {
    name: 'date.mdy',
    re: rx(
      `${DMOD}(?:(?<wd>${WD})\\s*,?\\s*)?(?<mon>${MON})\\s*(?<day>${DAY})(?:\\s*,\\s*|\\s+)(?<year>\\d{4})(?![\\d])`,
    ),
    accept: (g) => monthOk(g) && wdOk(g),
    make: (g) => withMod(absDay(+g.year!, monthNumber(g.mon!), Number.parseInt(g.day!, 10)), g),
  },
  {
    name: 'date.dmy',
    re: rx(
      `${DMOD}(?:(?<wd>${WD})\\s*,?\\s*)?(?:the\\s+)?(?<day>${DAY})\\s+(?:of\\s+)?(?<mon>${MON})(?:\\s*,?\\s*(?<year>\\d{4})(?![\\d]))?`,
    ),
    accept: (g) => monthOk(g) && wdOk(g),
    make: (g, c) => {
      const m = monthNumber(g.mon!);
      const d = Number.parseInt(g.day!, 10);
      if (g.year) return withMod(absDay(+g.year, m, d), g);
      return withMod(resolveMonthDay(m, d, g.wd ? weekdayNumber(g.wd) : 0, c), g);
    },
  },
  {
    name: 'date.md',
    re: rx(
      `${DMOD}(?:(?<wd>${WD})\\s*,?\\s*)?(?<mon>${MON})\\s*(?<day>${DAY})(?:(?<and>\\s+and\\s+)(?<day2>${DAY})(?![\\s,]*(?:\\d|percent|%|million|billion)))?`,
    ),
    accept: (g, text, _s, e) => monthOk(g) && wdOk(g) && !/^\s*(?:-|–)?\s*year/i.test(text.slice(e, e + 8)),
    make: (g, c, start, match) => {
      const m = monthNumber(g.mon!);
      const first = withMod(
        resolveMonthDay(m, Number.parseInt(g.day!, 10), g.wd ? weekdayNumber(g.wd) : 0, c),
        g,
      )!;
      if (!g.day2) return first;
      // "April 24 and 25": two days of one month
      const cut = match.length - g.day2.length - g.and!.length;
      first.start = start;
      first.end = start + cut;
      const second = Number.isNaN(first.from)
        ? unknown('DATE', 'XXXX-XX-XX', 'day')
        : dayDraft(dayOf(ymdOf(first.from).y, m, Number.parseInt(g.day2, 10)), first.anchor);
      second.start = start + match.length - g.day2.length;
      second.end = start + match.length;
      return [first, second];
    },
  },
  {
    name: 'date.my',
    re: rx(`${DMOD}(?<mon>${MON})\\s*,?\\s*(?:of\\s+)?(?<year>${YEAR4})`),
    accept: monthOk,
    make: (g) => withMod(monthDraft(+g.year!, monthNumber(g.mon!)), g),
  },
  {
    name: 'date.month-rel-year',
    re: rx(`${DMOD}(?<mon>${MON})\\s*,?\\s+(?:of\\s+)?(?<rel>this|last|next)\\s+year(?![a-z'’])`),
    accept: monthOk,
    make: (g, c, start, match) => {
      const rel = g.rel!.toLowerCase();
      const y = Number.isNaN(c.dct)
        ? Number.NaN
        : ymdOf(c.dct).y + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0);
      const month = withMod(monthDraft(y, monthNumber(g.mon!), Number.isNaN(y) ? undefined : 'dct'), g)!;
      const of = /\s+of\s+/i.exec(match);
      if (!of) return month;
      // "October of next year": two times, the month and the year it is in
      month.start = start;
      month.end = start + of.index;
      const year = yearDraft(y, Number.isNaN(y) ? undefined : 'dct');
      year.start = start + of.index + of[0].length;
      year.end = start + match.length;
      return [month, year];
    },
  },
  {
    name: 'year.spoken',
    re: rx(
      '(?:the\\s+year\\s+)?(?:(?<hi>nineteen|eighteen|twenty)[-\\s]+(?<lo>(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s]+(?:one|two|three|four|five|six|seven|eight|nine))?)|two\\s+thousand(?:\\s+and)?(?:[-\\s]+(?<lo2>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?)(?![a-z-])',
    ),
    accept: (g, text, s) =>
      !!g.lo2 || !!g.lo || /^the\\s+year/i.test(text.slice(s, s + 8)) || PREP_BEFORE.has(wordBefore(text, s)),
    make: (g) => {
      if (g.hi) {
        const hi = g.hi.toLowerCase() === 'eighteen' ? 1800 : g.hi.toLowerCase() === 'twenty' ? 2000 : 1900;
        return yearDraft(hi + numberValue(g.lo!.replace(/\\s+/g, '-')));
      }
      return yearDraft(2000 + (g.lo2 ? numberValue(g.lo2) : 0));
    },
  },
  {
    name: 'date.month',
    re: rx(
      `${DMOD}(?:(?<dir>last|this\\s+past|this\\s+coming|this|next|past|coming)\\s+)?(?<mon>${MON})(?!\\s*\\d)`,
    ),
    accept: (g, text, s, e) => {
      if (!monthOk(g)) return false;
      const mon = g.mon!.toLowerCase();
      if (mon.length <= 4 && !mon.endsWith('.') && mon !== 'june' && mon !== 'july' && mon !== 'may')
        return false;
      if (g.dir || g.mod) return true;
      const prev = wordBefore(text, s);
      const next = wordAfter(text, e);
      if (mon === 'may' || mon === 'march') return PREP_BEFORE.has(prev) && !/^[A-Z]/.test(next);
      // "August Wilson": a capitalised word after a bare month is a name, unless a preposition leads in
      if (/^[A-Z][a-z]/.test(next) && !PREP_BEFORE.has(prev)) return false;
      return true;
    },
    make: (g, c) => withMod(resolveMonth(monthNumber(g.mon!), dirWord(g.dir), c), g),
  },
  {
    name: 'date.weekday',
    re: rx(
      `${DMOD}(?:(?<dir>last|this\\s+past|this\\s+coming|this|next|past|coming|the\\s+previous|the\\s+following|the\\s+next)\\s+)?(?<wd>${WD})(?:\\s+(?<pod>morning|afternoon|evening|night))?`,
    ),
    accept: (g, text, s) =>
      capitalised(g.wd) && !(!g.dir && !g.mod && NAMED_DAY_PREFIX.test(text.slice(Math.max(0, s - 12), s))),
    make: (g, c) => {
      const d = resolveWeekday(weekdayNumber(g.wd!), dirWord(g.dir), c);
      if (g.pod) return withMod(timeOnDay(d.from, partOfDay(g.pod), d.anchor), g);
      return withMod(d, g);
    },
  },
  {
    name: 'set.weekdays',
    re: rx(
      `(?:(?<wds>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s|(?<wd>${WD})\\s+(?<pod>morning|afternoon|evening|night)s)(?![a-z])`,
    ),
    // "on Mondays", "Tuesday nights": a weekly recurrence
    accept: (g) => capitalised(g.wds ?? g.wd),
    make: (g) => {
      const wd = weekdayNumber((g.wds ?? g.wd)!);
      return setDraft(g.pod ? `XXXX-WXX-${wd}T${partOfDay(g.pod)}` : `XXXX-WXX-${wd}`, 'day');
    },
  },
  {
    name: 'date.iso',
    re: rx('(?<y>1\\d{3}|20\\d{2})-(?<m>[01]\\d)-(?<d>[0-3]\\d)(?![\\d])'),
    make: (g) => absDay(+g.y!, +g.m!, +g.d!),
  },
  {
    name: 'date.numeric',
    re: rx('(?<m>1[0-2]|0?[1-9])/(?<d>3[01]|[12]\\d|0?[1-9])/(?<y>\\d{4}|\\d{2})(?![\\d/])'),
    make: (g) => absDay(twoDigitYear(g.y!), +g.m!, +g.d!),
  },
  {
    name: 'year.range',
    re: rx(
      `(?<y1>1\\d{3}|20\\d{2})(?<sep>\\s*(?:-|–|—)\\s*|\\s+(?:to|and|until|through)\\s+)(?<y2>1\\d{3}|20\\d{2}|\\d{2})(?![\\d])`,
    ),
    accept: (g, text, s) => {
      const y1 = +g.y1!;
      const y2 = g.y2!.length === 2 ? Math.floor(y1 / 100) * 100 + +g.y2! : +g.y2!;
      return y2 > y1 && y2 - y1 < 200 && !/[$£€]/.test(text[s - 1] ?? '');
    },
    make: (g, _c, start) => {
      const y1 = +g.y1!;
      const y2 = g.y2!.length === 2 ? Math.floor(y1 / 100) * 100 + +g.y2! : +g.y2!;
      const a = yearDraft(y1);
      a.start = start;
      a.end = start + g.y1!.length;
      const b = yearDraft(y2);
      b.start = a.end + g.sep!.length;
      b.end = b.start + g.y2!.length;
      return [a, b];
    },
  },
  {
    name: 'year.fiscal',
    re: rx(
      `(?<pre>fiscal(?:\\s+year)?|fy|calendar\\s+year|financial\\s+year|the\\s+year|model\\s+year)\\s*'?(?<year>${YEAR4}|\\d{2}(?![\\d]))`,
    ),
    accept: (g) => g.year!.length === 4 || /fiscal|fy/i.test(g.pre!),
    make: (g) => yearDraft(twoDigitYear(g.year!)),
  },
  {
    name: 'year.fiscal-rel',
    re: rx(
      `(?:the\\s+)?(?<rel>current|this|last|next|previous|prior|latest|coming|past)\\s+(?:fiscal|financial)\\s+year(?![a-z-])`,
    ),
    make: (g, c) => {
      // "the current fiscal year" is the year of the report; "the latest fiscal year" the one closed
      if (Number.isNaN(c.dct)) return unknown('DATE', 'XXXX', 'year');
      const rel = g.rel!.toLowerCase();
      const off = rel === 'current' || rel === 'this' ? 0 : rel === 'next' || rel === 'coming' ? 1 : -1;
      return yearDraft(ymdOf(c.dct).y + off, 'dct');
    },
  },
  {
    name: 'year.bare',
    re: rx(`${DMOD}(?<year>(?:1[0-9]|20)\\d{2})(?![\\d%]|,\\d|\\.\\d|\\s*-\\s*years?)`),
    accept: (g, text, s, e) => acceptBareYear(g, text, s, e),
    make: (g) => withMod(yearDraft(+g.year!), g),
  },
  {
    name: 'year.short',
    re: rx("['’](?<yy>\\d{2})(?![\\d'’]|s\\b)"),
    // "since '82", "in '98": an elided century after a preposition
    accept: (_g, text, s) =>
      ['in', 'since', 'of', 'from', 'until', 'till', 'by', 'before', 'after', 'to', 'and'].includes(
        wordBefore(text, s),
      ),
    make: (g, c) => {
      const yy = +g.yy!;
      const now = Number.isNaN(c.dct) ? 2000 : ymdOf(c.dct).y;
      const century = Math.floor(now / 100) * 100;
      return yearDraft(century + yy > now + 1 ? century - 100 + yy : century + yy);
    },
  },
  {
    name: 'date.decade',
    re: rx(
      `(?:the\\s+(?=early|late|mid))?${DMOD}(?:the\\s+)?(?:(?<c>1\\d|20)(?<d>\\d)0|['’](?<d2>\\d)0|(?<d3>[2-9])0)['’]?s(?![a-z])`,
    ),
    accept: (g, text, s) =>
      !/[$£€]/.test(text[s - 1] ?? '') &&
      (!!g.c ||
        !!g.d2 ||
        /^the/i.test(text.slice(s, s + 3)) ||
        !!g.mod ||
        /^(?:and|or|to|through)$/.test(wordBefore(text, s))),
    make: (g, c) => {
      let start: number;
      if (g.c) start = +g.c * 100 + +g.d! * 10;
      else {
        const dd = +(g.d2 ?? g.d3!);
        const cent = Number.isNaN(c.dct) ? 1900 : Math.floor(ymdOf(c.dct).y / 100) * 100;
        start = cent + dd * 10;
        if (!Number.isNaN(c.dct) && start > ymdOf(c.dct).y) start -= 100;
      }
      return withMod(decadeDraft(start), g);
    },
  },
  {
    name: 'date.decade-word',
    re: rx(
      `${DMOD}the\\s+(?:(?<cw>nineteen|eighteen|twenty)[-\\s]+)?(?<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)`,
    ),
    make: (g) => {
      const cent = g.cw
        ? g.cw.toLowerCase() === 'eighteen'
          ? 1800
          : g.cw.toLowerCase() === 'twenty'
            ? 2000
            : 1900
        : 1900;
      return withMod(decadeDraft(cent + DECADE_WORDS[g.dw!.toLowerCase()] * 10), g);
    },
  },
  {
    name: 'date.century',
    re: rx(`${DMOD}(?:the\\s+)?(?<n>${ORD})[-\\s]+century(?![a-z])`),
    make: (g) => withMod(centuryDraft(ordinalValue(g.n!)), g),
  },
  {
    name: 'date.season',
    re: rx(
      `${DMOD}(?:(?<dir>last|this\\s+past|this\\s+coming|this|next|past|coming|the|that)\\s+)?(?<s>spring|summer|fall|autumn|winter)(?![a-z])(?:\\s+(?:of\\s+)?(?<year>${YEAR4}))?`,
    ),
    accept: (g, text, s, e) => {
      if (g.year) return true;
      const dir = dirWord(g.dir);
      const next = wordAfter(text, e).toLowerCase();
      if (next === 'of' || /^(?:olympics|games|session|term|wheat|storm|collection|solstice)$/.test(next))
        return false;
      if (g.s!.toLowerCase() === 'fall' && !dir && !g.mod) return false;
      if (dir && dir !== 'the' && dir !== 'that') return true;
      if (g.mod) return true;
      const prev = wordBefore(text, s);
      return [
        'in',
        'during',
        'since',
        'until',
        'by',
        'through',
        'over',
        'this',
        'last',
        'next',
        'early',
        'late',
      ].includes(prev);
    },
    make: (g, c) => {
      const s = SEASONS[g.s!.toLowerCase()];
      if (g.year) return withMod(seasonDraft(+g.year, s), g);
      if (Number.isNaN(c.dct)) return withMod(seasonDraft(Number.NaN, s), g);
      const dir = dirWord(g.dir);
      let y: number;
      if (dir === 'last' || dir === 'past' || dir === 'this past') y = seasonYear(c.dct, s, -1, true);
      else if (dir === 'next' || dir === 'coming' || dir === 'this coming') y = seasonYear(c.dct, s, 1, true);
      else if (dir === 'this') {
        const cur = seasonOfMonth(ymdOf(c.dct).m);
        y = cur.s === s ? ymdOf(c.dct).y + cur.yearShift : seasonYear(c.dct, s, 0, false);
      } else y = seasonYear(c.dct, s, leanOf(c.tense), false);
      const d = seasonDraft(y, s, 'dct');
      return withMod(d, g);
    },
  },
  {
    name: 'date.quarter',
    re: rx(
      `${DMOD}(?:(?<yr>this|last|next|(?:1\\d|20)\\d{2})\\s+year['’]s\\s+|(?<y4>(?:1\\d|20)\\d{2})['’]s\\s+|(?<det>the|this|last|next|a)\\s+)?(?:(?<y5>(?:1\\d|20)\\d{2})\\s+)?(?<adj>(?:(?:same|latest|current|previous|recent|past|fiscal|calendar|year-earlier|year-ago|comparable|just-ended|just\\s+ended|most\\s+recent|corresponding|prior-year|year-before|fiscal-)\\s*)*)(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)(?<hy>[-\\s]+))?(?<qu>quarter|half|period)(?![a-z])(?:\\s+(?:of\\s+)?(?:(?:fiscal|calendar)\\s+)?(?:(?<year>${YEAR4})|(?<rel>this|last|next)\\s+year(?![a-z'’])))?`,
    ),
    accept: (g, text, _s, e) => {
      const adj = g.adj!.trim().toLowerCase();
      const qu = g.qu!.toLowerCase();
      const next = wordAfter(text, e).toLowerCase();
      // "the third-quarter results": annotators leave the article out of an adjectival quarter
      if (g.det && g.hy?.includes('-') && !g.adj && /^[a-z]/.test(next) && next !== 'of') return false;
      if (qu === 'period')
        return /year|same|comparable|corresponding|prior|latest/.test(adj) || !!g.y5 || (!!g.year && !!g.det);
      if (!g.ord && !adj && !g.year && !g.yr && !g.y4 && !g.y5) {
        // "the quarter" in results news; not "a quarter of the vote", not "quarter-final"
        return (
          qu === 'quarter' && !!g.det && g.det.toLowerCase() === 'the' && next !== 'of' && text[e] !== '-'
        );
      }
      if (qu === 'half' && !g.ord) return false;
      // "the first half of the game" is not a date; "the third quarter of $226 million" is
      if (next === 'of' && !g.year && !g.rel && /^\s*of\s+[a-z]/i.test(text.slice(e, e + 8))) return false;
      if (g.det?.toLowerCase() === 'a') return false;
      return true;
    },
    make: (g, c) => {
      const qu = g.qu!.toLowerCase();
      const adj = g.adj!.trim().toLowerCase();
      const ordRaw = g.ord?.toLowerCase();
      let n = ordRaw ? ordinalValue(ordRaw) : 0;
      if (n === -1) n = qu === 'half' ? 2 : 4;
      const base = yearOf(c.dct);
      let y = Number.NaN;
      if (g.year) y = +g.year;
      else if (g.y4) y = +g.y4;
      else if (g.y5) y = +g.y5;
      else if (g.yr || g.rel) {
        const yr = (g.yr ?? g.rel)!.toLowerCase();
        y = /^\d/.test(yr) ? +yr : yr === 'last' ? base - 1 : yr === 'next' ? base + 1 : base;
      }
      const explicit = !Number.isNaN(y);
      const yearBack = /year-earlier|year-ago|prior-year|year-before/.test(adj);
      const det = g.det?.toLowerCase();
      if (qu === 'half') {
        if (!explicit && !Number.isNaN(c.dct)) {
          const cur = ymdOf(c.dct).m <= 6 ? 1 : 2;
          y = n > cur && c.tense !== 'future' ? base - 1 : base;
          if (det === 'next') y = n > cur ? base : base + 1;
        }
        return withMod(
          halfDraft(yearBack ? y - 1 : y, n, explicit || Number.isNaN(y) ? undefined : 'dct'),
          g,
        );
      }
      if (!n && !explicit && !yearBack && !Number.isNaN(c.dct) && !c.ref('quarter')) {
        // "the quarter ended July 31": the quarter whose middle month precedes the closing month
        // (a fiscal quarter named earlier in the text keeps its own number)
        const ended = QUARTER_ENDED.exec(c.after ?? '');
        if (ended) {
          const m = monthNumber(ended[1]);
          const d = resolveMonthDay(m, Number.parseInt(ended[2], 10), 0, { ...c, tense: 'past' });
          if (!Number.isNaN(d.from)) {
            const mid = ymdOf(addMonthsToDay(d.from, -1));
            return withMod(quarterDraft(mid.y, quarterOf(mid.m), 'dct'), g);
          }
        }
      }
      if (!n) {
        // "the quarter", "the latest quarter", "the year-earlier period": the quarter just reported
        if (Number.isNaN(c.dct) && !explicit) return unknown('DATE', 'XXXX-QX', 'quarter');
        if (/current/.test(adj) || det === 'this') {
          const { y: by, m } = ymdOf(c.dct);
          return withMod(quarterDraft(explicit ? y : by, quarterOf(m), 'dct'), g);
        }
        const r = /latest|recent|just/.test(adj) ? null : c.ref('quarter');
        if (r) {
          const ry = ymdOf(r.from);
          return withMod(
            refd(quarterDraft((explicit ? y : ry.y) - (yearBack ? 1 : 0), quarterOf(ry.m)), r),
            g,
          );
        }
        const cq = completedQuarter(Number.isNaN(c.dct) ? dayOf(y, 12, 31) + 1 : c.dct);
        return withMod(
          quarterDraft(explicit ? y : yearBack ? cq.y - 1 : cq.y, cq.q, explicit ? undefined : 'dct'),
          g,
        );
      }
      if (!explicit) {
        if (Number.isNaN(c.dct)) return withMod(quarterDraft(Number.NaN, n), g);
        const cur = quarterOf(ymdOf(c.dct).m);
        // results news talks about the quarter just ended; a later quarter number is last year's
        y = n > cur ? base - 1 : base;
        if (det === 'next' || (c.tense === 'future' && n > cur)) y = n > cur ? base : base + 1;
        if (det === 'last') y = n >= cur ? base - 1 : base;
        if (yearBack) y -= 1;
        const d = withMod(quarterDraft(y, n, 'dct'), g);
        if (d && yearBack) d.derived = true;
        return d;
      }
      const q = withMod(quarterDraft(yearBack ? y - 1 : y, n), g);
      if (q && yearBack) q.derived = true;
      return q;
    },
  },
  {
    name: 'date.quarter-code',
    re: rx(`(?:(?<q1>[1-4])Q|Q(?<q2>[1-4]))(?![a-z\\d])(?:\\s*(?<year>${YEAR4}|['’]?\\d{2}(?![\\d])))?`),
    accept: (_g, text, s, e) => /^[1-4]?Q/.test(text.slice(s, e)),
    make: (g, c) => {
      const q = +(g.q1 ?? g.q2!);
      let y = g.year ? twoDigitYear(g.year.replace(/['’]/, '')) : Number.NaN;
      if (Number.isNaN(y) && !Number.isNaN(c.dct)) {
        const { y: by, m } = ymdOf(c.dct);
        y = q > quarterOf(m) && c.tense !== 'future' ? by - 1 : by;
      }
      return quarterDraft(y, q, g.year ? undefined : 'dct');
    },
  },
  {
    name: 'rel.day',
    re: rx(
      `${DMOD}(?:(?:(?:earlier|later)\\s+)?(?<w>today|tonight|yesterday|tomorrow)|(?<pre>last|this|yesterday|tomorrow)\\s+(?<pod>morning|afternoon|evening|night)|the\\s+day\\s+(?<ba>before\\s+yesterday|after\\s+tomorrow))(?![a-z])`,
    ),
    make: (g, c) => {
      const base = c.dct;
      const w = (g.w ?? g.pre ?? '').toLowerCase();
      if (g.ba) return withMod(dayDraft(base + (g.ba.toLowerCase().startsWith('before') ? -2 : 2), 'dct'), g);
      if (g.pod) {
        const suffix = partOfDay(g.pod);
        const off =
          w === 'yesterday' || (w === 'last' && g.pod.toLowerCase() === 'night')
            ? -1
            : w === 'tomorrow'
              ? 1
              : 0;
        if (w === 'last' && g.pod.toLowerCase() !== 'night') return null;
        return withMod(timeOnDay(base + off, suffix, Number.isNaN(base) ? undefined : 'dct'), g);
      }
      if (w === 'tonight') return withMod(timeOnDay(base, 'NI', Number.isNaN(base) ? undefined : 'dct'), g);
      // "today's world", "today's GM": the present age, not the day of publication
      if (w === 'today' && !g.mod && c.possessive && GENERIC_TODAY.test(c.after ?? ''))
        return undated(refDraft('PRESENT_REF', base));
      const off = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      return withMod(dayDraft(base + off, 'dct'), g);
    },
  },
  {
    name: 'rel.ref',
    re: rx(
      '(?<w>the\\s+(?:near|short|long)[-\\s]term|the\\s+time\\s+being|right\\s+now|now|currently|nowadays|(?:more\\s+|most\\s+|until\\s+|very\\s+)?recently|lately|presently|the\\s+(?:near|distant|foreseeable|immediate)\\s+future|the\\s+past|the\\s+future|the\\s+present|recent|current|these\\s+days|at\\s+present|at\\s+the\\s+moment|this\\s+(?:(?:crucial|critical|difficult|decisive|historic|particular|very)\\s+)?moment|once)(?![a-z-])',
    ),
    accept: (g, text, _s, e) => {
      const w = g.w!.toLowerCase();
      const next = wordAfter(text, e).toLowerCase();
      if (w === 'once') return false;
      // "the long-term partnership": a hyphenated compound modifies the noun after it
      if (/-term$/.test(w) && /^[a-z]/.test(next)) return false;
      if (w === 'current') {
        // TimeML reads the attributive adjective as PRESENT_REF ("current market conditions", "his current
        // wife"); "current account" and a current that flows are not time
        return /^[a-z]/.test(next) && !NOT_AFTER_CURRENT.has(next);
      }
      if (w === 'recent') {
        // "recent days", "the recent quarter" are other rules; a recent change or event is a past time
        return /^(?:years?|months?|weeks?|days?|times?|decades?|history|period|session|crisis|situation|level|levels|trend|fighting|events|violence|attacks?|talks|government|regime|administration|policy|season|year's|weeks'|months'|declines?|losses|gains|advances|downturn|slump|rally|turmoil|weakness)$/.test(
          next,
        );
      }
      if (w === 'the past' || w === 'the future' || w === 'the present') {
        return !/^(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|day|decade|century|tense|president|perfect)/.test(
          next,
        );
      }
      if (w === 'now' && /^(?:that)$/.test(next) === false && text[e] === '-') return false;
      return true;
    },
    make: (g, c, _start, _match) => {
      const w = g.w!.toLowerCase().replace(/\s+/g, ' ');
      // the adjective describes a thing ("the current system"), it does not date an event: no interval
      if (w === 'current') return undated(refDraft('PRESENT_REF', c.dct));
      if (/now|currently|nowadays|presently|present|these days|moment|current/.test(w))
        return refDraft('PRESENT_REF', c.dct);
      if (/soon|future|term/.test(w)) return refDraft('FUTURE_REF', c.dct);
      if (/time being/.test(w)) return refDraft('PRESENT_REF', c.dct);
      return refDraft('PAST_REF', c.dct);
    },
  },
  {
    name: 'rel.same-period',
    re: rx(
      'the\\s+(?:(?:same|corresponding|comparable|year-earlier|year-ago)\\s+(?<u>period|month|quarter|week|day|time|season)|(?<u2>period|quarter|month))\\s+(?:of\\s+)?(?:a\\s+year\\s+(?:ago|earlier|before)|(?:the\\s+)?(?:last|previous|prior)\\s+year|the\\s+year\\s+before|in\\s+(?<yr>(?:1\\d|20)\\d\\d))(?![a-z])',
    ),
    make: (g, c) => {
      // "the same month a year ago": the month (or quarter) just mentioned, one year back
      const unit = (g.u ?? g.u2)!.toLowerCase();
      const r = c.ref(unit === 'quarter' ? 'quarter' : unit === 'month' ? 'month' : 'any', 2);
      // "the quarter a year ago" with no quarter in the text: the one just reported, a year back
      const cq = !r && unit === 'quarter' && !Number.isNaN(c.dct) ? completedQuarter(c.dct) : null;
      const base = r ? r.from : cq ? dayOf(cq.y, cq.q * 3, 1) : c.dct;
      if (Number.isNaN(base)) return unknown('DATE', 'XXXX', 'year');
      const { y, m } = ymdOf(base);
      const yy = g.yr ? +g.yr : y - 1;
      let d: Draft;
      if (unit === 'quarter' || (unit === 'period' && r?.gran === 'quarter'))
        d = quarterDraft(yy, quarterOf(m));
      else if (unit === 'month' || (unit === 'period' && r && r.gran === 'month')) d = monthDraft(yy, m);
      else if (unit === 'day' && r) d = dayDraft(dayOf(yy, m, Math.min(ymdOf(base).d, 28)));
      else d = yearDraft(yy);
      const out = refd(d, r);
      out.derived = true;
      return out;
    },
  },
  {
    name: 'rel.recent-units',
    re: rx(
      '(?:the\\s+)?(?:recent|past|coming|next|previous|last|future)\\s+(?<u>days|weeks|months|years|decades|quarters)(?![a-z])',
    ),
    accept: (_g, text, s) =>
      /^(?:the\s+)?(?:recent|coming|future)/i.test(text.slice(s, s + 16)) ||
      !/^the/i.test(text.slice(s, s + 3)),
    make: (g, c, _start, match) => {
      const u = unitCode(g.u!)!;
      const back = /recent|past|previous|last/i.test(match);
      // "recent years", "coming quarters": vaguely before or after now, as TimeBank marks them
      if (u === 'Y' || u === 'DE' || u === 'Q') return refDraft(back ? 'PAST_REF' : 'FUTURE_REF', c.dct);
      return durationDraft(durationValue(Number.NaN, u), granOfUnit(u));
    },
  },
  {
    name: 'rel.unit',
    re: rx(
      `${DMOD}(?<dir>this\\s+past|this\\s+coming|this|last|next|past|coming|previous|following|current|the\\s+past|the\\s+last|the\\s+previous|the\\s+following|the\\s+next|the\\s+coming|the\\s+current|the\\s+same|that|the)\\s+(?<unit>week|weekend|month|year|quarter|decade|century|fortnight|day|night|morning|afternoon|evening)(?![a-z-])(?!['’]s\\s+(?:first|second|third|fourth|1st|2nd|3rd|4th)\\b)`,
    ),
    accept: (g, text, s, e) => {
      const dir = dirWord(g.dir);
      const unit = g.unit!.toLowerCase();
      // "ABC's This Week": a title-cased phrase inside a sentence is a name
      if (
        /^[A-Z]/.test(g.unit!) &&
        /^[A-Z]/.test(g.dir!) &&
        /[a-z,'’]\s*["“]?$/.test(text.slice(Math.max(0, s - 3), s))
      )
        return false;
      const next = wordAfter(text, e).toLowerCase();
      // "in the morning": the part of the day of the time in context; "the next morning"
      if (unit === 'morning' || unit === 'afternoon' || unit === 'evening') {
        if (dir === 'the')
          return /^(?:in|during)$/.test(wordBefore(text, s)) && !/^\s*of\b/.test(text.slice(e, e + 4));
        if (dir === 'the next') return true;
      }
      if (dir === 'the') {
        if (unit === 'weekend' || unit === 'year' || unit === 'week' || unit === 'month') {
          if (unit === 'year' && /^(?:before|after|earlier|ago|later|old|of|in|when|that|to)$/.test(next))
            return false;
          if (unit !== 'year' && /^(?:before|after|of|when|that|in)$/.test(next)) return false;
          return unit !== 'week' && unit !== 'month' ? true : !!g.mod;
        }
        return !!g.mod && unit === 'day';
      }
      if (dir === 'that')
        return (
          unit === 'day' ||
          unit === 'week' ||
          unit === 'month' ||
          unit === 'quarter' ||
          unit === 'year' ||
          unit === 'night'
        );
      if (['morning', 'afternoon', 'evening'].includes(unit))
        return dir === 'this' || dir === 'the previous' || dir === 'the following' || dir === 'that';
      if (unit === 'night') return dir === 'that' || dir === 'the previous' || dir === 'the following';
      if (unit === 'day')
        return [
          'the previous',
          'the following',
          'the next',
          'the same',
          'that',
          'previous',
          'following',
        ].includes(dir);
      return true;
    },
    make: (g, c) => relUnit(g, c),
  },
  {
    name: 'rel.ago',
    re: rx(
      `${QMOD}(?:(?<num>${NUM})|(?<vague>${VAGUE}))(?<half>[-\\s]+and\\s+a\\s+half)?[-\\s]+(?<unit>${UNIT})(?<half2>\\s+and\\s+a\\s+half)?(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|later|from\\s+now|hence|previously|before(?=\\s*[,.;)"”]|\\s+(?:that|then|the\\s+(?:attack|war|election|vote|crash|meeting|deadline)))|after(?=\\s*[,.;)"”]|\\s+(?:that|then))|prior(?=\\s*[,.;)]))(?![a-z])`,
    ),
    make: (g, c, start, match) => relAgo(g, c, start, match),
  },
  {
    name: 'rel.unit-before',
    re: rx(
      'the\\s+(?<unit>day|week|month|year|night|weekend)\\s+(?<dir>before|after|earlier|later)(?=\\s*[,.;)"”]|\\s+(?:that|then)\\b)',
    ),
    make: (g, c) => {
      const unit = unitCode(g.unit!) ?? 'D';
      const dir = /before|earlier/i.test(g.dir!) ? -1 : 1;
      const r = c.ref(refKindOf(unit)) ?? c.ref(refKindOf(unit), 2);
      const base = r ? r.from : c.dct;
      if (g.unit!.toLowerCase() === 'night') return refd(timeOnDay(base + dir, 'NI'), r);
      return refd(periodDraft(shiftUnit(base, unit, dir), unit), r);
    },
  },
  {
    name: 'rel.the-day',
    re: rx('(?:(?<late>late|early)\\s+in\\s+)?the\\s+day(?![a-z-])'),
    accept: (g, text, s) =>
      !!g.late ||
      /^(?:end|ended|ending|ends|finish|finished|finishing|for|close|closed|closing|start|started|of|in)$/.test(
        wordBefore(text, s),
      ),
    make: (g, c) => {
      const r = c.ref('day');
      const d = refd(dayDraft(r ? r.from : c.dct), r);
      return withMod(d, { mod: g.late });
    },
  },
  {
    name: 'rel.earlier',
    re: rx(
      '(?<which>earlier|later)\\s+(?:in\\s+)?(?<dir>this|that|last|next|the)\\s+(?<unit>week|month|year|day|decade|century|quarter|season)(?![a-z-])',
    ),
    make: (g, c) => {
      const dir = dirWord(g.dir);
      const unit = unitCode(g.unit!) ?? 'Y';
      if (g.unit!.toLowerCase() === 'season') return null;
      if (dir === 'that' || dir === 'the') {
        const r = c.ref(refKindOf(unit)) ?? c.ref(refKindOf(unit), 2);
        if (r) return refd(periodDraft(r.from, unit), r);
      }
      const off = dir === 'last' ? -1 : dir === 'next' ? 1 : 0;
      return periodDraft(shiftUnit(c.dct, unit, off), unit, 'dct');
    },
  },
  {
    name: 'dur.num',
    re: rx(
      `${QMOD}(?<pre>the\\s+(?:past|last|next|first|final|coming|previous|following|initial|remaining|ensuing|preceding|latest|other)\\s+|the\\s+|another\\s+|an\\s+additional\\s+|a\\s+further\\s+)?(?:(?<num>${NUM})|(?<vague>${VAGUE}))(?<half>[-\\s]+and[-\\s]+a[-\\s]+half)?[-\\s]+(?:(?:more|full|straight|consecutive|long|calendar|business|working|trading)\\s+)?(?<unit>${UNIT})(?<half2>\\s+and\\s+a\\s+half(?![a-z]))?(?:\\s+or\\s+so(?![a-z]))?(?<post>[-\\s]+(?:old|olds)(?![a-z]))?`,
    ),
    accept: (g, text, s, e) => {
      if (g.post) return false;
      const num = g.num?.toLowerCase();
      const pre = dirWord(g.pre);
      const unit = g.unit!.toLowerCase();
      const next = wordAfter(text, e).toLowerCase();
      if (/^seconds?$/.test(unit) && (!num || !/^\d|^(?:two|three|four|five|ten|thirty|few)/.test(num)))
        return false;
      // "the 1988 quarter" is a year, not 1988 quarters
      if (num && /^(?:1\d|20)\d\d$/.test(num)) return false;
      if (num === 'a' || num === 'an') {
        if (perUnitContext(text, s) || pre === 'the') return false;
      }
      // "60 Minutes" is a programme, "three-quarters of" a share
      if (/^[A-Z]/.test(g.unit!) && !/^[A-Z]+$/.test(g.unit!)) return false;
      // "three quarters of the vote" is a share; "two consecutive quarters of growth" is time
      if (
        unit.startsWith('quarter') &&
        next === 'of' &&
        !/consecutive|straight|fiscal/i.test(text.slice(s, e))
      )
        return false;
      if (
        pre === 'the' &&
        !/^\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve/.test(num ?? '')
      )
        return false;
      if (next === 'old' && !g.qmod) return false;
      // "2 days' pay" and "3-week-old" are fine; "5 quarter" is not a duration
      return !(unit.startsWith('quarter') && !num && !/^(?:several|a\s+few|few)$/i.test(g.vague ?? ''));
    },
    make: (g, c) => durNum(g, c),
  },
  {
    name: 'rel.vague',
    re: rx(
      '(?:(?<soon>(?:very\\s+)?soon)|(?<later>a\\s+later\\s+(?:date|time|stage))|(?<tt>the|that)\\s+time)(?![a-z-])',
    ),
    accept: (g, text, s, e) => {
      const prev = wordBefore(text, s);
      const next = wordAfter(text, e).toLowerCase();
      // "as soon as", "soon after", "soon-to-open" are not the near future on their own
      // "too soon to say" is about readiness, not a time
      if (g.soon)
        return (
          prev !== 'as' && prev !== 'too' && next !== 'as' && !/^(?:after|thereafter|afterwards?)$/.test(next)
        );
      if (g.later) return true;
      if (g.tt!.toLowerCase() === 'the') return prev === 'at' && !/^(?:of|being|and|or)$/.test(next);
      return /^(?:at|by|until|till|since)$/.test(prev);
    },
    make: (g, c) => {
      // "will soon begin", "at a later date": the future; "at the time": a past moment in the story
      if (g.soon) return isPast(c.tense) ? null : refDraft('FUTURE_REF', c.dct);
      if (g.later) return refDraft('FUTURE_REF', c.dct);
      if (g.tt!.toLowerCase() === 'the') return refDraft('PAST_REF', c.dct);
      // "by that time": the time just mentioned
      const r = c.ref('any') ?? c.ref('any', 2);
      if (!r) return refDraft('PAST_REF', c.dct);
      const { y, m } = ymdOf(r.from);
      const d =
        r.gran === 'year'
          ? yearDraft(y)
          : r.gran === 'month'
            ? monthDraft(y, m)
            : r.gran === 'quarter'
              ? quarterDraft(y, quarterOf(m))
              : dayDraft(r.from);
      return refd(d, r);
    },
  },
  {
    name: 'time.mid-pod',
    re: rx('mid[-\\s]?(?<pod>morning|afternoon)(?:\\s+(?<w>yesterday|today|tomorrow))?(?![a-z-])'),
    // "by mid afternoon", "at mid-afternoon yesterday"
    accept: (g, text, s) =>
      !!g.w || /^(?:by|at|in|until|till|around|about|before|after|since)$/.test(wordBefore(text, s)),
    make: (g, c) => {
      const w = g.w?.toLowerCase();
      if (w) {
        const off = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
        return timeOnDay(c.dct + off, partOfDay(g.pod!), Number.isNaN(c.dct) ? undefined : 'dct');
      }
      const r = c.ref('day') ?? c.ref('day', 2);
      return refd(timeOnDay(r ? r.from : c.dct, partOfDay(g.pod!)), r);
    },
  },
  {
    name: 'time.session',
    re: rx('(?<pod>morning|afternoon|evening)(?=\\s+(?:trading|trade|session|deals|dealings)\\b)'),
    // "in morning trading": the part of the trading day in context
    accept: (_g, text, s) => /^(?:in|during|early|late|by)$/.test(wordBefore(text, s)),
    make: (g, c) => {
      const r = c.ref('day') ?? c.ref('day', 2);
      const base = r ? r.from : c.dct;
      return refd(timeOnDay(base, partOfDay(g.pod!)), r);
    },
  },
  {
    name: 'dur.another',
    re: rx(
      '(?:another|an\\s+additional|a\\s+further|an\\s+extra)\\s+(?<unit>year|month|week|day|decade|hour|minute)(?![a-z-])',
    ),
    // "extended for an additional year": one more unit
    accept: (_g, text, s) => !perUnitContext(text, s),
    make: (g) => {
      const u = unitCode(g.unit!)!;
      return durationDraft(durationValue(1, u), granOfUnit(u));
    },
  },
  {
    name: 'dur.long',
    re: rx('(?<unit>days?|weeks?|months?|years?|decades?|centuries|century)-long(?![a-z-])'),
    // "a decades-long dispute", "their third day-long meeting"
    make: (g) => {
      const u = unitCode(g.unit!)!;
      const plural = /s$/i.test(g.unit!);
      return durationDraft(durationValue(plural ? Number.NaN : 1, u), granOfUnit(u));
    },
  },
  {
    name: 'dur.the-units',
    re: rx('the\\s+(?<unit>years|months|weeks|days|decades)(?:\\s+ahead)?(?![a-z-])'),
    // "over the years", "in the weeks ahead": an unspecified stretch of time
    accept: (_g, text, s, e) =>
      /^(?:over|through|throughout|during|in|for)$/.test(wordBefore(text, s)) &&
      !/^\s*(?:of|that|when|since|after|before|to)\b/i.test(text.slice(e, e + 8)),
    make: (g) => {
      const u = unitCode(g.unit!)!;
      return durationDraft(durationValue(Number.NaN, u), granOfUnit(u));
    },
  },
  {
    name: 'dur.bare',
    re: rx('(?<unit>years|months|weeks|days|decades|hours|centuries|minutes)(?![a-z])'),
    accept: (_g, text, s, e) => {
      const prev = wordBefore(text, s);
      const next = wordAfter(text, e).toLowerCase();
      if (next === 'of' || next === 'ago' || next === 'old') return false;
      // "the highest level in years", "lost them in minutes": not "in years past", "in days of old"
      if (prev === 'in') return !/^[a-z]/.test(next) || next === 'and' || next === 'or';
      return /^(?:for|within|over|than|lasting|lasted|last)$/.test(prev);
    },
    make: (g) => {
      const u = unitCode(g.unit!)!;
      return durationDraft(durationValue(Number.NaN, u), granOfUnit(u));
    },
  },
  {
    name: 'set',
    re: rx(
      `(?:(?<adv>daily|weekly|monthly|yearly|nightly|hourly|biweekly|annually|semiannually|semi-annually)|(?<ev>every|each)\\s+(?:(?<n>other|${NUM})\\s+)?(?<u>${UNIT}|${WD}|morning|night|evening|afternoon|spring|summer|fall|autumn|winter|${MON})|(?<per>per|a)\\s+(?<pu>day|week|month|year|night|hour|minute|quarter|decade))(?![a-z])`,
    ),
    accept: (g, text, s, e) => {
      if (g.per) return perUnitContext(text, s);
      if (g.adv) {
        // "rise 8.5% annually", "10,000 units annually": a rate, like "a year" after a quantity
        if (/annually$/i.test(g.adv) && perUnitContext(text, s)) return false;
        const next = wordAfter(text, e);
        // "the daily newspaper" is a name; "daily life" still a set
        return (
          !/^(?:newspaper|paper|mail|news|telegraph|star|beast|show|record|express)$/.test(
            next.toLowerCase(),
          ) && !/^[A-Z]/.test(next)
        );
      }
      return true;
    },
    make: (g) => setRule(g),
  },
  {
    name: 'time.clock',
    re: rx(
      `${QMOD}(?<h>1[0-2]|0?[1-9])(?:[:.](?<mi>[0-5]\\d))?\\s*(?<ap>a\\.m\\.?|p\\.m\\.?|am|pm)(?![a-z])(?:\\s+(?<tz>EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|MSK|local\\s+time)(?![a-z]))?(?:\\s+(?:on\\s+)?(?<wd>${WD}|today|yesterday|tomorrow))?(?:\\s*,?\\s+(?:on\\s+)?(?<mon>${MON})\\s*(?<dd>${DAY}))?`,
    ),
    accept: (g) =>
      (!g.wd || /^(?:today|yesterday|tomorrow)$/i.test(g.wd) || capitalised(g.wd)) &&
      (!g.mon || capitalised(g.mon)),
    make: (g, c) => {
      if (g.mon) {
        // "5 p.m. EST Nov. 9": the time on that date
        const d = resolveMonthDay(monthNumber(g.mon), Number.parseInt(g.dd!, 10), 0, c);
        return clockTime(
          +g.h!,
          g.mi ? +g.mi : 0,
          g.ap!,
          undefined,
          { ...c, dct: d.from, ref: () => null },
          g.tz,
        );
      }
      return clockTime(+g.h!, g.mi ? +g.mi : 0, g.ap!, g.wd, c, g.tz);
    },
  },
  {
    name: 'time.clock24',
    re: rx(
      `(?<h>[01]?\\d|2[0-3])[:.]?(?<mi>[0-5]\\d)\\s*(?<tz>GMT|UTC|EST|EDT|CET|CEST|MSK|BST|hours|hrs|local\\s+time)(?![a-z])(?:\\s+(?:on\\s+)?(?<wd>${WD}|today|yesterday|tomorrow))?(?:\\s*,?\\s+(?:on\\s+)?(?<mon>${MON})\\s*(?<dd>${DAY}))?`,
    ),
    accept: (g, text, s, e) =>
      (/:|\d{4}/.test(text.slice(s, e)) || /local|hours|hrs/i.test(g.tz!)) &&
      (!g.wd || /^(?:today|yesterday|tomorrow)$/i.test(g.wd) || capitalised(g.wd)) &&
      (!g.mon || capitalised(g.mon)),
    make: (g, c) => {
      if (g.mon) {
        const d = resolveMonthDay(monthNumber(g.mon), Number.parseInt(g.dd!, 10), 0, c);
        return clockTime(+g.h!, +g.mi!, '', undefined, { ...c, dct: d.from, ref: () => null }, g.tz);
      }
      return clockTime(+g.h!, +g.mi!, '', g.wd, c, g.tz);
    },
  },
  {
    name: 'time.noon',
    re: rx(`(?<w>noon|midnight|midday)(?![a-z])(?:\\s+(?:on\\s+)?(?<wd>${WD}|today|yesterday|tomorrow))?`),
    // "High Noon" is a film
    accept: (g, text, s) => g.w![0] !== 'N' && wordBefore(text, s) !== 'high',
    make: (g, c) => clockTime(g.w!.toLowerCase() === 'midnight' ? 0 : 12, 0, '', g.wd, c),
  },
  {
    name: 'date.holiday',
    re: rx(
      `(?<h>christmas\\s+eve|christmas\\s+day|christmas|new\\s+year['’]s\\s+eve|new\\s+year['’]s\\s+day|new\\s+year['’]s|thanksgiving(?:\\s+day)?|independence\\s+day|halloween|valentine['’]s\\s+day|labor\\s+day|memorial\\s+day|boxing\\s+day|veterans\\s+day|election\\s+day|easter(?:\\s+(?:sunday|monday|week))?|good\\s+friday)(?![a-z])(?:\\s+(?<year>${YEAR4}))?`,
    ),
    accept: (g) => capitalised(g.h),
    make: (g, c) => holiday(g.h!, g.year, c),
  },
  {
    name: 'rel.whole-year',
    re: rx(`the\\s+(?:full|entire|whole)\\s+year(?![a-z'’-])`),
    make: (_g, c) => {
      // "sales for the full year": the year being reported, else the publication year
      const r = c.ref('year');
      const base = r ? r.from : c.dct;
      if (Number.isNaN(base)) return unknown('DATE', 'XXXX', 'year');
      return refd(yearDraft(ymdOf(base).y), r);
    },
  },
  {
    name: 'date.year-end',
    re: rx(
      `(?<w>year-end|year\\s+end|year['’]s\\s+end|year-earlier|year-ago|month-end|mid-year|midyear)(?![a-z-])`,
    ),
    accept: (g, text, _s, e) => {
      const w = g.w!.toLowerCase();
      const next = wordAfter(text, e).toLowerCase();
      if (w === 'year-earlier' || w === 'year-ago') return !/^(?:quarter|period)$/.test(next);
      return true;
    },
    make: (g, c) => {
      const w = g.w!.toLowerCase();
      if (Number.isNaN(c.dct)) return unknown('DATE', 'XXXX', 'year');
      const y = ymdOf(c.dct).y;
      if (w === 'year-earlier' || w === 'year-ago') {
        const r = c.ref('quarter');
        if (r) {
          const ry = ymdOf(r.from);
          return refd(quarterDraft(ry.y - 1, quarterOf(ry.m)), r);
        }
        const d = yearDraft(y - 1, 'dct');
        d.derived = true;
        return d;
      }
      if (w === 'month-end') return applyMod(monthDraft(y, ymdOf(c.dct).m, 'dct'), 'END');
      if (w.startsWith('mid')) return applyMod(yearDraft(y, 'dct'), 'MID');
      return applyMod(yearDraft(y, 'dct'), 'END');
    },
  },
];

/** "as soon as Tuesday", "as early as next week": the earliest time something may happen. */
const SOON_AS = /\bas\s+(?:soon|early)\s+as\s*$/i;

const GENERIC_TODAY =
  /^['’]s\s+(?:[A-Z]{2,}\b|(?:world|society|youth|generation|children|economy|market|markets|technology|computers|standards|age|culture|life|times)\b)/;

const QUARTER_ENDED = new RegExp(`^\\s+(?:ended|ending)\\s+(${MON})\\s*(${DAY})`, 'i');

/** Words after "current" that make it the noun or a non-temporal term. */
const NOT_AFTER_CURRENT = new Set(
  'account accounts affairs of and or to in is was are were that which flows flow flowing carrying sea ocean'.split(
    ' ',
  ),
);

/** "twice a week", "four flights a week", "$5 a day": a rate, so "a week" is a set, not a duration. */
function perUnitContext(text: string, s: number): boolean {
  const prev = wordBefore(text, s);
  if (/^(?:once|twice|thrice|times|percent|cents?|dollars?|euros?|pounds?|hours?)$/.test(prev)) return true;
  return PER_BEFORE.test(text.slice(Math.max(0, s - 30), s));
}
const PER_BEFORE =
  /(?:\d%?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|several|once|twice))\b[^.,;\d]{0,22}$/i;

function absDay(y: number, m: number, d: number): Draft {
  const day = dayOf(y, m, d);
  if (Number.isNaN(day)) return unknown('DATE', 'XXXX-XX-XX', 'day');
  return dayDraft(day);
}

function acceptBareYear(g: Groups, text: string, s: number, e: number): boolean {
  const y = +g.year!;
  const at = g.mod ? e - 4 : s;
  const prevCh = text[at - 1] ?? ' ';
  if (!g.mod && /[$£€#\d.,/:-]/.test(prevCh)) return false;
  const nextCh = text[e] ?? ' ';
  if (/[/:]/.test(nextCh) || (nextCh === '.' && /\d/.test(text[e + 1] ?? ''))) return false;
  if (y < 1000 || y > 2099) return false;
  const prev = wordBefore(text, at);
  if (PREP_BEFORE.has(prev) || g.mod) return true;
  if (y < 1500) return false;
  // "Russell 2000", "Windows 2000": a number in a name
  if (
    /[A-Z][a-z]+\s+$/.test(text.slice(Math.max(0, at - 20), at)) &&
    !/[.!?"“]\s*[A-Z][a-z]+\s+$/.test(text.slice(Math.max(0, at - 22), at))
  )
    return false;
  const next = wordAfter(text, e);
  const nl = next.toLowerCase();
  // "2000 people", "1500 troops": a plural or a unit after a number means a count
  if (
    /^(?:people|troops|soldiers|percent|per|km|miles|meters|metres|feet|tons|tonnes|votes|workers|employees|dollars|euros|cases|deaths|units|shares|jobs|homes|families|residents|students|points|barrels|acres|hectares|kilometers|kilometres|pounds|kg|mw|yards|to)$/.test(
      nl,
    )
  )
    return false;
  if (/^[a-z]+s$/.test(next) && !/^(?:was|is|has|as|this|its|his|sees|marks|brings)$/.test(nl)) return false;
  return true;
}

function granOfUnit(u: UnitCode): Granularity {
  switch (u) {
    case 'Y':
      return 'year';
    case 'M':
      return 'month';
    case 'W':
    case 'FN':
      return 'week';
    case 'WE':
      return 'weekend';
    case 'D':
      return 'day';
    case 'H':
      return 'hour';
    case 'MIN':
    case 'S':
      return 'minute';
    case 'Q':
      return 'quarter';
    case 'DE':
      return 'decade';
    case 'CE':
      return 'century';
  }
}

function relUnit(g: Groups, c: Ctx): Draft | null {
  const dir = dirWord(g.dir);
  const unitWord = g.unit!.toLowerCase();
  if (unitWord === 'morning' || unitWord === 'afternoon' || unitWord === 'evening' || unitWord === 'night') {
    const suffix = partOfDay(unitWord);
    if (dir === 'this') return withMod(timeOnDay(c.dct, suffix, Number.isNaN(c.dct) ? undefined : 'dct'), g);
    const r = c.ref('day') ?? c.ref('day', 2);
    const base = r ? r.from : c.dct;
    const off = dir === 'the previous' ? -1 : dir === 'the following' ? 1 : 0;
    return withMod(refd(timeOnDay(base + off, suffix), r), g);
  }
  const unit = unitCode(unitWord)!;
  if (dir === 'the' && unit === 'Y' && !g.mod) return durationDraft('P1Y', 'year');
  // "the past week", "the last decade": the one before the current one
  if (dir === 'the past' || dir === 'the last') {
    if (unit === 'D') return null;
    if (unit === 'DE' || unit === 'CE')
      return withMod(durationDraft(durationValue(1, unit), granOfUnit(unit)), g);
    if (unit !== 'M' && unit !== 'Q') return withMod(periodDraft(shiftUnit(c.dct, unit, -1), unit, 'dct'), g);
    const d = durationDraft(durationValue(1, unit), granOfUnit(unit));
    if (!Number.isNaN(c.dct)) {
      d.from = shiftUnit(c.dct, unit, -1);
      d.to = c.dct;
      d.anchor = 'dct';
    }
    return withMod(d, g);
  }
  if (dir === 'the next' && unit !== 'D') {
    const d = durationDraft(durationValue(1, unit), granOfUnit(unit));
    if (!Number.isNaN(c.dct)) {
      d.from = c.dct;
      d.to = shiftUnit(c.dct, unit, 1);
      d.anchor = 'dct';
    }
    return withMod(d, g);
  }
  if (
    unit === 'D' ||
    dir === 'that' ||
    dir === 'the same' ||
    dir === 'the previous' ||
    dir === 'the following' ||
    dir === 'the next'
  ) {
    // "The following month, ...": an anaphor reaches back over the short paragraphs of news copy
    const r = c.ref(refKindOf(unit)) ?? (dir === 'the next' ? null : c.ref(refKindOf(unit), 2));
    const base = r ? r.from : c.dct;
    const off = /previous/.test(dir) ? -1 : /following|next/.test(dir) ? 1 : 0;
    if (unit === 'D' || unit === 'WE' || r)
      return withMod(refd(periodDraft(shiftUnit(base, unit, off), unit), r), g);
  }
  if (unit === 'WE') {
    // the weekend of the reference week: in past or reported-past speech the one just gone
    if (Number.isNaN(c.dct)) return withMod(weekendDraft(Number.NaN), g);
    let off = 0;
    if (dir === 'last' || dir === 'past' || dir === 'this past' || dir === 'previous') off = -1;
    else if (dir === 'next' || dir === 'coming' || dir === 'this coming' || dir === 'following') off = 1;
    if (off === 0 && (isPast(c.tense) || c.tense === 'pastfuture')) {
      const r = c.tense === 'pastfuture' ? c.ref('week') : null;
      if (r && r.from < c.dct) return withMod(refd(weekendDraft(r.from), r), g);
      // the weekend just gone: Saturday on or before the publication day
      const sat = weekdayNear(c.dct, 6, -1, false);
      return withMod(weekendDraft(sat, 'dct'), g);
    }
    if (off === -1) return withMod(weekendDraft(weekdayNear(c.dct, 6, -1, true), 'dct'), g);
    if (off === 1)
      return withMod(weekendDraft(weekdayNear(c.dct, 6, 1, true) + (weekday(c.dct) >= 6 ? 0 : 7), 'dct'), g);
    // this weekend, present or future: the coming one (or the current one on Saturday/Sunday)
    return withMod(weekendDraft(c.dct, 'dct'), g);
  }
  let off = 0;
  if (dir === 'last' || dir === 'past' || dir === 'previous' || dir === 'this past') off = -1;
  else if (dir === 'next' || dir === 'coming' || dir === 'following' || dir === 'this coming') off = 1;
  return withMod(periodDraft(shiftUnit(c.dct, unit, off), unit, 'dct'), g);
}

function relAgo(g: Groups, c: Ctx, start: number, match: string): Draft | null {
  const unit = unitCode(g.unit!);
  const dirLower = g.dir!.toLowerCase();
  if (unit && (unit === 'D' || unit === 'H' || unit === 'MIN' || unit === 'S') && dirLower !== 'ago') {
    // "three days later", "over an hour later": TimeML marks the length of time and leaves the
    // direction word as a signal; the day it points to is kept as the interval
    const cut = match.length - g.dir!.length;
    let end = cut;
    while (end > 0 && /\s/.test(match[end - 1])) end--;
    const day = unit === 'D' ? relAgoDate(g, c) : null;
    const d = durNum({ ...g, pre: undefined }, { ...c, dct: Number.NaN });
    if (!d) return null;
    d.start = start;
    d.end = start + end;
    if (day && !Number.isNaN(day.from)) {
      d.from = day.from;
      d.to = day.to;
      d.anchor = day.anchor;
      d.refId = day.refId;
    }
    return d;
  }
  return relAgoDate(g, c);
}

/** "two years ago", "a week earlier": the period that many units from the anchor. */
function relAgoDate(g: Groups, c: Ctx): Draft | null {
  const unit = unitCode(g.unit!);
  if (!unit || unit === 'H' || unit === 'MIN' || unit === 'S') {
    if (Number.isNaN(c.dct)) return unknown('TIME', 'XXXX-XX-XXTXX:XX', 'hour');
    return timeOnDay(c.dct, 'DT', 'dct');
  }
  const dirRaw = g.dir!.toLowerCase().replace(/\s+/g, ' ');
  const back =
    dirRaw === 'ago' ||
    dirRaw === 'earlier' ||
    dirRaw === 'before' ||
    dirRaw === 'previously' ||
    dirRaw === 'prior';
  let n = g.num ? numberValue(g.num) : coupleOf(g.vague);
  if ((g.half || g.half2) && !Number.isNaN(n)) n += 0.5;
  if (Number.isNaN(n)) {
    // "years ago", "a few weeks earlier": somewhere in the past or future, not a date
    return refDraft(back ? 'PAST_REF' : 'FUTURE_REF', c.dct);
  }
  const fromNow = dirRaw === 'ago' || dirRaw === 'from now' || dirRaw === 'hence';
  // "profit rose in the third quarter from a year ago": the same quarter, a year back
  const rq = unit === 'Y' && n === 1 ? c.ref('quarter') : null;
  const r = rq ?? (fromNow ? null : c.ref(refKindOf(unit)));
  const base = r ? r.from : c.dct;
  const k = Math.round(n) * (back ? -1 : 1);
  const d = shiftUnit(base, unit, k);
  // counted from a day, "a week later" is a day; counted from the publication date it keeps its unit
  let out: Draft;
  if ((r && r.gran === 'day') || unit === 'D' || (unit === 'W' && !r && Math.abs(k) <= 2)) out = dayDraft(d);
  else if (r && r.gran === 'quarter' && (unit === 'Y' || unit === 'Q')) {
    const ry = ymdOf(d);
    out = quarterDraft(ry.y, quarterOf(ry.m));
  } else out = periodDraft(d, unit);
  const res = refd(out, r);
  if (!r && !Number.isNaN(base)) res.anchor = 'dct';
  return applyMod(res, modOf(g.qmod));
}

/** A reference that qualifies a noun rather than dating anything: keep the value, drop the interval. */
function undated(d: Draft): Draft {
  d.from = Number.NaN;
  d.to = Number.NaN;
  d.gran = 'unknown';
  return d;
}

/** "a couple of years" is two years (as TimeBank reads it); other vague counts stay unknown. */
function coupleOf(vague: string | undefined): number {
  return vague && /couple/i.test(vague) ? 2 : Number.NaN;
}

/** A duration of n + ½ units with the half in the next smaller unit, when there is one. */
function halfDuration(n: number, unit: UnitCode): string {
  const whole = Math.floor(n);
  if (n - whole !== 0.5) return durationValue(n, unit);
  switch (unit) {
    case 'Y':
      return whole ? `P${whole}Y6M` : 'P6M';
    case 'D':
      return whole ? `P${whole}DT12H` : 'PT12H';
    case 'H':
      return whole ? `PT${whole}H30M` : 'PT30M';
    case 'MIN':
      return whole ? `PT${whole}M30S` : 'PT30S';
    default:
      return durationValue(n, unit);
  }
}

function durNum(g: Groups, c: Ctx): Draft | null {
  const unit = unitCode(g.unit!);
  if (!unit) return null;
  let n = g.num ? numberValue(g.num) : coupleOf(g.vague);
  if ((g.half || g.half2) && !Number.isNaN(n)) n += 0.5;
  // "5 1/2 hours", "a minute and a half": TimeBank writes the half in the next unit (PT5H30M)
  const compound = !!g.half2 || /\//.test(g.num ?? '');
  const value = compound ? halfDuration(n, unit) : durationValue(n, unit);
  const d = durationDraft(value, granOfUnit(unit));
  const pre = dirWord(g.pre);
  if (!Number.isNaN(c.dct) && !Number.isNaN(n) && Number.isInteger(n)) {
    if (/past|last|previous|preceding/.test(pre)) {
      d.from = shiftUnit(c.dct, unit, -n);
      d.to = c.dct;
      d.anchor = 'dct';
    } else if (/next|coming/.test(pre)) {
      d.from = c.dct;
      d.to = shiftUnit(c.dct, unit, n);
      d.anchor = 'dct';
    }
  }
  return applyMod(d, modOf(g.qmod));
}

function setRule(g: Groups): Draft | null {
  if (g.adv) {
    const a = g.adv.toLowerCase().replace(/-/g, '');
    const map: Record<string, [string, Granularity]> = {
      daily: ['P1D', 'day'],
      nightly: ['P1D', 'day'],
      weekly: ['P1W', 'week'],
      biweekly: ['P2W', 'week'],
      monthly: ['P1M', 'month'],
      quarterly: ['P3M', 'quarter'],
      annually: ['P1Y', 'year'],
      yearly: ['P1Y', 'year'],
      semiannually: ['P6M', 'month'],
      hourly: ['PT1H', 'hour'],
    };
    const [v, gr] = map[a] ?? ['P1D', 'day'];
    return setDraft(v, gr);
  }
  if (g.ev) {
    const u = g.u!;
    const wd = weekdayNumber(u);
    if (wd && /^[A-Z]/.test(u)) return setDraft(`XXXX-WXX-${wd}`, 'day');
    const mon = monthNumber(u);
    if (mon && /^[A-Z]/.test(u)) return setDraft(`XXXX-${String(mon).padStart(2, '0')}`, 'month');
    const season = SEASONS[u.toLowerCase()];
    if (season) return setDraft(`XXXX-${season}`, 'season');
    if (/^(?:morning|afternoon|evening|night)$/i.test(u))
      return setDraft(`XXXX-XX-XXT${partOfDay(u)}`, 'day');
    const unit = unitCode(u);
    if (!unit) return null;
    const n = g.n ? (g.n.toLowerCase() === 'other' ? 2 : numberValue(g.n)) : 1;
    return setDraft(durationValue(n, unit), granOfUnit(unit));
  }
  const unit = unitCode(g.pu!);
  if (!unit) return null;
  return setDraft(durationValue(1, unit), granOfUnit(unit));
}

function clockTime(h: number, mi: number, ap: string, wd: string | undefined, c: Ctx, tz?: string): Draft {
  let hh = h;
  const a = ap.toLowerCase();
  if (a.startsWith('p') && hh < 12) hh += 12;
  if (a.startsWith('a') && hh === 12) hh = 0;
  let day = c.dct;
  let anchor: 'dct' | 'ref' | undefined = Number.isNaN(day) ? undefined : 'dct';
  let refId: string | undefined;
  if (wd) {
    const w = wd.toLowerCase();
    if (w === 'yesterday') day -= 1;
    else if (w === 'tomorrow') day += 1;
    else if (w !== 'today') {
      const dd = resolveWeekday(weekdayNumber(w), '', c);
      day = dd.from;
    }
  } else {
    const r = c.ref('day', 2);
    if (r) {
      day = r.from;
      anchor = 'ref';
      refId = r.id;
    }
  }
  // TimeML marks universal time with Z; local zones are left as written
  const z = tz && /^(?:UTC|GMT)$/i.test(tz) ? 'Z' : '';
  const d = timeOnDay(day, `${String(hh).padStart(2, '0')}:${String(mi).padStart(2, '0')}${z}`, anchor);
  d.refId = refId;
  return d;
}

function holiday(name: string, year: string | undefined, c: Ctx): Draft {
  const n = name.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ');
  const dateIn = (y: number): number => {
    if (n.startsWith('christmas eve')) return dayOf(y, 12, 24);
    if (n.startsWith('christmas')) return dayOf(y, 12, 25);
    if (n === "new year's eve") return dayOf(y, 12, 31);
    if (n.startsWith('new year')) return dayOf(y, 1, 1);
    if (n.startsWith('thanksgiving')) return weekdayNear(dayOf(y, 11, 1), 4, 1, false) + 21;
    if (n === 'independence day') return dayOf(y, 7, 4);
    if (n === 'halloween') return dayOf(y, 10, 31);
    if (n.startsWith('valentine')) return dayOf(y, 2, 14);
    if (n === 'labor day') return weekdayNear(dayOf(y, 9, 1), 1, 1, false);
    if (n === 'memorial day') return weekdayNear(dayOf(y, 5, 31), 1, -1, false);
    if (n === 'boxing day') return dayOf(y, 12, 26);
    // US federal elections: the Tuesday after the first Monday of November
    if (n === 'election day') return weekdayNear(dayOf(y, 11, 2), 2, 1, false);
    if (n === 'good friday') return easterSunday(y) - 2;
    if (n === 'easter monday') return easterSunday(y) + 1;
    if (n.startsWith('easter')) return easterSunday(y);
    return dayOf(y, 11, 11);
  };
  // "Easter week": the week that ends on Easter Sunday
  const draft = n === 'easter week' ? weekDraft : dayDraft;
  if (year) return draft(dateIn(+year));
  if (Number.isNaN(c.dct)) return unknown('DATE', 'XXXX-XX-XX', 'day');
  const y = ymdOf(c.dct).y;
  const lean = leanOf(c.tense);
  // a week-long holiday has begun once its Monday is past
  const lead = n === 'easter week' ? 6 : 0;
  let d = dateIn(y);
  if (lean < 0 && d - lead > c.dct + 1) d = dateIn(y - 1);
  else if (lean > 0 && d < c.dct - 1) d = dateIn(y + 1);
  return draft(d, 'dct');
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus). */
function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const cc = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(cc / 4);
  const k = cc % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(y, month, day);
}

// ---- dispatch: which rules can start at a token ----------------------------------------------------

const DMOD_W =
  'early late mid the end beginning start middle close turn around about approximately roughly circa very';
const QMOD_W = 'about around approximately roughly nearly almost more less fewer at up some over';
const MONTH_W =
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec';
const WD_W =
  'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun';
const REL_W = 'this last next past coming previous following current that';
const NUM_W = `${NUMBER_WORDS.join(' ')} a an several few many some couple numerous number another additional further the`;
const ORD_W = `${ORDINAL_WORDS.join(' ')} twenty-first 1st 2nd 3rd 4th`;

/** First words each rule can begin with; '#' stands for any token starting with a digit. */
const STARTS: Record<string, string> = {
  'date.mdy': `${DMOD_W} ${MONTH_W} ${WD_W}`,
  'date.dmy': `${DMOD_W} ${WD_W} the #`,
  'date.md': `${DMOD_W} ${MONTH_W} ${WD_W}`,
  'date.my': `${DMOD_W} ${MONTH_W}`,
  'date.month-rel-year': `${DMOD_W} ${MONTH_W}`,
  'year.spoken': 'the nineteen eighteen twenty two',
  'date.month': `${DMOD_W} ${MONTH_W} ${REL_W}`,
  'date.weekday': `${DMOD_W} ${WD_W} ${REL_W} the`,
  'set.weekdays': `${WD_W} mondays tuesdays wednesdays thursdays fridays saturdays sundays`,
  'date.iso': '#',
  'date.numeric': '#',
  'year.range': '#',
  'year.fiscal': 'fiscal fy calendar financial the model',
  'year.fiscal-rel': 'the current this last next previous prior latest coming past',
  'year.bare': `${DMOD_W} #`,
  'date.decade': `${DMOD_W} the # '`,
  'year.short': "'",
  'date.decade-word': `${DMOD_W} the`,
  'date.century': `${DMOD_W} the # ${ORD_W}`,
  'date.season': `${DMOD_W} ${REL_W} the spring summer fall autumn winter`,
  'date.quarter': `${DMOD_W} ${REL_W} the a # same latest recent fiscal calendar year-earlier year-ago comparable just-ended just most corresponding prior-year year-before fiscal- ${ORD_W} quarter half period`,
  'date.quarter-code': 'q1 q2 q3 q4 #',
  'rel.day': `${DMOD_W} earlier later today tonight yesterday tomorrow last this`,
  'rel.ref':
    'the right now currently nowadays more most until very recently lately presently recent current these at this',
  'rel.unit': `${DMOD_W} ${REL_W} the`,
  'rel.recent-units': 'the recent past coming next previous last future',
  'rel.same-period': 'the',
  'rel.ago': `${QMOD_W} ${NUM_W} #`,
  'rel.unit-before': 'the',
  'rel.the-day': 'late early the',
  'rel.earlier': 'earlier later',
  'dur.num': `${QMOD_W} ${NUM_W} #`,
  'dur.the-units': 'the',
  'dur.another': 'another an a',
  'dur.long':
    'day days week weeks month months year years decade decades century centuries day-long days-long week-long weeks-long month-long months-long year-long years-long decade-long decades-long century-long centuries-long',
  'time.session': 'morning afternoon evening',
  'time.mid-pod': 'mid mid-morning mid-afternoon midmorning midafternoon',
  'rel.vague': 'soon very a the that',
  'dur.bare': 'years months weeks days decades hours centuries minutes',
  set: 'daily weekly monthly yearly nightly hourly biweekly annually semiannually semi-annually every each per a',
  'time.clock': `${QMOD_W} #`,
  'time.clock24': '#',
  'time.noon': 'noon midnight midday',
  'date.holiday':
    "christmas new thanksgiving independence halloween valentine valentine's valentine’s labor memorial boxing veterans election easter good",
  'rel.whole-year': 'the',
  'date.year-end': "year-end year year's year-earlier year-ago month-end mid-year midyear mid",
};

/**
 * Words that carry the time in an expression (names, units, digits are checked apart). A token that
 * can only modify ("the", "a", "last", "about") is worth trying only when one of these follows.
 */
const CORE = new Set(
  (
    `${MONTH_W} ${WD_W} year years month months week weeks weekend weekends day days hour hours minute minutes ` +
    'second seconds decade decades century centuries quarter quarters half period fortnight fortnights night nights ' +
    'morning afternoon evening spring summer fall autumn winter past future present term time moment being now ' +
    'today tonight yesterday tomorrow recently currently nowadays lately presently recent current daily weekly ' +
    'monthly yearly nightly hourly biweekly noon midnight midday twenties thirties forties fifties sixties seventies ' +
    "eighties nineties nineteen thousand year-earlier year-ago year-end year's midyear mid-year month-end yrs hrs mins " +
    'fiscal fy christmas thanksgiving halloween q1 q2 q3 q4 1q 2q 3q 4q soon later moment'
  ).split(/\s+/),
);
const MODIFIERS = new Set(
  (
    `${DMOD_W} ${QMOD_W} ${REL_W} ${NUM_W} ${ORD_W} a an the same latest recent calendar year-earlier year-ago comparable just most ` +
    'corresponding prior-year year-before until right earlier later these every each per another model financial'
  ).split(/\s+/),
);
for (const w of CORE) MODIFIERS.delete(w);

function isCore(lower: string): boolean {
  const c = lower.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 39 || c === 0x2019) return true;
  let w = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  if (CORE.has(w)) return true;
  const dash = w.lastIndexOf('-');
  if (dash < 0) return false;
  const after = w.charCodeAt(dash + 1);
  return (after >= 48 && after <= 57) || CORE.has(w.slice(dash + 1)) || CORE.has(w.slice(0, dash));
}

const BY_WORD = new Map<string, Rule[]>();
for (const rule of RULES) {
  const starts = STARTS[rule.name];
  if (!starts) throw new Error(`time rule ${rule.name} has no start words`);
  for (const w of new Set(starts.split(/\s+/))) {
    const list = BY_WORD.get(w);
    if (list) list.push(rule);
    else BY_WORD.set(w, [rule]);
  }
}
const NO_RULES: Rule[] = [];
const DIGIT4_RULES = new Set([
  'date.iso',
  'year.range',
  'year.bare',
  'date.decade',
  'date.quarter',
  'time.clock24',
  'rel.ago',
  'dur.num',
]);
const DIGIT12_RULES = new Set([
  'date.dmy',
  'date.numeric',
  'date.century',
  'date.quarter-code',
  'date.decade',
  'rel.ago',
  'dur.num',
  'time.clock',
  'time.clock24',
]);
const COUNT_RULES = new Set(['rel.ago', 'dur.num']);
/** Words that may sit between a modifier and the word carrying the time ("the end of the year"). */
const LINKS = new Set(
  'of the , - and a in least than to most no near short long straight more full consecutive calendar business working trading crucial critical difficult decisive historic particular entire whole'.split(
    ' ',
  ),
);

function mergeRules(a: Rule[], b: Rule[]): Rule[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const set = new Set([...a, ...b]);
  return RULES.filter((r) => set.has(r));
}

/** What the recogniser needs to know about a token form: rules to try, and whether it carries time. */
export interface TokenInfo {
  rules: Rule[];
  /** Carries time (a name, unit, digit): lets a preceding "the" or "last" be tried. */
  core: boolean;
  /** Only modifies ("the", "about"): worth trying only when a core token follows closely. */
  modifierOnly: boolean;
  /** May stand between a modifier and the core word ("of", another modifier). */
  link: boolean;
}

const INFO = new Map<string, TokenInfo>();
const PLAIN: TokenInfo = { rules: NO_RULES, core: false, modifierOnly: false, link: false };

// A bit per (first char, length, last char) of every word the recogniser knows: most tokens of a
// text fail this test and skip the map lookup, which is the recogniser's main cost per token.
// One bit per shape (64 KB, which stays in cache; a byte per shape was 512 KB and missed on most tokens).
const SHAPES = new Uint32Array((128 * 32 * 128) >> 5);
// (from the char codes, not the string: filled at load time from built strings ("may's") and
// then asked for every token, a string parameter saw more string representations than V8 keeps
// inline caches for, and its three reads per token were generic property lookups; 15% of the stage)
function shapeKey(first: number, len: number, last: number): number {
  return ((first & 127) * 32 + Math.min(len, 31)) * 128 + (last & 127);
}
for (const w of [...BY_WORD.keys(), ...CORE, ...MODIFIERS, ...LINKS]) {
  for (const v of [w, `${w}.`, `${w}'s`, `${w}’s`]) {
    const k = shapeKey(v.charCodeAt(0), v.length, v.charCodeAt(v.length - 1));
    SHAPES[k >> 5] |= 1 << (k & 31);
  }
}

function hasShape(k: number): boolean {
  return (SHAPES[k >> 5] & (1 << (k & 31))) !== 0;
}

/** `w` has a "-" (a loop over its few characters costs less than an indexOf call). */
function hasDash(w: string, len: number): boolean {
  for (let k = 0; k < len; k++) if (w.charCodeAt(k) === 45) return true;
  return false;
}

/** Token info for a lower-cased token, computed once per distinct form and cached. */
export function tokenInfo(lower: string): TokenInfo {
  const len = lower.length;
  const c = lower.charCodeAt(0);
  const digitOrQuote = (c >= 48 && c <= 57) || c === 39 || c === 0x2019;
  if (
    !digitOrQuote &&
    !hasShape(shapeKey(c, len, lower.charCodeAt(len - 1))) &&
    (len < 5 || !hasDash(lower, len))
  )
    return PLAIN;
  const cached = INFO.get(lower);
  if (cached) return cached;
  const info = computeInfo(lower);
  if (INFO.size < 100_000)
    INFO.set(lower, info.rules.length === 0 && !info.core && !info.link ? PLAIN : info);
  return info;
}

/**
 * Token info of every one-character ASCII token, by char code: such a token's lower-cased string is
 * its first character lower-cased, so the token table's columns tell it without a string read.
 */
const ONE_CHAR: TokenInfo[] = Array.from({ length: 128 }, (_, c) =>
  tokenInfo(String.fromCharCode(c).toLowerCase()),
);
/**
 * Token info of the words of two or three letters a-z, by their letters ((c0 * 27 + c1) * 27 + c2,
 * each letter 1-26, 0 past the end): the most frequent words of a text ("the", "of", "to", "and",
 * "that") are such, and most are in the recogniser's word sets, where a Map lookup per token was
 * the recogniser's main cost. A word of letters only is neither a digit, a quote, a dashed or
 * abbreviated form nor a possessive, so its info is that of its entry in the word sets (PLAIN
 * when in none).
 */
const SHORT_WORDS: TokenInfo[] = new Array<TokenInfo>(27 * 27 * 27).fill(PLAIN);
for (const w of [...BY_WORD.keys(), ...CORE, ...MODIFIERS, ...LINKS])
  if (/^[a-z]{2,3}$/.test(w)) SHORT_WORDS[shortKey(w, w.length)] = tokenInfo(w);

/** SHORT_WORDS index of a word of 2 or 3 letters a-z, or -1 for any other. */
function shortKey(w: string, len: number): number {
  let k = 0;
  for (let j = 0; j < 3; j++) {
    let d = 0;
    if (j < len) {
      d = w.charCodeAt(j) - 96;
      if (d < 1 || d > 26) return -1;
    }
    k = k * 27 + d;
  }
  return k;
}

/**
 * tokenInfo of token i of a token table (the same answer), by its columns where they tell: a
 * one-character token from its char code, a word of two or three letters from a table.
 */
export function tokenInfoAt(tokens: TokenTable, i: number): TokenInfo {
  // (a token's length is end - start)
  if (tokens.end[i] - tokens.start[i] === 1) {
    const c = tokens.first[i];
    if (c < 128) return ONE_CHAR[c];
  }
  const lower = tokens.lower[i];
  // (the lower-cased length: lower-casing lengthens a few letters past ASCII)
  const len = lower.length;
  if (len === 2 || len === 3) {
    const k = shortKey(lower, len);
    if (k >= 0) return SHORT_WORDS[k];
  }
  return tokenInfo(lower);
}

function computeInfo(lower: string): TokenInfo {
  let word = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (word.endsWith("'s") || word.endsWith('’s')) word = word.slice(0, -2);
  let rules = BY_WORD.get(word) ?? NO_RULES;
  const dash = word.indexOf('-');
  if (dash > 0) rules = mergeRules(rules, BY_WORD.get(word.slice(0, dash)) ?? NO_RULES);
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    // by the length of the leading digits: a year, a day or hour, or only a count
    let d = 1;
    while (d < word.length && word.charCodeAt(d) >= 48 && word.charCodeAt(d) <= 57) d++;
    const fits = d === 4 ? DIGIT4_RULES : d <= 2 ? DIGIT12_RULES : COUNT_RULES;
    rules = mergeRules(
      rules,
      BY_WORD.get('#')!.filter((r) => fits.has(r.name)),
    );
  }
  if ((c === 39 || c === 0x2019) && word.length > 1) rules = mergeRules(rules, BY_WORD.get("'")!);
  const core = isCore(lower);
  return {
    rules,
    core,
    modifierOnly: MODIFIERS.has(lower) && !core,
    link: LINKS.has(lower) || MODIFIERS.has(lower),
  };
}

export { isoWeek, mondayOf };
