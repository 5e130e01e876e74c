import { IRREGULAR_PAST, PAST_SAME_AS_BASE } from '../../../lexicon/verb-forms.js';
import type { Doc } from '../../../model/doc.js';
import type { Claim, EventRecord, Factuality, Span } from '../../../model/types.js';
import { POS } from '../../../text/tokenize.js';
// the sources stage's published helper for linking events to claims (src/nlp/sources/claim-of.ts)
import { claimOf } from '../../sources/claim-of.js';

/**
 * Factuality: the innermost claim whose content holds the trigger (reported, or denied when the
 * source denies it), then our own cues in the clause before the trigger: negation, modality,
 * conditionals. Background: events dated clearly before the reporting window.
 */

const NEGATION = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'failed', 'refused']);
const FUTURE = new Set(['threatened', 'vowed', 'pledged', 'promised', 'expected', 'set', 'to']);
/** Modal and intent markers in the trigger's own verb group: "will release", "is ready to help". */
export const INTENT = new Set(
  "will 'll shall would plans plan planned planning intends intend going willing ready prepared wants want wanted hopes aims seeks vowed vows vow vowing sworn swore swear swears pledged pledges promised promises threatened threatens threatening".split(
    ' ',
  ),
);
const UNCERTAIN = new Set([
  'may',
  'might',
  'could',
  'reportedly',
  'allegedly',
  'suspected',
  'possibly',
  'likely',
  'apparently',
  'alleged',
]);
const CONDITIONAL = new Set(['if', 'unless', 'should']);

export function factualityFromClaims(
  claims: readonly Claim[],
  text: string,
  start: number,
  end: number,
  actors: readonly Span[] = [],
): { id: string; factuality: Factuality; content: Span } | undefined {
  // only claims with content around the trigger can carry it (checked first: it is the cheap test);
  // the source's own act ("Aliyev denied this and demanded …") is not part of what it claims
  const others: Claim[] = [];
  for (const c of claims) {
    if (!holds(c.content, start, end)) continue;
    if (!overlapsAny(actors, c.source)) others.push(c);
  }
  // (no claim holds the trigger: most events are in the reporter's own voice)
  if (others.length === 0) return undefined;
  const link = claimOf(others, { start, end }, text);
  if (!link) return undefined;
  let content: Span | undefined;
  for (const part of link.claim.content) {
    if (
      part.start <= start &&
      end <= part.end &&
      (!content || part.end - part.start < content.end - content.start)
    )
      content = part;
  }
  return { id: link.claim.id, factuality: link.factuality, content: content ?? { start, end } };
}

/** Does one of the spans overlap `s`? (No closure over the loop's claim: that allocated per claim.) */
function overlapsAny(spans: readonly Span[], s: Span): boolean {
  for (let k = 0; k < spans.length; k++) if (spans[k].start < s.end && s.start < spans[k].end) return true;
  return false;
}

/** Does one of the spans hold [start, end)? */
function holds(spans: readonly Span[], start: number, end: number): boolean {
  for (const f of spans) if (f.start <= start && end <= f.end) return true;
  return false;
}

/** Words that can sit in a verb group between a negation or modal and its verb. */
const GROUP_WORDS = new Set([
  'to',
  'be',
  'been',
  'being',
  'have',
  'has',
  'had',
  'is',
  'are',
  'was',
  'were',
  'do',
  'does',
  'did',
  'able',
  'unable',
  'about',
  'going',
  'yet',
  'so',
  'far',
  'also',
  'still',
  'even',
  'ever',
  'again',
  'immediately',
]);
const ADVERBIAL = new Set([POS.AUX, POS.ADV, POS.PART]);

/**
 * The first token of the trigger's own verb group: walk left over auxiliaries, adverbs, particles,
 * negations and modal or intent words ("has so far refused to", "will not", "could not"); stop at
 * anything else — a noun, another verb, a comma, a quote, a conjunction. Negation and modality
 * scope over this group only, so "men who could not run were shot" and "had never targeted
 * civilians and blaming the army" keep "shot" and "blaming" out of the negation.
 */
export function verbGroupStart(doc: Doc, trig: number, subjectEnd: number, s0: number): number {
  const low = doc.tokens.lower;
  const pos = doc.tokens.pos;
  const floor = Math.max(s0, subjectEnd + 1, trig - 6);
  let k = trig;
  while (k - 1 >= floor) {
    const w = low[k - 1];
    if (
      ADVERBIAL.has(pos[k - 1]) ||
      GROUP_WORDS.has(w) ||
      NEGATION.has(w) ||
      FUTURE.has(w) ||
      INTENT.has(w) ||
      UNCERTAIN.has(w)
    )
      k--;
    else break;
  }
  return k;
}

