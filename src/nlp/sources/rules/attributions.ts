import { POS, type TokenTable } from '../../../text/tokenize.js';
import {
  ADJUNCT_PREPS,
  CUE_PREFIX,
  CUE_VERBS,
  type CueVerb,
  NEEDS_VERB_TAG,
  TIME_WORDS,
} from '../lexicon.js';
import { findQuotations, paragraphBreakBefore, type QuoteIndex } from '../quotes.js';

/** A token range [start, end). */
export type Range = [number, number];

/** An attribution found in the text, in token ranges (converted to character spans by the stage). */
export interface Attribution {
  cue: Range;
  /** Null when the text gives no source (a participle sharing its clause's subject). */
  source: Range | null;
  content: Range[];
  verb: CueVerb | null;
  addressee: Range | null;
  /** Content is a quotation. */
  direct: boolean;
  rule: string;
  /** Index of the attribution whose source this one shares ("…, adding that …"). */
  sharesSourceWith?: number;
}

const { PROPN, NOUN, PRON, DET, ADJ, NUM, PART, ADP, CCONJ, SCONJ, VERB, AUX, PUNCT, ADV } = POS;

const NP_ADP = new Set(['of', 'for', 'at', 'in', 'from', 'with', 'on', 'to']);
const REL_PRON = new Set(['who', 'which', 'whom']);
const NOT_SUBJECT_PRON = new Set([
  'that',
  'this',
  'what',
  'whatever',
  'there',
  'here',
  'which',
  'who',
  'whom',
]);
const PARTICIPLE_CUES = new Set([
  'adding',
  'saying',
  'noting',
  'arguing',
  'explaining',
  'telling',
  'insisting',
  'warning',
  'suggesting',
  'claiming',
  'stressing',
  'calling',
  'asking',
  'urging',
  'accusing',
  'denying',
  'acknowledging',
  'citing',
  'writing',
  'declaring',
  'predicting',
  'promising',
  'vowing',
  'recalling',
  'referring',
]);
const STATEMENT_NOUNS = new Set([
  'statement',
  'interview',
  'speech',
  'letter',
  'tweet',
  'post',
  'email',
  'e-mail',
  'release',
  'video',
  'op-ed',
  'memo',
  'message',
  'briefing',
  'conference',
  'call',
  'broadcast',
  'address',
  'appearance',
  'remarks',
  'debate',
  'rally',
  'event',
  'report',
  'posting',
  'column',
  'essay',
]);
const OPENING_PUNCT = new Set([',', ':', ';', '—', '–', '-', '(', '--']);
const FINAL_PUNCT = new Set(['.', '!', '?', ';']);

class Scanner {
  readonly n: number;
  readonly lower: readonly string[];
  readonly pos: Uint8Array;
  readonly q: QuoteIndex;
  readonly used: Uint8Array;
  readonly sentStart: Int32Array;
  readonly sentEnd: Int32Array;

  constructor(
    readonly text: string,
    readonly t: TokenTable,
    sentenceTokens: readonly (readonly [number, number])[],
  ) {
    this.n = t.length;
    this.lower = t.lower;
    this.pos = t.pos;
    this.q = findQuotations(text, t);
    this.used = new Uint8Array(t.length);
    this.sentStart = new Int32Array(t.length);
    this.sentEnd = new Int32Array(t.length);
    for (const [a, b] of sentenceTokens) {
      for (let i = a; i < b; i++) {
        this.sentStart[i] = a;
        this.sentEnd[i] = b;
      }
    }
  }

  inQuote(i: number): boolean {
    return this.q.quoteOf[i] >= 0;
  }

  isQuoteOpen(i: number): boolean {
    const k = this.q.quoteOf[i];
    return k >= 0 && this.q.quotes[k].open === i;
  }

  /** Token i is the last token of a quotation's closing mark. */
  isQuoteClose(i: number): boolean {
    const k = this.q.quoteOf[i];
    return k >= 0 && this.q.quotes[k].close === i && this.q.quotes[k].closed;
  }

  isNominal(i: number): boolean {
    const p = this.pos[i];
    return p === PROPN || p === NOUN || p === NUM || (p === PRON && !NOT_SUBJECT_PRON.has(this.lower[i]));
  }

