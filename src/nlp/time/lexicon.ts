import { MONTH_NAMES, monthNumber, WEEKDAY_NAMES } from '../../lexicon/calendar.js';

/** Word lists for the time recogniser: names, numbers and units of English news. */

export { MONTH_NAMES, monthNumber, WEEKDAY_NAMES };

/** ISO weekday number (1 = Monday) for a name or abbreviation, else 0. */
export function weekdayNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = WEEKDAY_NAMES.findIndex((d) => d === w || (w.length >= 3 && d.startsWith(w)));
  return i + 1;
}

const SMALL: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  half: 0.5,
};

/** Number words usable in a regex alternation (longest first so "seventeen" beats "seven"). */
export const NUMBER_WORDS = Object.keys(SMALL)
  .filter((w) => w !== 'a' && w !== 'an' && w !== 'half')
  .sort((a, b) => b.length - a.length);

/** Vague quantities: TimeML writes them as X ("PXY"). */
export const VAGUE_NUMBERS = [
  'several',
  'a few',
  'few',
  'many',
  'some',
  'a couple of',
  'a couple',
  'couple of',
  'numerous',
  'a number of',
];

/** Value of a number phrase ("two", "twenty-five", "1,000", "a", "several"); NaN when vague. */
export function numberValue(s: string): number {
  const t = s.toLowerCase().replace(/,/g, '').trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const frac = /^(\d+)\s+1\/2$/.exec(t);
  if (frac) return Number(frac[1]) + 0.5;
  if (t in SMALL) return SMALL[t];
  const parts = t.split(/[-\s]+/).filter((p) => p !== 'and');
  if (parts.length > 1 && parts.every((p) => p in SMALL)) {
    let total = 0;
    let cur = 0;
    for (const p of parts) {
      const v = SMALL[p];
      if (v === 100) cur = (cur || 1) * 100;
      else cur += v;
    }
    total += cur;
    return total;
  }
  return Number.NaN;
}

/** Ordinal words and numerals → number ("third" → 3, "21st" → 21, "twenty-first" → 21). */
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  last: -1,
  final: -1,
};
export const ORDINAL_WORDS = Object.keys(ORDINALS).sort((a, b) => b.length - a.length);

export function ordinalValue(s: string): number {
  const t = s.toLowerCase();
  const m = /^(\d+)(?:st|nd|rd|th)?$/.exec(t);
  if (m) return Number(m[1]);
  if (t in ORDINALS) return ORDINALS[t];
  const parts = t.split(/[-\s]+/);
  if (parts.length === 2 && parts[0] in SMALL && parts[1] in ORDINALS)
    return SMALL[parts[0]] + ORDINALS[parts[1]];
  return Number.NaN;
}

export type UnitCode = 'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S' | 'Q' | 'DE' | 'CE' | 'WE' | 'FN';

/** Unit word (singular or plural) → unit code. */
export function unitCode(word: string): UnitCode | null {
  const w = word.toLowerCase().replace(/s$/, '').replace(/ie$/, 'y');
  switch (w) {
    case 'year':
    case 'yr':
      return 'Y';
    case 'month':
      return 'M';
    case 'week':
      return 'W';
    case 'day':
      return 'D';
    case 'hour':
    case 'hr':
      return 'H';
    case 'minute':
    case 'min':
      return 'MIN';
    case 'second':
      return 'S';
    case 'quarter':
      return 'Q';
    case 'decade':
      return 'DE';
    case 'century':
    case 'centurie':
      return 'CE';
    case 'weekend':
      return 'WE';
    case 'fortnight':
      return 'FN';
    default:
      return null;
  }
}

/** TimeML duration for n units ("P3D", "PT48H", "PXY" when n is NaN). */
export function durationValue(n: number, unit: UnitCode): string {
  const k = Number.isNaN(n) ? 'X' : String(n);
  switch (unit) {
    case 'H':
      return `PT${k}H`;
    case 'MIN':
      return `PT${k}M`;
    case 'S':
      return `PT${k}S`;
    case 'FN':
      return Number.isNaN(n) ? 'PXW' : `P${n * 2}W`;
    case 'WE':
      return `P${Number.isNaN(n) ? 'X' : n * 2}D`;
    // TimeBank and MEANTIME write quarters as their own unit: "the past two quarters" = P2Q
    case 'Q':
      return `P${k}Q`;
    // news annotators write decades and centuries as years: "two decades" = P20Y
    case 'DE':
      return Number.isNaN(n) ? 'PXY' : `P${n * 10}Y`;
    case 'CE':
      return Number.isNaN(n) ? 'PXY' : `P${n * 100}Y`;
    default:
      return `P${k}${unit}`;
  }
}

/** Decade words: "the nineties" → 9. */
export const DECADE_WORDS: Record<string, number> = {
  twenties: 2,
  thirties: 3,
  forties: 4,
  fifties: 5,
  sixties: 6,
  seventies: 7,
  eighties: 8,
  nineties: 9,
};

export { IRREGULAR_PAST } from '../../lexicon/verb-forms.js';

/** Auxiliaries and semi-modals that put the verb they govern in the future. */
export const FUTURE_WORDS = new Set(['will', "'ll", 'shall', 'wo', 'gonna']);

/** Verbs that, followed by "to", point forward ("plans to", "is expected to", "is due to"). */
export const FORWARD_VERBS = new Set([
  'plan',
  'plans',
  'planned',
  'planning',
  'expect',
  'expects',
  'expected',
  'schedule',
  'scheduled',
  'due',
  'set',
  'slated',
  'poised',
  'intend',
  'intends',
  'intended',
  'hope',
  'hopes',
  'aim',
  'aims',
  'going',
  'likely',
  'supposed',
  'ready',
  'about',
  'scheduled',
  'expected',
]);

export const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", "'re", 'does', 'do', 'can', 'may', 'must']);
export const PERFECT_AUX = new Set(['has', 'have', "'ve"]);