/**
 * Cues in the trigger's own verb group (negation, modality), and a conditional before it; a second
 * verb of a coordination takes the cues of the first ("will be unable to turn the crowds … and accuse
 * the audience", "was not arrested or charged").
 */
export function cueFactuality(
  doc: Doc,
  trig: number,
  subjectEnd: number,
  s0: number,
): Factuality | undefined {
  const low = doc.tokens.lower;
  const from = verbGroupStart(doc, trig, subjectEnd, s0);
  let out: Factuality | undefined;
  for (let k = from; k < trig; k++) {
    const w = low[k];
    if (NEGATION.has(w)) return 'negated';
    if (w === 'to' && k === trig - 1) {
      // "to attack": an infinitive is only intended unless its governor says it happened
      out ??= 'future';
      continue;
    }
    if ((FUTURE.has(w) || INTENT.has(w)) && w !== 'to') out = 'future';
    else if (UNCERTAIN.has(w)) out ??= 'uncertain';
  }
  for (let k = Math.max(s0, trig - 12); k < trig; k++)
    if (CONDITIONAL.has(low[k]) && low[k] !== 'should') return 'hypothetical';
  if (out === undefined && from === trig) {
    const first = firstConjunct(doc, trig, s0);
    if (first >= 0) return cueFactuality(doc, first, subjectEnd, s0);
  }
  return out;
}

const COORDINATORS = new Set(['and', 'or']);
/** Words before which a verb heads another clause, not the first half of the trigger's coordination. */
const CLAUSE_BREAK = new Set([
  ',',
  ';',
  ':',
  '—',
  '–',
  '"',
  '“',
  '”',
  'that',
  'who',
  'which',
  'because',
  'while',
  'but',
]);

/**
 * The head verb of the first conjunct when the trigger is the second verb of a coordination that
 * shares one verb group: the nearest verb before "and"/"or" in the same clause, of the same form (a
 * base form with a base form, a participle with a participle; "did not arrest anyone and charged …"
 * shares nothing), else -1. A verb in -s has no group to share (a modal or "not" takes the base form).
 */
function firstConjunct(doc: Doc, trig: number, s0: number): number {
  const low = doc.tokens.lower;
  const pos = doc.tokens.pos;
  const form = verbForm(low[trig]);
  if (form === 'finite') return -1;
  let k = trig - 1;
  while (k > s0 && pos[k] === POS.ADV) k--;
  if (k <= s0 || !COORDINATORS.has(low[k])) return -1;
  for (let j = k - 1; j >= Math.max(s0, k - 10); j--) {
    if (CLAUSE_BREAK.has(low[j]) || COORDINATORS.has(low[j])) return -1;
    if (pos[j] === POS.VERB) return verbForm(low[j]) === form ? j : -1;
  }
  return -1;
}

function verbForm(w: string): 'participle' | 'finite' | 'base' {
  if (w.endsWith('ed') || w.endsWith('en')) return 'participle';
  if (w.endsWith('s') && !w.endsWith('ss')) return 'finite';
  // "gave", "won": past tense (a past the same as its base, "hit", "put", stays ambiguous)
  if (IRREGULAR_PAST.has(w) && !PAST_SAME_AS_BASE.has(w)) return 'finite';
  return 'base';
}

const YEAR = /^(1[89]\d\d|20\d\d)$/;

/** "the 1994 ceasefire", or a time interval ending over a year before publication. */
export function backgroundOf(doc: Doc, rec: EventRecord, trig: number, s0: number): boolean {
  const pubYear = doc.article.published ? Number(doc.article.published.slice(0, 4)) : Number.NaN;
  const low = doc.tokens.lower;
  for (let k = Math.max(s0, trig - 4); k < trig; k++) {
    if (YEAR.test(low[k])) {
      const y = Number(low[k]);
      if (Number.isNaN(pubYear) || y < pubYear - 1) return true;
    }
  }
  if (rec.interval && rec.timePrecision === 'text' && !Number.isNaN(pubYear)) {
    const endYear = Number(rec.interval[1].slice(0, 4));
    if (endYear < pubYear - 1) return true;
  }
  return false;
}

/** A modal or intent marker in the trigger's own verb group ("said it will release"). */
export function hasIntent(doc: Doc, trig: number, subjectEnd: number, s0: number): boolean {
  const low = doc.tokens.lower;
  for (let k = verbGroupStart(doc, trig, subjectEnd, s0); k < trig; k++) if (INTENT.has(low[k])) return true;
  return false;
}