  /** Start of the noun phrase ending just before `end`, scanning left no further than `floor`. */
  npLeft(end: number, floor: number): number {
    let start = end;
    for (let i = end - 1; i >= floor; i--) {
      if (this.inQuote(i)) break;
      const w = this.lower[i];
      const p = this.pos[i];
      if (p === PROPN || p === NOUN || p === NUM || p === ADJ || p === DET) {
        start = i;
        continue;
      }
      if (p === PRON && !NOT_SUBJECT_PRON.has(w)) {
        start = i;
        continue;
      }
      if (p === PART && (w === "'s" || w === '’s' || w === "'" || w === '’') && start < end) {
        start = i;
        continue;
      }
      if (
        (w === '-' || w === '&' || w === '.' || w === '/') &&
        start < end &&
        i > floor &&
        this.isNominal(i - 1)
      ) {
        start = i;
        continue;
      }
      if (p === ADP && NP_ADP.has(w) && start < end && i > floor) {
        const l = this.pos[i - 1];
        if (l === NOUN || l === PROPN) {
          start = i;
          continue;
        }
      }
      if (p === CCONJ && w === 'and' && start < end && i > floor && this.isNominal(i - 1)) {
        start = i;
        continue;
      }
      break;
    }
    // a phrase must end in a nominal and not start with a preposition or conjunction
    while (start < end && (this.pos[start] === ADP || this.pos[start] === CCONJ || this.pos[start] === PART))
      start++;
    if (start < end && !this.isNominal(end - 1)) return end;
    return start;
  }

  /** End (exclusive) of the noun phrase starting at `start`, scanning right before `limit`. */
  npRight(start: number, limit: number): number {
    let end = start;
    for (let i = start; i < limit; i++) {
      if (this.inQuote(i)) break;
      const w = this.lower[i];
      const p = this.pos[i];
      if (p === PROPN || p === NOUN || p === NUM || p === ADJ || p === DET) {
        end = i + 1;
        continue;
      }
      if (p === PRON && !NOT_SUBJECT_PRON.has(w)) {
        end = i + 1;
        continue;
      }
      if (p === PART && (w === "'s" || w === '’s') && end > start) {
        end = i + 1;
        continue;
      }
      if ((w === '-' || w === '&' || w === '/') && end > start && i + 1 < limit && this.isNominal(i + 1))
        continue;
      if (p === ADP && (w === 'of' || w === 'for' || w === 'at') && end > start && i + 1 < limit) {
        const r = this.pos[i + 1];
        if (r === DET || r === PROPN || r === NOUN || r === ADJ || r === NUM) continue;
      }
      if (p === CCONJ && w === 'and' && end > start && i + 1 < limit && this.isNominal(i + 1)) continue;
      break;
    }
    return end;
  }

  /** The token before `i` leaves room for a subject (clause start). */
  subjectPosition(i: number, floor: number): boolean {
    if (i <= floor) return true;
    const prev = i - 1;
    const w = this.lower[prev];
    const p = this.pos[prev];
    if (OPENING_PUNCT.has(w) || this.isQuoteClose(prev)) return true;
    if (p === CCONJ || p === SCONJ || p === ADV) return true;
    if (w === 'that' || w === 'as' || w === 'but' || w === 'and') return true;
    return paragraphBreakBefore(this.text, this.t, i);
  }

  /** Skip adjuncts after a cue ("on Monday", "in a statement", "last week", "Tuesday"). */
  skipAdjuncts(i: number, limit: number): number {
    for (let guard = 0; guard < 4 && i < limit; guard++) {
      const w = this.lower[i];
      if (TIME_WORDS.has(w)) {
        i++;
        if (i < limit && (this.lower[i] === 'week' || this.lower[i] === 'month' || this.lower[i] === 'year'))
          i++;
        continue;
      }
      if (this.pos[i] === ADP && ADJUNCT_PREPS.has(w) && !this.inQuote(i)) {
        const e = this.npRight(i + 1, limit);
        if (e > i + 1 && e - i <= 6) {
          i = e;
          continue;
        }
      }
      break;
    }
    return i;
  }

  /** Last content token before sentence-final punctuation (kept when inside a quotation). */
  trimEnd(start: number, end: number): number {
    while (end > start) {
      const w = this.lower[end - 1];
      if (this.inQuote(end - 1) && !this.isQuoteOpen(end - 1)) break;
      if (FINAL_PUNCT.has(w) || w === ',' || w === ':' || w === '—' || w === '–' || w === '-') end--;
      else break;
    }
    return end;
  }

