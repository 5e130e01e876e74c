import type { Doc } from '../../../model/doc.js';
import type { Claim, EventRecord, Factuality, Span } from '../../../model/types.js';

/**
 * Factuality: the innermost claim whose content holds the trigger (reported, or denied when the
 * source denies it), then our own cues in the clause before the trigger: negation, modality,
 * conditionals. Background: events dated clearly before the reporting window.
 */

const NEGATION = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'failed', 'refused']);
const FUTURE = new Set(['threatened', 'vowed', 'pledged', 'promised', 'expected', 'set', 'to']);
/** Modal and intent markers in the trigger's own verb group: "will release", "is ready to help". */
export const INTENT = new Set(
  "will 'll shall would plans plan planned planning intends intend going willing ready prepared wants want wanted hopes aims seeks".split(
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
  start: number,
  end: number,
  actors: readonly Span[] = [],
): { id: string; factuality: Factuality; content: Span } | undefined {
  let best: Claim | undefined;
  let bestPart: Span | undefined;
  for (const c of claims) {
    // the source's own act ("Aliyev denied this and demanded …") is not part of what it claims
    if (actors.some((a) => a.start < c.source.end && c.source.start < a.end)) continue;
    for (const part of c.content) {
      if (
        part.start <= start &&
        end <= part.end &&
        (!bestPart || part.end - part.start < bestPart.end - bestPart.start)
      ) {
        best = c;
        bestPart = part;
      }
    }
  }
  if (!best || !bestPart) return undefined;
  return { id: best.id, factuality: best.stance === 'deny' ? 'denied' : 'reported', content: bestPart };
}

/** Cues between the subject (or clause start) and the trigger token. */
export function cueFactuality(
  doc: Doc,
  trig: number,
  subjectEnd: number,
  s0: number,
): Factuality | undefined {
  const low = doc.tokens.lower;
  const from = Math.max(s0, subjectEnd + 1, trig - 5);
  let out: Factuality | undefined;
  for (let k = from; k < trig; k++) {
    const w = low[k];
    if (w === ',' || w === ';') {
      out = undefined;
      continue;
    }
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
  return out;
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

/** A modal or intent marker between the subject and the trigger ("said it will release"). */
export function hasIntent(doc: Doc, trig: number, subjectEnd: number, s0: number): boolean {
  const low = doc.tokens.lower;
  for (let k = Math.max(s0, subjectEnd + 1, trig - 5); k < trig; k++) {
    if (low[k] === ',' || low[k] === ';') return false;
    if (INTENT.has(low[k])) return true;
  }
  return false;
}
