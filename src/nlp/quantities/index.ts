import type { Doc } from '../../model/doc.js';
import type { Quantity, QuantityKind } from '../../model/types.js';
import type { Stage } from '../../pipeline/pipeline.js';
import { POS } from '../../text/tokenize.js';
import { kindOfCue, kindOfNoun, NON_COUNT_UNITS, PERSON_NOUNS } from './kinds.js';
import { MULTIPLIERS, tokenValue, UNITS, VAGUE } from './numbers.js';

/** Counted quantities (dead, injured, families, crowds). Provides `quantities`. */
export function createQuantitiesStage(): Stage<'quantities'> {
  return {
    name: 'quantities',
    requires: ['sentences'],
    provides: ['quantities'],
    run: (doc) => ({ quantities: findQuantities(doc) }),
  };
}

const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
const CURRENCY = new Set(['$', '€', '£', '¥', 'us$', 'usd', 'eur']);
// Words that may sit between the number and its noun: "40 Syrian refugee families".
const SKIPPABLE_POS = new Set([POS.ADJ, POS.PROPN, POS.NOUN, POS.VERB, POS.NUM]);
const LEFT_CUE_WINDOW = 4;
const RIGHT_CUE_WINDOW = 6;

/**
 * First characters a number can begin with (digits, and the first letters of the number words,
 * vague words and "a"): most tokens fail this and need no map lookups.
 */
const NUMBER_FIRST = new Uint8Array(128);
for (let c = 48; c <= 57; c++) NUMBER_FIRST[c] = 1;
for (const w of [...UNITS.keys(), ...VAGUE.keys(), 'a']) NUMBER_FIRST[w.charCodeAt(0)] = 1;

interface NumberMatch {
  first: number;
  last: number;
  value: number;
  vague: boolean;
}

/** A number starting at token i: digits, words, "three hundred", "1.5 million", "tens of thousands". */
function numberAt(doc: Doc, i: number, end: number): NumberMatch | null {
  const low = doc.tokens.lower;
  const w = low[i];
  const c = w.charCodeAt(0);
  if (!(c < 128 && NUMBER_FIRST[c] === 1)) return null;
  const vague = VAGUE.get(w);
  if (vague !== undefined) {
    // "tens/hundreds of thousands"
    if (i + 2 < end && low[i + 1] === 'of' && MULTIPLIERS.has(low[i + 2].replace(/s$/, ''))) {
      return {
        first: i,
        last: i + 2,
        value: vague * MULTIPLIERS.get(low[i + 2].replace(/s$/, ''))!,
        vague: true,
      };
    }
    // "several"/"many" only count when a people noun follows directly ("several civilians")
    if (
      (w === 'several' || w === 'many' || w === 'numerous') &&
      !(i + 1 < end && PERSON_NOUNS.has(low[i + 1]))
    ) {
      return null;
    }
    return { first: i, last: i, value: vague, vague: true };
  }
  if (
    w === 'a' &&
    i + 1 < end &&
    (low[i + 1] === 'dozen' || low[i + 1] === 'hundred' || low[i + 1] === 'thousand')
  ) {
    const v = low[i + 1] === 'dozen' ? 12 : MULTIPLIERS.get(low[i + 1])!;
    return { first: i, last: i + 1, value: v, vague: false };
  }
  let value = tokenValue(w);
  if (Number.isNaN(value)) return null;
  let last = i;
  // "three hundred", "1.5 million", "two thousand five hundred"
  while (last + 1 < end) {
    const m = MULTIPLIERS.get(low[last + 1]);
    if (m !== undefined) {
      value *= m;
      last++;
      continue;
    }
    const next = tokenValue(low[last + 1]);
    if (!Number.isNaN(next) && value >= 100 && next < value && MULTIPLIERS.has(low[last + 2] ?? '')) {
      value += next * MULTIPLIERS.get(low[last + 2])!;
      last += 2;
      continue;
    }
    break;
  }
  return { first: i, last, value, vague: false };
}