  isCue(i: number): CueVerb | null {
    const w = this.lower[i];
    const v = CUE_VERBS.get(w);
    if (!v) return null;
    const p = this.pos[i];
    if (NEEDS_VERB_TAG.has(w) && p !== VERB && p !== AUX) return null;
    if (p === NOUN || p === PROPN || p === ADJ) {
      if (w.endsWith('ing') || w === 'says') return v; // wink sometimes tags "says" as a noun
      return null;
    }
    // "the alleged plot", "a reported deal": participles modifying a noun are not cues
    if (
      (w.endsWith('ed') || w === 'told') &&
      i + 1 < this.n &&
      this.pos[i + 1] === NOUN &&
      i > 0 &&
      this.pos[i - 1] === DET
    )
      return null;
    return v;
  }

  /** Extend a cue leftwards over auxiliaries and adverbs annotators include ("has also said"). */
  cueStartOf(i: number, floor: number): number {
    let s = i;
    while (s - 1 >= floor && CUE_PREFIX.has(this.lower[s - 1]) && !this.inQuote(s - 1)) s--;
    // "has" etc. must not be a verb on its own separated from the cue by an object
    return s;
  }

  /** Tokens [a, b) are all free (not yet given to an attribution). */
  free(a: number, b: number): boolean {
    for (let i = a; i < b; i++) if (this.used[i]) return false;
    return true;
  }

  take(r: Range | null): void {
    if (!r) return;
    for (let i = r[0]; i < r[1]; i++) this.used[i] = 1;
  }

  /** Content start for text ending at `end`: the sentence start, or the opening of the quotation it ends. */
  backwardContentStart(end: number): number {
    const last = end - 1;
    const k = this.q.quoteOf[last];
    let s = this.sentStart[last];
    if (k >= 0) {
      const qo = this.q.quotes[k];
      if (qo.open < s || this.quoteOnlyBefore(qo.open, s)) s = qo.open;
      else s = qo.open;
    }
    // a sentence split inside a quotation: move to the quotation's opening
    const k0 = this.q.quoteOf[s];
    if (k0 >= 0 && this.q.quotes[k0].open < s) s = this.q.quotes[k0].open;
    while (s < end && this.used[s]) s++;
    return s;
  }

  private quoteOnlyBefore(open: number, s: number): boolean {
    return open >= s;
  }

  /** The quotation opening at token i that stands alone as the next sentence(s) (split quotes). */
  followingQuote(after: number): Range | null {
    let i = after;
    while (i < this.n && (FINAL_PUNCT.has(this.lower[i]) || this.lower[i] === ',')) {
      if (this.inQuote(i)) break;
      i++;
    }
    if (i >= this.n || !this.isQuoteOpen(i) || this.used[i]) return null;
    if (paragraphBreakBefore(this.text, this.t, i)) return null;
    const qo = this.q.quotes[this.q.quoteOf[i]];
    // the quotation must end its sentence: nothing but final punctuation until the sentence or paragraph ends
    let j = qo.close + 1;
    while (j < this.n && FINAL_PUNCT.has(this.lower[j]) && !paragraphBreakBefore(this.text, this.t, j)) j++;
    if (
      j < this.n &&
      !paragraphBreakBefore(this.text, this.t, j) &&
      this.sentStart[j] === this.sentStart[qo.close]
    )
      return null;
    return [qo.open, qo.close + 1];
  }
}

/** Find attribution relations in a tokenised text. */
export function findAttributions(
  text: string,
  t: TokenTable,
  sentenceTokens: readonly (readonly [number, number])[],
): Attribution[] {
  const sc = new Scanner(text, t, sentenceTokens);
  const out: Attribution[] = [];
  const push = (a: Attribution) => {
    out.push(a);
    sc.take(a.cue);
    sc.take(a.source);
    for (const r of a.content) sc.take(r);
    if (a.addressee) sc.take(a.addressee);
  };
  // Pass 1: "according to X" and cues that close their sentence ("…, X said."), whose content precedes them.
  for (let i = 0; i < sc.n; i++) {
    if (sc.inQuote(i) || sc.used[i]) continue;
    if (sc.lower[i] === 'according' && i + 1 < sc.n && sc.lower[i + 1] === 'to') {
      const a = accordingTo(sc, i);
      if (a) push(a);
      continue;
    }
    const v = sc.isCue(i);
    if (v) {
      const a = trailingCue(sc, i, v);
      if (a) push(a);
    }
  }
  // Pass 2: cues whose content follows them ("X said (that) …", "X told Y …").
  for (let i = 0; i < sc.n; i++) {
    if (sc.inQuote(i) || sc.used[i]) continue;
    const v = sc.isCue(i);
    if (!v) continue;
    const a = leadingCue(sc, i, v, out);
    if (a) push(a);
  }
  out.sort((a, b) => a.cue[0] - b.cue[0]);
  return out;
}

