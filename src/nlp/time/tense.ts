/**
 * Tense of the verb that governs a time expression, from wink's POS tags and word forms. News
 * leans past: a bare "Friday" under "said" is the Friday before publication, under "will" the next.
 */
import { POS, type TokenTable } from '../../text/tokenize.js';
import { FORWARD_VERBS, FUTURE_WORDS, IRREGULAR_PAST, PERFECT_AUX, PRESENT_AUX } from './lexicon.js';
import type { Tense } from './normalize.js';

export type { Tense };

/** Verbs of planning whose object happens later than the planning: "planned a rally on Saturday". */
const SCHEDULE_VERBS = new Set([
  'plan',
  'plans',
  'planned',
  'planning',
  'schedule',
  'schedules',
  'scheduled',
  'slated',
]);

const CLAUSE_BREAK = new Set([';', '"', '“', '”', ':', '(', ')']);
const WINDOW = 12;

function isVerbish(tokens: TokenTable, i: number): boolean {
  const p = tokens.pos[i];
  return p === POS.VERB || p === POS.AUX;
}

/**
 * Tense for the time spanning tokens [first, last]: the nearest verb before it in the clause,
 * else the nearest after it; then the auxiliaries in front of that verb decide.
 */
export function tenseAround(
  tokens: TokenTable,
  sentStart: number,
  sentEnd: number,
  first: number,
  last: number,
): Tense {
  let v = -1;
  for (let i = first - 1; i >= Math.max(sentStart, first - WINDOW); i--) {
    if (CLAUSE_BREAK.has(tokens.text[i])) break;
    if (isVerbish(tokens, i)) {
      v = i;
      break;
    }
  }
  if (v < 0) {
    for (let i = last + 1; i < Math.min(sentEnd, last + 1 + WINDOW); i++) {
      if (CLAUSE_BREAK.has(tokens.text[i])) break;
      if (isVerbish(tokens, i)) {
        v = i;
        break;
      }
    }
  }
  if (v < 0) return 'none';
  // the verb group: auxiliaries, "to", adverbs and negation in front of the verb
  let s = v;
  while (s - 1 >= sentStart && v - s < 5) {
    const p = tokens.pos[s - 1];
    if (p === POS.AUX || p === POS.PART || p === POS.ADV || tokens.lower[s - 1] === 'to') s--;
    // "plans to hold": the tagger often reads "plans" as a noun; before "to" it is the verb
    else if ((p === POS.VERB || tokens.lower[s] === 'to') && FORWARD_VERBS.has(tokens.lower[s - 1])) s--;
    else break;
  }
  // an auxiliary found first may head a longer group ("had been", "will be")
  let e = v;
  while (e + 1 < sentEnd && e - v < 3 && tokens.pos[v] === POS.AUX && isVerbish(tokens, e + 1)) e++;
  return classify(tokens, s, e);
}

function classify(tokens: TokenTable, s: number, e: number): Tense {
  let sawPast = false;
  let sawPresent = false;
  let sawTo = false;
  let sawForward = false;
  let sawHad = false;
  for (let i = s; i <= e; i++) {
    const w = tokens.lower[i];
    if (FUTURE_WORDS.has(w)) return 'future';
    if (w === 'had') sawHad = true;
    if (w === 'would' || w === "'d") return 'pastfuture';
    if (w === 'should' || w === 'might' || w === 'may' || w === 'must') return 'future';
    if (w === 'to') sawTo = true;
    if (FORWARD_VERBS.has(w)) sawForward = true;
    if (w === 'was' || w === 'were') {
      // "was to depart": future seen from a past moment
      if (i + 1 <= e + 1 && tokens.lower[i + 1] === 'to') return 'pastfuture';
      sawPast = true;
    } else if ((w === 'is' || w === 'are') && tokens.lower[i + 1] === 'to') {
      return 'future';
    } else if (IRREGULAR_PAST.has(w) || (w.length > 3 && w.endsWith('ed') && tokens.pos[i] !== POS.ADJ)) {
      if (i === s || !sawPresent) sawPast = true;
    } else if (PRESENT_AUX.has(w) || PERFECT_AUX.has(w)) {
      if (PERFECT_AUX.has(w)) sawPast = true;
      else sawPresent = true;
    }
  }
  // the past perfect sets the time before a past moment: "had been due to expire Friday"
  if (sawHad) return 'pastperfect';
  if (sawForward && sawTo) return sawPast && !sawPresent ? 'pastfuture' : 'future';
  // "planned a rally on Saturday", "has scheduled a news conference Thursday": the plan is ahead of it
  // ("a service planned for Saturday was canceled": a participle before a preposition is not the verb)
  if (
    SCHEDULE_VERBS.has(tokens.lower[e]) &&
    tokens.lower[e + 1] !== 'to' &&
    !(s === e && tokens.pos[e + 1] === POS.ADP)
  )
    return sawPast && !sawPresent && !PERFECT_AUX.has(tokens.lower[s]) ? 'pastfuture' : 'future';
  // a bare infinitive ("to be held on Oct. 12", "to meet Friday") points forward
  if (tokens.lower[s] === 'to' && !sawPresent) return 'none';
  if (sawPast) return 'past';
  if (sawPresent) return 'present';
  const w = tokens.lower[e];
  if (w.endsWith('s') || w === 'say') return 'present';
  return 'none';
}