/** Find counts of people and things in every sentence. */
export function findQuantities(doc: Doc): Quantity[] {
  const out: Quantity[] = [];
  const { lower: low, pos, start, end: endOff } = doc.tokens;
  for (const [s0, s1] of doc.sentenceTokens) {
    for (let i = s0; i < s1; i++) {
      const num = numberAt(doc, i, s1);
      if (!num) continue;
      const prev = i > s0 ? low[i - 1] : '';
      const after = num.last + 1 < s1 ? low[num.last + 1] : '';
      // dates, money, percentages, clock times, ordinals written as "05th"
      if (
        MONTHS.has(prev) ||
        MONTHS.has(after) ||
        CURRENCY.has(prev) ||
        after === '%' ||
        after === 'percent'
      ) {
        i = num.last;
        continue;
      }
      if (!num.vague && num.value >= 1900 && num.value <= 2100 && Number.isInteger(num.value)) {
        // a bare year unless a plural count noun follows ("2000 people")
        if (!PERSON_NOUNS.has(after)) {
          i = num.last;
          continue;
        }
      }
      // the counted noun: the last noun of the run after the number ("40 Syrian refugee families"),
      // or the noun after "of" ("93 of them", "dozens of civilians")
      let j = num.last + 1;
      let noun = -1;
      if (j < s1 && low[j] === 'of') {
        j++;
        if (j < s1 && (low[j] === 'the' || low[j] === 'them' || low[j] === 'those' || low[j] === 'these')) {
          if (low[j] !== 'the') noun = j;
          j++;
        }
      }
      if (noun < 0) {
        for (let k = j; k < s1 && k < j + 4; k++) {
          const kind = kindOfNoun(low[k]);
          if (kind !== undefined || PERSON_NOUNS.has(low[k])) {
            noun = k;
            // keep going for compound heads ("refugee families"), not across a second noun group
            if (k + 1 < s1 && (kindOfNoun(low[k + 1]) !== undefined || PERSON_NOUNS.has(low[k + 1])))
              continue;
            break;
          }
          if (pos[k] === POS.NOUN) {
            noun = k;
            if (k + 1 < s1 && (pos[k + 1] === POS.NOUN || kindOfNoun(low[k + 1]) !== undefined)) continue;
            break;
          }
          if (!SKIPPABLE_POS.has(pos[k])) break;
        }
      }
      const unit = noun >= 0 ? low[noun] : '';
      if (unit && NON_COUNT_UNITS.has(unit)) {
        i = num.last;
        continue;
      }
      let kind: QuantityKind | undefined = unit ? kindOfNoun(unit) : undefined;
      const tail = noun >= 0 ? noun : num.last;
      // the governing verb: "were (already) killed", "died", "killing 12", "death toll rose to 40"
      let cue: QuantityKind | undefined;
      for (let k = tail + 1; k < s1 && k <= tail + RIGHT_CUE_WINDOW; k++) {
        if (low[k] === ',' || low[k] === ';' || low[k] === 'and' || low[k] === 'while') break;
        cue = kindOfCue(low[k]);
        if (cue) break;
      }
      if (!cue) {
        for (let k = num.first - 1; k >= s0 && k >= num.first - LEFT_CUE_WINDOW; k--) {
          if (low[k] === ',' || low[k] === ';' || low[k] === '.') break;
          cue = kindOfCue(low[k]);
          if (cue) break;
        }
      }
      if (
        cue &&
        (kind === undefined ||
          kind === 'people' ||
          kind === 'families' ||
          kind === 'crowd' ||
          kind === 'displaced')
      ) {
        // the verb says what happened to the counted people; families and crowds keep their kind
        // unless they died, were hurt, or were arrested
        if (
          kind === undefined ||
          cue === 'dead' ||
          cue === 'injured' ||
          cue === 'arrested' ||
          cue === 'missing'
        ) {
          kind = cue;
        }
      }
      if (kind === undefined) {
        if (unit && PERSON_NOUNS.has(unit)) kind = 'people';
        else if (unit && pos[noun] === POS.NOUN && unit.endsWith('s')) kind = 'other';
        else {
          i = num.last;
          continue;
        }
      }
      const spanEnd = noun > num.last ? endOff[noun] : endOff[num.last];
      const q: Quantity = {
        id: `q${out.length + 1}`,
        start: start[num.first],
        end: spanEnd,
        text: doc.text.slice(start[num.first], spanEnd),
        kind,
        value: num.value,
      };
      if (num.vague) q.vague = true;
      if (unit) q.unit = doc.tokens.text[noun];
      out.push(q);
      i = Math.max(num.last, noun);
    }
  }
  return out;
}