function accordingTo(sc: Scanner, i: number): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  const srcStart = i + 2;
  let srcEnd = sc.npRight(srcStart, s1);
  if (srcEnd === srcStart) return null;
  // apposition: "according to Kazem, the head of …," only when the sentence goes on after it
  const cue: Range = [i, i + 2];
  const before = sc.trimEnd(s0, i);
  let content: Range[];
  if (before > s0 && sc.free(s0, before) && hasContent(sc, s0, before)) {
    // "…, according to X." the content precedes
    const start = sc.backwardContentStart(before);
    content = [[start, before]];
    const tail = sc.trimEnd(srcEnd, s1);
    if (tail > srcEnd && sc.lower[srcEnd] === ',') {
      // "according to X, the head of Y." keeps its apposition when nothing else follows
      const rest = sc.npRight(srcEnd + 1, s1);
      if (rest === tail) srcEnd = tail;
      else if (tail > srcEnd + 1) content.push([srcEnd + 1, tail]);
    }
  } else {
    // "According to X, …": the content follows the comma
    let j = srcEnd;
    if (sc.lower[j] !== ',' && j < s1) return null;
    j++;
    const end = sc.trimEnd(j, s1);
    if (end <= j) return null;
    content = [[j, end]];
  }
  return {
    cue,
    source: [srcStart, srcEnd],
    content,
    verb: null,
    addressee: null,
    direct: false,
    rule: 'according-to',
  };
}

/** At least two tokens, one of them a word. */
function hasContent(sc: Scanner, a: number, b: number): boolean {
  if (b - a < 2) return false;
  for (let i = a; i < b; i++) if (sc.pos[i] !== PUNCT) return true;
  return false;
}

/** What follows the cue (and an inverted source) until the sentence ends is only adjuncts. */
function trivialTail(sc: Scanner, i: number, s1: number): number | null {
  let j = sc.skipAdjuncts(i, s1);
  // "in a statement", "in an interview with CNN", "on Twitter"
  while (j < s1 && sc.pos[j] === ADP && !sc.inQuote(j)) {
    const e = sc.npRight(j + 1, s1);
    if (e === j + 1) break;
    j = e;
    j = sc.skipAdjuncts(j, s1);
  }
  while (j < s1 && FINAL_PUNCT.has(sc.lower[j]) && !sc.inQuote(j)) j++;
  if (j >= s1) return j;
  return null;
}

/** "…, X said." / "“…,” said X." / "…, X, the head of Y, said." */
function trailingCue(sc: Scanner, i: number, v: CueVerb): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  const cueStart = sc.cueStartOf(i, s0);
  const cue: Range = [cueStart, i + 1];
  const prev = cueStart - 1;
  if (prev < s0 && !sc.inQuote(s0)) {
    // cue opening its sentence: "Said Smith: …" is rare; let pass 2 try
  }
  // inverted: "“…,” said Smith." / "…, said Smith, the head of Y."
  if (prev >= 0 && (sc.lower[prev] === ',' || sc.isQuoteClose(prev))) {
    const srcStart = i + 1;
    let srcEnd = sc.npRight(srcStart, s1);
    if (srcEnd > srcStart && !TIME_WORDS.has(sc.lower[srcStart])) {
      const tailEnd = sc.trimEnd(srcEnd, s1);
      if (sc.lower[srcEnd] === ',' && tailEnd > srcEnd + 1 && !PARTICIPLE_CUES.has(sc.lower[srcEnd + 1])) {
        srcEnd = apposEnd(sc, srcEnd + 1, tailEnd);
      }
      const tail = trivialTail(sc, srcEnd, s1);
      const participle = sc.lower[srcEnd] === ',' && PARTICIPLE_CUES.has(sc.lower[srcEnd + 1]);
      const split = sc.lower[srcEnd] === ',' && srcEnd + 1 < sc.n && sc.isQuoteOpen(srcEnd + 1);
      if (tail !== null || participle || split) {
        const end = sc.isQuoteClose(prev) ? prev + 1 : prev;
        const start = sc.backwardContentStart(end);
        if (end > start && hasContent(sc, start, end)) {
          const content: Range[] = [[start, end]];
          addContinuation(sc, content, srcEnd, s1);
          return {
            cue,
            source: [srcStart, srcEnd],
            content,
            verb: v,
            addressee: null,
            direct: sc.inQuote(end - 1),
            rule: 'trailing-inverted',
          };
        }
      }
    }
  }
  // "…, X said." / "…, X, the head of Y, told Sputnik on Monday."
  const srcEnd = cueStart;
  let srcStart = -1;
  if (prev >= s0 && sc.lower[prev] === ',') {
    // apposition: find the comma that opens it
    for (let j = prev - 1, commas = 0; j > s0 && commas < 4; j--) {
      if (sc.inQuote(j)) break;
      if (sc.lower[j] !== ',') continue;
      commas++;
      const np = sc.npLeft(j, s0);
      if (np < j && sc.pos[j + 1] !== VERB && sc.pos[j + 1] !== AUX && np > s0 && isBoundary(sc, np - 1)) {
        srcStart = np;
        break;
      }
    }
  } else if (prev >= s0 && REL_PRON.has(sc.lower[prev])) {
    return null; // "…, who said" is a relative clause: pass 2 handles it with the content after
  } else {
    srcStart = sc.npLeft(cueStart, s0);
    if (srcStart === cueStart) srcStart = -1;
  }
  if (srcStart < 0 || srcStart <= s0) return null;
  const boundary = srcStart - 1;
  if (!isBoundary(sc, boundary)) return null;
  // addressee after the cue ("told Sputnik on Monday")
  let after = i + 1;
  let addressee: Range | null = null;
  if (v.frame === 'tell' || v.frame === 'ask') {
    const e = sc.npRight(after, s1);
    if (e > after && !TIME_WORDS.has(sc.lower[after])) {
      addressee = [after, e];
      after = e;
    }
  }
  const tail = trivialTail(sc, after, s1);
  const participle = sc.lower[after] === ',' && PARTICIPLE_CUES.has(sc.lower[after + 1]);
  const split = sc.lower[after] === ',' && after + 1 < sc.n && sc.isQuoteOpen(after + 1);
  if (tail === null && !participle && !split) return null;
  const end = sc.isQuoteClose(boundary) ? boundary + 1 : boundary;
  const start = sc.backwardContentStart(end);
  if (!(end > start && hasContent(sc, start, end))) return null;
  const content: Range[] = [[start, end]];
  addContinuation(sc, content, after, s1);
  return {
    cue,
    source: [srcStart, srcEnd],
    content,
    verb: v,
    addressee,
    direct: sc.inQuote(end - 1),
    rule: 'trailing',
  };
}

function isBoundary(sc: Scanner, i: number): boolean {
  return i >= 0 && (sc.lower[i] === ',' || sc.isQuoteClose(i) || sc.lower[i] === '—' || sc.lower[i] === '–');
}

/** End of an apposition starting at `start` ("the head of the Network"), up to `limit` at most. */
function apposEnd(sc: Scanner, start: number, limit: number): number {
  const w = sc.lower[start];
  if (REL_PRON.has(w)) {
    for (let j = start; j < limit; j++) if (sc.lower[j] === ',') return j;
    return limit;
  }
  let e = sc.npRight(start, limit);
  while (e < limit && sc.pos[e] === ADP && !sc.inQuote(e)) {
    const e2 = sc.npRight(e + 1, limit);
    if (e2 === e + 1) break;
    e = e2;
  }
  return e === start ? start - 1 : e;
}

/** Split quotes: "“A,” he said, “B.”" and "“A,” he said. “B.”" add the second quotation. */
function addContinuation(sc: Scanner, content: Range[], after: number, s1: number): void {
  const last = content[content.length - 1];
  if (!sc.inQuote(last[1] - 1)) return;
  let j = after;
  if (j < sc.n && sc.lower[j] === ',' && j + 1 < sc.n && sc.isQuoteOpen(j + 1)) {
    const qo = sc.q.quotes[sc.q.quoteOf[j + 1]];
    content.push([qo.open, qo.close + 1]);
    return;
  }
  j = sc.skipAdjuncts(j, s1);
  const next = sc.followingQuote(j);
  if (next) content.push(next);
}

/** "X said (that) …", "X told Y (that) …", "X said: “…”", "X denied the report". */
function leadingCue(sc: Scanner, i: number, v: CueVerb, done: Attribution[]): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  const cueStart = sc.cueStartOf(i, s0);
  const cue: Range = [cueStart, i + 1];
  // source
  let source: Range | null = null;
  let sharesSourceWith: number | undefined;
  const prev = cueStart - 1;
  if (prev >= s0 && REL_PRON.has(sc.lower[prev])) source = [prev, prev + 1];
  else if (prev >= s0 && sc.lower[prev] === ',' && PARTICIPLE_CUES.has(sc.lower[i])) {
    // "…, adding that …": the subject of the main clause speaks again
    for (let k = done.length - 1; k >= 0; k--) {
      const d = done[k];
      if (d.cue[0] < s0) break;
      if (d.cue[0] < i && d.source) {
        source = d.source;
        sharesSourceWith = k;
        break;
      }
    }
    if (!source) return null;
  } else if (prev >= s0 && sc.lower[prev] === ',') {
    for (let j = prev - 1, commas = 0; j >= s0 && commas < 4; j--) {
      if (sc.inQuote(j)) break;
      if (sc.lower[j] !== ',') continue;
      commas++;
      const np = sc.npLeft(j, s0);
      if (np < j && sc.subjectPosition(np, s0)) {
        source = [np, prev + 1];
        break;
      }
    }
    if (!source) return null;
  } else {
    const np = sc.npLeft(cueStart, s0);
    if (np === cueStart) return null;
    if (!sc.subjectPosition(np, s0)) return null;
    source = [np, cueStart];
  }
  if (source && !sc.free(source[0], source[1]) && sharesSourceWith === undefined) return null;
  // addressee
  let j = i + 1;
  let addressee: Range | null = null;
  if (v.frame === 'tell') {
    const e = sc.npRight(j, s1);
    if (e > j && !TIME_WORDS.has(sc.lower[j])) {
      addressee = [j, e];
      j = e;
    }
  }
  j = sc.skipAdjuncts(j, s1);
  if (j < s1 && (sc.lower[j] === ',' || sc.lower[j] === ':') && !sc.inQuote(j)) j++;
  if (j >= s1) {
    // "X said:" at a paragraph end, the quotation in the next paragraph
    if (j < sc.n && sc.isQuoteOpen(j) && sc.lower[j - 1] === ':') {
      const qo = sc.q.quotes[sc.q.quoteOf[j]];
      return mk([[qo.open, qo.close + 1]], true);
    }
    return null;
  }
  const first = sc.lower[j];
  if (sc.pos[j] === ADP && first !== 'that' && v.frame !== 'obj' && first !== 'if') return null;
  if (v.frame === 'say' && sc.pos[j] === PUNCT && !sc.isQuoteOpen(j)) return null;
  // content: a quotation, or the rest of the sentence
  if (sc.isQuoteOpen(j)) {
    const qo = sc.q.quotes[sc.q.quoteOf[j]];
    let k = qo.close + 1;
    while (k < sc.n && FINAL_PUNCT.has(sc.lower[k]) && !sc.inQuote(k)) k++;
    const endsSentence =
      k >= sc.n || sc.sentStart[k] !== sc.sentStart[qo.close] || paragraphBreakBefore(sc.text, sc.t, k);
    if (endsSentence || qo.close >= s1) return mk([[qo.open, qo.close + 1]], true);
  }
  let end = s1;
  for (let k = j; k < s1; k++) {
    if (sc.used[k]) {
      end = k;
      break;
    }
    if (!sc.inQuote(k) && sc.lower[k] === ',' && k + 1 < s1 && PARTICIPLE_CUES.has(sc.lower[k + 1])) {
      end = k;
      break;
    }
  }
  end = sc.trimEnd(j, end);
  if (end - j < 1 || !hasContent(sc, j, end + (end - j === 1 ? 1 : 0))) {
    if (!(end - j === 1 && sc.isNominal(j))) return null;
  }
  return mk([[j, end]], sc.isQuoteOpen(j));

  function mk(content: Range[], direct: boolean): Attribution {
    return { cue, source, content, verb: v, addressee, direct, rule: 'leading', sharesSourceWith };
  }
}
