import { MONTH_NAMES, WEEKDAY_NAMES } from '../../../lexicon/calendar.js';
import { IRREGULAR_PAST as PAST_FORMS, PAST_SAME_AS_BASE } from '../../../lexicon/verb-forms.js';
import { wordBits } from '../../../lexicon/word-bits.js';
import { POS, type TokenTable } from '../../../text/tokenize.js';
import {
  ADJUNCT_PREPS,
  CUE_PARTICLES,
  CUE_PREFIX,
  CUE_VERBS,
  type CueVerb,
  LIGHT_NOUNS,
  NEEDS_PARTICLE,
  NEEDS_VERB_TAG,
  PARTICLE_PREPS,
  SPEAKER_NOUNS,
  TIME_WORDS,
} from '../lexicon.js';
import { findQuotations, paragraphBreakBefore, type QuoteIndex } from '../quotes.js';

/** A token range [start, end). */
export type Range = [number, number];

/** An attribution found in the text, in token ranges (converted to character spans by the stage). */
/**
 * (Every literal sets all fields, `sharesSourceWith` to undefined when none, in this order: one hidden
 * class for V8, whose optimised code otherwise deoptimises when a rarer shape turns up.)
 */
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

const NP_ADP = new Set(['of', 'for', 'at', 'in', 'from', 'with', 'on', 'to', 'inside', 'within']);
/** Prepositions that continue a speaker phrase read leftwards ("observers in Virginia and around the country"). */
const NP_ADP_MORE = new Set(['by', 'over', 'around', 'across', 'throughout']);
const CAP_FUNCTION = new Set([
  'i',
  'the',
  'a',
  'an',
  'but',
  'and',
  'in',
  'on',
  'at',
  'as',
  'if',
  'when',
  'while',
  'asked',
  'said',
  'says',
  'according',
]);
/** Subordinators that open an adverbial clause: the shared core of the clause-boundary sets below. */
const ADVERBIAL_SUBORDINATORS = [
  'after',
  'before',
  'since',
  'until',
  'because',
  'though',
  'although',
  'while',
  'when',
];
const TAIL_SUBORDINATORS = new Set([
  ...ADVERBIAL_SUBORDINATORS,
  'where',
  'as',
  'during',
  'who',
  'whose',
  'which',
  'but',
  'even',
  'in',
  'at',
  'on',
  'according',
]);
/** Words opening a clause inside the tail after a cue, whose verbs are not a new report. */
const TAIL_CLAUSE_OPENERS = new Set([...ADVERBIAL_SUBORDINATORS, 'where', 'as', 'after']);
/** News agencies credited in a dateline ("Washington (AFP) –"). */
const WIRE_AGENCIES = new Set(['AP', 'AFP', 'Reuters', 'UPI', 'CNN', 'Bloomberg', 'dpa', 'ANSA']);
const YEAR = /^\d{4}$/;
const TEMPORAL_WORDS = new Set<string>([...WEEKDAY_NAMES, ...MONTH_NAMES, 'yesterday', 'today']);
const WEEKDAYS = new Set<string>(WEEKDAY_NAMES);
/** Forms that report only with a clause after them, not with a noun phrase ("maintains a lead"). */
const CLAUSE_ONLY_FORMS = new Set(['maintain', 'maintains', 'maintained', 'find']);
const PERIOD_NOUNS = new Set([
  'week',
  'weekend',
  'month',
  'year',
  'morning',
  'afternoon',
  'evening',
  'spring',
  'summer',
  'fall',
  'autumn',
  'winter',
]);
/** Plural and other heads of a duration ("for weeks", "for the first time"). */
const DURATION_NOUNS = new Set(['weeks', 'months', 'years', 'decades', 'days', 'time', 'decade', 'day']);
/** A one-word answer reported: "75 percent said yes". */
const YES_NO = new Set(['yes', 'no']);
const ANAPHORS = new Set(['this', 'that', 'it', 'them', 'these', 'those', 'so']);
/** "a source close to …", "people familiar with …", "officials loyal to …". */
const SOURCE_MODIFIERS = new Set([
  'privy',
  'knowledgeable',
  'aligned',
  'close',
  'familiar',
  'loyal',
  'near',
  'linked',
  'connected',
  'allied',
  'opposed',
]);
const SUBORDINATORS = new Set([...ADVERBIAL_SUBORDINATORS, 'once', 'if', 'unless', 'whether', 'where']);
/** Pronouns that head a phrase of people ("those close to him", "some in the party"). */
const QUANT_PRONOUNS = new Set(['those', 'some', 'many', 'all', 'both', 'most', 'others', 'several']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const REFLEXIVES = new Set(['itself', 'himself', 'herself', 'themselves']);
/** After a comma, words that open a comment on the report rather than more of it. */
const AND_CLAUSE = true;
const CONTENT_STOPS = new Set([
  'but',
  'which',
  'though',
  'although',
  'who',
  'whose',
  'whereas',
  'compared',
  'while',
  'where',
  'when',
  'aside',
]);
/**
 * Token k (after a comma) opens a comment on the report rather than more of it. "…, with 13 percent
 * undecided", "…, despite his flaws, …" go on with what was said (PolNeAR keeps them in the content);
 * "…, with whom he clashed" is a relative clause about the last noun.
 */
function contentStop(sc: Scanner, k: number): boolean {
  return CONTENT_STOPS.has(sc.lower[k]) || (sc.lower[k] === 'with' && sc.lower[k + 1] === 'whom');
}
/** Cue forms that are verbs whatever the tagger says ("Six in 10 say/NOUN …"). */
const ALWAYS_VERBS = new Set(['says', 'say', 'said', 'told', 'tells', 'wrote', 'added']);
const ASK_CONTENT = new Set([
  'if',
  'whether',
  'to',
  'what',
  'why',
  'how',
  'when',
  'where',
  'who',
  'whom',
  'which',
]);
const QUANT_ADV = new Set([
  'nearly',
  'almost',
  'about',
  'roughly',
  'only',
  'just',
  'approximately',
  'some',
  'over',
  'fully',
]);
const NOT_CUE_ADV = new Set([
  'so',
  'as',
  'when',
  'how',
  'why',
  'where',
  'there',
  'here',
  'however',
  'meanwhile',
  'instead',
  'still,',
]);
/** Adverbs that may stand between a subject and its cue without joining the cue ("Carter however said"). */
const SENTENCE_ADV = new Set(['however', 'meanwhile', 'instead', 'though', 'too']);
/** Nouns in -ing the tagger takes for verbs, heads of a speaker phrase ("Exit polling shows …"). */
const NOMINAL_ING = new Set([
  'polling',
  'thinking',
  'reporting',
  'testimony',
  'briefing',
  'ruling',
  'filing',
  'findings',
]);
const REL_PRON = new Set(['who', 'which', 'whom']);
/** Words after which a base form is a present-tense verb ("64 percent call", "they support"). */
const PLURAL_SUBJECT_WORDS = new Set([
  'percent',
  '%',
  'they',
  'we',
  'who',
  'many',
  'both',
  'several',
  'others',
]);
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
/** Prepositions after the noun of "expressed concern about", "voiced support for". */
const EXPRESS_PREPS = new Set(['about', 'for', 'over', 'with', 'in', 'at', 'toward', 'towards', 'of']);
const PERFECT_AUX = new Set(['has', 'have', 'had']);
const PERFECT_FORMS = new Set(['has', 'have', 'had', "'ve", '’ve', 'having']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);
const GO_FORMS = new Set(['going', 'went', 'goes', 'go']);
const CONTINUE_FORMS = new Set(['continue', 'continues', 'continued', 'continuing']);
/** Prepositions before a reporting gerund: "responded by saying …", "after claiming …". */
const GERUND_PREPS = new Set(['by', 'after', 'before', 'for', 'from', 'while', 'without', 'when']);
/** Forms of the light verbs ("made", "took", "raises") and their lemmas. */
const LIGHT_FORMS = new Map<string, string>(
  [...CUE_VERBS].filter(([, v]) => LIGHT_NOUNS[v.lemma] !== undefined).map(([w, v]) => [w, v.lemma]),
);
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
/** Nouns of a published statement ("issued a statement saying …"). */
const STATEMENT_NOUNS = new Set([
  'statement',
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
  'broadcast',
  'report',
  'posting',
  'column',
  'essay',
]);
/** Words after a cue's addressee that open what was said ("reminded Americans of his policy"). */
const ADDRESSEE_CONTENT = new Set(['of', 'about', 'that']);
const OPENING_PUNCT = new Set([',', ':', ';', '—', '–', '-', '(', '--']);
const FINAL_PUNCT = new Set(['.', '!', '?', ';']);
const ADVERB_PARTICLES = new Set(['out', 'back', 'down', 'in']);
/** Sentence adverbs that, with their comma, lead into a content before its cue ("However, …"). */
const LEAD_ADVERBS = new Set([
  'however',
  'meanwhile',
  'instead',
  'still',
  'indeed',
  'moreover',
  'additionally',
  'overall',
  'separately',
  'similarly',
  'ultimately',
  'finally',
  'again',
  'also',
  'yet',
  'currently',
  'previously',
  'altogether',
]);
/** Connective phrases that lead into a sentence ("In fact, …"), outside what is reported. */
const LEAD_PHRASES: readonly (readonly string[])[] = [
  ['in', 'fact'],
  ['even', 'so'],
  ['as', 'a', 'result'],
  ['in', 'contrast'],
  ['by', 'contrast'],
  ['at', 'the', 'same', 'time'],
  ['in', 'addition'],
];
/** After a connective phrase and its comma at `s` (before `end`), or `s`. */
function leadPhraseEnd(lower: readonly string[], s: number, end: number): number {
  for (const p of LEAD_PHRASES) {
    const c = s + p.length;
    if (c + 1 < end && lower[c] === ',' && p.every((w, k) => lower[s + k] === w)) return c + 1;
  }
  return s;
}
/** An adverb of manner or frequency in -ly ("sarcastically", "repeatedly"), not "only", "likely", "early". */
const MANNER_ADVERB =
  /^(?!(?:only|likely|early|nearly|hardly|mostly|largely|mainly|partly|really|actually|apparently|reportedly|allegedly|previously|initially|originally|eventually|finally|ultimately|certainly|clearly|simply|surely|usually|generally)$)[a-z]{3,}ly$/;
/** Tokens after such an adverb that close the cue's verb phrase. */
const MANNER_ADVERB_AFTER = new Set([',', '.', ':', ';', '!', '?', 'that', 'about', 'against', 'for']);

class Scanner {
  readonly n: number;
  readonly lower: readonly string[];
  readonly pos: Uint8Array;
  readonly q: QuoteIndex;
  readonly used: Uint8Array;
  /**
   * Each token's word classes (WORD_CLASS bits: cue verb, title-case function word, …), from one
   * lookup per token: the passes below ask these of every token, several lexicons each.
   */
  readonly cls: Uint8Array;
  readonly sentStart: Int32Array;
  readonly sentEnd: Int32Array;
  /** Sentences as token ranges, after rejoining the tagger's false splits. */
  readonly sentences: readonly (readonly [number, number])[];
  /** End of the phrase the last `npLeft` found: before its cue, or before a time adjunct ("The Times | on Saturday"). */
  npEnd = 0;
  /** First token of each capitalised word, built on first use by `seenBefore`. */
  private firstCapital: Map<string, number> | null = null;

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
    this.cls = new Uint8Array(t.length);
    const classes = wordClasses();
    for (let i = 0; i < t.length; i++) {
      const cls = classes.get(t.lower[i]) ?? 0;
      this.cls[i] = cls;
      if ((cls & CUE) === 0) continue;
      // a light verb without its reporting noun ("took the train", "polls taken over two weeks") is no
      // cue word for any reading (lightEnd reads only the words after i, whose classes it does not need)
      const lemma = LIGHT_FORMS.get(t.lower[i]);
      if (lemma !== undefined && this.lightEnd(i, lemma) < 0) this.cls[i] = cls & ~CUE;
    }
    this.sentStart = new Int32Array(t.length);
    this.sentEnd = new Int32Array(t.length);
    // the tagger's sentences, rejoined where it split inside one ("(D-Wis.) said", "?” Clinton said.")
    const merged: [number, number][] = [];
    for (const [a0, b] of sentenceTokens) {
      const last = merged[merged.length - 1];
      // a split inside a closing mark ("matters.' | ' Then"): the mark ends the sentence before
      const a = last && last[1] === a0 ? this.closingMarkEnd(a0, b) : a0;
      if (last && a > a0) last[1] = a;
      if (a >= b) continue;
      if (last && last[1] === a && this.continues(a, b)) last[1] = b;
      else merged.push([a, b]);
    }
    // a dateline ("WASHINGTON (AP) —", "RENO, Nev. (AP) —", "PORTSMOUTH, N.H. —") is not part of
    // the sentence it opens: neither a speaker nor what was said
    for (let m = 0; m < merged.length; m++) {
      const [a, b] = merged[m];
      const d = this.datelineEnd(a, b);
      if (d > a) merged.splice(m++, 1, [a, d], [d, b]);
    }
    this.sentences = merged;
    for (const [a, b] of merged) {
      for (let i = a; i < b; i++) {
        this.sentStart[i] = a;
        this.sentEnd[i] = b;
      }
    }
  }

  /** The comma at c closes the second name of a list ("Obama, Clinton, | and others"). */
  private nameListBefore(c: number, floor: number): boolean {
    let k = c - 1;
    if (k <= floor || !this.isCapitalised(k)) return false;
    while (k > floor && (this.isCapitalised(k) || this.pos[k] === PROPN)) k--;
    return this.lower[k] === ',' && k > floor && this.isCapitalised(k - 1);
  }

  /** The capitalised word at i occurs in an earlier sentence: a name the article has introduced. */
  seenBefore(i: number): boolean {
    let m = this.firstCapital;
    if (!m) {
      m = new Map<string, number>();
      for (let k = 0; k < this.n; k++)
        if (this.isCapitalised(k) && !m.has(this.lower[k])) m.set(this.lower[k], k);
      this.firstCapital = m;
    }
    const f = m.get(this.lower[i]);
    return f !== undefined && f < this.sentStart[i];
  }

  /** End (exclusive, after the dash) of a dateline opening the sentence [a, b), or `a`. */
  private datelineEnd(a: number, b: number): number {
    const first = this.t.text[a];
    if (first.length < 3 || !/^[A-Z]/.test(first)) return a;
    // "Washington (AFP) –": a place not in capitals needs the agency in brackets
    let agency = first === first.toUpperCase();
    for (let k = a + 1; k < b && k <= a + 9; k++) {
      const w = this.t.text[k];
      if (w === '(' && k + 3 < b && WIRE_AGENCIES.has(this.t.text[k + 1]) && this.t.text[k + 2] === ')')
        agency = true;
      if (DASHES.has(w)) return agency && k + 1 < b ? k + 1 : a;
      // only the place, its state and the agency: "RENO, Nev. (AP)"
      if (
        !(
          this.isCapitalised(k) ||
          w === ',' ||
          w === '.' ||
          w === '(' ||
          w === ')' ||
          w === "'" ||
          w.length === 1
        )
      )
        return a;
    }
    return a;
  }

  /** After a sentence starting at `a` inside a quotation's closing mark, the token past that mark; else `a`. */
  private closingMarkEnd(a: number, b: number): number {
    const k = this.q.quoteOf[a];
    if (k < 0 || this.q.quoteOf[a - 1] !== k) return a;
    const qo = this.q.quotes[k];
    if (qo.close >= b || qo.close - a > 1) return a;
    for (let i = a; i <= qo.close; i++) if (this.pos[i] !== PUNCT) return a;
    return qo.close + 1;
  }

  /**
   * The sentence [a, b) continues the one before it: no line break between them, and it opens with
   * a lower-case word, or the one before ends a quotation on a comma, or on "?"/"!" with a speech
   * verb in the first words of this one ("“Why?” Clinton asked.").
   */
  private continues(a: number, b: number): boolean {
    if (a === 0 || paragraphBreakBefore(this.text, this.t, a)) return false;
    const c = this.t.first[a];
    if (c >= 97 && c <= 122) return true;
    // no sentence opens with a comma: "(D-Md.) | , chair of the committee, said"
    if (this.lower[a] === ',' || this.lower[a] === ';') return true;
    // a parenthesis split by an abbreviation: "Rep. Trey Gowdy (R-S. | C.) said"
    for (let k = a - 1; k >= 0 && k >= a - 8; k--) {
      const w = this.lower[k];
      if (w === ')') break;
      if (w === '(') {
        for (let m = a; m < b && m < a + 4; m++) if (this.lower[m] === ')') return true;
        break;
      }
    }
    const prev = a - 1;
    const k = this.q.quoteOf[prev];
    if (k < 0 || this.q.quotes[k].close !== prev || this.isQuoteOpen(a)) return false;
    const q = this.q.quotes[k];
    let m = q.close;
    while (
      m > q.open &&
      this.pos[m] === PUNCT &&
      (this.lower[m] === '”' || this.lower[m] === '"' || this.lower[m] === "'" || this.lower[m] === '’')
    )
      m--;
    const w = this.lower[m];
    if (w === ',') return true;
    if (w !== '?' && w !== '!') return false;
    for (let i = a; i < b && i < a + 8; i++) {
      if (this.inQuote(i)) return false;
      const v = CUE_VERBS.get(this.lower[i]);
      if (v && (v.frame === 'say' || v.frame === 'tell' || v.frame === 'ask') && this.pos[i] === VERB)
        return true;
    }
    return false;
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

  /** A capitalised word inside a sentence is a name, whatever the tagger said ("Ted/VERB Cruz"). */
  /** Token i is a form of a cue verb (CUE_VERBS has it; false past the text's end). */
  isCueWord(i: number): boolean {
    return (this.cls[i] & CUE) !== 0;
  }

  isCapitalised(i: number): boolean {
    const c = this.t.first[i];
    return c >= 65 && c <= 90 && this.t.end[i] - this.t.start[i] > 1 && !CAP_FUNCTION.has(this.lower[i]);
  }

  isNominal(i: number): boolean {
    if (this.isCapitalised(i)) return true;
    const p = this.pos[i];
    return p === PROPN || p === NOUN || p === NUM || (p === PRON && !NOT_SUBJECT_PRON.has(this.lower[i]));
  }

  /**
   * A token tagged as a verb that is part of a noun phrase: a noun after a determiner ("an earlier
   * report/VERB"), or a participle between a modifier and a noun ("Democratic registered voters").
   */
  /** Token i can open or modify a noun phrase: "Exit polling", "her thinking", "national polling". */
  modifiesNoun(i: number): boolean {
    const p = this.pos[i];
    return (
      p === DET ||
      p === ADJ ||
      p === PROPN ||
      p === NOUN ||
      POSSESSIVES.has(this.lower[i]) ||
      this.lower[i] === "'s" ||
      this.lower[i] === '’s'
    );
  }

  verbInNp(i: number, floor: number): boolean {
    if (this.pos[i] !== VERB || i <= floor) return false;
    const l = this.pos[i - 1];
    // a present participle opening the phrase: "restructuring experts", "leading Democrats"
    if (
      this.lower[i].endsWith('ing') &&
      !this.isCueWord(i) &&
      i + 1 < this.n &&
      this.pos[i + 1] === NOUN &&
      (l === PUNCT || l === SCONJ || l === DET || l === ADJ || SUBORDINATORS.has(this.lower[i - 1]))
    )
      return true;
    // a participle after its head: "a poll released Friday", "research conducted by …"
    if (
      this.isParticiple(i) &&
      l === NOUN &&
      !this.isCueWord(i) &&
      i + 1 < this.n &&
      this.pos[i + 1] !== DET &&
      this.pos[i + 1] !== PRON
    )
      return true;
    if (l === DET || (l === ADJ && i - 1 > floor && this.pos[i - 2] === DET)) return true;
    if ((l === ADV || l === ADJ) && i - 1 > floor && this.pos[i - 2] === DET) return true;
    // a modifier the tagger took for a verb after a preposition inside the phrase: "52 percent of
    // registered voters", "advocates for stem cell research"
    if (
      NP_ADP.has(this.lower[i - 1]) &&
      !this.isCueWord(i) &&
      !this.lower[i].endsWith('ing') &&
      i + 1 < this.n &&
      this.pos[i + 1] === NOUN
    )
      return true;
    return (
      this.lower[i].endsWith('ed') &&
      i + 1 < this.n &&
      this.pos[i + 1] === NOUN &&
      (l === ADJ || l === NUM || (l === PUNCT && this.lower[i - 1] === ','))
    );
  }

  /** Tokens [a, b) name a time: "Saturday", "April", "Monday night", "2015". */
  temporal(a: number, b: number): boolean {
    if (b <= a || b - a > 3) return false;
    for (let k = a; k < b; k++) {
      const w = this.lower[k];
      if (!(TEMPORAL_WORDS.has(w) || PERIOD_NOUNS.has(w) || YEAR.test(w) || w === 'night' || w === 'last'))
        return false;
    }
    return true;
  }

  isParticiple(i: number): boolean {
    const w = this.lower[i];
    return (w.endsWith('ed') || w.endsWith('en') || IRREGULAR_PARTICIPLES.has(w)) && w.length > 3;
  }

  /** Start of the noun phrase ending just before `end`, scanning left no further than `floor`. */
  npLeft(end: number, floor: number): number {
    const end0 = end;
    this.npEnd = end;
    let start = end;
    for (let i = end - 1; i >= floor; i--) {
      if (this.inQuote(i)) break;
      const w = this.lower[i];
      const p = this.pos[i];
      // "what many analysts said": the relative pronoun is not part of the speaker
      if (w === 'what' || w === 'which') break;
      if (
        p === PROPN ||
        p === NOUN ||
        p === NUM ||
        p === ADJ ||
        p === DET ||
        (this.isCapitalised(i) &&
          p !== PRON &&
          p !== ADV &&
          !(i === floor && p === VERB && this.isCueWord(i))) ||
        (start < end && this.verbInNp(i, floor)) ||
        (p === VERB && NOMINAL_ING.has(w) && i > floor && this.modifiesNoun(i - 1)) ||
        // "42% say", "those surveyed said"
        (w === '%' && i > floor && this.pos[i - 1] === NUM) ||
        (p === VERB &&
          i > floor &&
          this.lower[i - 1] === 'those' &&
          this.isParticiple(i) &&
          !this.isCueWord(i)) ||
        // a name the tagger takes for an adverb: "Jolly said", "Kelly says"
        (p === ADV && i === end0 - 1 && this.isCapitalised(i) && ALWAYS_VERBS.has(this.lower[end0])) ||
        (p === ADV && start < end && i > floor && this.pos[i - 1] === DET)
      ) {
        start = i;
        continue;
      }
      // "more traditional Republicans", "his most passionate supporters": a degree word opens the phrase
      if (start < end && (w === 'most' || w === 'more') && !this.isCapitalised(start)) {
        start = i;
        continue;
      }
      // a parenthesis inside a name: "Rep. Paul Ryan (R-WI)"
      if (w === ')' && start === end) {
        let k = i - 1;
        while (k > floor && k > i - 8 && this.lower[k] !== '(') k--;
        if (this.lower[k] === '(' && k > floor && this.isNominal(k - 1)) {
          start = k;
          i = k;
          continue;
        }
      }
      if ((w === '’' || w === "'") && start < end && i > floor && this.lower[i - 1].endsWith('s')) {
        start = i;
        continue;
      }
      // "Ford itself said": a reflexive after the phrase belongs to it
      if (start === end && REFLEXIVES.has(w) && i > floor && this.isNominal(i - 1)) {
        start = i;
        continue;
      }
      if (p === PRON && !NOT_SUBJECT_PRON.has(w)) {
        // "those close to him": the pronoun ends a modifier of the phrase
        if (
          start === end &&
          i - 2 >= floor &&
          NP_ADP.has(this.lower[i - 1]) &&
          SOURCE_MODIFIERS.has(this.lower[i - 2])
        ) {
          start = i;
          continue;
        }
        // a pronoun opens its phrase ("his aide") or is all of it ("he"): never "every time he"
        const conjoined = start < end && this.lower[start] === 'and';
        if (start === end || POSSESSIVES.has(w) || QUANT_PRONOUNS.has(w) || conjoined) start = i;
        // "people familiar with her thinking": the possessed phrase ends a modifier of the phrase
        if (
          start === i &&
          POSSESSIVES.has(w) &&
          i - 2 >= floor &&
          NP_ADP.has(this.lower[i - 1]) &&
          SOURCE_MODIFIERS.has(this.lower[i - 2])
        )
          continue;
        // "Bush and his rivals", "she and other Democrats": the first conjunct too
        if (
          start === i &&
          i - 2 >= floor &&
          this.lower[i - 1] === 'and' &&
          (POSSESSIVES.has(w) || QUANT_PRONOUNS.has(w)) &&
          this.isNominal(i - 2)
        )
          continue;
        break;
      }
      // hyphenated compounds whatever their tags: "self-described", "Damascus-based"
      if (
        start < end &&
        ((this.t.end[i] === this.t.start[i + 1] && this.lower[i + 1] === '-') ||
          (i > floor && this.t.start[i] === this.t.end[i - 1] && this.lower[i - 1] === '-'))
      ) {
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
        this.pos[i - 1] !== PUNCT
      ) {
        start = i;
        continue;
      }
      // "The Times on Saturday said": a time adjunct is not part of the speaker
      // ("A Times/CBS News poll in December found": a poll's date names the poll)
      if (
        p === ADP &&
        (w === 'on' || w === 'in') &&
        start < end &&
        this.temporal(i + 1, end) &&
        i > floor &&
        !DATED_NOUNS.has(this.lower[i - 1])
      ) {
        end = i;
        start = i;
        continue;
      }
      // "advocates for/SCONJ stem cell research": the tagger's subordinator is the preposition
      if (
        (p === ADP || (p === SCONJ && w === 'for')) &&
        (NP_ADP.has(w) || NP_ADP_MORE.has(w)) &&
        start < end &&
        i > floor
      ) {
        const l = this.pos[i - 1];
        if (
          (this.lower[i - 1] === 'and' && i - 1 > floor && this.isNominal(i - 2)) ||
          l === NOUN ||
          l === PROPN ||
          (l === VERB && this.verbInNp(i - 1, floor)) ||
          (l === NUM && (w === 'in' || w === 'of')) ||
          SOURCE_MODIFIERS.has(this.lower[i - 1])
        ) {
          start = i;
          continue;
        }
      }
      if (
        p === CCONJ &&
        (w === 'and' || w === 'nor') &&
        start < end &&
        i > floor &&
        // "five past and current employees": two adjectives joined; "Obama, Clinton, and other
        // Democrats": a list's last comma
        (this.isNominal(i - 1) ||
          (this.pos[i - 1] === ADJ && this.pos[i + 1] === ADJ) ||
          (w === 'and' && this.lower[i - 1] === ',' && this.nameListBefore(i - 1, floor)))
      ) {
        start = i;
        continue;
      }
      // "Politicians and even some technologists": a focus adverb after "and" inside the phrase
      if (
        (w === 'even' || w === 'especially') &&
        start < end &&
        i - 1 > floor &&
        this.lower[i - 1] === 'and' &&
        this.isNominal(i - 2)
      ) {
        start = i;
        continue;
      }
      // "candidates like Donald Trump and Bernie Sanders", "groups including the ACLU": members named
      // after the head
      if ((w === 'like' || w === 'including') && start < end && i > floor && this.pos[i - 1] === NOUN) {
        start = i;
        continue;
      }
      // "Neither Cruz nor Christie"
      if (w === 'neither' && start < end) {
        let nor = false;
        for (let k = i + 1; k < end && !nor; k++) nor = this.lower[k] === 'nor';
        if (nor) {
          start = i;
          continue;
        }
      }
      // a list before its "and": "voters in Alabama, Georgia and Virginia", "Obama, Clinton, and
      // others", "Friends, lobbyists and former foes" (plural nouns)
      const pluralList =
        this.pos[i + 1] === NOUN &&
        this.pos[i - 1] === NOUN &&
        this.lower[i - 1].endsWith('s') &&
        this.lower[i + 1].endsWith('s');
      if (
        w === ',' &&
        start < end &&
        i > floor &&
        (this.isCapitalised(i + 1) || pluralList || this.lower[i + 1] === 'and') &&
        this.isNominal(i - 1)
      ) {
        let and = false;
        for (let k = i + 1; k < end && !and; k++) and = this.lower[k] === 'and';
        if (and) {
          start = i;
          continue;
        }
      }
      break;
    }
    // "A CNN/ORC poll last month showed", "Trump at the time said", "Trump in his announcement
    // speech called": a time or occasion after the phrase, before its verb, is no part of the speaker
    end = this.withoutTrailingAdjunct(start, end);
    // a phrase must end in a nominal and not start with a preposition or conjunction
    // nor with the comma of a list that turned out to be a fronted adverb ("Apparently, A and B saw")
    while (
      start < end &&
      (this.pos[start] === ADP ||
        this.pos[start] === CCONJ ||
        this.pos[start] === PART ||
        this.lower[start] === ',')
    )
      start++;
    // a phrase ends in a nominal; "the democratic socialist" (tagged an adjective) when a determiner opens it
    if (
      start < end &&
      !this.isNominal(end - 1) &&
      !NOMINAL_ING.has(this.lower[end - 1]) &&
      this.lower[end - 1] !== '%' &&
      !(end - 2 >= start && this.lower[end - 2] === 'those' && this.pos[end - 1] === VERB) &&
      !(this.pos[end - 1] === ADJ && (this.pos[start] === DET || this.pos[start] === NUM)) &&
      !(this.lower[end - 1] === ')' && start < end - 1) &&
      // "…, many said": a quantifier alone heads the phrase
      !(end - start === 1 && QUANT_PRONOUNS.has(this.lower[start]))
    )
      return end0;
    if (start === end) return end0;
    this.npEnd = end;
    // "nearly half", "more than 4 in 10", "only one"
    while (start > floor && start < end && QUANT_ADV.has(this.lower[start - 1])) start--;
    if (
      start > floor + 1 &&
      start < end &&
      this.lower[start - 1] === 'than' &&
      this.lower[start - 2] === 'more'
    )
      start -= 2;
    return start;
  }

  /** `end` less a time or occasion adjunct ending the phrase [start, end), which keeps a word. */
  withoutTrailingAdjunct(start: number, end0: number): number {
    let end = end0;
    for (let guard = 0; guard < 3 && end - start > 2; guard++) {
      const w1 = this.lower[end - 1];
      // "last month", "this week"
      if (PERIOD_NOUNS.has(w1) && (this.lower[end - 2] === 'last' || this.lower[end - 2] === 'this')) {
        end -= 2;
        continue;
      }
      // "at the time", "for the first time"
      if (w1 === 'time') {
        const d = this.lower[end - 2] === 'the' || this.lower[end - 2] === 'that' ? end - 3 : end - 4;
        if (
          d > start &&
          (this.lower[d] === 'at' || (this.lower[d] === 'for' && this.lower[d + 1] === 'the'))
        ) {
          end = d;
          continue;
        }
      }
      // "on Wednesday", "in March 2016"; "in his announcement speech", "during an interview"
      let cut = -1;
      for (let k = end - 2; k > start && k >= end - 5; k--) {
        const w = this.lower[k];
        if (this.pos[k] !== ADP || !(w === 'on' || w === 'in' || w === 'at' || w === 'during')) continue;
        const occasion =
          OCCASION_HEADS.has(w1) && (this.pos[k + 1] === DET || POSSESSIVES.has(this.lower[k + 1]));
        if (occasion || this.temporal(k + 1, end)) cut = k;
        break;
      }
      if (cut < 0) break;
      end = cut;
    }
    if (end === end0) return end;
    // "an analysis released by the VA last month": the time belongs to the participle
    // "a WBUR poll last week": a poll's date names the poll
    for (let k = start + 1; k < end0; k++)
      if ((this.pos[k] === VERB && this.isParticiple(k)) || DATED_NOUNS.has(this.lower[k])) return end0;
    return end;
  }

  /** End (exclusive) of the noun phrase starting at `start`, scanning right before `limit`. */
  npRight(start: number, limit: number): number {
    let end = start;
    for (let i = start; i < limit; i++) {
      if (this.inQuote(i)) break;
      const w = this.lower[i];
      const p = this.pos[i];
      if (
        p === PROPN ||
        p === NOUN ||
        p === NUM ||
        p === ADJ ||
        p === DET ||
        (this.isCapitalised(i) && p !== PRON)
      ) {
        end = i + 1;
        continue;
      }
      // "an invited crowd": a participle between a determiner and its noun
      if (
        p === VERB &&
        end > start &&
        (this.pos[i - 1] === DET || this.pos[i - 1] === ADJ) &&
        this.isParticiple(i) &&
        i + 1 < limit &&
        (this.pos[i + 1] === NOUN || this.pos[i + 1] === ADJ)
      ) {
        end = i + 1;
        continue;
      }
      // a noun the tagger took for a verb, inside a phrase: "at a campaign stop/VERB in Toledo"
      if (
        p === VERB &&
        end > start &&
        (this.pos[i - 1] === NOUN || this.pos[i - 1] === ADJ) &&
        !w.endsWith('ed') &&
        !this.isCueWord(i) &&
        // ("The businessman began by …": an irregular past is the clause's verb)
        !(PAST_FORMS.has(w) && !PAST_SAME_AS_BASE.has(w)) &&
        (i + 1 >= limit || this.pos[i + 1] === ADP || this.lower[i + 1] === ',')
      ) {
        end = i + 1;
        continue;
      }
      if (p === PRON && !NOT_SUBJECT_PRON.has(w) && (end === start || this.pos[i - 1] === ADP)) {
        end = i + 1;
        continue;
      }
      // "Republican politicians and their allies": a possessive opens the next conjunct
      if (POSSESSIVES.has(w) && end > start && this.lower[i - 1] === 'and') continue;
      if (
        end > start &&
        ((p === PART && (w === "'s" || w === '’s')) ||
          ((w === '’' || w === "'") && this.lower[i - 1].endsWith('s')))
      ) {
        end = i + 1;
        continue;
      }
      if ((w === '-' || w === '&' || w === '/') && end > start && i + 1 < limit && this.isNominal(i + 1))
        continue;
      // a hyphen inside a word ("the 46-year-old"): the compound goes on whatever its last part
      if (
        w === '-' &&
        end === i &&
        i + 1 < limit &&
        this.t.start[i] === this.t.end[i - 1] &&
        this.t.start[i + 1] === this.t.end[i] &&
        this.pos[i + 1] !== PUNCT
      ) {
        end = i + 2;
        i++;
        continue;
      }
      // "Rep. G.K. Butterfield (D-N.C.)"
      if (w === '(' && end > start && this.isCapitalised(i - 1)) {
        let k = i + 1;
        while (k < limit && k < i + 8 && this.lower[k] !== ')' && this.lower[k] !== '(') k++;
        if (k < limit && this.lower[k] === ')') {
          end = k + 1;
          i = k;
          continue;
        }
      }
      if (p === ADP && (w === 'of' || w === 'for' || w === 'at') && end > start && i + 1 < limit) {
        const r = this.pos[i + 1];
        if (r === DET || r === PROPN || r === NOUN || r === ADJ || r === NUM) continue;
      }
      if (
        p === CCONJ &&
        w === 'and' &&
        end > start &&
        i + 1 < limit &&
        (this.isNominal(i + 1) || (this.pos[i + 1] === DET && i + 2 < limit && this.isCapitalised(i + 2)))
      )
        continue;
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
    if (p === CCONJ || p === SCONJ || p === ADV || SUBORDINATORS.has(w)) return true;
    if (w === 'that' || w === 'as' || w === 'but' || w === 'and' || w === 'with' || REL_PRON.has(w))
      return true;
    return paragraphBreakBefore(this.text, this.t, i);
  }

  /** Skip adjuncts after a cue ("on Monday", "in a statement", "last week", "Tuesday"). */
  skipAdjuncts(i: number, limit: number): number {
    for (let guard = 0; guard < 4 && i < limit; guard++) {
      const w = this.lower[i];
      if (w === 'this' && i + 1 < limit && PERIOD_NOUNS.has(this.lower[i + 1])) {
        i += 2;
        continue;
      }
      // ("said Thursday's speeches had …": a possessive day opens the reported clause)
      if (
        TIME_WORDS.has(w) &&
        !(i + 1 < limit && (this.lower[i + 1] === "'s" || this.lower[i + 1] === '’s'))
      ) {
        i++;
        if (i < limit && (PERIOD_NOUNS.has(this.lower[i]) || this.lower[i] === 'night')) i++;
        continue;
      }
      // "said for weeks that …", "has argued for years that …": a duration
      if (w === 'for' && !this.inQuote(i)) {
        const e = this.npRight(i + 1, limit);
        const head = e > i + 1 ? this.lower[e - 1] : '';
        if (e - i <= 4 && (DURATION_NOUNS.has(head) || PERIOD_NOUNS.has(head))) {
          i = e;
          continue;
        }
      }
      if (this.pos[i] === ADP && ADJUNCT_PREPS.has(w) && !this.inQuote(i)) {
        // "said on Monday the plan had failed": a day ends the adjunct (the phrase reader runs on
        // over the subject of the bare clause after it)
        if (i + 2 < limit && WEEKDAYS.has(this.lower[i + 1]) && !this.inQuote(i + 1)) {
          i += 2;
          if (PERIOD_NOUNS.has(this.lower[i]) || this.lower[i] === 'night') i++;
          continue;
        }
        let e = this.npRight(i + 1, limit);
        if (e > i + 1 && e - i <= 8) {
          // "in Toledo, Ohio,": a state after a town
          if (this.lower[e] === ',' && this.pos[e - 1] === PROPN) {
            let k = e + 1;
            while (k < limit && k < e + 4 && this.pos[k] === PROPN) k++;
            if (k > e + 1 && k < limit && this.lower[k] === ',') e = k;
          }
          i = e;
          continue;
        }
      }
      break;
    }
    return i;
  }

  /** The first token at or after `i` that opens a new paragraph (or the text's end). */
  paragraphEnd(i: number): number {
    let k = i;
    while (k < this.n && !paragraphBreakBefore(this.text, this.t, k)) k++;
    return k;
  }

  /** Last content token before sentence-final punctuation (kept when inside a quotation). */
  trimEnd(start: number, end: number): number {
    while (end > start) {
      const w = this.lower[end - 1];
      if (this.inQuote(end - 1) && !this.isQuoteOpen(end - 1)) break;
      if (FINAL_PUNCT.has(w) || w === ',' || w === ':' || w === '—' || w === '–' || w === '-') end--;
      else if (w === ')' && !this.opensIn(start, end - 1)) end--;
      else break;
    }
    return end;
  }

  /** A "(" in [a, b): a ")" without one closes a parenthesis the content sits in ("(He said so.)"). */
  private opensIn(a: number, b: number): boolean {
    for (let i = b - 1; i >= a; i--) if (this.lower[i] === '(') return true;
    return false;
  }

  private readonly cueCache: (CueVerb | null | undefined)[] = [];

  /** The cue verb at token i, or null (memoised: both passes ask for every token). */
  isCue(i: number): CueVerb | null {
    let v = this.cueCache[i];
    if (v === undefined) {
      v = this.cueAt(i);
      this.cueCache[i] = v;
    }
    return v;
  }

  private cueAt(i: number): CueVerb | null {
    if ((this.cls[i] & CUE) === 0) return null;
    const w = this.lower[i];
    const v = CUE_VERBS.get(w)!;
    // inside a name: "United States Citizenship"
    if (
      i > 0 &&
      i + 1 < this.n &&
      this.isCapitalised(i) &&
      this.isCapitalised(i - 1) &&
      this.isCapitalised(i + 1)
    )
      return null;
    if (NEEDS_PARTICLE.has(v.lemma) && !(i + 1 < this.n && CUE_PARTICLES[v.lemma]?.has(this.lower[i + 1])))
      return null;
    const p = this.pos[i];
    if (
      NEEDS_VERB_TAG.has(w) &&
      p !== VERB &&
      p !== AUX &&
      !this.verbAfterPlural(i) &&
      !this.participleClause(i)
    )
      return null;
    // "X is expected to …", "X was declared the winner": a passive without "by" names no speaker;
    // pass 3 reads it as an attribution without a source, not as X's claim
    if (this.passiveWithoutAgent(i)) return null;
    // "maintains a wide lead", "saw his support collapse", "find a solution": these verbs report only
    // with a clause or quotation after them ("maintained that …", "saw, “…”")
    if (CLAUSE_ONLY_FORMS.has(w) && !this.clauseAfter(i)) return null;
    // "the order released Friday said": a participle after its noun, before the verb that reports
    if (this.isParticiple(i) && i > 0 && this.pos[i - 1] === NOUN) {
      for (let k = i + 1; k < this.n && k <= i + 3; k++) {
        if (ALWAYS_VERBS.has(this.lower[k]) && this.pos[k] === VERB) return null;
        if (!TIME_WORDS.has(this.lower[k]) && !PERIOD_NOUNS.has(this.lower[k])) break;
      }
    }
    // "the promises add up to $8 million", "voters showed up", "saw fit to", "found themselves in":
    // phrasal uses, not reports
    const nx = i + 1 < this.n ? this.lower[i + 1] : '';
    if ((v.lemma === 'add' || v.lemma === 'show') && nx === 'up') return null;
    // "adds to the drama", "added 1 million jobs", "added his own comment": adding a thing, not
    // words; a report goes on with a clause ("adding the involvement should be minimal")
    if (v.lemma === 'add' && i + 1 < this.n && !this.inQuote(i + 1) && this.addsThing(i + 1)) return null;
    if (v.lemma === 'see' && nx === 'fit') return null;
    // "Having said that, …": a connective, not a report
    if (
      v.lemma === 'say' &&
      i > 0 &&
      this.lower[i - 1] === 'having' &&
      (nx === 'that' || nx === 'this') &&
      this.lower[i + 2] === ','
    )
      return null;
    if (v.lemma === 'find' && REFLEXIVES.has(nx)) return null;
    // "continues to trail", "continued pushing": an aspect verb, not "he continued, “…”"
    if (v.lemma === 'continue' && i + 1 < this.n && (this.lower[i + 1] === 'to' || this.pos[i + 1] === VERB))
      return null;
    if ((p === NOUN || p === PROPN || p === ADJ) && !this.verbAfterPlural(i) && !this.afterPerfect(i)) {
      // wink sometimes tags "says", "alleged that" as nouns or adjectives
      if (w.endsWith('ing') || ALWAYS_VERBS.has(w) || (i + 1 < this.n && this.lower[i + 1] === 'that'))
        return v;
      return null;
    }
    // "the alleged plot", "a reported deal", "60 pledged delegates": participles modifying a noun
    // are not cues
    if (
      (w.endsWith('ed') || w === 'told') &&
      i + 1 < this.n &&
      this.pos[i + 1] === NOUN &&
      i > 0 &&
      (this.pos[i - 1] === DET || this.pos[i - 1] === NUM)
    )
      return null;
    // "the United States 10-year note": a name, not "states"
    if (w === 'states' && i > 0 && this.lower[i - 1] === 'united') return null;
    return v;
  }

  /** A participle after a perfect auxiliary is a verb whatever its tag ("has articulated/ADJ these themes"). */
  private afterPerfect(i: number): boolean {
    const w = this.lower[i];
    if (!(w.endsWith('ed') || IRREGULAR_PARTICIPLES.has(w))) return false;
    let k = i - 1;
    while (k > 0 && this.pos[k] === ADV && k > i - 3) k--;
    if (k >= 0 && k < i && PERFECT_FORMS.has(this.lower[k])) return true;
    // "Gowdy referenced/ADJ an inspector general's report", "she also referenced the …": a past
    // form between a name or subject pronoun and the start of its object
    if (!w.endsWith('ed') || k < 0 || i + 1 >= this.n) return false;
    const subject =
      (this.pos[k] === PROPN && this.isCapitalised(k)) ||
      (this.pos[k] === PRON && SUBJECT_PRONOUNS.has(this.lower[k]));
    const r = this.pos[i + 1];
    return (
      subject &&
      (r === DET ||
        r === PROPN ||
        r === PRON ||
        r === NUM ||
        this.lower[i + 1] === 'that' ||
        this.isQuoteOpen(i + 1))
    );
  }

  /** What follows "add" at token k is a thing added: "to", "back", or a noun phrase with no verb after it. */
  private addsThing(k: number): boolean {
    const w = this.lower[k];
    if (w === 'to' || w === 'back') return true;
    const p = this.pos[k];
    if (!(p === DET || p === NUM || p === ADJ || p === NOUN || POSSESSIVES.has(w))) return false;
    const e = this.npRight(k, this.sentEnd[k]);
    return e <= k || e >= this.sentEnd[k] || !(this.pos[e] === VERB || this.pos[e] === AUX);
  }

  /** A that-clause, quotation, colon or a subject pronoun and its verb follow token i. */
  private clauseAfter(i: number): boolean {
    const k = i + 1;
    if (k >= this.n) return false;
    const w = this.lower[k];
    if (
      w === 'that' ||
      w === ':' ||
      this.isQuoteOpen(k) ||
      (w === ',' && k + 1 < this.n && this.isQuoteOpen(k + 1))
    )
      return true;
    return (
      this.pos[k] === PRON &&
      !POSSESSIVES.has(w) &&
      k + 1 < this.n &&
      (this.pos[k + 1] === VERB || this.pos[k + 1] === AUX)
    );
  }

  /**
   * A base form tagged as a noun after a plural subject is its verb: "records show he …", "…, new
   * reports show.", "critics claim that …".
   */
  /** "…, warning that …": a form in -ing after a comma and before a that-clause opens a participle clause. */
  private participleClause(i: number): boolean {
    return (
      i > 0 &&
      i + 1 < this.n &&
      this.lower[i].endsWith('ing') &&
      this.lower[i - 1] === ',' &&
      this.lower[i + 1] === 'that'
    );
  }

  private verbAfterPlural(i: number): boolean {
    const w = this.lower[i];
    // "The New York Times reports: …", "The Tax Foundation estimates that …"
    if (i > 0 && i + 1 < this.n && this.lower[i + 1] === ':' && this.isNominal(i - 1)) return true;
    // "Clinton plans to …", "he wants to …"
    if (
      i > 0 &&
      i + 1 < this.n &&
      this.lower[i + 1] === 'to' &&
      (this.pos[i - 1] === PROPN || (this.pos[i - 1] === PRON && !NOT_SUBJECT_PRON.has(this.lower[i - 1])))
    )
      return true;
    if (
      i > 0 &&
      i + 2 < this.n &&
      this.lower[i + 1] === 'that' &&
      (this.pos[i - 1] === PROPN || this.isCapitalised(i - 1)) &&
      this.pos[i + 2] !== VERB &&
      this.pos[i + 2] !== AUX
    )
      return true;
    if (i === 0 || i + 1 >= this.n) return false;
    // "A document on the campaign's website states that same-sex couples …": a lower-case -s form
    // between a noun and a that-clause with its own subject
    if (
      w.endsWith('s') &&
      this.t.text[i] === w &&
      this.pos[i - 1] === NOUN &&
      this.lower[i + 1] === 'that' &&
      i + 2 < this.n &&
      (this.pos[i + 2] === DET ||
        this.pos[i + 2] === PRON ||
        this.pos[i + 2] === PROPN ||
        this.pos[i + 2] === NOUN ||
        this.pos[i + 2] === ADJ)
    )
      return true;
    // "The ad then references FBI criticism": an adverb between a noun and an -s form makes the
    // form a verb (a compound noun has none between its parts)
    if (
      w.endsWith('s') &&
      i >= 2 &&
      this.pos[i - 1] === ADV &&
      !this.isCapitalised(i - 1) &&
      (this.pos[i - 2] === NOUN || this.pos[i - 2] === PROPN)
    ) {
      const r = this.pos[i + 1];
      if (r === DET || r === PROPN || r === PRON || r === NUM || this.lower[i + 1] === 'that') return true;
    }
    const l = this.pos[i - 1];
    const lw = this.lower[i - 1];
    if (w.endsWith('s')) {
      // "the latest poll shows Clinton …": a third-person form after a noun
      // "Lynch notes they …", "Trump demands accountability": any third-person form after a name or
      // a singular subject pronoun
      const named =
        (l !== DET && l !== ADJ && this.isCapitalised(i - 1)) || lw === 'he' || lw === 'she' || lw === 'it';
      if (!((REPORTING_S_FORMS.has(w) && (l === NOUN || l === PROPN)) || named)) return false;
    } else if (
      !(
        ((l === NOUN || l === PROPN) && lw.length > 3 && lw.endsWith('s') && !lw.endsWith('ss')) ||
        // "as China and Russia support the government": two names joined are a plural subject
        (l === PROPN && i >= 3 && this.lower[i - 2] === 'and' && this.isCapitalised(i - 3)) ||
        // "64 percent call him competent", "they support Sanders", "respondents who support Clinton"
        PLURAL_SUBJECT_WORDS.has(lw)
      )
    )
      return false;
    const r = this.pos[i + 1];
    const rw = this.lower[i + 1];
    const lemma = CUE_VERBS.get(w)?.lemma ?? '';
    return (
      r === PRON ||
      r === DET ||
      r === PROPN ||
      r === NUM ||
      rw === 'that' ||
      // "two-thirds support reducing the sentences", "Millennials support background checks": a
      // gerund or a bare noun phrase as object (not after an -s form: "the party's plans call")
      (!w.endsWith('s') && (r === VERB ? rw.endsWith('ing') : r === NOUN || r === ADJ)) ||
      // "critics point to …", "labor leaders point out that …"
      (CUE_PARTICLES[lemma]?.has(rw) ?? false) ||
      FINAL_PUNCT.has(rw) ||
      (rw === ',' && this.isQuoteOpen(i + 2)) ||
      // an aside: "…, records show, and …"
      (rw === ',' && i >= 2 && this.lower[i - 2] === ',')
    );
  }

  /** A participle after a passive auxiliary, not followed by "by" ("is expected to", "was declared"). */
  passiveWithoutAgent(i: number): boolean {
    const w = this.lower[i];
    if (i === 0 || !(w.endsWith('ed') || IRREGULAR_PARTICIPLES.has(w)) || w === 'asked') return false;
    if (i + 1 < this.n && this.lower[i + 1] === 'by') return false;
    // ("is expected", "is widely expected", "isn't expected", "are not necessarily expected")
    let k = i - 1;
    while (k > 0 && k >= i - 3 && (this.pos[k] === ADV || this.pos[k] === PART)) k--;
    return PASSIVE_AUX.has(this.lower[k]) && this.lower[k] !== "'s" && this.lower[k] !== '’s';
  }

  /** Extend a cue leftwards over auxiliaries and adverbs annotators include ("has also said"). */
  cueStartOf(i: number, floor: number): number {
    let s = i;
    for (let k = 0; k < 4 && s - 1 >= floor && !this.inQuote(s - 1); k++) {
      const w = this.lower[s - 1];
      // a capitalised "adverb" inside a sentence is a name ("…, Jolly said")
      // "Theresa May said": a capitalised prefix word after a name is the end of the name
      if (this.isCapitalised(s - 1) && s - 2 >= floor && this.isCapitalised(s - 2)) break;
      if (
        CUE_PREFIX.has(w) ||
        (this.pos[s - 1] === ADV && !NOT_CUE_ADV.has(w) && s - 1 > floor && !this.isCapitalised(s - 1)) ||
        // "has since said", "have since denounced": the adverb the tagger takes for a subordinator
        (w === 'since' && s - 2 >= floor && PERFECT_AUX.has(this.lower[s - 2])) ||
        // "Priebus later Thursday told", "Gowdy earlier Thursday said"
        (TEMPORAL_WORDS.has(w) && s - 2 >= floor && RELATIVE_TIME.has(this.lower[s - 2]))
      )
        s--;
      else break;
    }
    // "going on to say", "went on to contrast": the phrase is part of the cue
    if (
      s - 3 >= floor &&
      this.lower[s - 1] === 'to' &&
      this.lower[s - 2] === 'on' &&
      GO_FORMS.has(this.lower[s - 3]) &&
      !this.inQuote(s - 3)
    )
      s -= 3;
    // "continued to criticize", "continues to insist": annotators give the aspect verb to the cue
    // (train: 24 of 40 "continue(d) to" + cue verb annotated, all with "continued to" in the cue)
    if (
      s - 2 >= floor &&
      this.lower[s - 1] === 'to' &&
      CONTINUE_FORMS.has(this.lower[s - 2]) &&
      this.pos[i] === VERB &&
      !this.inQuote(s - 2)
    )
      s = this.cueStartOf(s - 2, floor);
    // "has" etc. must not be a verb on its own separated from the cue by an object
    return s;
  }

  /**
   * End of a light verb's cue at i ("made no secret of", "took issue with", "made the case" before
   * "that"), or -1 when its noun is not one that reports.
   */
  lightEnd(i: number, lemma: string): number {
    const l = LIGHT_NOUNS[lemma];
    let k = i + 1;
    if (k < this.n && (this.pos[k] === DET || POSSESSIVES.has(this.lower[k]) || this.lower[k] === 'no')) k++;
    while (k < this.n && k < i + 4 && this.pos[k] === ADJ && !l.nouns.has(this.lower[k])) k++;
    if (k >= this.n || !l.nouns.has(this.lower[k]) || this.inQuote(k)) return -1;
    const nx = k + 1 < this.n ? this.lower[k + 1] : '';
    if (l.preps.has(nx)) return k + 2;
    if (nx === 'that' || nx === ':' || nx === ',') return k + 1;
    return -1;
  }

  /** End (exclusive) of the cue verb at i with its particle ("called for", "pointed out"). */
  cueEndOf(i: number, v: CueVerb): number {
    if (LIGHT_NOUNS[v.lemma]) {
      const e = this.lightEnd(i, v.lemma);
      if (e > 0) return e;
    }
    const ps = CUE_PARTICLES[v.lemma];
    let e = ps && i + 1 < this.n && ps.has(this.lower[i + 1]) ? i + 2 : i + 1;
    // an adverb particle and its preposition: "lashed out at", "fired back at", "doubled down on"
    if (
      e === i + 2 &&
      NEEDS_PARTICLE.has(v.lemma) &&
      ADVERB_PARTICLES.has(this.lower[i + 1]) &&
      e < this.n &&
      PARTICLE_PREPS.has(this.lower[e])
    )
      e++;
    // "expressed concern about", "voiced support for": the noun of feeling and its preposition
    if (v.lemma === 'express' && e === i + 1) {
      let k = e;
      while (k < this.n && k < e + 2 && this.pos[k] === ADJ) k++;
      if (k + 1 < this.n && this.pos[k] === NOUN && !this.inQuote(k)) {
        const nx = this.lower[k + 1];
        if (EXPRESS_PREPS.has(nx)) return k + 2;
        if (nx === 'that') return k + 1;
      }
    }
    // a manner adverb closing the verb phrase goes to the cue: "said sarcastically.", "noted repeatedly
    // that", "complained bitterly about" (train: 34 to 8 in gold); not one modifying a word after it
    // ("seemed equally unperturbed")
    if (
      e === i + 1 &&
      e + 1 < this.n &&
      this.pos[e] === ADV &&
      MANNER_ADVERB.test(this.lower[e]) &&
      !this.inQuote(e)
    ) {
      const nx = this.lower[e + 1];
      if (ps?.has(nx)) return e + 2;
      if (MANNER_ADVERB_AFTER.has(nx) || this.isQuoteOpen(e + 1)) e++;
    }
    // annotators mostly give "in a statement" to the cue: "said in a (written) statement"
    if (e + 2 < this.n && this.lower[e] === 'in' && this.pos[e + 1] === DET && !this.inQuote(e)) {
      const k = this.pos[e + 2] === ADJ && e + 3 < this.n ? e + 3 : e + 2;
      if (this.lower[k] === 'statement') return k + 1;
    }
    return e;
  }

  /** Tokens [a, b) are all free (not yet given to an attribution). */
  free(a: number, b: number): boolean {
    for (let i = a; i < b; i++) if (this.used[i]) return false;
    return true;
  }

  /** Give back the tokens of an attribution withdrawn in favour of another. */
  release(a: Attribution): void {
    const rs = [a.cue, a.source, a.addressee, ...a.content];
    for (const r of rs) if (r) for (let i = r[0]; i < r[1]; i++) this.used[i] = 0;
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
      // a quotation ending the content starts it, unless words of the same sentence lead into it
      // ("With thousands of systems, “there is no single point of failure,” he said.")
      const qo = this.q.quotes[k];
      if (qo.open <= s || !this.leadIn(s, qo.open)) s = qo.open;
    }
    // a sentence split inside a quotation: move to the quotation's opening
    const k0 = this.q.quoteOf[s];
    if (k0 >= 0 && this.q.quotes[k0].open < s) s = this.q.quotes[k0].open;
    while (s < end && this.used[s]) s++;
    // "However, …", "(The French …": a sentence adverb and its comma, or a parenthesis left open,
    // lead into the content without being part of it
    if (s + 2 < end && !this.inQuote(s)) {
      // "But the plan failed, he said": a conjunction opening the sentence links it to the last one
      // (train: 54 of 82 "But" and 14 of 23 "And" left out)
      if ((this.lower[s] === 'but' || this.lower[s] === 'and') && this.pos[s] === CCONJ) s++;
      // "In fact, …", "As a result, …": a connective phrase and its comma
      const c = leadPhraseEnd(this.lower, s, end);
      if (c > s) s = c;
      if (LEAD_ADVERBS.has(this.lower[s]) && this.lower[s + 1] === ',') s += 2;
      else if (this.lower[s] === '(') {
        let k = s + 1;
        while (k < end && this.lower[k] !== ')') k++;
        if (k === end) s++;
      }
    }
    return this.skipDateline(s, end);
  }

  /** "BEIRUT (Pakistan Point News / Sputnik - 05th October, 2020) Families …": content starts after the dateline. */
  skipDateline(s: number, end: number): number {
    let k = s;
    while (
      k < end &&
      k < s + 4 &&
      this.t.text[k] === this.t.text[k].toUpperCase() &&
      /[A-Z]/.test(this.t.text[k])
    )
      k++;
    if (k === s) return s;
    if (this.lower[k] === ',' || this.lower[k] === '(') {
      let c = k;
      while (c < end && c < k + 20 && this.lower[c] !== ')') c++;
      if (this.lower[c] !== ')') return s;
      k = c + 1;
    }
    while (
      k < end &&
      (this.lower[k] === '-' || this.lower[k] === '—' || this.lower[k] === '–' || this.lower[k] === '--')
    )
      k++;
    return k < end && k > s + 1 ? k : s;
  }

  /** Tokens [a, b) before a quotation are free words of its sentence with no quotation of their own. */
  private leadIn(a: number, b: number): boolean {
    if (b - a < 2) return false;
    for (let i = a; i < b; i++) if (this.used[i] || this.inQuote(i)) return false;
    return !paragraphBreakBefore(this.text, this.t, b) && this.lower[b - 1] !== ':';
  }

  /** The quotation opening at token i that stands alone as the next sentence(s) (split quotes). */
  followingQuote(after: number): Range | null {
    let i = after;
    // the rest of the attribution's sentence (an apposition, an adjunct) holds no verb
    const end = after < this.n ? this.sentEnd[after] : this.n;
    // … unless it is a subordinate clause: "Stenberg said as she accepted her award. “…”"
    // … or a participial or relative aside after a comma: "said Caddell, speaking of …. “…”"
    // (a participle that reports on its own, ", adding that … “…”", keeps a quotation inside its
    // sentence; only one opening the next sentence continues the speaker)
    const participle =
      i + 1 < end && this.lower[i] === ',' && this.lower[i + 1].endsWith('ing') && this.pos[i + 1] === VERB;
    const sub =
      i < end && (TAIL_SUBORDINATORS.has(this.lower[this.lower[i] === ',' ? i + 1 : i]) || participle);
    const reporting = participle && this.isCueWord(i + 1);
    // a relative or adverbial clause later in the tail may hold verbs too: "said in front of a
    // crowd of 1,000 people who packed a high school cafeteria. “…”"
    let clause = sub;
    while (i < end && !this.isQuoteOpen(i)) {
      const w = this.lower[i];
      if (REL_PRON.has(w) || TAIL_CLAUSE_OPENERS.has(w)) clause = true;
      if (!clause && (this.pos[i] === VERB || this.pos[i] === AUX)) return null;
      if (this.inQuote(i)) return null;
      i++;
    }
    // a title in quotation marks inside the tail: "said during an interview on CNN’s “State of the
    // Union” Sunday. “…”"
    while (i < end && this.isQuoteOpen(i)) {
      const t = this.q.quotes[this.q.quoteOf[i]];
      // (inside a clause, any quotation that does not end the sentence: "who noted that prices had
      // ''cratered'' to half their value")
      if (!t.closed || t.close >= end - 1) break;
      if (!clause && (t.close - t.open > 8 || !this.isCapitalised(t.open + 1))) break;
      i = t.close + 1;
      while (i < end && !this.isQuoteOpen(i)) {
        if (REL_PRON.has(this.lower[i]) || TAIL_CLAUSE_OPENERS.has(this.lower[i])) clause = true;
        if (!clause && (this.pos[i] === VERB || this.pos[i] === AUX)) return null;
        i++;
      }
    }
    if (reporting && i < end) return null;
    if (i >= this.n || !this.isQuoteOpen(i) || this.used[i]) return null;
    const newParagraph = paragraphBreakBefore(this.text, this.t, i);
    const qo = this.q.quotes[this.q.quoteOf[i]];
    // the quotation must end its sentence: nothing but final punctuation until the sentence or paragraph ends
    let j = qo.close + 1;
    while (j < this.n && FINAL_PUNCT.has(this.lower[j]) && !paragraphBreakBefore(this.text, this.t, j)) j++;
    const paragraphEnds = j >= this.n || paragraphBreakBefore(this.text, this.t, j);
    if (!paragraphEnds && this.sentStart[j] === this.sentStart[qo.close]) return null;
    // a quotation standing alone as the next paragraph continues the speaker's words
    if (newParagraph && !paragraphEnds) return null;
    // "said on ABC’s “This Week.”": a title ending the tail, not more of what was said
    const before = i > 0 ? this.lower[i - 1] : '';
    if (!newParagraph && (before === '’s' || before === "'s" || this.pos[i - 1] === ADP)) {
      // "said on ABC’s “This Week.” “We will …”": after a title ending the tail, the next quotation
      let k = qo.close + 1;
      while (k < this.n && FINAL_PUNCT.has(this.lower[k])) k++;
      if (
        k < this.n &&
        this.sentStart[k] === k &&
        this.isQuoteOpen(k) &&
        !paragraphBreakBefore(this.text, this.t, k)
      )
        return this.followingQuote(k);
      return null;
    }
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
    quotationRunsOn(sc, a.content);
    out.push(a);
    sc.take(a.cue);
    sc.take(a.source);
    for (const r of a.content) sc.take(r);
    if (a.addressee) sc.take(a.addressee);
  };
  // "Graham: Trump's Rhetoric Is Destroying the Party": a speaker, a colon, what they said
  for (const [a, b] of sc.sentences) {
    const h = colonHeadline(sc, a, b);
    if (h) push(h);
  }
  // "In a CNN/ORC poll released Monday, 31% of Republicans said …": the poll is the source;
  // "Asked whether …, 75 percent said yes": the question is an attribution of its own, not what
  // the later "said" reports
  for (const [a, b] of sc.sentences) {
    const p = inPoll(sc, a, b) ?? (sc.t.text[a] === 'Asked' ? unattributedQuestion(sc, a) : null);
    if (p) push(p);
  }
  for (const qo of sc.q.quotes) {
    if (!qo.closed) continue;
    const a = signedQuote(sc, qo.close) ?? namedQuote(sc, qo.open);
    if (a) push(a);
  }
  // Headlines in title case ("Militants Intimidate Refugees Who Refuse To Fight") have no usable
  // syntax: only "X Says Y" and "Y, X Says" are read in them.
  for (const [a, b] of sc.sentences) {
    if (!titleCase(sc, a, b)) continue;
    const h = headlineCue(sc, a, b);
    if (h) push(h);
    sc.take([a, b]);
  }
  // Pass 1: "according to X" and cues that close their sentence ("…, X said."), whose content precedes them.
  for (let i = 0; i < sc.n; i++) {
    if (sc.inQuote(i) || sc.used[i]) continue;
    // (the five words below share one class bit: one test skips the string compares for the rest)
    if ((sc.cls[i] & PASS1_WORD) !== 0) {
      if (sc.lower[i] === 'by' && i > 0 && !sc.used[i - 1]) {
        const v = sc.isCue(i - 1);
        const a = v ? passiveBy(sc, i - 1, v, out) : null;
        if (a) {
          push(a);
          continue;
        }
      }
      // "When asked whom she supported, …": the question before any cue inside it reads its verb
      if (sc.lower[i] === 'asked' && i > sc.sentStart[i] && ASK_OPENERS.has(sc.lower[i - 1])) {
        const a = unattributedQuestion(sc, i);
        if (a) {
          push(a);
          continue;
        }
      }
      if (sc.lower[i] === 'in' && i > sc.sentStart[i]) {
        const a = pollAfter(sc, i);
        if (a) {
          push(a);
          continue;
        }
      }
      if (sc.lower[i] === 'as') {
        const a = asReport(sc, i);
        if (a) {
          push(a);
          continue;
        }
      }
      if (sc.lower[i] === 'according' && i + 1 < sc.n && sc.lower[i + 1] === 'to') {
        let a = accordingTo(sc, i);
        // "“…,” Sanders said, according to CNN": PolNeAR gives the whole report, speaker and cue
        // included, to the outer attribution, and does not annotate the inner one
        const last = out[out.length - 1];
        const lastEnd = last ? Math.max(last.cue[1], last.source?.[1] ?? 0) : -1;
        if (!a && last && closesReport(sc, lastEnd, i) && last.rule.startsWith('trailing')) {
          out.pop();
          sc.release(last);
          a = accordingTo(sc, i);
          if (!a) push(last);
          // "…,” Sanders said, according to CNN. “…”": the speaker's next quotation too
          else if (a.source) addContinuation(sc, a.content, a.source[1], sc.sentEnd[i]);
        }
        if (a) push(a);
        continue;
      }
    }
    const v = sc.isCue(i) ?? (afterQuotation(sc, i) ? GENERIC_CUE : null);
    if (v) {
      const a = trailingCue(sc, i, v);
      if (a) push(a);
    }
  }
  // Pass 2: cues whose content follows them ("X said (that) …", "X told Y …"); any verb taking a
  // that-clause reports speech or thought ("X made clear that …", "X learned that …").
  for (let i = 0; i < sc.n; i++) {
    if (sc.inQuote(i) || sc.used[i]) continue;
    const w = sc.lower[i];
    // an attitude adjective before the generic that-verb reading ("are worried that …")
    const adj = (sc.cls[i] & ATTITUDE) !== 0 && sc.isCue(i) === null ? attitude(sc, i, out) : null;
    const v = adj ? null : (sc.isCue(i) ?? thatVerb(sc, i) ?? quoteVerb(sc, i));
    const a =
      adj ??
      (w === 'clear' ? madeClear(sc, i, out) : null) ??
      (v && PARTICIPLE_CUES.has(w) ? statementSaying(sc, i, v, out) : null) ??
      (v ? leadingCue(sc, i, v, out) : null);
    if (a) push(a);
  }
  // Pass 3: evidentials without a source ("the Trump team appeared paralyzed", "it seems that …",
  // "X is expected to …") and questions put by nobody named ("when asked whether …")
  for (let i = 0; i < sc.n; i++) {
    if (sc.inQuote(i) || sc.used[i]) continue;
    const w = sc.lower[i];
    // (most words are in none of the lexicons below: one test of the token's classes skips them)
    if ((sc.cls[i] & (EVIDENTIAL | CUE | REPORT_NOUN | STANCE_NOUN | HEARSAY_WORD)) === 0) continue;
    const a = EVIDENTIALS.has(w)
      ? evidential(sc, i)
      : sc.isCueWord(i) && sc.passiveWithoutAgent(i) && sc.pos[i] === VERB
        ? evidential(sc, i, CUE_VERBS.get(w))
        : w === 'reportedly' || w === 'allegedly'
          ? hearsay(sc, i)
          : w === 'asked'
            ? unattributedQuestion(sc, i)
            : REPORT_NOUNS.has(w)
              ? (reportNoun(sc, i) ?? stanceNoun(sc, i))
              : STANCE_NOUNS.has(w)
                ? stanceNoun(sc, i)
                : null;
    if (a) push(a);
  }
  // `sharesSourceWith` points into `out` in the order found: renumber it for the order by cue
  const order = out.map((_, k) => k).sort((x, y) => out[x].cue[0] - out[y].cue[0] || x - y);
  const at = new Int32Array(out.length);
  for (let n = 0; n < order.length; n++) at[order[n]] = n;
  const sorted = order.map((k) => out[k]);
  for (const a of sorted) if (a.sharesSourceWith !== undefined) a.sharesSourceWith = at[a.sharesSourceWith];
  return sorted;
}

/**
 * "Brooks said the tone “was because they decided …. And I think …”": a content that ends inside a
 * quotation opened within it runs on to the quotation's close, over the sentences it spans in its
 * paragraph (train: 46 content spans made exact, none lost).
 */
function quotationRunsOn(sc: Scanner, content: Range[]): void {
  const last = content[content.length - 1];
  if (!last || last[1] >= sc.n) return;
  const k = sc.q.quoteOf[last[1] - 1];
  if (k < 0) return;
  const qo = sc.q.quotes[k];
  if (!qo.closed || qo.open < last[0] || qo.close < last[1] || !sc.free(last[1], qo.close + 1)) return;
  for (let m = last[1]; m <= qo.close; m++) if (paragraphBreakBefore(sc.text, sc.t, m)) return;
  last[1] = qo.close + 1;
}

/**
 * The report ending at `lastEnd` runs on to the "according to" at i: right before it, or through an
 * adjunct and a comma ("…,” O'Malley said at a press conference, according to the Las Vegas Sun").
 */
function closesReport(sc: Scanner, lastEnd: number, i: number): boolean {
  if (lastEnd === i - 1 || lastEnd === i) return true;
  if (lastEnd < 0 || lastEnd >= i - 1 || i - lastEnd > 12 || sc.lower[i - 1] !== ',') return false;
  if (sc.sentStart[lastEnd] !== sc.sentStart[i]) return false;
  for (let k = lastEnd; k < i - 1; k++)
    if (sc.inQuote(k) || sc.used[k] || sc.pos[k] === VERB || sc.pos[k] === AUX) return false;
  return true;
}

function accordingTo(sc: Scanner, i: number): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  const srcStart = i + 2;
  // the object of "according to" is nominal: a verb tag in it is a noun ("according to police/VERB")
  let srcEnd = srcStart;
  for (;;) {
    const e = sc.npRight(srcEnd, s1);
    if (e > srcEnd) srcEnd = e;
    else if (
      e < s1 &&
      sc.pos[e] === VERB &&
      !sc.inQuote(e) &&
      !sc.lower[e].endsWith('ed') &&
      !sc.lower[e].endsWith('ing')
    )
      srcEnd = e + 1;
    else break;
  }
  if (srcEnd === srcStart) return null;
  // apposition: "according to Kazem, the head of …," only when the sentence goes on after it
  const cue: Range = [i, i + 2];
  const before = sc.trimEnd(s0, i);
  let content: Range[];
  if (before > s0 && sc.free(s0, before) && hasContent(sc, s0, before)) {
    // "…, according to X." the content precedes; the source runs to the comma or the sentence end
    // ("according to a memo released Friday by the agency's watchdog")
    let k = srcEnd;
    let paren = false;
    while (k < s1 && sc.lower[k] !== ',' && !sc.used[k] && !FINAL_PUNCT.has(sc.lower[k])) {
      // a quoted title inside the phrase: "according to the “Medicare for all” document he released"
      if (sc.inQuote(k)) {
        const qo = sc.isQuoteOpen(k) ? sc.q.quotes[sc.q.quoteOf[k]] : null;
        if (!qo?.closed || qo.close - qo.open > 10 || qo.close + 1 >= s1) break;
        k = qo.close + 1;
        continue;
      }
      // "according to Senate filings).", "according to the report - still …": a closing parenthesis
      // or a spaced dash ends the phrase
      if (sc.lower[k] === '(') paren = true;
      else if ((sc.lower[k] === ')' && !paren) || spacedDash(sc, k)) break;
      k++;
    }
    if (k > srcEnd && k - srcEnd <= 20) srcEnd = k;
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
    // "According to X, …": the content follows the comma; the source runs to it
    for (let k = srcEnd; k < s1 && k < srcEnd + 15 && sc.lower[srcEnd] !== ','; k++) {
      if (sc.lower[k] === ',') srcEnd = k;
      else if (sc.inQuote(k) || sc.pos[k] === AUX) break;
    }
    let j = srcEnd;
    // "According to HuffPo: “…”": the colon opens a quotation or the rest of the paragraph
    if (sc.lower[j] === ':' && j + 1 < sc.n && !sc.used[j + 1]) {
      const k = j + 1;
      const qo = sc.isQuoteOpen(k) ? sc.q.quotes[sc.q.quoteOf[k]] : null;
      const end = qo ? qo.close + 1 : sc.trimEnd(k, sc.paragraphEnd(k + 1));
      if (end <= k + 1 || !sc.free(k, end)) return null;
      return {
        cue,
        source: [srcStart, srcEnd],
        content: [[k, end]],
        verb: null,
        addressee: null,
        direct: !!qo,
        rule: 'according-to',
        sharesSourceWith: undefined,
      };
    }
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
    sharesSourceWith: undefined,
  };
}

/** A relative pronoun before a time adjunct ending at `prev` ("who in 2010", "who on Monday"), or -1. */
function relativeBeforeTime(sc: Scanner, prev: number, s0: number): number {
  let k = prev;
  let time = false;
  while (k > s0 && k > prev - 4) {
    const w = sc.lower[k];
    if (YEAR.test(w) || TEMPORAL_WORDS.has(w) || PERIOD_NOUNS.has(w)) time = true;
    else if (!(w === 'in' || w === 'on' || w === 'last' || w === 'this' || w === 'earlier')) break;
    k--;
  }
  return time && k < prev && REL_PRON.has(sc.lower[k]) && !sc.used[k] ? k : -1;
}

/**
 * The subject before a time adjunct: "an arbitration panel in 2001 found …", "Wells Fargo just this
 * month announced …".
 */
function subjectBeforeTime(sc: Scanner, cueStart: number, s0: number): Range | null {
  let k = cueStart - 1;
  let time = false;
  while (k > s0) {
    const w = sc.lower[k];
    if (YEAR.test(w) || TEMPORAL_WORDS.has(w) || PERIOD_NOUNS.has(w)) time = true;
    else if (
      !(sc.pos[k] === ADV || w === 'this' || w === 'last' || w === 'in' || w === 'on' || w === 'earlier')
    )
      break;
    k--;
  }
  if (!time || k === cueStart - 1) return null;
  const np = sc.npLeft(k + 1, s0);
  if (np > k || !sc.subjectPosition(np, s0) || !speakerLike(sc, np, k + 1)) return null;
  return [np, k + 1];
}

/** A comma after a verbless opening of the sentence precedes `cueStart`: "Name (Party), a … <cue>". */
function inSubjectApposition(sc: Scanner, s0: number, cueStart: number): boolean {
  for (let k = s0; k < cueStart; k++) {
    if (sc.lower[k] === ',') return k > s0;
    if (sc.pos[k] === VERB || sc.pos[k] === AUX || sc.inQuote(k)) return false;
  }
  return false;
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
  // "…, the budget office reported on Tuesday -- a development that …", "…, his aides argued;
  // rather, …": a semicolon or a spaced dash closes the report, what follows comments on it
  if (!sc.inQuote(j) && (sc.lower[j] === ';' || (spacedDash(sc, j) && sc.lower[j] !== '-'))) return s1;
  // a subordinate or relative clause after the cue does not hold the content ("…, Susan said as she …")
  const k = sc.lower[j] === ',' ? j + 1 : j;
  if (k < s1 && TAIL_SUBORDINATORS.has(sc.lower[k])) return s1;
  // an adjunct we could not parse, without a verb or a quotation ("told a meeting with leaders in Lima")
  if (s1 - j > 20) return null;
  for (let m = j; m < s1; m++) {
    if (sc.pos[m] === VERB || sc.pos[m] === AUX || sc.isQuoteOpen(m) || sc.lower[m] === 'that') return null;
  }
  return s1;
}

/** An inverted source looks like a speaker: a name, a pronoun, or a person or body noun. */
function speakerLike(sc: Scanner, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (sc.pos[k] === PROPN || sc.isCapitalised(k) || (sc.pos[k] === PRON && sc.lower[k] !== 'it'))
      return true;
    if (SPEAKER_NOUNS.has(sc.lower[k])) return true;
  }
  return false;
}

/**
 * Tokens [a, b) are a speaker with an apposition and no verb of its own ("Gov. John Kasich of Ohio, a
 * Republican who has refused to endorse Mr. Trump"): a name or person noun, a comma, then a phrase.
 */
function appositiveSubject(sc: Scanner, a: number, b: number): boolean {
  let comma = -1;
  for (let k = a; k < b; k++) {
    if (sc.inQuote(k)) return false;
    if (sc.lower[k] === ',') {
      if (comma < 0) comma = k;
      continue;
    }
    // (a relative clause in the apposition may hold verbs)
    if (comma >= 0 && REL_PRON.has(sc.lower[k])) return true;
    if (sc.pos[k] === VERB || sc.pos[k] === AUX) {
      if (comma < 0 || !(sc.isParticiple(k) || sc.lower[k].endsWith('ing'))) return false;
    }
  }
  return comma > a && speakerLike(sc, a, comma) && sc.npLeft(comma, a) === a;
}

/** Words opening a modifier that restricts an inverted speaker ("said a longtime adviser to Trump"). */
const RESTRICTIVE_OPENERS = new Set(['to', 'with', 'for', 'of', 'who', 'that', 'whose']);
/** Past participles that modify a speaker ("a source involved in the talks", "an aide based in Ohio"). */
const SPEAKER_PARTICIPLES = new Set(['involved', 'based', 'briefed', 'named', 'appointed', 'elected']);

/**
 * "…,” said a longtime adviser to Trump.", "…, said one person with knowledge of the talks.", "…,
 * said a man calling himself Paul": a modifier after an inverted speaker with no comma before it
 * belongs to the speaker, up to a comma or the sentence end, less a time or occasion at its end.
 */
function restrictiveEnd(sc: Scanner, start: number, end: number, s1: number): number {
  if (end >= s1 || sc.inQuote(end)) return end;
  const w = sc.lower[end];
  // (a past form may be the verb of a new clause: "…, said Clinton reached out to …")
  const participle =
    sc.pos[end] === VERB && (w.endsWith('ing') || SPEAKER_PARTICIPLES.has(w)) && !sc.isCueWord(end);
  // "said one GOP source in the room", "said a demographer at Emory University": a place after a
  // common noun restricts it, unless it is a time or an occasion ("on Monday", "in a statement")
  const place =
    (w === 'in' || w === 'on' || w === 'at') && !sc.isCapitalised(end - 1) && !objectAdjunct(sc, end, s1);
  // (a name takes no such modifier: "said Trump to a crowd in Iowa")
  // ("said a source involved in the talks": the phrase reader took the participle in)
  const head = sc.pos[end - 1] === NOUN || (place && SPEAKER_PARTICIPLES.has(sc.lower[end - 1]));
  if ((!RESTRICTIVE_OPENERS.has(w) && !participle && !place) || !head) return end;
  let e = end;
  while (e < s1 && sc.lower[e] !== ',' && !sc.isQuoteOpen(e) && !FINAL_PUNCT.has(sc.lower[e])) e++;
  e = sc.withoutTrailingAdjunct(start, e);
  return e > end + 1 ? e : end;
}

/** The "put it" of "as X put it": a cue of two words. */
const PUT_FORMS = new Set(['put', 'puts']);
/** Punctuation that may close a comment clause ("as X noted,", "as X put it:", "— as X said —"). */
const AS_CLAUSE_END = new Set([',', ':', ';', '.', '!', '?', '—', '–', '--', '-', ')']);

/**
 * A comment clause: "…, as the Times reported." / "As Mr. Bown observed, …" / "If, as I have
 * suggested, …" / "Or, as Tom Ridge put it: “…”". The clause between "as" and its closing punctuation
 * holds only a speaker, a reporting verb and adjuncts; what it comments on is the clause before it,
 * or the one after it when nothing but an opening word precedes.
 */
function asReport(sc: Scanner, i: number): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  const before = i - 1;
  // "as" opens the sentence, follows a comma or dash, or a conjunction opening it ("But as …")
  if (
    !(
      i === s0 ||
      (before >= s0 &&
        (sc.lower[before] === ',' || DASHES.has(sc.lower[before]) || sc.lower[before] === '(')) ||
      (before === s0 && sc.pos[before] === CCONJ)
    )
  )
    return null;
  const srcStart = i + 1;
  const npEnd = sc.npRight(srcStart, s1);
  if (npEnd <= srcStart) return null;
  // an apposition between commas: "as Tom Ridge, a former secretary of homeland security, put it"
  let cueFrom = npEnd;
  if (sc.lower[npEnd] === ',') {
    const e = apposEnd(sc, npEnd + 1, Math.min(s1, npEnd + 20));
    if (e > npEnd + 1 && sc.lower[e] === ',') cueFrom = e + 1;
  }
  // auxiliaries and adverbs, then the reporting verb: "as police have said", "as X recently put it"
  let j = cueFrom;
  while (j < s1 && j < cueFrom + 3 && (sc.pos[j] === AUX || sc.pos[j] === ADV) && !sc.inQuote(j)) j++;
  if (j >= s1 || sc.inQuote(j)) return null;
  const put = PUT_FORMS.has(sc.lower[j]) && j + 1 < s1 && sc.lower[j + 1] === 'it';
  const v = put ? GENERIC_CUE : CUE_VERBS.get(sc.lower[j]);
  if (!v || (v.frame !== 'say' && v.frame !== 'think' && !AS_COMMENT_VERBS.has(v.lemma))) return null;
  if (!put && sc.pos[j] !== VERB) return null;
  const cueStart = cueFrom;
  const cueEnd = put ? j + 2 : sc.cueEndOf(j, v);
  const mid = sc.skipAdjuncts(cueEnd, s1);
  if (mid < s1 && !AS_CLAUSE_END.has(sc.lower[mid])) return null;
  if (!sc.free(i, mid)) return null;
  let content: Range | null = null;
  // what precedes: "It does not answer whether Scott had a gun, as police have said."
  if (before >= s0 && sc.lower[before] === ',') {
    const start = sc.backwardContentStart(before);
    // a clause, with its verb ("After all, as we saw in 2009, banks …" comments on what follows)
    let verb = false;
    for (let k = start; k < before && !verb; k++) verb = sc.pos[k] === VERB || sc.pos[k] === AUX;
    if (verb && before - start >= 2 && sc.free(start, before)) content = [start, before];
  }
  // what follows: "As Ms. Simonyan put it …, RT is …", "Or, as Ridge put it: “…”"
  if (!content && mid < s1 && !FINAL_PUNCT.has(sc.lower[mid])) {
    const from = mid + 1;
    if (from < sc.n && sc.isQuoteOpen(from) && sc.q.quotes[sc.q.quoteOf[from]].closed) {
      const qo = sc.q.quotes[sc.q.quoteOf[from]];
      content = [from, qo.close + 1];
    } else {
      const end = sc.trimEnd(from, s1);
      if (end - from >= 2 && hasContent(sc, from, end)) content = [from, end];
    }
    if (content && !sc.free(content[0], content[1])) content = null;
  }
  if (!content) return null;
  return {
    cue: [cueStart, cueEnd],
    source: [srcStart, cueFrom],
    content: [content],
    verb: v,
    addressee: null,
    direct: sc.inQuote(content[1] - 1),
    rule: 'as-report',
    sharesSourceWith: undefined,
  };
}

/** Verbs of other frames that report in a comment clause ("as the Times reported", "as X pointed out"). */
const AS_COMMENT_VERBS = new Set(['point', 'describe', 'show', 'find', 'document', 'detail', 'put']);

/** A comma outside quotations among tokens [a, b). */
function commaIn(sc: Scanner, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (sc.lower[k] === ',' && !sc.inQuote(k)) return true;
  return false;
}

/** Inverted order: "“…,” said Smith." / "…, said Smith, the head of Y." */
function invertedCue(sc: Scanner, i: number, v: CueVerb, cue: Range): Attribution | null {
  const s1 = sc.sentEnd[i];
  // "…, saying anybody who …": a participle after a comma leads its own content, with the
  // clause's subject as speaker; only a finite verb inverts ("…, said Smith")
  if (sc.lower[i].endsWith('ing')) return null;
  const cueEnd = cue[1];
  const prev = cue[0] - 1;
  // inverted: "“…,” said Smith." / "…, said Smith, the head of Y."
  if (
    prev >= 0 &&
    (sc.lower[prev] === ',' || sc.isQuoteClose(prev)) &&
    (v.frame === 'say' || (v.frame === 'ask' && v.stance === 'demand' && sc.isQuoteClose(prev)))
  ) {
    const srcStart = cueEnd;
    let srcEnd = sc.npRight(srcStart, s1);
    // after a closing quotation any noun phrase is the speaker ("“…,” said the 46-year-old")
    if (
      srcEnd > srcStart &&
      !TIME_WORDS.has(sc.lower[srcStart]) &&
      (speakerLike(sc, srcStart, srcEnd) || (sc.isQuoteClose(prev) && sc.pos[srcStart] === DET))
    ) {
      srcEnd = restrictiveEnd(sc, srcStart, srcEnd, s1);
      srcEnd = withApposition(sc, srcEnd, s1);
      const tail = trivialTail(sc, srcEnd, s1);
      const participle = sc.lower[srcEnd] === ',' && trailingParticiple(sc, srcEnd + 1);
      const split = sc.lower[srcEnd] === ',' && srcEnd + 1 < sc.n && sc.isQuoteOpen(srcEnd + 1);
      const relative = sc.lower[srcEnd] === ',' && srcEnd + 1 < s1 && REL_PRON.has(sc.lower[srcEnd + 1]);
      // a closed quotation before the cue is the content whatever follows ("…,” said X after …")
      if (tail !== null || participle || split || relative || sc.isQuoteClose(prev)) {
        const end = sc.isQuoteClose(prev) ? prev + 1 : prev;
        const start = sc.backwardContentStart(end);
        // "Congressman Chris Collins, a Trump supporter, said Trump strategists plan …": a speaker
        // and its apposition opening the sentence are the subject of a leading cue, no content
        if (!sc.isQuoteClose(prev) && start === sc.sentStart[i] && appositiveSubject(sc, start, end))
          return null;
        if (end > start && hasContent(sc, start, end)) {
          const content: Range[] = [[start, end]];
          addContinuation(sc, content, srcEnd, s1);
          // "said Ed Rendell, a former governor, referring to …": after an apposition, annotators
          // close the speaker with its comma before a participle, relative clause or quotation
          // (train: 70 of 100 inverted speakers with an apposition and a comma after it)
          let closed = srcEnd;
          if ((participle || split || relative) && commaIn(sc, srcStart, srcEnd)) closed = srcEnd + 1;
          return {
            cue,
            source: [srcStart, closed],
            content,
            verb: v,
            addressee: null,
            direct: sc.inQuote(end - 1),
            rule: 'trailing-inverted',
            sharesSourceWith: undefined,
          };
        }
      }
    }
  }
  return null;
}

/** "…, X said." / "“…,” said X." / "…, X, the head of Y, said." */
function trailingCue(sc: Scanner, i: number, v: CueVerb): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  const cueStart = sc.cueStartOf(i, s0);
  const cueEnd = sc.cueEndOf(i, v);
  const cue: Range = [cueStart, cueEnd];
  const prev = cueStart - 1;
  if (prev >= 0 && sc.isQuoteClose(prev)) return invertedCue(sc, i, v, cue);
  // "…, X said." / "…, X, the head of Y, told Sputnik on Monday."
  let srcEnd = cueStart;
  let srcStart = -1;
  if (prev >= s0 && sc.lower[prev] === ',') {
    // apposition: find the comma that opens it
    for (let j = prev - 1, commas = 0; j > s0 && commas < 4; j--) {
      if (sc.inQuote(j)) break;
      if (sc.lower[j] !== ',') continue;
      commas++;
      const np = sc.npLeft(j, s0);
      // an age is an apposition, not the speaker: "Cecelia Purner, 67, a retired …, said"
      if (np === j - 1 && sc.pos[np] === NUM) continue;
      // "the spokesman, Josh/VERB Earnest, said", "Robert Peck, managing/VERB director …, told"
      const named = sc.isCapitalised(j + 1) || (j + 2 < prev && sc.pos[j + 2] === NOUN);
      if (
        np < j &&
        ((sc.pos[j + 1] !== VERB && sc.pos[j + 1] !== AUX) || named) &&
        np > s0 &&
        isBoundary(sc, np - 1)
      ) {
        srcStart = np;
        break;
      }
    }
  } else if (prev >= s0 && REL_PRON.has(sc.lower[prev])) {
    return null; // "…, who said" is a relative clause: pass 2 handles it with the content after
  } else {
    srcStart = sc.npLeft(cueStart, s0);
    if (srcStart === cueStart) srcStart = -1;
    else srcEnd = sc.npEnd;
  }
  if (srcStart < 0 || srcStart <= s0 || !isBoundary(sc, srcStart - 1)) {
    return prev >= s0 && sc.lower[prev] === ',' ? invertedCue(sc, i, v, cue) : null;
  }
  const boundary = srcStart - 1;
  // addressee after the cue ("told Sputnik on Monday")
  let after = cueEnd;
  let addressee: Range | null = null;
  if (v.frame === 'tell' || v.frame === 'ask') {
    const e = sc.npRight(after, s1);
    if (e > after && !TIME_WORDS.has(sc.lower[after])) {
      addressee = [after, e];
      after = e;
    }
  }
  // "…,” she said in the Oval Office, emphasizing …": adjuncts, then a participle or the next quotation
  const mid = sc.skipAdjuncts(after, s1);
  // "In a 1963 speech, he declared “…”", "Later on “This Week,” Sanders questioned Mr. Trump's
  // veracity": an object after the cue is what was said; the words before it are an adjunct
  const object =
    (addressee !== null && mid < s1 && ADDRESSEE_CONTENT.has(sc.lower[mid])) ||
    (mid < s1 &&
      !sc.used[mid] &&
      (sc.isQuoteOpen(mid) ||
        (!sc.inQuote(mid) &&
          (sc.pos[mid] === DET ||
            sc.pos[mid] === NOUN ||
            sc.pos[mid] === PROPN ||
            sc.pos[mid] === NUM ||
            POSSESSIVES.has(sc.lower[mid])))));
  const tail = object ? null : trivialTail(sc, after, s1);
  const participle =
    (sc.lower[after] === ',' && trailingParticiple(sc, after + 1)) ||
    (sc.lower[mid] === ',' && trailingParticiple(sc, mid + 1));
  // a split quotation needs a quotation before the cue too: "Asked about it, X said, “…”" is a leading cue
  const split =
    sc.lower[after] === ',' &&
    after + 1 < sc.n &&
    sc.isQuoteOpen(after + 1) &&
    (sc.isQuoteClose(boundary) || (boundary > s0 && sc.isQuoteClose(boundary - 1)));
  // "The museum, Mr. Obama said, would make …": a parenthetical cue splits its content in two
  // "He's leaning toward Kasich, he said, because he prizes electability": a reason after a
  // parenthetical cue is part of what was said
  const reason =
    sc.lower[mid] === ',' && mid + 1 < s1 && sc.lower[mid + 1] === 'because' && !reportIn(sc, mid + 2, s1);
  const rest =
    (tail === null || reason) &&
    !participle &&
    !split &&
    sc.lower[boundary] === ',' &&
    sc.lower[mid] === ',' &&
    // ("The club's investment, she said, ''is a perfect example''": a quotation going on in lower case
    // finishes the sentence begun before the cue)
    (!sc.isQuoteOpen(mid + 1) || (mid + 2 < s1 && lowerStart(sc, mid + 2)))
      ? sc.trimEnd(mid + 1, s1)
      : -1;
  // (a quotation before a cue that takes an object is a title or a name: "on “This Week,” X questioned …")
  // (nor one a verb before it takes: "under what Mr. Hedge called ''the prior model,'' the club
  // charged a fee")
  const quoted =
    sc.isQuoteClose(boundary) &&
    !(object && (v.frame === 'obj' || v.frame === 'think')) &&
    !(object && quoteAfterVerb(sc, boundary)) &&
    // (a quoted name inside a noun phrase before a cue with an object: "The “wise Latina” phrase
    // Grassley cited …", "“Broad City” star Arturo Castro turned the tables")
    quoteEndsClause(sc, boundary);
  if (tail === null && !participle && !split && !quoted && !(rest > mid + 1 && sc.free(mid + 1, rest)))
    return null;
  const end = sc.isQuoteClose(boundary) ? boundary + 1 : boundary;
  let start = sc.backwardContentStart(end);
  // "Conceding that … “down the line,” Obama said: “It's not …”": a quotation inside running words
  // before the speaker makes no split quotation; the cue leads the quotation after it. After a
  // dash or colon ("… Mexico - ''I love Oreos,'' he said, ''…''") the quotation alone is the content.
  if (sc.isQuoteClose(boundary) && quotationAfter(sc, mid)) {
    const open = sc.q.quotes[sc.q.quoteOf[boundary]].open;
    if (open > start && hasContent(sc, start, open)) {
      if (!(DASHES.has(sc.lower[open - 1]) || sc.lower[open - 1] === ':' || sc.lower[open - 1] === '('))
        return null;
      start = open;
    }
  }
  // "When a nurse returned …, the governor ordered a quarantine": a fronted adverbial clause before
  // a subject and a cue that takes an addressee or object is no content; the cue leads what follows
  const np = sc.pos[mid];
  if (
    (addressee !== null ||
      object ||
      (mid < s1 && !sc.inQuote(mid) && (np === ADJ || np === PRON || np === DET || np === NOUN))) &&
    !sc.inQuote(start) &&
    sc.lower[boundary] === ',' &&
    (ADVERBIAL_OPENERS.has(sc.lower[start]) ||
      // "In contrast, Clinton has maintained support …", "In Vermont, Sanders was supported …": a
      // fronted phrase without a verb of its own
      ((sc.pos[start] === ADP || sc.pos[start] === ADV) && !verbBetween(sc, start, end)))
  )
    return null;
  // (a quotation going on after the cue finishes no sentence holding a report of its own: "Mook
  // acknowledged the candidates had split …, which is an outcome, he said, "we've long anticipated."")
  if (rest > mid + 1 && sc.isQuoteOpen(mid + 1)) {
    for (let k = start; k < end; k++) if (sc.isCueWord(k) && !sc.inQuote(k)) return null;
  }
  // "Loyalty, he noted, has long been …": one word before a parenthetical cue is enough
  const oneWord = rest > mid + 1 && end - start === 1 && sc.isNominal(start);
  if (!(end > start && (hasContent(sc, start, end) || oneWord))) return null;
  const content: Range[] = [[start, end]];
  if (rest > mid + 1 && (tail === null || reason) && !participle && !split) content.push([mid + 1, rest]);
  else addContinuation(sc, content, after, s1);
  return {
    cue,
    source: [srcStart, srcEnd],
    content,
    verb: v,
    addressee,
    direct: sc.inQuote(end - 1),
    rule: 'trailing',
    sharesSourceWith: undefined,
  };
}

/** Token k starts with a lower-case letter. */
function lowerStart(sc: Scanner, k: number): boolean {
  const c = sc.t.first[k];
  return c >= 97 && c <= 122;
}

/** Words opening a fronted adverbial clause or phrase ("When …,", "Despite …,", "As …,"). */
const ADVERBIAL_OPENERS = new Set([...SUBORDINATORS, 'as', 'despite']);

/** An unquoted "said"/"told" … verb in [a, b): a report of its own. */
function reportIn(sc: Scanner, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ALWAYS_VERBS.has(sc.lower[k]) && !sc.inQuote(k)) return true;
  return false;
}

/** An auxiliary among tokens [a, b) ("is calling", "has been saying"). */
function auxBetween(sc: Scanner, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (sc.pos[k] === AUX || FINITE_AUX.has(sc.lower[k])) return true;
  return false;
}

/**
 * The cue at i surely reports: "said"/"told", or any cue verb before a that-clause, colon or
 * quotation ("Exit polls from the primary, which Trump won, showed that …").
 */
function reportsClause(sc: Scanner, i: number, cueEnd: number, s1: number): boolean {
  if (SAY_FORMS.has(sc.lower[i])) return true;
  if (sc.pos[i] !== VERB || sc.lower[i].endsWith('ing')) return false;
  const j = sc.skipAdjuncts(cueEnd, s1);
  return j < s1 && (sc.lower[j] === 'that' || sc.lower[j] === ':' || sc.isQuoteOpen(j));
}

/** Past sentence adverbs before a subject ("Then he cut into Bush, calling …"). */
function adverbsSkipped(sc: Scanner, b: number, limit: number): number {
  let k = b;
  while (
    k + 1 < limit &&
    k < b + 2 &&
    sc.pos[k] === ADV &&
    (sc.pos[k + 1] === PRON || sc.isCapitalised(k + 1))
  )
    k++;
  return k;
}

/** A comma or colon and a quotation at token k (the words after a cue). */
function quotationAfter(sc: Scanner, k: number): boolean {
  return (sc.lower[k] === ',' || sc.lower[k] === ':') && k + 1 < sc.n && sc.isQuoteOpen(k + 1);
}

/**
 * Extend an inverted source over a role apposition ("said David Axelrod, the top strategist on …")
 * but not over age or home town ("said Mona Lamberson, 59, of North Philadelphia").
 */
function withApposition(sc: Scanner, end: number, s1: number): number {
  const e = withApposition0(sc, end, s1);
  // "said Bernie Sanders, who cites them as …": a relative clause that reports is an attribution of
  // its own (source "who"), and PolNeAR leaves it out of the speaker
  for (let k = end; k + 2 < e; k++) {
    if (sc.lower[k] !== ',' || !REL_PRON.has(sc.lower[k + 1]) || sc.inQuote(k)) continue;
    for (let j = k + 2; j < e && sc.lower[j] !== ','; j++)
      if ((sc.pos[j] === VERB || sc.pos[j] === AUX) && sc.isCue(j)) return k;
  }
  return e;
}

function withApposition0(sc: Scanner, end: number, s1: number): number {
  if (sc.lower[end] !== ',' || end + 1 >= s1) return end;
  const first = end + 1;
  const p = sc.pos[first];
  if (PARTICIPLE_CUES.has(sc.lower[first]) || sc.isQuoteOpen(first)) return end;
  if (p === VERB || p === AUX) return end;
  const last = sc.trimEnd(first, s1);
  // annotators give the speaker everything to the sentence's end: age, home town, role and a
  // relative clause ("said Gonzalez, 55, of Brigantine."), unless a participle or quotation follows
  let k = first;
  while (k < last && !sc.inQuote(k) && !(sc.lower[k] === ',' && trailingParticiple(sc, k + 1))) {
    // "…, said Rep. Cummings, the top Democrat on the committee, in a statement.": the occasion is
    // no part of the speaker, who keeps the comma before it
    if (
      sc.lower[k] === ',' &&
      k + 1 < last &&
      (sc.lower[k + 1] === 'in' || sc.lower[k + 1] === 'on') &&
      objectAdjunct(sc, k + 1, last)
    )
      return k + 1;
    k++;
  }
  if (k === last) return last;
  if (p === NUM || sc.lower[first] === 'of') return end;
  const e = apposEnd(sc, first, last);
  return e > first ? e : end;
}

function isBoundary(sc: Scanner, i: number): boolean {
  return i >= 0 && (sc.lower[i] === ',' || sc.isQuoteClose(i) || sc.lower[i] === '—' || sc.lower[i] === '–');
}

/** End of an apposition starting at `start` ("the head of the Network"), up to `limit` at most. */
function apposEnd(sc: Scanner, start: number, limit: number): number {
  const w = sc.lower[start];
  // "who …,", "including Carly Fiorina and Ben Carson,": a relative clause or a list of members
  if (REL_PRON.has(w) || APPOSITION_OPENERS.has(w)) {
    for (let j = start; j < limit; j++) if (sc.lower[j] === ',') return j;
    return limit;
  }
  let e = sc.npRight(start, limit);
  while (e < limit && sc.pos[e] === ADP && !sc.inQuote(e)) {
    const e2 = sc.npRight(e + 1, limit);
    if (e2 === e + 1) break;
    e = e2;
  }
  // "a former Obama administration official who runs Crosscut Strategies."
  if (
    e > start &&
    e + 1 < limit &&
    (sc.lower[e] === 'who' || sc.lower[e] === 'whose' || sc.lower[e] === 'whom')
  ) {
    let k = e + 1;
    while (k < limit && sc.lower[k] !== ',' && !sc.inQuote(k)) k++;
    if (k === limit) return limit;
  }
  return e === start ? start - 1 : e;
}

/** Split quotes: "“A,” he said, “B.”" and "“A,” he said. “B.”" add the second quotation. */
function addContinuation(sc: Scanner, content: Range[], after: number, s1: number): void {
  const last = content[content.length - 1];
  // the content is quoted speech: it ends in a quotation or opens with one ("''…'' of the plan, X said. ''…''")
  if (!sc.inQuote(last[1] - 1) && !sc.isQuoteOpen(content[0][0])) return;
  let j = after;
  if (j < sc.n && sc.lower[j] === ',' && j + 1 < sc.n && sc.isQuoteOpen(j + 1)) {
    const qo = sc.q.quotes[sc.q.quoteOf[j + 1]];
    content.push([qo.open, qo.close + 1]);
    return;
  }
  j = sc.skipAdjuncts(j, s1);
  // prepositional adjuncts: "said at a campaign stop this week. “…”", "he said of the prospect. “…”"
  // (a verb tag inside one is a noun or a gerund: "campaign stop", "of tampering")
  if (after < s1 && sc.pos[after] === ADP && sc.pos[j] !== PUNCT) {
    let k = after;
    while (k < s1 && !sc.inQuote(k)) {
      const p = sc.pos[k];
      if (p === ADP || p === DET || p === NOUN || p === PROPN || p === ADJ || p === NUM) k++;
      else if (p === VERB && k > after && (sc.pos[k - 1] === NOUN || sc.pos[k - 1] === ADP)) k++;
      // "of Johnson and Weld", "about his support", "CNN’s Jake Tapper", "a sit-down"
      else if (
        k > after &&
        (POSSESSIVES.has(sc.lower[k]) ||
          (sc.lower[k] === 'and' && sc.pos[k - 1] === PROPN) ||
          (p === PART && (sc.lower[k] === "'s" || sc.lower[k] === '’s')) ||
          (sc.lower[k] === '-' && sc.t.start[k] === sc.t.end[k - 1]))
      )
        k++;
      else break;
    }
    if (k < s1 && FINAL_PUNCT.has(sc.lower[k])) j = k;
  }
  const next = sc.followingQuote(j);
  if (next) content.push(next);
}

/** The speaker of a leading cue, and what reading its content needs to know of how it was found. */
interface LeadingSource {
  source: Range | null;
  sharesSourceWith: number | undefined;
  relative: boolean;
  /** The comma before the main clause when the cue sits in a fronted clause, else -1. */
  mainClause: number;
  /** Where the cue starts: before cueStart when the source reading took in a word ("Having announced"). */
  cueFrom: number;
}

/** "X said (that) …", "X told Y (that) …", "X said: “…”", "X denied the report". */
function leadingCue(
  sc: Scanner,
  i: number,
  v: CueVerb,
  done: Attribution[],
  span?: Range,
): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  const cueStart = span ? span[0] : sc.cueStartOf(i, s0);
  const cueEnd = span ? span[1] : sc.cueEndOf(i, v);
  // (the speaker, the content and its end are functions of their own: V8 optimises each alone, and
  // recompiles only the one a rare path deoptimises, not one very large function)
  const lead = leadingSource(sc, i, done, cueStart, cueEnd, s0, s1);
  return lead ? leadingContent(sc, i, v, lead, cueStart, cueEnd, s0, s1) : null;
}

/**
 * The latest attribution of the sentence from s0 with a cue before token i and a speaker, or -1.
 * (A function of its own, not a closure in leadingSource: one per call allocated, and under tsx
 * named itself by a defineProperty.)
 */
function sameSentence(done: readonly Attribution[], s0: number, i: number): number {
  for (let k = done.length - 1; k >= 0; k--) {
    const d = done[k];
    if (d.cue[0] >= s0 && d.cue[0] < i && (d.source || d.sharesSourceWith !== undefined)) return k;
  }
  return -1;
}

/** The speaker of a leading cue ("X said", "…, adding", "who said", "Noting that …, X said"), or null. */
function leadingSource(
  sc: Scanner,
  i: number,
  done: Attribution[],
  cueStart: number,
  cueEnd: number,
  s0: number,
  s1: number,
): LeadingSource | null {
  let source: Range | null = null;
  let sharesSourceWith: number | undefined;
  let relative = false;
  // the comma before the main clause when the cue sits in a fronted clause ("After saying …, the man …")
  let mainClause = -1;
  let cueFrom = cueStart;
  const prev = cueStart - 1;
  const rel = relativeBeforeTime(sc, prev, s0);
  // "Noting that …, Trump reminded Americans …": a participle opening the sentence; its speaker is
  // the subject of the main clause
  // "Having announced that …, Judge Berman proceeded …": a perfect participle opening the sentence
  const having = prev === s0 && sc.lower[prev] === 'having' && sc.isParticiple(i);
  const opening =
    (cueStart === s0 && PARTICIPLE_CUES.has(sc.lower[i])) || having ? subjectAfterComma(sc, i, s1) : null;
  if (opening) {
    source = opening;
    mainClause = opening[0] - 1;
    if (having) cueFrom = prev;
  } else if (prev >= s0 && REL_PRON.has(sc.lower[prev])) {
    source = [prev, prev + 1];
    relative = true;
  } else if (rel >= 0) {
    // "McConnell, who in 2010 said …": a time adjunct between the relative pronoun and its cue
    source = [rel, rel + 1];
    relative = true;
  } else if (
    prev >= s0 &&
    ((commaBefore(sc, prev) &&
      // (not "Cruz, who won Texas, is calling for …": an auxiliary makes the participle a finite verb)
      ((PARTICIPLE_CUES.has(sc.lower[i]) && !auxBetween(sc, cueStart, i)) ||
        (sc.lower[i].endsWith('ing') && cueStart === i) ||
        sc.lower[cueStart] === 'going')) ||
      (GERUND_PREPS.has(sc.lower[prev]) && PARTICIPLE_CUES.has(sc.lower[i]) && cueStart === i))
  ) {
    // "…, adding that …": the subject of the main clause speaks again
    const k = sameSentence(done, s0, i);
    if (k >= 0) {
      sharesSourceWith = done[k].sharesSourceWith ?? k;
      source = done[sharesSourceWith].source;
    } else {
      // "Clinton seemed ready to …, telling the crowd …": the sentence subject, after a fronted
      // adjunct ("On Monday night, Clinton leaned in …, painting Trump as …")
      const b = adverbsSkipped(sc, frontedAdjunctEnd(sc, s0, prev), prev);
      let e = withPrepositions(sc, b, sc.npRight(b, prev), prev);
      // "Dean, a medical doctor, then appeared …, saying …": the subject with its apposition; "Sen.
      // Mark Kirk, R-Ill., who faces a tough race, rescinded …, saying …": with its asides
      for (let n = 0; n < 3 && e > b && e + 1 < prev && sc.lower[e] === ',' && sc.isCapitalised(b); n++) {
        let a = apposEnd(sc, e + 1, prev);
        // an abbreviation's period before the comma: "R-Ill.,"
        if (a > e + 1 && sc.lower[a] === '.' && sc.lower[a + 1] === ',') a++;
        if (!(a > e + 1 && a + 1 < prev && sc.lower[a] === ',')) break;
        const p = sc.pos[a + 1];
        if (p === VERB || p === AUX || p === ADV) {
          e = a + 1;
          break;
        }
        e = a;
      }
      if (
        e > b &&
        e < prev &&
        (sc.pos[e] === VERB || sc.pos[e] === AUX || sc.pos[e] === ADV || timeBeforeVerb(sc, e, prev)) &&
        sc.free(b, e)
      )
        source = [b, e];
      // "After saying he was nervous …, the man ended up …": a fronted gerund clause; its speaker
      // is the subject of the main clause after the comma
      else if (prev === s0 && GERUND_PREPS.has(sc.lower[prev])) {
        source = subjectAfterComma(sc, i, s1);
        if (source) mainClause = source[0] - 1;
      }
    }
    if (!source) return null;
  } else if (prev >= s0 && (sc.lower[prev] === 'and' || sc.lower[prev] === 'but')) {
    // "X denied this and demanded that …": a second verb with the same subject
    const k = sameSentence(done, s0, i);
    if (k >= 0) {
      sharesSourceWith = done[k].sharesSourceWith ?? k;
      source = done[sharesSourceWith].source;
    } else {
      // "Reid caucused in Nevada and says he voted …": the subject of the first verb, after a
      // fronted adjunct and with its apposition ("On Thursday, Obama, in Ottawa, met … and said …")
      const b = adverbsSkipped(sc, frontedAdjunctEnd(sc, s0, prev), prev);
      let e = withPrepositions(sc, b, sc.npRight(b, prev), prev);
      if (e > b && e + 1 < prev && sc.lower[e] === ',' && sc.isCapitalised(b)) {
        const a = apposEnd(sc, e + 1, prev);
        if (a > e + 1 && a + 1 < prev && sc.lower[a] === ',') e = a + 1;
      }
      if (
        e > b &&
        e < prev &&
        (sc.pos[e] === VERB || sc.pos[e] === AUX || sc.pos[e] === ADV || timeBeforeVerb(sc, e, prev)) &&
        sc.free(b, e)
      )
        source = [b, e];
    }
    if (!source) return null;
  } else if (prev > s0 && spacedDash(sc, prev) && dashAsideSubject(sc, prev, s0)) {
    // "Many speakers at the service — including Muslims, Christians, Jews — said …": the subject
    // with its aside between dashes
    source = dashAsideSubject(sc, prev, s0);
  } else if (prev >= s0 && sc.lower[prev] === ',') {
    for (let j = prev - 1, commas = 0; j >= s0 && commas < 4; j--) {
      if (sc.inQuote(j)) break;
      if (sc.lower[j] !== ',') continue;
      commas++;
      let np = sc.npLeft(j, s0);
      // "Exit polls from the primary, which Trump won, showed …": the head the phrase attaches to
      if (np < j && !sc.subjectPosition(np, s0)) {
        const head = headLeft(sc, np, s0);
        if (head < np && sc.subjectPosition(head, s0)) np = head;
      }
      if (np < j && sc.subjectPosition(np, s0)) {
        // a relative clause already given to an attribution leaves the bare name as source; an
        // aside that is not a noun phrase ("Trump, speaking to veterans, said") is not the speaker
        const ap = sc.pos[j + 1];
        const nounAside =
          ap === DET ||
          ap === NOUN ||
          ap === PROPN ||
          ap === ADJ ||
          ap === NUM ||
          REL_PRON.has(sc.lower[j + 1]) ||
          APPOSITION_OPENERS.has(sc.lower[j + 1]) ||
          // "Donald Trump, her Republican opponent,", "Johnnie Wilson, of Springfield, Va.,"
          POSSESSIVES.has(sc.lower[j + 1]) ||
          sc.lower[j + 1] === 'of';
        // "Ted Cruz, who won Oklahoma, …": a relative clause on a name the article has introduced
        // comments on the speaker, and PolNeAR leaves it out; one that introduces the speaker stays
        const known = REL_PRON.has(sc.lower[j + 1]) && sc.isCapitalised(j - 1) && sc.seenBefore(j - 1);
        source = sc.free(np, prev + 1) && nounAside && !known ? [np, prev + 1] : [np, j];
        const named = nameBeforeApposition(sc, np, s0, prev);
        if (named) source = named;
        break;
      }
    }
    if (!source && reportsClause(sc, i, cueEnd, s1)) source = clauseSubject(sc, cueStart, s0);
    if (!source) return null;
  } else {
    // "Carter however said …": a sentence adverb between the subject and its cue
    const npEnd =
      prev > s0 && SENTENCE_ADV.has(sc.lower[prev]) && !sc.inQuote(prev) && sc.isNominal(prev - 1)
        ? prev
        : cueStart;
    const np = sc.npLeft(npEnd, s0);
    const conj = np < npEnd ? lastAnd(sc, np, npEnd) : -1;
    const pron = npEnd - 1;
    // "In an interview on Sunday he said …": a subject pronoun before its verb, after a fronted
    // adjunct without its comma
    if (
      pron > s0 &&
      SUBJECT_PRONOUNS.has(sc.lower[pron]) &&
      sc.lower[pron] !== 'it' &&
      sc.pos[pron] === PRON &&
      !sc.inQuote(pron) &&
      sc.free(pron, npEnd) &&
      !(np < pron && sc.subjectPosition(np, s0)) &&
      frontedAdjunctOnly(sc, s0, pron)
    )
      source = [pron, npEnd];
    else if (
      np < npEnd &&
      (sc.subjectPosition(np, s0) || (np > s0 && RELATIVE_CONTENT.has(sc.lower[np - 1])))
    )
      source = [np, sc.npEnd];
    // "… mishandled the case and Democrats accused …": the phrase read leftwards ran over the
    // "and" joining two clauses into the first one's object; the subject is the last conjunct
    else if (conj > np && conj + 1 < npEnd && np > s0 && (sc.pos[np - 1] === VERB || sc.pos[np - 1] === ADP))
      source = [conj + 1, sc.npEnd];
    else if (np < cueStart && sc.pos[s0] === ADP && frontedName(sc, np, cueStart))
      // "In a Bloomberg interview Trump declared …": the name after a fronted adjunct without its comma
      source = frontedName(sc, np, cueStart);
    else
      source =
        relativeSubject(sc, cueStart, s0) ??
        publishedSubject(sc, cueStart, s0) ??
        subjectBeforeTime(sc, cueStart, s0) ??
        prepositionalSubject(sc, np, cueStart, s0) ??
        (reportsClause(sc, i, cueEnd, s1) ? clauseSubject(sc, cueStart, s0) : null);
    if (!source) return null;
  }
  // "Friday, Texas, leading a coalition of 13 states, sued …": a fronted day is no part of the speaker
  while (
    source &&
    source[1] - source[0] > 2 &&
    TEMPORAL_WORDS.has(sc.lower[source[0]]) &&
    sc.lower[source[0] + 1] === ','
  )
    source = [source[0] + 2, source[1]];
  // "Citing the polls, the senator said …": the subject an opening participle already took speaks again
  if (source && sharesSourceWith === undefined && !sc.free(source[0], source[1])) {
    const src = source;
    const k = done.findIndex(
      (d) => d.rule === 'leading' && d.source?.[0] === src[0] && d.source?.[1] === src[1],
    );
    if (k < 0 || done[k].cue[0] !== sc.sentStart[i]) return null;
    sharesSourceWith = k;
  }
  return { source, sharesSourceWith, relative, mainClause, cueFrom };
}

/** The addressee and content of a leading cue whose speaker is found. */
function leadingContent(
  sc: Scanner,
  i: number,
  v: CueVerb,
  lead: LeadingSource,
  cueStart: number,
  cueEnd: number,
  s0: number,
  s1: number,
): Attribution | null {
  const { sharesSourceWith, relative, mainClause } = lead;
  let { source } = lead;
  const cue: Range = [lead.cueFrom, cueEnd];
  // addressee
  let j = cueEnd;
  let addressee: Range | null = null;
  // ("warned against the forces of hate": after its particle the cue takes an object, no addressee)
  const particle =
    cueEnd > i + 1 && !sc.inQuote(cueEnd - 1) && CUE_PARTICLES[v.lemma]?.has(sc.lower[cueEnd - 1]);
  if (v.frame === 'tell' && !particle) {
    const that = thatAhead(sc, j, s1);
    if (that > j) {
      addressee = [j, that];
      j = that;
    } else {
      let e = sc.npRight(j, s1);
      // "told reporters the plan would fail": the phrase reader ran on over the subject of a bare
      // clause; the addressee ends before the determiner that opens it
      if (e > j + 1 && e < s1 && finiteAt(sc, e)) {
        for (let k = j + 1; k < e; k++) {
          if (
            sc.pos[k] === DET &&
            (sc.pos[k - 1] === NOUN || sc.pos[k - 1] === PROPN || sc.pos[k - 1] === PRON)
          ) {
            e = k;
            break;
          }
        }
      }
      // ("warned that supplies …": a "that" the tagger took for a determiner opens the content)
      if (e > j && !TIME_WORDS.has(sc.lower[j]) && sc.lower[j] !== 'that') {
        addressee = [j, e];
        j = e;
      }
    }
  } else if (v.frame === 'ask' && v.stance !== 'accuse') {
    // "asked workers if …", "urged Congress to act": the addressee, then the question or request
    const e = sc.npRight(j, s1);
    if (e > j && e < s1 && ASK_CONTENT.has(sc.lower[e])) {
      addressee = [j, e];
      // "urged Congress to act": the request is the addressee doing something; a question
      // ("asked Sanders whether …") leaves the addressee out
      if (sc.lower[e] !== 'to') j = e;
    }
  } else if (v.stance === 'accuse' && v.frame === 'ask') {
    // "accused Baku of violating …": the accused is the addressee; the content, as PolNeAR
    // annotates it, is the whole object "Baku of violating …"
    const e = sc.npRight(j, s1);
    for (let k = j + 1; k <= e && k < s1; k++) {
      if ((sc.lower[k] === 'of' || sc.lower[k] === 'for') && (k === e || sc.lower[k + 1].endsWith('ing'))) {
        addressee = [j, k];
        break;
      }
    }
  }
  j = sc.skipAdjuncts(j, s1);
  // "He believes, for example, that …": a parenthetical adjunct between the cue and its that-clause
  if (j + 2 < s1 && sc.lower[j] === ',' && !sc.inQuote(j) && v.frame !== 'obj') {
    for (let k = j + 2; k < s1 && k <= j + 7 && !sc.inQuote(k); k++) {
      if (sc.lower[k] !== ',') continue;
      if (k + 2 < s1 && sc.lower[k + 1] === 'that' && sc.pos[k + 2] !== VERB && sc.pos[k + 2] !== AUX)
        j = k + 1;
      break;
    }
  }
  // "said — on Twitter, as it happens — that …": an aside between dashes before the that-clause
  if (j + 2 < s1 && DASHES.has(sc.lower[j]) && !sc.inQuote(j) && v.frame !== 'obj') {
    for (let k = j + 2; k + 1 < s1 && k <= j + 12 && !sc.inQuote(k); k++) {
      if (!DASHES.has(sc.lower[k])) continue;
      if (sc.lower[k + 1] === 'that') j = k + 1;
      break;
    }
  }
  if (j < s1 && sc.lower[j] === ':' && !sc.inQuote(j) && !sc.used[j]) {
    // "X added:" takes its colon into the cue and what follows it to the end of the paragraph
    // (the next paragraph when the colon ends one), quoted or not
    if (!addressee) cue[1] = j + 1;
    j++;
    if (j < sc.n && !sc.used[j] && !sc.isQuoteOpen(j)) {
      const pe = sc.trimEnd(j, sc.paragraphEnd(j + 1));
      if (pe > j && sc.free(j, pe) && hasContent(sc, j, pe)) return mk([[j, pe]], false);
      return null;
    }
    j--;
  }
  if (j < s1 && (sc.lower[j] === ',' || sc.lower[j] === ':') && !sc.inQuote(j)) j++;
  if (j >= s1) {
    // "X said:" at a paragraph end, the quotation in the next paragraph
    if (j < sc.n && sc.isQuoteOpen(j) && sc.lower[j - 1] === ':') {
      const qo = sc.q.quotes[sc.q.quoteOf[j]];
      return mk([[qo.open, qo.close + 1]], true);
    }
    return null;
  }
  // "says of Clinton, “If she gets …”": the topic before the words
  // ("added about Carson: “…”")
  if ((sc.lower[j] === 'of' || sc.lower[j] === 'about') && v.frame === 'say') {
    const e = sc.npRight(j + 1, s1);
    if (e > j + 1 && e < s1 && (sc.lower[e] === ',' || sc.lower[e] === ':' || sc.isQuoteOpen(e)))
      j = sc.lower[e] === ',' || sc.lower[e] === ':' ? e + 1 : e;
  }
  // "had said in an ABC interview taped before the attacks that …", "said before attending the town
  // hall that …": an adjunct the phrase reader could not skip, then the that-clause
  if (
    (v.frame === 'say' || v.frame === 'think') &&
    ((sc.pos[j] === ADP && sc.lower[j] !== 'that') || (sc.pos[j] === VERB && !sc.isCue(j)))
  ) {
    const that = thatAfterAdjunct(sc, j, s1);
    if (that > j) j = that;
  }
  const first = sc.lower[j];
  // "pledged to “win many hundreds of delegates”": the tagger takes an infinitive's "to" before a
  // quotation for a preposition
  const quotedInfinitive = first === 'to' && j + 2 < s1 && sc.isQuoteOpen(j + 1) && sc.pos[j + 2] === VERB;
  if (
    sc.pos[j] === ADP &&
    first !== 'that' &&
    v.frame !== 'obj' &&
    !CLAUSE_OPENERS.has(first) &&
    !quotedInfinitive &&
    // "said about half of the adjustment reflected …": a quantity opening the reported clause
    !(QUANT_ADV.has(first) && j + 1 < s1 && (sc.pos[j + 1] === NUM || sc.lower[j + 1] === 'half'))
  )
    return null;
  // "called for increased regulation": a participle before its noun opens a noun phrase
  const adjectival =
    sc.pos[j] === VERB &&
    sc.isParticiple(j) &&
    j + 1 < s1 &&
    (sc.pos[j + 1] === NOUN || sc.pos[j + 1] === ADJ);
  if (
    (sc.pos[j] === VERB || sc.pos[j] === AUX) &&
    !sc.isCapitalised(j) &&
    !sc.lower[j].endsWith('ing') &&
    !adjectival
  ) {
    // "what many analysts said was a sign of …", "moves that he said improved …": the relative
    // pronoun and the rest of its clause are what was said
    const rel = source ? source[0] - 1 : -1;
    if (rel < s0 || !RELATIVE_CONTENT.has(sc.lower[rel]) || sc.used[rel] || sharesSourceWith !== undefined)
      return null;
    let e = j + 1;
    while (e < s1 && !sc.used[e] && (sc.inQuote(e) || (sc.lower[e] !== ',' && sc.lower[e] !== ';'))) e++;
    e = sc.trimEnd(j, e);
    if (e <= j) return null;
    return mk(
      [
        [rel, rel + 1],
        [j, e],
      ],
      false,
    );
  }
  if (sc.pos[j] === PUNCT && !sc.isQuoteOpen(j)) return null;
  // "Paul then interjected, calling the credit “a welfare payment”": the participle makes the report
  if (j > cueEnd && sc.lower[j - 1] === ',' && v.frame === 'say' && PARTICIPLE_CUES.has(sc.lower[j]))
    return null;
  // content: a quotation, or the rest of the sentence
  if (sc.isQuoteOpen(j)) {
    const qo = sc.q.quotes[sc.q.quoteOf[j]];
    let k = qo.close + 1;
    while (k < sc.n && FINAL_PUNCT.has(sc.lower[k]) && !sc.inQuote(k)) k++;
    const endsSentence =
      k >= sc.n || sc.sentStart[k] !== sc.sentStart[qo.close] || paragraphBreakBefore(sc.text, sc.t, k);
    // "in what Mr. Hedge called ''the prior economy model,'' the club …": after "what", the
    // quotation is all that was said
    const whatBefore = source !== null && source[0] - 1 >= s0 && sc.lower[source[0] - 1] === 'what';
    if (endsSentence || qo.close >= s1 || whatBefore) return mk([[qo.open, qo.close + 1]], true);
  }
  // "Though Obama has said …": the subordinator the tagger joined to the name opens the clause
  if (source && source[1] - source[0] > 1 && FRONTED_SUBORDINATORS.has(sc.lower[source[0]]))
    source = [source[0] + 1, source[1]];
  // the subject follows a subordinator opening the sentence ("While Trump said …, he …", "Even as
  // Trump vowed …, public sentiment …")
  const sub = source ? source[0] - 1 : -1;
  const fronted =
    sub >= s0 &&
    FRONTED_SUBORDINATORS.has(sc.lower[sub]) &&
    (sub <= s0 + 1 ||
      sc.lower[sub - 1] === ',' ||
      sc.lower[sub - 1] === 'but' ||
      sc.lower[sub - 1] === 'and');
  const objectFrame = v.frame === 'obj' && first !== 'that' && sc.pos[j] !== PART && first !== 'to';
  // "… contends that …, and Brian Deese, the adviser, said …": a report of its own ends the content
  const inner = embeddedReport(sc, j, s1, v.frame === 'obj');
  let end = contentEnd(sc, i, j, inner, s0, s1, cueStart, relative, fronted, objectFrame);
  if (end < 0) return null;
  if (mainClause > j && mainClause < end) end = mainClause;
  if (inner < end) end = inner;
  end = sc.trimEnd(j, end);
  if (end <= j) return null;
  if (
    !hasContent(sc, j, end) &&
    !(end - j === 1 && (sc.isNominal(j) || ANAPHORS.has(sc.lower[j]) || YES_NO.has(sc.lower[j])))
  )
    return null;
  return mk([[j, end]], sc.isQuoteOpen(j));

  function mk(content: Range[], direct: boolean): Attribution {
    // "which he says he is doing …", "what Trump says his plan would do": the relative pronoun
    // before the speaker stands for part of what was said
    const rel = source && sharesSourceWith === undefined && !relative ? source[0] - 1 : -1;
    if (
      rel >= s0 &&
      (sc.lower[rel] === 'what' || sc.lower[rel] === 'which') &&
      !sc.used[rel] &&
      !sc.inQuote(rel) &&
      content.length > 0 &&
      content[0][0] > rel
    )
      content = [[rel, rel + 1], ...content];
    return { cue, source, content, verb: v, addressee, direct, rule: 'leading', sharesSourceWith };
  }
}

/** Where the content of a leading cue that starts at j ends (at most `inner`), or -1: it is no report. */
function contentEnd(
  sc: Scanner,
  i: number,
  j: number,
  inner: number,
  s0: number,
  s1: number,
  cueStart: number,
  relative: boolean,
  fronted: boolean,
  objectFrame: boolean,
): number {
  let end = s1;
  for (let k = j; k < inner; k++) {
    if (sc.used[k]) {
      end = k;
      break;
    }
    // "… “Biggest Loser,” protesters chanted, “…”": after a quotation, a new speaker and cue leading
    // the next quotation
    if (k > j && sc.isQuoteClose(k) && k + 2 < s1 && !sc.inQuote(k + 1)) {
      const e = sc.npRight(k + 1, s1);
      const v2 = e > k + 1 && e - k <= 6 && e < s1 && sc.pos[e] === VERB ? sc.isCue(e) : null;
      if (v2 && quotationAfter(sc, sc.cueEndOf(e, v2))) {
        end = k + 1;
        break;
      }
    }
    // "… “was maniacal,” adding, “…”": a participle of a cue after a quotation closing on its comma
    // is a report of its own
    if (k > j && sc.isQuoteClose(k) && commaBefore(sc, k) && k + 1 < s1 && participleCue(sc, k + 1)) {
      end = k + 1;
      break;
    }
    if (sc.inQuote(k)) continue;
    const w = sc.lower[k];
    // "… said that A, and that B", "… supports X, but not Y": a second that-clause or a negated
    // alternative goes on with the report (train: 23 of 23 ", and that", 11 of 13 ", but that/not")
    if (!relative && (w === ',' || w === 'and' || w === 'but')) {
      const c = w === ',' ? k + 1 : k;
      const cw = sc.lower[c];
      const nw = c + 1 < s1 ? sc.lower[c + 1] : '';
      if ((cw === 'and' || cw === 'but') && (nw === 'that' || (cw === 'but' && nw === 'not'))) {
        k = c;
        continue;
      }
    }
    if (relative && w === ',') {
      end = k;
      break;
    }
    // "… signaled that it would make a deal, Mr. Barrett said, “…”": a new speaker and cue end the content
    if (w === ',' && k > j && k + 2 < s1 && !relative) {
      const e = sc.npRight(k + 1, s1);
      // "Making the rounds on the Sunday shows, Carson said he …": a new subject and its own cue
      // opening a clause
      const clause =
        sc.lower[e + 1] === ',' ||
        (e + 1 < s1 &&
          (sc.lower[e + 1] === 'that' || sc.pos[e + 1] === PRON || sc.isQuoteOpen(e + 1)) &&
          (sc.isCapitalised(k + 1) || sc.pos[k + 1] === DET));
      if (e > k + 1 && e - k <= 5 && e < s1 && ALWAYS_VERBS.has(sc.lower[e]) && clause) {
        end = k;
        break;
      }
    }
    // "Jason Sorens, the founder of a group that encourages …, said …": this cue sits in an
    // apposition of the subject of the verb that follows it; that verb makes the report
    if (w === ',' && k + 1 < s1 && ALWAYS_VERBS.has(sc.lower[k + 1]) && inSubjectApposition(sc, s0, cueStart))
      return -1;
    // "responded … by saying that …": a reporting gerund after a preposition is a report of its own
    if (k > j && GERUND_PREPS.has(w) && k + 1 < s1 && PARTICIPLE_CUES.has(sc.lower[k + 1])) {
      end = k;
      break;
    }
    // "… — though …", "… - a charge that might have stung, since …": a clause after a spaced dash
    // comments on the report; a bare noun phrase ("- a suspect with a warrant") is still part of it
    if (k > j && k + 1 < s1 && DASH_ASIDE_OPENERS.has(sc.lower[k + 1]) && spacedDash(sc, k)) {
      let e = k + 2;
      while (e < s1 && !sc.inQuote(e) && !DASHES.has(sc.lower[e])) e++;
      if (!DETERMINERS.has(sc.lower[k + 1]) || verbBetween(sc, k + 2, e)) {
        end = k;
        break;
      }
    }
    // a semicolon opens a new clause, no longer the report
    if (w === ';' || (objectFrame && k > j && DASHES.has(w) && w !== '-')) {
      end = k;
      break;
    }
    if (w === ',' && k + 1 < s1 && (commentAfterComma(sc, k + 1, s1) || contentStop(sc, k + 1))) {
      end = k;
      break;
    }
    // "… has railed against the Trans-Pacific Partnership, the 12-country trade deal …": an
    // apposition closing the sentence describes the last noun; annotators leave it out
    if (w === ',' && k > j && finalApposition(sc, k + 1, s1)) {
      end = k;
      break;
    }
    // "Although X said that …, he …": a report in a fronted clause ends where the main clause starts
    if (w === ',' && fronted && k > j && k + 2 < s1 && mainClauseAt(sc, k + 1, s1)) {
      end = k;
      break;
    }
    // "… as he accepted the nomination": a time clause after the report
    if (
      w === 'as' &&
      k > j &&
      k + 2 < s1 &&
      sc.pos[k + 1] === PRON &&
      !NOT_SUBJECT_PRON.has(sc.lower[k + 1]) &&
      !POSSESSIVES.has(sc.lower[k + 1]) &&
      (sc.pos[k + 2] === VERB || sc.pos[k + 2] === AUX)
    ) {
      end = k;
      break;
    }
    // "attacked Machado in early-morning tweets", "criticized the law during a stop in Flint": an
    // adjunct after a noun-phrase object is not what was said
    if (objectFrame && k > j && sc.pos[k] === ADP && objectAdjunct(sc, k, s1)) {
      end = k;
      break;
    }
    // "chastised Clinton for … but did not recommend …": a second verb phrase ends a noun-phrase object
    if (objectFrame && (w === 'and' || w === 'but') && k > j && k + 1 < s1) {
      const nx = sc.pos[k + 1] === ADV && k + 2 < s1 ? k + 2 : k + 1;
      const p = sc.pos[nx];
      const nw = sc.lower[nx];
      // not "unsubstantiated and fabricated", nor verbs inside a clause of the object ("a nation that borders …")
      if (
        (p === AUX || (p === VERB && !nw.endsWith('ing') && !(nw.endsWith('ed') && sc.pos[k - 1] === ADJ))) &&
        !verbBetween(sc, j, k)
      ) {
        end = k;
        break;
      }
    }
    // "called him a “nice guy” and he didn't provide …", "declared X and President Obama expanded
    // …": a clause with its own subject ends a noun-phrase object
    if (objectFrame && (w === 'and' || w === 'but') && k > j && k + 2 < s1 && !sc.inQuote(k + 1)) {
      let v = k + 1;
      if (SUBJECT_PRONOUNS.has(sc.lower[v]) && sc.pos[v] === PRON) v++;
      else while (v < s1 && v < k + 5 && sc.isCapitalised(v) && sc.pos[v] !== VERB) v++;
      while (v < s1 && sc.pos[v] === ADV) v++;
      const vw = sc.lower[v];
      if (
        v > k + 1 &&
        v < s1 &&
        (sc.pos[v] === AUX || (sc.pos[v] === VERB && !vw.endsWith('ing') && !sc.isCapitalised(v)))
      ) {
        end = k;
        break;
      }
    }
    // "… and said that …": a second verb of the same subject ends the content
    if ((w === 'and' || w === 'but') && k > j && k + 1 < s1) {
      let nx = sc.pos[k + 1] === ADV && k + 2 < s1 ? k + 2 : k + 1;
      // "… and he noted that …": a new subject pronoun and its own cue
      if (POSSESSIVES.has(sc.lower[nx]) && !sc.inQuote(nx)) nx = sayingAfterSubject(sc, nx, s1);
      else if (sc.pos[nx] === PRON && !NOT_SUBJECT_PRON.has(sc.lower[nx]) && nx + 1 < s1) nx++;
      // "… mishandled the investigation and Democrats accused the GOP …": a short name as new subject
      else if (sc.isCapitalised(nx) && !sc.inQuote(nx)) {
        let e = nx;
        while (e < s1 && e < nx + 3 && sc.isCapitalised(e)) e++;
        if (e < s1 && (sc.pos[e] === VERB || sc.pos[e] === AUX)) nx = e;
        else nx = sayingAfterSubject(sc, nx, s1);
      }
      // "… claimed responsibility but U.S. officials have said they …", "… and others say …": a
      // noun phrase as new subject, then (auxiliaries and) a verb of saying
      else if (!sc.inQuote(nx) && (sc.pos[nx] === DET || sc.pos[nx] === NOUN || sc.pos[nx] === ADJ))
        nx = sayingAfterSubject(sc, nx, s1);
      // (a verb of saying; "… held no fundraising dinners and never called a donor" goes on with
      // the reported clause's own subject)
      let v2 = sc.pos[nx] === VERB || sc.pos[nx] === AUX ? sc.isCue(nx) : null;
      // "… and pledges to stand firm", "… and jokes about her hair": an -s form of a cue verb the
      // tagger read as a plural noun, after an -s cue
      if (
        !v2 &&
        nx === k + 1 &&
        sc.pos[nx] === NOUN &&
        sc.lower[i].endsWith('s') &&
        sc.lower[nx].endsWith('s') &&
        (sc.cls[nx] & CUE) !== 0 &&
        nx + 1 < s1 &&
        (sc.lower[nx + 1] === 'to' ||
          sc.pos[nx + 1] === ADP ||
          sc.pos[nx + 1] === DET ||
          sc.isQuoteOpen(nx + 1))
      )
        v2 = CUE_VERBS.get(sc.lower[nx]) ?? null;
      if (
        v2 &&
        ((v2.frame !== 'obj' && v2.frame !== 'think') || objectFrame || sameFormVp(sc, i, nx, j, k))
      ) {
        end = k;
        break;
      }
    }
  }
  return end;
}

/**
 * "He said he found Trump charming and called his standing …": a second verb in the cue's own form
 * (past after a past cue, -s after an -s cue) right after "and" goes on from the cue's subject, when
 * the reported clause [j, k) has a verb of another form.
 */
function sameFormVp(sc: Scanner, cue: number, v2: number, j: number, k: number): boolean {
  if (v2 !== k + 1) return false;
  const form = (w: string) =>
    w.endsWith('ed') || w === 'said' || IRREGULAR_PAST.has(w) ? 'past' : w.endsWith('s') ? 's' : '';
  const f = form(sc.lower[cue]);
  if (!f || form(sc.lower[v2]) !== f) return false;
  for (let m = j; m < k; m++)
    if (sc.pos[m] === VERB && !sc.inQuote(m) && form(sc.lower[m]) === f) return false;
  return true;
}

/**
 * Tokens [s0, k) are only a fronted adjunct ("In an interview on Sunday", "Last week in Ohio", "A
 * few days ago"): they open with a preposition or a time word and hold no verb, so a pronoun at k is
 * the subject (not "the competence she promised", a noun with a relative clause).
 */
function frontedAdjunctOnly(sc: Scanner, s0: number, k: number): boolean {
  const w = sc.lower[s0];
  const opens =
    sc.pos[s0] === ADP ||
    TIME_WORDS.has(w) ||
    TEMPORAL_WORDS.has(w) ||
    (sc.pos[s0] === DET && s0 + 1 < k && TIME_NOUN_AFTER_DET.has(sc.lower[s0 + 1]));
  if (!opens || k - s0 < 2) return false;
  for (let m = s0; m < k; m++) {
    const p = sc.pos[m];
    if (p === VERB || p === AUX || sc.lower[m] === ',' || sc.inQuote(m)) return false;
  }
  return true;
}

/** The verb of saying after a short subject starting at `nx` ("U.S. officials have said"), or `nx`. */
function sayingAfterSubject(sc: Scanner, nx: number, s1: number): number {
  const e = sc.npRight(nx, s1);
  let f = e;
  while (f < s1 && f < e + 3 && (sc.pos[f] === AUX || sc.pos[f] === ADV)) f++;
  const v = e > nx && e - nx <= 5 && f < s1 && sc.pos[f] === VERB && !sc.inQuote(f) ? sc.isCue(f) : null;
  return v && (v.frame === 'say' || v.frame === 'tell') ? f : nx;
}

/**
 * Any verb that follows a quotation with only its subject between ("“Promise mama …,” Blige sings"),
 * or right after it ("“…,” sang Blige"): the verb introduces the quotation.
 */
function afterQuotation(sc: Scanner, i: number): boolean {
  if (sc.pos[i] !== VERB || i === 0) return false;
  // ("“Lyin'” Ted Cruz": a capitalised word after a quotation is a name, not a verb in -ed)
  if (sc.isCapitalised(i)) return false;
  const w = sc.lower[i];
  if (!(w.endsWith('ed') || w.endsWith('s') || IRREGULAR_PAST.has(w))) return false;
  const s0 = sc.sentStart[i];
  // cheap test first: a closing quotation mark within a few tokens before
  let near = false;
  for (let k = i - 1; k >= s0 && k >= i - 7 && !near; k--) near = sc.isQuoteClose(k);
  if (!near) return false;
  const cueStart = sc.cueStartOf(i, s0);
  if (sc.isQuoteClose(cueStart - 1)) return true;
  const np = sc.npLeft(cueStart, s0);
  return np < cueStart && np > s0 && sc.isQuoteClose(np - 1) && np >= cueStart - 4;
}

/** Past forms without -ed that introduce quotations ("sang", "wrote"). */
const IRREGULAR_PAST = new Set([
  'read',
  'sang',
  'wrote',
  'spoke',
  'thought',
  'felt',
  'began',
  'went',
  'shot',
  'told',
]);

/** Start of the main clause after a fronted adjunct ending in a comma ("On Thursday, however, Trump …"). */
function frontedAdjunctEnd(sc: Scanner, s0: number, limit: number): number {
  // "But a few days later, Trump …": a conjunction before the adjunct
  if (s0 + 1 < limit && sc.pos[s0] === CCONJ) s0++;
  // "While Clinton has condemned the proposal, the groups … say …": a fronted adverbial clause
  if (FRONTED_CLAUSE_OPENERS.has(sc.lower[s0])) {
    for (let c = s0 + 2; c < limit && c < s0 + 25; c++) {
      if (sc.inQuote(c)) break;
      if (sc.lower[c] === ',') return c + 1 < limit ? c + 1 : s0;
    }
    return s0;
  }
  const p = sc.pos[s0];
  // "Facing mounting criticism from both parties, Mr. Trump …", "Hours later, Trump …": a fronted
  // participial phrase or a time phrase, up to its comma
  const w0 = sc.lower[s0];
  if (
    (p === VERB && (w0.endsWith('ing') || sc.isParticiple(s0)) && (!sc.isCue(s0) || sc.used[s0])) ||
    (s0 + 1 < limit && RELATIVE_TIME.has(sc.lower[s0 + 1]) && sc.lower[s0 + 2] === ',')
  ) {
    for (let c = s0 + 1; c < limit && c < s0 + 15; c++) {
      if (sc.inQuote(c)) break;
      if (sc.lower[c] === ',') return c + 1 < limit ? c + 1 : s0;
    }
    return s0;
  }
  if (
    p !== ADP &&
    p !== ADV &&
    !TIME_WORDS.has(sc.lower[s0]) &&
    !(sc.pos[s0] === DET && s0 + 1 < limit && TIME_NOUN_AFTER_DET.has(sc.lower[s0 + 1]))
  )
    return s0;
  let k = s0;
  for (let n = 0; n < 3; n++) {
    let c = k;
    while (c < limit && c < k + 12 && sc.lower[c] !== ',' && sc.pos[c] !== VERB && sc.pos[c] !== AUX) c++;
    if (sc.lower[c] !== ',' || c + 1 >= limit) return k;
    k = c + 1;
    // "However," "then," after the adjunct; "At an event in Ames, Iowa, on Sunday,": a state and a
    // time go on with it
    if (!(sc.pos[k] === ADV && sc.lower[k + 1] === ',') && !adjunctGoesOn(sc, k, limit)) return k;
  }
  return k;
}

/** Tokens from k up to a comma are a place name ("Iowa,") or a time ("on Sunday,"). */
function adjunctGoesOn(sc: Scanner, k: number, limit: number): boolean {
  let c = k;
  while (c < limit && c < k + 4 && sc.lower[c] !== ',') c++;
  if (c >= limit || sc.lower[c] !== ',' || c === k) return false;
  if (sc.pos[k] === ADP && (sc.lower[k] === 'on' || sc.lower[k] === 'in')) return sc.temporal(k + 1, c);
  for (let m = k; m < c; m++) if (!sc.isCapitalised(m) && sc.lower[m] !== '.') return false;
  return sc.pos[k] === PROPN || sc.isCapitalised(k);
}

/** Nouns of time after a determiner opening a sentence ("A few days later, …", "This week, …"). */
/** Subordinators whose clause, opening a sentence, ends where the main clause starts. */
const FRONTED_SUBORDINATORS = new Set([...SUBORDINATORS, 'as']);
/** Subject pronouns and pro-forms that open a main clause ("…, that was the implication"). */
const CLAUSE_PRONOUNS = new Set([...SUBJECT_PRONOUNS, 'you', 'that', 'this', 'there']);

/**
 * A main clause starts at token k: a subject (noun phrase, "his administration", a pronoun,
 * "here we") and then a verb, auxiliary or adverb.
 */
function mainClauseAt(sc: Scanner, k: number, s1: number): boolean {
  if (k >= s1 || sc.inQuote(k)) return false;
  let m = k;
  if (sc.pos[m] === ADV && m + 1 < s1 && sc.pos[m + 1] === PRON) m++;
  let e = m;
  if (CLAUSE_PRONOUNS.has(sc.lower[m])) e = m + 1;
  else {
    // the subject's words (not npRight: it reads "his administration carves out" as one phrase)
    if (POSSESSIVES.has(sc.lower[e])) e++;
    while (e < s1 && e < m + 8) {
      const p = sc.pos[e];
      if (!(p === DET || p === ADJ || p === NOUN || p === PROPN || p === NUM) || sc.inQuote(e)) break;
      e++;
    }
    if (e === m || (POSSESSIVES.has(sc.lower[m]) && e === m + 1)) return false;
  }
  const verbAt = (x: number) => x < s1 && (sc.pos[x] === VERB || sc.pos[x] === AUX || sc.pos[x] === ADV);
  if (verbAt(e)) return true;
  const np = sc.npRight(k, s1);
  return np > k && verbAt(np);
}

/** Subordinators opening a fronted clause that ends at its comma. */
const FRONTED_CLAUSE_OPENERS = new Set([
  'while',
  'although',
  'though',
  'because',
  'whereas',
  'since',
  'if',
  'when',
]);
/** Adverbs that make a time phrase of the noun before them ("Hours later", "Days earlier"). */
const RELATIVE_TIME = new Set(['later', 'earlier', 'ago']);
const TIME_NOUN_AFTER_DET = new Set(['few', 'day', 'week', 'month', 'year', 'decade', 'moment']);
const ALWAYS_ADJUNCT = new Set(['since', 'during', 'after', 'before', 'amid', 'following', 'throughout']);
/** Reports a date after them identifies ("a WBUR poll last week said"). */
const DATED_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys', 'study']);
/** Occasions of speech that, after a speaker, are an adjunct of the verb ("Trump in his speech called"). */
const OCCASION_HEADS = new Set([
  'speech',
  'interview',
  'statement',
  'remarks',
  'address',
  'letter',
  'op-ed',
  'column',
  'tweet',
]);
const STATEMENT_HEADS = new Set([
  'address',
  'column',
  'tweet',
  'tweets',
  'remarks',
  'comments',
  'interview',
  'statement',
  'speech',
  'post',
  'posts',
  'letter',
  'op-ed',
  'ad',
  'video',
  'debate',
  'rally',
  'email',
]);

/** A preposition after an object that opens a time or occasion adjunct ("since Monday", "in his remarks", "on Twitter"). */
function objectAdjunct(sc: Scanner, k: number, s1: number): boolean {
  const w = sc.lower[k];
  if (ALWAYS_ADJUNCT.has(w)) return true;
  if (w !== 'in' && w !== 'on' && w !== 'at') return false;
  const e = sc.npRight(k + 1, s1);
  if (e === k + 1) return false;
  if (sc.temporal(k + 1, e)) return true;
  const head = sc.lower[e - 1];
  return STATEMENT_HEADS.has(head) || head === 'twitter' || head === 'facebook' || head === 'media';
}

/** A verb (not one inside a noun phrase) among tokens [a, b). */
function verbBetween(sc: Scanner, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const p = sc.pos[i];
    if ((p === VERB || p === AUX) && !sc.verbInNp(i, a)) return true;
  }
  return false;
}

/** Adjectives of attitude after a copula ("is critical of", "are worried that", "was eager to"). */
const ATTITUDE_ADJ = new Map<string, CueVerb['stance']>([
  ['critical', 'accuse'],
  ['dismissive', 'accuse'],
  ['skeptical', 'deny'],
  ['sceptical', 'deny'],
  ['doubtful', 'deny'],
  ['unsure', 'deny'],
  ['uncertain', 'deny'],
  ['opposed', 'deny'],
  ['concerned', 'concern'],
  ['worried', 'concern'],
  ['wary', 'concern'],
  ['fearful', 'concern'],
  ['alarmed', 'concern'],
  ['troubled', 'concern'],
  ['upset', 'concern'],
  ['angry', 'concern'],
  ['furious', 'concern'],
  ['frustrated', 'concern'],
  ['disappointed', 'concern'],
  ['outraged', 'concern'],
  ['pessimistic', 'concern'],
  ['confident', 'assert'],
  ['sure', 'assert'],
  ['certain', 'assert'],
  ['convinced', 'assert'],
  ['aware', 'assert'],
  ['hopeful', 'assert'],
  ['optimistic', 'assert'],
  ['proud', 'assert'],
  ['pleased', 'assert'],
  ['supportive', 'assert'],
  ['adamant', 'assert'],
  ['insistent', 'assert'],
  ['enthusiastic', 'assert'],
  ['eager', 'demand'],
  ['willing', 'demand'],
  ['unwilling', 'deny'],
  ['reluctant', 'deny'],
  ['determined', 'demand'],
]);
const EXPLETIVES = new Set(['it', 'there', 'this', 'that']);
/** Prepositions an attitude adjective takes its object with ("critical of", "opposed to"). */
const ATTITUDE_PREPS = new Set(['of', 'about', 'over', 'with', 'in', 'on', 'to', 'toward', 'towards']);
/** Copulas before an attitude adjective, with the auxiliaries and adverbs annotators give to the cue. */
const COPULAS = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'am',
  "'s",
  '’s',
  "'re",
  '’re',
  "'m",
  '’m',
  'remain',
  'remains',
  'remained',
  'grew',
  'became',
  'become',
  'feel',
  'feels',
  'felt',
]);

/** "Republicans have been critical of …", "Some Democrats are worried that …", "He was eager to …". */
function attitude(sc: Scanner, i: number, done: Attribution[]): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  if (i + 1 >= s1) return null;
  // the copula, over adverbs ("is deeply skeptical", "are not sure")
  let k = i - 1;
  while (k > s0 && (sc.pos[k] === ADV || sc.pos[k] === PART) && !sc.inQuote(k)) k--;
  if (k <= s0 || !COPULAS.has(sc.lower[k]) || sc.inQuote(k)) return null;
  // and the auxiliaries before it ("have been", "will be", "does not seem to be")
  let start = k;
  while (start - 1 > s0 && !sc.inQuote(start - 1)) {
    const w = sc.lower[start - 1];
    if (CUE_PREFIX.has(w) || COPULAS.has(w) || w === 'to' || sc.pos[start - 1] === ADV) start--;
    else break;
  }
  const nx = sc.lower[i + 1];
  let end = i + 1;
  let frame: CueVerb['frame'] = 'think';
  const adj = sc.lower[i];
  // "certain to increase", "sure to win" foretell; "critical to" means needed: no attitude
  if (nx === 'to' && (adj === 'certain' || adj === 'sure' || adj === 'critical')) return null;
  if (ATTITUDE_PREPS.has(nx) && !(nx === 'to' && adj !== 'opposed')) {
    end = i + 2;
    frame = 'obj';
  } else if (
    !(
      nx === 'that' ||
      nx === 'to' ||
      nx === 'whether' ||
      nx === 'if' ||
      sc.pos[i + 1] === PRON ||
      sc.pos[i + 1] === DET ||
      sc.pos[i + 1] === PROPN
    )
  )
    return null;
  if (!sc.free(start, end)) return null;
  const v: CueVerb = { lemma: adj, frame, stance: ATTITUDE_ADJ.get(adj) ?? 'assert' };
  const a = leadingCue(sc, i, v, done, [start, end]);
  // "it is doubtful that …": an expletive subject names no one
  if (!a?.source || (a.source[1] - a.source[0] === 1 && EXPLETIVES.has(sc.lower[a.source[0]]))) return null;
  return { ...a, rule: 'attitude' };
}

/**
 * "The town released a statement Wednesday saying …", "his campaign sent out a text message to
 * supporters saying: …": the verb, its statement and the participle make one cue; the subject of the
 * verb is the source.
 */
function statementSaying(sc: Scanner, i: number, v: CueVerb, done: Attribution[]): Attribution | null {
  const s0 = sc.sentStart[i];
  let k = i - 1;
  let head = -1;
  // back over adjuncts and the object phrase to the statement noun and the verb before it
  for (let n = 0; k > s0 && n < 10; n++, k--) {
    if (sc.inQuote(k) || sc.used[k]) return null;
    const w = sc.lower[k];
    if (STATEMENT_NOUNS.has(w) || (w.endsWith('s') && STATEMENT_NOUNS.has(w.slice(0, -1)))) head = k;
    const p = sc.pos[k];
    if (head >= 0 && (p === VERB || p === AUX) && !sc.verbInNp(k, s0)) break;
    if (p === VERB || p === AUX || p === SCONJ || GERUND_PREPS.has(w) || p === PUNCT) return null;
  }
  if (head < 0 || k <= s0 || !(sc.pos[k] === VERB || sc.pos[k] === AUX)) return null;
  // "out" after the verb is its particle ("sent out", "put out")
  const start = sc.cueStartOf(k, s0);
  if (!sc.free(start, i + 1)) return null;
  const a = leadingCue(sc, k, v, done, [start, i + 1]);
  return a?.source ? { ...a, rule: 'statement' } : null;
}

const MAKE_FORMS = new Set(['make', 'makes', 'made', 'making']);
const MADE_CLEAR: CueVerb = { lemma: 'make clear', frame: 'say', stance: 'assert' };

/** "X made (it) clear (that) …": the phrase is a cue of saying. */
function madeClear(sc: Scanner, i: number, done: Attribution[]): Attribution | null {
  const s0 = sc.sentStart[i];
  let m = i - 1;
  if (m > s0 && sc.lower[m] === 'it') m--;
  if (m <= s0 || !MAKE_FORMS.has(sc.lower[m]) || sc.inQuote(m)) return null;
  const start = sc.cueStartOf(m, s0);
  if (!sc.free(start, i + 1)) return null;
  const a = leadingCue(sc, m, MADE_CLEAR, done, [start, i + 1]);
  return a?.source ? a : null;
}

/** Relative pronouns that stand for reported content ("what X said was …"). */
const RELATIVE_CONTENT = new Set(['what', 'which', 'that', 'who', 'whom']);

/** Subordinators that open a reported clause after a cue ("says despite being …, she plans …"). */
const CLAUSE_OPENERS = new Set([
  'if',
  'whether',
  'despite',
  'although',
  'though',
  'because',
  'unless',
  'while',
  'once',
  'without',
  'instead',
]);

/** "told Associated Press on Monday that …": the "that" opening the content, within a few tokens. */
/** A "that" opening a clause within a short adjunct from j (no quotation, finite verb or clause break), or -1. */
function thatAfterAdjunct(sc: Scanner, j: number, s1: number): number {
  for (let k = j + 1; k < s1 && k < j + 12; k++) {
    const w = sc.lower[k];
    if (sc.inQuote(k) || sc.pos[k] === AUX || w === ';' || w === ':' || w === ',' || w === 'and') return -1;
    if (sc.pos[k] === VERB && !w.endsWith('ing') && !sc.isParticiple(k)) return -1;
    if (w === 'that') {
      const nx = sc.pos[k + 1];
      return k + 1 < s1 &&
        (nx === PRON || nx === DET || nx === NOUN || nx === PROPN || nx === NUM || nx === ADJ)
        ? k
        : -1;
    }
  }
  return -1;
}

function thatAhead(sc: Scanner, j: number, s1: number): number {
  for (let k = j; k < s1 && k < j + 10; k++) {
    const w = sc.lower[k];
    if (w === 'that' && k > j) return k;
    if (
      sc.inQuote(k) ||
      sc.pos[k] === AUX ||
      w === ',' ||
      (sc.pos[k] === VERB && !sc.isCapitalised(k) && !(k > j && sc.pos[k - 1] === DET && sc.isParticiple(k)))
    )
      return -1;
  }
  return -1;
}

function titleCase(sc: Scanner, a: number, b: number): boolean {
  let words = 0;
  let caps = 0;
  for (let i = a; i < b; i++) {
    if (sc.pos[i] === PUNCT || sc.pos[i] === PART) continue;
    words++;
    const c = sc.t.first[i];
    if (c >= 65 && c <= 90) caps++;
    // a sentence with a lower-case verb or noun outside quotations is not a title ("Jeb Bush called
    // Trump …"): most sentences are decided at their first such word, without reading the rest
    else if (c >= 97 && c <= 122 && (sc.cls[i] & TITLE_LOWER_WORD) === 0 && !sc.inQuote(i)) return false;
  }
  return words >= 5 && caps / words >= 0.75;
}

/** Words a title leaves in lower case. */
const TITLE_LOWER = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'to',
  'for',
  'and',
  'or',
  'but',
  'at',
  'by',
  'with',
  'as',
  'from',
  'vs',
  'via',
  'into',
  'over',
  'is',
  'are',
]);

const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being', "'s", '’s']);

/**
 * Passive attribution: "X was first reported by international media and later confirmed by Y":
 * the source follows "by", the content is the subject before the auxiliary; a second coordinated
 * participle shares the subject.
 */
/** Prepositions opening what a passive cue says of its subject: "accused of", "criticized for", "portrayed as". */
const PASSIVE_COMPLEMENTS = new Set(['for', 'of', 'as']);

/**
 * End of the clause opening at j: before a token already taken, a semicolon, a comment after a
 * comma (", sending …", ", but …", a closing apposition) or a second verb phrase ("… and kept going").
 */
function clauseEnd(sc: Scanner, j: number, s1: number): number {
  for (let k = j; k < s1; k++) {
    if (sc.used[k]) return k;
    if (sc.inQuote(k)) continue;
    const w = sc.lower[k];
    if (w === ';') return k;
    if (
      w === ',' &&
      k > j &&
      k + 1 < s1 &&
      (contentStop(sc, k + 1) || commentAfterComma(sc, k + 1, s1) || finalApposition(sc, k + 1, s1))
    )
      return k;
    if ((w === 'and' || w === 'but') && k > j + 1 && k + 1 < s1) {
      const nx = sc.pos[k + 1] === ADV && k + 2 < s1 ? k + 2 : k + 1;
      if (sc.pos[nx] === AUX || (sc.pos[nx] === VERB && !sc.lower[nx].endsWith('ing'))) return k;
    }
  }
  return s1;
}

function passiveBy(sc: Scanner, i: number, v: CueVerb, done: Attribution[]): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  if (!sc.lower[i].endsWith('ed') && !IRREGULAR_PARTICIPLES.has(sc.lower[i])) return null;
  let k = i - 1;
  while (k >= s0 && sc.pos[k] === ADV) k--;
  if (k < s0) return null;
  const srcStart = i + 2;
  const srcEnd = sc.npRight(srcStart, s1);
  if (srcEnd === srcStart) return null;
  let content: Range[];
  let cueStart = k + 1;
  if (PASSIVE_AUX.has(sc.lower[k])) {
    while (k - 1 >= s0 && (sc.pos[k - 1] === AUX || sc.pos[k - 1] === ADV || sc.lower[k - 1] === 'not')) k--;
    cueStart = k;
    // what the source spoke about is the passive's subject ("Trump has been criticized by …"), or
    // the relative pronoun standing for it ("…, which was denounced by …"), not the whole sentence
    let start = sc.backwardContentStart(k);
    if (k - 1 >= s0 && REL_PRON.has(sc.lower[k - 1])) start = k - 1;
    else {
      const np = headLeft(sc, sc.npLeft(k, s0), s0);
      if (np < k && np >= start && sc.subjectPosition(np, s0)) start = np;
    }
    if (k - start < 1) return null;
    content = [[start, k]];
    // "… criticized by X for failing …", "portrayed by X as …": the complement after the agent
    if (srcEnd + 1 < s1 && PASSIVE_COMPLEMENTS.has(sc.lower[srcEnd]) && sc.free(srcEnd, srcEnd + 2)) {
      const end = sc.trimEnd(srcEnd + 1, clauseEnd(sc, srcEnd + 1, s1));
      if (end > srcEnd + 1) content.push([srcEnd, end]);
    }
  } else if (sc.lower[k] === 'and' || sc.lower[k] === 'but') {
    // the second participle of "reported by A and later confirmed by B"
    const prior = done[done.length - 1];
    if (prior?.rule !== 'passive' || sc.sentStart[prior.cue[0]] !== s0) return null;
    content = prior.content.map((r) => [r[0], r[1]] as Range);
  } else return null;
  return {
    cue: [cueStart, i + 1],
    source: [srcStart, srcEnd],
    content,
    verb: v,
    addressee: null,
    direct: false,
    rule: 'passive',
    sharesSourceWith: undefined,
  };
}

/** Third-person forms of reporting verbs the tagger often takes for plural nouns. */
const REPORTING_S_FORMS = new Set([
  'shows',
  'says',
  'finds',
  'claims',
  'notes',
  'suggests',
  'estimates',
  'reports',
  'indicates',
  'warns',
]);

const IRREGULAR_PARTICIPLES = new Set([
  'told',
  'shown',
  'found',
  'said',
  'written',
  'known',
  'seen',
  'thought',
  'sought',
]);

/**
 * The phrase found before "…, said" may itself be an apposition of a name further left
 * ("Michael Mulgrew, president of the teachers' union, which represents …, said"): the source is the
 * name with its first apposition; a relative clause or a second apposition after it is left out, as
 * PolNeAR annotators do ("Scott Pruitt, the attorney general of Oklahoma, one of the states suing …").
 */
function nameBeforeApposition(sc: Scanner, np: number, s0: number, prev: number): Range | null {
  if (np - 1 <= s0 || sc.lower[np - 1] !== ',') return null;
  const name = sc.npLeft(np - 1, s0);
  if (name >= np - 1 || !sc.isCapitalised(name) || !sc.subjectPosition(name, s0)) return null;
  if (!sc.free(name, np)) return null;
  // the first apposition ends at the next comma; what follows it opens a clause or another apposition
  let k = np;
  while (k < prev && sc.lower[k] !== ',' && !sc.inQuote(k)) k++;
  if (k >= prev || sc.lower[k] !== ',') return [name, prev + 1];
  // an age ("Schiff, 56, who …") is not the apposition the source stops after
  if (k === np + 1 && sc.pos[np] === NUM) return [name, prev + 1];
  const nx = sc.lower[k + 1];
  const p = sc.pos[k + 1];
  if (REL_PRON.has(nx) || p === DET || nx === 'one') return [name, k + 1];
  return [name, prev + 1];
}

/** From k to the sentence end: "a/an/the" and a noun phrase, with at most a relative clause or participles. */
function finalApposition(sc: Scanner, k: number, s1: number): boolean {
  const w = sc.lower[k];
  if ((w !== 'a' && w !== 'an' && w !== 'the') || sc.inQuote(k)) return false;
  let relative = false;
  for (let m = k + 1; m < s1; m++) {
    if (sc.inQuote(m)) return false;
    const x = sc.lower[m];
    if (REL_PRON.has(x) || x === 'that') relative = true;
    else if (
      !relative &&
      (sc.pos[m] === AUX || (sc.pos[m] === VERB && !x.endsWith('ing') && !sc.isParticiple(m)))
    )
      return false;
    else if (x === ',' || x === ';' || x === ':') return false;
  }
  return true;
}

/** A comma at `k`, or a closing mark at `k` after a comma inside it ("as a “strong leader,” comparing"). */
function commaBefore(sc: Scanner, k: number): boolean {
  if (sc.lower[k] === ',') return true;
  if (k === 0 || !sc.isQuoteClose(k)) return false;
  // a closing mark of two tokens: "it,''"
  const m = sc.lower[k - 1] === "'" && sc.lower[k] === "'" && k > 1 ? k - 2 : k - 1;
  return sc.lower[m] === ',';
}

/** The subject after the first comma following i, when a verb follows it: the main clause's. */
function subjectAfterComma(sc: Scanner, i: number, s1: number): Range | null {
  let c = i + 1;
  while (c < s1 && (sc.lower[c] !== ',' || sc.inQuote(c))) c++;
  if (c + 2 >= s1) return null;
  const e = sc.npRight(c + 1, s1);
  if (e <= c + 1 || e >= s1 || !(sc.pos[e] === VERB || sc.pos[e] === AUX || sc.pos[e] === ADV)) return null;
  return sc.free(c + 1, e) ? [c + 1, e] : null;
}

/** For a dash closing an aside right before a cue: the subject before the opening dash, with the aside. */
function dashAsideSubject(sc: Scanner, close: number, s0: number): Range | null {
  for (let k = close - 2; k > s0 && k > close - 30; k--) {
    if (sc.inQuote(k) || sc.used[k]) return null;
    if (sc.lower[k] !== sc.lower[close] || !spacedDash(sc, k)) continue;
    const np = sc.npLeft(k, s0);
    if (np >= k || !sc.subjectPosition(np, s0) || !sc.free(np, close + 1)) return null;
    return [np, close + 1];
  }
  return null;
}

/** The end of a subject phrase [b, e) past its prepositional phrases ("their allies in the movement"). */
function withPrepositions(sc: Scanner, b: number, e: number, limit: number): number {
  while (e > b && e < limit && sc.pos[e] === ADP && NP_ADP.has(sc.lower[e]) && !sc.inQuote(e)) {
    const e2 = sc.npRight(e + 1, limit);
    // ("The Council on Friday pledged": a time is no part of the subject)
    if (e2 === e + 1 || sc.temporal(e + 1, e2)) break;
    e = e2;
  }
  return e;
}

/** A time adjunct at e before a verb ("The Council | on Friday pledged"). */
function timeBeforeVerb(sc: Scanner, e: number, limit: number): boolean {
  if (sc.pos[e] !== ADP || (sc.lower[e] !== 'on' && sc.lower[e] !== 'in')) return false;
  const e2 = sc.npRight(e + 1, limit);
  return e2 > e + 1 && e2 < limit && sc.temporal(e + 1, e2) && (sc.pos[e2] === VERB || sc.pos[e2] === AUX);
}

/** A dash at k, or a hyphen standing for one between spaces ("the brand - a business - noted"). */
function spacedDash(sc: Scanner, k: number): boolean {
  if (!DASHES.has(sc.lower[k])) return false;
  if (sc.lower[k] !== '-') return true;
  return k > 0 && k + 1 < sc.n && sc.t.start[k] > sc.t.end[k - 1] && sc.t.start[k + 1] > sc.t.end[k];
}

/** The quotation closing at token k opens right after a verb ("called ''…''"): that verb's object. */
function quoteAfterVerb(sc: Scanner, k: number): boolean {
  const q = sc.q.quoteOf[k];
  if (q < 0) return false;
  const open = sc.q.quotes[q].open;
  return open > 0 && sc.pos[open - 1] === VERB && !sc.inQuote(open - 1);
}

const QUOTE_MARKS = /^["'“”‘’]+$/;
/** The quotation closing at token k ends on punctuation ("…,”", "…?”"), as a quoted sentence does. */
function quoteEndsClause(sc: Scanner, k: number): boolean {
  let m = k;
  while (m > 0 && k - m < 3 && QUOTE_MARKS.test(sc.lower[m])) m--;
  return /[.,!?…]$/.test(sc.lower[m]);
}

/** Words after a spaced dash that open an aside about the report, not more of it. */
const DASH_ASIDE_OPENERS = new Set(['a', 'an', 'the', 'though', 'although', 'then']);
const DETERMINERS = new Set(['a', 'an', 'the']);

/** Index of the last "and" in [a, b), or -1. */
function lastAnd(sc: Scanner, a: number, b: number): number {
  for (let k = b - 1; k > a; k--) if (sc.lower[k] === 'and') return k;
  return -1;
}

/** Finite forms of "say" and "tell", the verbs whose subject is the speaker whatever its length. */
const SAY_FORMS = new Set(['said', 'says', 'say', 'told', 'tells']);
/** Words that only an auxiliary or a finite verb can be among (a clause, not a noun phrase). */
const FINITE_AUX = new Set([
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'do',
  'does',
  'did',
]);

/** A finite verb or an auxiliary at k: the verb of a clause, not more of a noun phrase. */
function finiteAt(sc: Scanner, k: number): boolean {
  return (
    FINITE_AUX.has(sc.lower[k]) ||
    NOT_REPORT_BEFORE.has(sc.lower[k]) ||
    (sc.pos[k] === VERB && !sc.lower[k].endsWith('ing'))
  );
}

/** Subordinators opening a clause of its own inside what a cue reports. */
const SUBORDINATE_OPENERS = new Set([
  'after',
  'when',
  'while',
  'because',
  'but',
  'although',
  'though',
  'whereas',
]);
/** Words after which a verb form of "say" is no report of its own ("to say", "would say"). */
const NOT_REPORT_BEFORE = new Set(['to', 'would', 'could', 'might', 'will', 'can', 'should', 'must', 'may']);
/** Tokens after which a new clause may open with its own subject. */
const CLAUSE_BOUNDARY = new Set([
  ',',
  'and',
  'but',
  ';',
  '—',
  '–',
  '--',
  'after',
  'when',
  'while',
  'as',
  'because',
]);

/**
 * The start of a clause inside [j, end) that makes a report of its own: a subject with its asides and
 * "said"/"told" ("…, and Brian Deese, the White House climate change adviser, said he …", "… after a
 * woman in Worcester told him …"). PolNeAR gives each token to one attribution, so the report before
 * it ends there. Returns the clause boundary token, or `end`.
 */
function embeddedReport(sc: Scanner, j: number, end: number, objectFrame: boolean): number {
  for (let m = j + 2; m < end; m++) {
    if (sc.pos[m] !== VERB || sc.inQuote(m) || sc.used[m]) continue;
    // "said"/"told", or a cue before its that-clause ("…, Mark Barabak noted that …")
    if (!SAY_FORMS.has(sc.lower[m])) {
      const v = sc.isCue(m);
      if (!v || !reportsClause(sc, m, sc.cueEndOf(m, v), end)) continue;
    }
    if (NOT_REPORT_BEFORE.has(sc.lower[m - 1])) continue;
    let best = -1;
    for (let s = m - 1; s > j && s >= m - 45; s--) {
      if (sc.inQuote(s - 1) || !CLAUSE_BOUNDARY.has(sc.lower[s - 1])) continue;
      if (subjectSpan(sc, s, m)) best = s - 1;
    }
    // "… because he worries …", "… while Sanders suggests …": a one-word subject after a
    // subordinator (the phrase reader wants two words) opens a report of its own after an object;
    // after a reported clause ("said she had not …, because she believed …") PolNeAR keeps the
    // subordinate clause in what was said, unless "but" opens it
    const one = m - 1;
    if (
      best < 0 &&
      one - 1 > j &&
      (objectFrame ? SUBORDINATE_OPENERS.has(sc.lower[one - 1]) : sc.lower[one - 1] === 'but') &&
      !sc.inQuote(one) &&
      ((SUBJECT_PRONOUNS.has(sc.lower[one]) && sc.lower[one] !== 'it') ||
        (sc.pos[one] === PROPN && sc.isCapitalised(one)))
    )
      best = one - 1;
    if (best > j) return best;
  }
  return end;
}

/** The capitalised name ending at `cueStart` after a noun ("In a Bloomberg interview Trump declared"). */
function frontedName(sc: Scanner, np: number, cueStart: number): Range | null {
  let k = cueStart - 1;
  while (k >= np && sc.isCapitalised(k)) k--;
  return k >= np && k + 1 < cueStart && sc.pos[k] === NOUN ? [k + 1, cueStart] : null;
}

/** Connectives opening a sentence before its subject ("Yet some voters say …"). */
const SUBJECT_CONNECTIVES = new Set(['yet', 'but', 'and', 'so', 'still']);

/**
 * The whole clause before "said"/"told" as its subject when the phrase reader stops inside it
 * ("Large majorities of Republican primary voters in six states going to the polls on Super Tuesday
 * said …", "Friends of Mr. Clinton who have seen him on the trail say …"): from the sentence start
 * (after a fronted adjunct) to the cue, provided it opens like a noun phrase, ends in a nominal, and
 * holds no finite verb outside a relative clause.
 */
function clauseSubject(sc: Scanner, cueStart: number, s0: number): Range | null {
  let b = frontedAdjunctEnd(sc, s0, cueStart);
  // "Yet some voters …": a sentence connective is not part of the subject
  if (SUBJECT_CONNECTIVES.has(sc.lower[b]) && sc.lower[b + 1] !== ',') b++;
  return subjectSpan(sc, b, cueStart);
}

/** [b, cueStart) read as the subject of the cue at `cueStart` (see `clauseSubject`), or null. */
function subjectSpan(sc: Scanner, b: number, cueStart: number): Range | null {
  if (RELATIVE_CONTENT.has(sc.lower[b])) return null;
  // "Roy Neel, who managed Al Gore's campaign, said …": the subject with its asides and their comma
  const comma = sc.lower[cueStart - 1] === ',';
  const last = comma ? cueStart - 1 : cueStart;
  if (b >= last - 1 || cueStart - b > (comma ? 45 : 30) || !sc.free(b, cueStart)) return null;
  // "The contrast with Trump, said Doyle and others, would be clear": an inverted cue inside its
  // content, whose verb follows a later comma
  if (comma) {
    const s1 = sc.sentEnd[cueStart];
    for (let k = cueStart + 1; k + 1 < s1; k++) {
      if (sc.lower[k] !== ',' || sc.inQuote(k)) continue;
      const nx = sc.lower[k + 1];
      if (FINITE_AUX.has(nx) || (sc.pos[k + 1] === VERB && !nx.endsWith('ing'))) return null;
    }
  }
  const p0 = sc.pos[b];
  if (
    p0 !== DET &&
    p0 !== PROPN &&
    p0 !== NOUN &&
    p0 !== NUM &&
    p0 !== ADJ &&
    !QUANT_PRONOUNS.has(sc.lower[b]) &&
    !(comma && sc.isCapitalised(b)) &&
    // "Even those who have sketched out paths … acknowledge"
    !(
      sc.lower[b] === 'even' &&
      b + 1 < last &&
      (QUANT_PRONOUNS.has(sc.lower[b + 1]) || sc.pos[b + 1] === DET)
    )
  )
    return null;
  // "all the experts I interviewed said": a relative clause without its pronoun may end the phrase;
  // "Cuban-Americans polled said", "those surveyed say": a participle after its noun
  const reduced =
    last - 2 >= b &&
    sc.pos[last - 1] === VERB &&
    sc.isParticiple(last - 1) &&
    ((last - 2 > b &&
      sc.pos[last - 2] === PRON &&
      !NOT_SUBJECT_PRON.has(sc.lower[last - 2]) &&
      sc.isNominal(last - 3)) ||
      sc.pos[last - 2] === NOUN ||
      sc.pos[last - 2] === PROPN);
  if (!sc.isNominal(last - 1) && !reduced && !(comma && (sc.lower[last - 1] === ')' || sc.inQuote(last - 1))))
    return null;
  let relative = false;
  // inside an aside after the head ("Hoekstra, a Michigan Republican who led …,"), or a participle
  // phrase modifying the head ("activists clamoring to block Trump say")
  let aside = false;
  let participle = false;
  for (let k = b; k < last; k++) {
    const w = sc.lower[k];
    if (w === ':' || w === ';') return null;
    if (sc.inQuote(k) || w === '"' || w === '“' || w === '”') {
      // a quoted title inside an aside: "the co-author of “Going Viral,”"
      if (comma && aside) continue;
      return null;
    }
    if (w === '(') {
      // "Sen. Jack Reed (D-R.I.),": a parenthesis after a name
      if (!comma) return null;
      let e = k + 1;
      while (e < last && e < k + 8 && sc.lower[e] !== ')') e++;
      if (sc.lower[e] !== ')') return null;
      k = e;
      continue;
    }
    if (REL_PRON.has(w) || (w === 'that' && k > b && sc.isNominal(k - 1))) relative = true;
    // "Carson shared a syllabus …": a past tense with its object is a clause, no modifier
    else if (
      !relative &&
      sc.pos[k] === VERB &&
      !w.endsWith('ing') &&
      sc.lower[k - 1] !== 'to' &&
      k + 1 < last &&
      (sc.pos[k + 1] === DET || sc.pos[k + 1] === NUM || POSSESSIVES.has(sc.lower[k + 1]))
    )
      return null;
    else if (
      sc.pos[k] === VERB &&
      k > b &&
      (sc.isNominal(k - 1) || participle) &&
      (w.endsWith('ing') || sc.isParticiple(k))
    )
      participle = true;
    // "the last man to mount a race", "activists clamoring to block Trump": an infinitive after a noun
    else if (
      sc.pos[k] === VERB &&
      k - 1 > b &&
      sc.lower[k - 1] === 'to' &&
      (sc.isNominal(k - 2) || participle)
    )
      participle = true;
    else if (
      !relative &&
      (FINITE_AUX.has(w) ||
        (sc.pos[k] === VERB &&
          !w.endsWith('ing') &&
          !sc.isParticiple(k) &&
          !(participle && sc.lower[k - 1] === 'to')))
    )
      return null;
    // a comma closes a relative clause, or a clause when none was open; with the subject's own comma
    // before the cue, commas open and close asides
    if (w === ',') {
      if (comma) {
        // a subordinate clause after a comma is no aside: "…, when he was asked,"
        // ("…, though, …" and "…, headed by …" are asides)
        const nx = sc.lower[k + 1];
        if ((SUBORDINATORS.has(nx) && sc.lower[k + 2] !== ',') || nx === 'and' || nx === 'but') return null;
        if (sc.pos[k + 1] === VERB && !nx.endsWith('ing') && !sc.isParticiple(k + 1)) return null;
        aside = true;
        relative = false;
        participle = false;
        continue;
      }
      if (!relative) return null;
      relative = false;
    }
  }
  return [b, cueStart];
}

/** "Officials who spoke on condition of anonymity said …": a subject with a short relative clause. */
function relativeSubject(sc: Scanner, cueStart: number, s0: number): Range | null {
  // an infinitive ("who are expected to support …") has no subject of its own to find
  if (cueStart > s0 && sc.lower[cueStart - 1] === 'to') return null;
  for (let k = cueStart - 1; k > s0 && k >= cueStart - 12; k--) {
    const w = sc.lower[k];
    if (w === ',' || sc.inQuote(k) || sc.used[k]) return null;
    if (w !== 'who' && w !== 'that' && w !== 'whose') continue;
    const np = headLeft(sc, sc.npLeft(k, s0), s0);
    if (np < k && sc.subjectPosition(np, s0) && !sc.used[np]) return [np, cueStart];
    return null;
  }
  return null;
}

/** Participles of a document made public, which after its noun name the speaking document. */
const PUBLISHED = new Set([
  'released',
  'published',
  'conducted',
  'taken',
  'obtained',
  'issued',
  'filed',
  'posted',
  'commissioned',
  'unveiled',
  'circulated',
  'aired',
]);

/**
 * "A CNN poll released on Tuesday showed …", "disclosures filed Sunday night by the group revealed
 * …": a document with the participle of its publication, its date and its author, as subject.
 */
function publishedSubject(sc: Scanner, cueStart: number, s0: number): Range | null {
  for (let k = cueStart - 1; k > s0 && k >= cueStart - 14; k--) {
    const w = sc.lower[k];
    if (sc.inQuote(k) || sc.used[k] || w === ',' || w === ';' || w === ':' || sc.pos[k] === AUX) return null;
    // (a verb of saying the tagger took for a noun: "Depositions released in March quote Trump")
    if (CUE_VERBS.has(w)) return null;
    if (sc.pos[k] !== VERB) continue;
    if (!PUBLISHED.has(w) || (sc.pos[k - 1] !== NOUN && sc.pos[k - 1] !== PROPN)) return null;
    // ("Trump released a new ad calling …": a finite verb with its object, not a participle)
    const nx = k + 1;
    const p = sc.pos[nx];
    if (
      nx < cueStart &&
      p !== ADP &&
      p !== ADV &&
      !sc.temporal(nx, nx + 1) &&
      !(sc.lower[nx] === 'this' || sc.lower[nx] === 'last' || sc.lower[nx] === 'earlier')
    )
      return null;
    const np = headLeft(sc, sc.npLeft(k, s0), s0);
    if (np >= k || !sc.subjectPosition(np, s0) || !sc.free(np, cueStart)) return null;
    return [np, cueStart];
  }
  return null;
}

/** Prepositions that attach a phrase to the noun before it: "52 percent of registered voters". */
const NP_CHAIN = new Set(['of', 'in', 'from', 'at', 'close']);

/** Extend a noun phrase starting at `np` leftwards over "of"/"in" attachments to the noun before. */
function headLeft(sc: Scanner, np: number, s0: number): number {
  for (let guard = 0; guard < 3 && np - 1 > s0 && NP_CHAIN.has(sc.lower[np - 1]); guard++) {
    const e = sc.npLeft(np - 1, s0);
    if (e >= np - 1 || sc.inQuote(e)) break;
    np = e;
  }
  return np;
}

/** The subject of "52 percent of registered voters say …": a phrase with its attachments. */
function prepositionalSubject(sc: Scanner, np: number, cueStart: number, s0: number): Range | null {
  if (np >= cueStart) return null;
  const head = headLeft(sc, np, s0);
  if (head === np || !sc.subjectPosition(head, s0) || !sc.free(head, cueStart)) return null;
  return [head, sc.withoutTrailingAdjunct(head, cueStart)];
}

/**
 * After a comma in reported content, a clause about the report rather than more of it: a
 * participle ("…, forcing them to …", "…, implicitly putting …") or "and" opening a clause with its
 * own verb ("…, and Republicans want …"), not the last item of a list ("A, B, and C").
 */
function commentAfterComma(sc: Scanner, k: number, s1: number): boolean {
  if (sc.inQuote(k)) return false;
  const w = sc.lower[k];
  if (LIST_PREPS.has(w)) return false;
  if (participleCue(sc, k) || (sc.pos[k] === VERB && w.endsWith('ing'))) return true;
  if (sc.pos[k] === ADV && k + 1 < s1 && sc.pos[k + 1] === VERB && sc.lower[k + 1].endsWith('ing'))
    return true;
  if (w === 'and' && k + 1 < s1 && AND_CLAUSE) {
    for (let m = k + 1; m < s1 && m < k + 7; m++) {
      if (sc.inQuote(m) || sc.lower[m] === ',') return false;
      if (sc.pos[m] === VERB || sc.pos[m] === AUX)
        return m > k + 1 || sc.pos[m] === AUX || !sc.lower[m].endsWith('ing');
    }
  }
  return false;
}

/** Prepositions in -ing that go on with what was said ("…, including X", "…, excluding Y"). */
/** Words opening an aside that names members of the phrase before ("Several candidates, including Trump,"). */
const APPOSITION_OPENERS = new Set(['including', 'like', 'among']);
const LIST_PREPS = new Set(['including', 'excluding', 'involving', 'concerning', 'regarding']);

/** "said Caddell, speaking of …": a participial clause after an inverted or trailing cue. */
function trailingParticiple(sc: Scanner, k: number): boolean {
  return (
    k < sc.n && (PARTICIPLE_CUES.has(sc.lower[k]) || (sc.pos[k] === VERB && sc.lower[k].endsWith('ing')))
  );
}

/** "…, adding that …", "…, applauding …": a participle of a cue verb. */
function participleCue(sc: Scanner, k: number): boolean {
  return PARTICIPLE_CUES.has(sc.lower[k]) || (sc.lower[k].endsWith('ing') && sc.isCue(k) !== null);
}

const NOT_SPEAKERS = new Set([
  'contributing',
  'name',
  'notice',
  'related',
  'note',
  'update',
  'updated',
  'editor',
  'photo',
  'video',
  'watch',
  'read',
  'breaking',
  'see',
  'also',
  'source',
  'sources',
  'correction',
  'disclosure',
  'q',
  'a',
  'exclusive',
  'poll',
  'analysis',
  'opinion',
  'live',
  'transcript',
  'full',
  'clarification',
  // a headline's teaser before its colon ("BUSTED: Emails Reveal …", "Just Leaked: Look At …")
  'busted',
  'boom',
  'revealed',
  'bombshell',
  'wow',
  'look',
  'leaked',
  'byline',
  'so',
]);

/** Nouns of an opinion survey, which annotators treat as a source ("Poll: …", "In a CNN poll, …"). */
const POLL_HEADS = new Set(['poll', 'polls', 'survey', 'surveys']);

const IN_POLL: CueVerb = { lemma: 'in', frame: 'say', stance: 'assert' };

/**
 * A sentence opening with "In <a poll>," reports the poll's finding: PolNeAR makes "In" the cue,
 * the poll phrase (with what follows it up to the comma) the source and the main clause the content.
 */
function inPoll(sc: Scanner, a: number, b: number): Attribution | null {
  if (sc.t.text[a] !== 'In' || sc.inQuote(a)) return null;
  // the poll noun heads the phrase: only its modifiers stand between "In" and it
  let head = -1;
  for (let k = a + 1; k < b && k <= a + 9; k++) {
    if (POLL_HEADS.has(sc.lower[k])) {
      head = k;
      break;
    }
    const p = sc.pos[k];
    const w = sc.lower[k];
    if (
      !(
        p === DET ||
        p === ADJ ||
        p === PROPN ||
        p === NOUN ||
        p === NUM ||
        w === '/' ||
        w === '-' ||
        w === '’s' ||
        w === "'s"
      )
    )
      return null;
  }
  if (head < 0) return null;
  let comma = -1;
  for (let k = head + 1; k < b && k <= head + 12; k++) {
    if (sc.lower[k] === ',') {
      comma = k;
      break;
    }
    if (sc.inQuote(k) || REL_PRON.has(sc.lower[k]) || sc.lower[k] === 'where') return null;
  }
  if (comma < 0) return null;
  // ", conducted in early September," : a participial aside belongs to the poll phrase
  let srcEnd = comma;
  if (comma + 1 < b && sc.pos[comma + 1] === VERB && sc.isParticiple(comma + 1)) {
    for (let k = comma + 2; k < b && k <= comma + 10; k++) {
      if (sc.lower[k] !== ',') continue;
      srcEnd = k + 1;
      break;
    }
  }
  const start = srcEnd === comma ? comma + 1 : srcEnd;
  const end = sc.trimEnd(start, b);
  if (!hasContent(sc, start, end) || !sc.free(a, end)) return null;
  let verb = false;
  for (let k = start; k < end && !verb; k++) verb = sc.pos[k] === VERB || sc.pos[k] === AUX;
  if (!verb) return null;
  return {
    cue: [a, a + 1],
    source: [a + 1, srcEnd],
    content: [[start, end]],
    verb: IN_POLL,
    addressee: null,
    direct: false,
    rule: 'in-poll',
    sharesSourceWith: undefined,
  };
}

/** Words after a poll phrase that end it: a clause or adjunct about the finding, not the poll. */
const POLL_PHRASE_STOPS = new Set([
  'ahead',
  'despite',
  'although',
  'though',
  'while',
  'as',
  'since',
  'because',
  'after',
  'before',
  'but',
  'when',
  'that',
  'which',
  'who',
  'where',
  'than',
  'with',
]);
/** Prepositions of a poll phrase ("polls of likely voters", "a survey from Quinnipiac"). */
const POLL_PREPS = new Set(['of', 'from', 'among']);
/** Clause boundaries a finding reported "in a poll" starts after. */
const POLL_CLAUSE_OPENERS = new Set([
  ',',
  ';',
  '—',
  '–',
  '--',
  'as',
  'while',
  'although',
  'though',
  'but',
  'because',
]);

/**
 * "Clinton leads Sanders by 9 points in the latest CNN/ORC poll.": a clause ending with "in" and a
 * poll phrase reports the poll's finding. PolNeAR makes "in" the cue, the poll phrase the source and
 * the clause the content. The phrase must close the clause ("…'s lead in a CBS poll has
 * evaporated" is a noun phrase, not a report).
 */
function pollAfter(sc: Scanner, i: number): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  if (sc.inQuote(i) || sc.used[i]) return null;
  // the poll noun heads the phrase: only its modifiers stand between "in" and it; "the average of
  // recent polls" goes on to its poll noun
  let head = -1;
  for (let k = i + 1; k < s1 && k <= i + 10; k++) {
    const w = sc.lower[k];
    if (POLL_HEADS.has(w)) {
      head = k;
      break;
    }
    const p = sc.pos[k];
    if (
      !(
        p === DET ||
        p === ADJ ||
        p === PROPN ||
        p === NOUN ||
        p === NUM ||
        w === '/' ||
        w === '-' ||
        w === '’s' ||
        w === "'s" ||
        (w === 'of' && sc.lower[k - 1] === 'average')
      )
    )
      return null;
  }
  if (head < 0) return null;
  // the phrase goes on with what qualifies the poll ("of New Hampshire voters", "released
  // Wednesday", "from Quinnipiac and Fox News") and ends the clause
  let end = head + 1;
  while (end < s1 && end <= head + 15) {
    const w = sc.lower[end];
    const p = sc.pos[end];
    if (POLL_PREPS.has(w) || (p === VERB && sc.isParticiple(end) && end === head + 1)) {
      end++;
      continue;
    }
    if (end === head + 1) break;
    const q = sc.pos[end];
    if (
      !(
        q === DET ||
        q === ADJ ||
        q === PROPN ||
        q === NOUN ||
        q === NUM ||
        TEMPORAL_WORDS.has(w) ||
        (w === 'and' && sc.isCapitalised(end + 1))
      ) ||
      sc.inQuote(end)
    )
      break;
    end++;
  }
  if (end < s1 && !(sc.pos[end] === PUNCT && !sc.inQuote(end)) && !POLL_PHRASE_STOPS.has(sc.lower[end]))
    return null;
  // the finding: the clause before "in", after a fronted adjunct or the last clause boundary with a
  // verb after it ("…, although Rubio moved from third to second in …")
  let start = frontedAdjunctEnd(sc, s0, i);
  for (let k = i - 1; k > start; k--) {
    if (!POLL_CLAUSE_OPENERS.has(sc.lower[k])) continue;
    if (verbBetween(sc, k + 1, i)) {
      start = k + 1;
      break;
    }
  }
  while (start < i && sc.pos[start] === CCONJ) start++;
  // "…, who leads in the polls": a relative clause describes someone, it reports no finding
  if (REL_PRON.has(sc.lower[start]) || sc.lower[start] === 'where' || sc.lower[start] === 'when') return null;
  const contentEnd = i;
  if (start >= contentEnd || !verbBetween(sc, start, contentEnd) || !sc.free(start, end)) return null;
  // "Trump said he leads in the polls": the finding is what the speaker said
  for (let k = start; k < contentEnd; k++) {
    if (sc.inQuote(k) || (sc.isCue(k) && (sc.pos[k] === VERB || sc.lower[k] === 'according'))) return null;
  }
  return {
    cue: [i, i + 1],
    source: [i + 1, end],
    content: [[start, contentEnd]],
    verb: IN_POLL,
    addressee: null,
    direct: false,
    rule: 'in-poll',
  };
}

/** Every word of [a, b) is capitalised: a name ("Obama", "Sen. Graham"), not a section title ("Another challenge"). */
function allCapitalised(sc: Scanner, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (sc.pos[k] === PUNCT) continue;
    if (!sc.isCapitalised(k) || sc.pos[k] === ADP || sc.pos[k] === DET) return false;
  }
  return true;
}

/** A word in capitals ("WALLACE"), a speaker's name in a transcript. */
function isUpperWord(sc: Scanner, i: number): boolean {
  const w = sc.t.text[i];
  return w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
}

const DASHES = new Set(['―', '—', '–', '-', '--']);

/** "“…” ― Sonya Herridge": a quotation signed with a dash and a name ending the line. */
function signedQuote(sc: Scanner, close: number): Attribution | null {
  const d = close + 1;
  if (d + 1 >= sc.n || !DASHES.has(sc.lower[d]) || paragraphBreakBefore(sc.text, sc.t, d)) return null;
  const start = d + 1;
  if (!sc.isCapitalised(start)) return null;
  const end = sc.npRight(start, sc.paragraphEnd(start));
  if (end === start || end - start > 6) return null;
  const pe = sc.trimEnd(end, sc.paragraphEnd(end));
  if (pe !== end && !(pe === end + 1 && sc.lower[end] === ')')) return null;
  for (let k = start; k < end; k++) if (!sc.isCapitalised(k) && sc.pos[k] !== PUNCT) return null;
  const qo = sc.q.quotes[sc.q.quoteOf[close]];
  if (!sc.free(qo.open, end)) return null;
  return {
    cue: [d, d + 1],
    source: [start, end],
    content: [[qo.open, qo.close + 1]],
    verb: null,
    addressee: null,
    direct: true,
    rule: 'signed',
    sharesSourceWith: undefined,
  };
}

/** Words that may open a name introducing a quotation: "… - Carl Bialik: “…”", "More from Jones: “…”". */
const NAME_QUOTE_OPENERS = new Set(['-', '—', '–', '--', 'from']);

/** A short name and a colon before a quotation, after a dash or "from" or at a sentence start. */
function namedQuote(sc: Scanner, open: number): Attribution | null {
  const colon = open - 1;
  if (colon < 1 || sc.lower[colon] !== ':' || sc.inQuote(colon) || sc.used[colon]) return null;
  let ns = colon;
  while (
    ns - 1 >= 0 &&
    colon - ns < 5 &&
    !sc.inQuote(ns - 1) &&
    (sc.isCapitalised(ns - 1) || sc.lower[ns - 1] === 'and' || sc.lower[ns - 1] === '.')
  )
    ns--;
  while (ns < colon && !sc.isCapitalised(ns)) ns++;
  if (ns >= colon || colon - ns > 4) return null;
  for (let k = ns; k < colon; k++) if (NOT_SPEAKERS.has(sc.lower[k]) || sc.pos[k] === VERB) return null;
  const before = ns - 1;
  const opens =
    before < 0 ||
    sc.sentStart[ns] === ns ||
    paragraphBreakBefore(sc.text, sc.t, ns) ||
    NAME_QUOTE_OPENERS.has(sc.lower[before]);
  if (!opens) return null;
  const qo = sc.q.quotes[sc.q.quoteOf[open]];
  if (!sc.free(ns, qo.close + 1)) return null;
  return {
    cue: [colon, colon + 1],
    source: [ns, colon],
    content: [[qo.open, qo.close + 1]],
    verb: null,
    addressee: null,
    direct: true,
    rule: 'colon',
    sharesSourceWith: undefined,
  };
}

/** A line opening with a short name and a colon: "Obama: I'm Optimistic Voters Will Say No". */
function colonHeadline(sc: Scanner, a: number, b: number): Attribution | null {
  if (!paragraphBreakBefore(sc.text, sc.t, a)) return null;
  // a transcript line quoted whole: "WALLACE: If I may, sir, …
  if ((sc.lower[a] === '"' || sc.lower[a] === '“') && a + 2 < b && isUpperWord(sc, a + 1)) a++;
  let colon = -1;
  for (let k = a + 1; k < b && k <= a + 6; k++) {
    if (sc.lower[k] === ':') {
      colon = k;
      break;
    }
  }
  if (colon < 0 || (sc.inQuote(a) && !isUpperWord(sc, a)) || b - colon < 4) return null;
  const named = sc.inQuote(a)
    ? (() => {
        for (let k = a; k < colon; k++) if (!isUpperWord(sc, k)) return false;
        return true;
      })()
    : sc.npRight(a, colon) === colon && colon - a <= 4 && allCapitalised(sc, a, colon);
  if (!named) return null;
  // "Poll: Clinton and Trump in dead heat": a poll speaks its headline, verb or none
  const poll = POLL_HEADS.has(sc.lower[colon - 1]) && !sc.inQuote(a);
  if (!poll) for (let k = a; k < colon; k++) if (NOT_SPEAKERS.has(sc.lower[k])) return null;
  // the content runs to the end of the line
  let end = colon + 1;
  while (end < sc.n && !paragraphBreakBefore(sc.text, sc.t, end)) end++;
  end = sc.trimEnd(colon + 1, end);
  if (end - colon < 3) return null;
  // a statement has a verb: "Iowa: Tim Albrecht, Brad Anderson, …" or "Daily: A World at War" is a list or a title
  let verb = false;
  let commas = 0;
  for (let k = colon + 1; k < end; k++) {
    if (sc.pos[k] === VERB || sc.pos[k] === AUX) verb = true;
    if (sc.lower[k] === ',' && !sc.inQuote(k)) commas++;
  }
  // "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, …": a list of names, not a statement
  if (!verb && commas >= 3) return null;
  if (commas >= 3) {
    let caps = 0;
    let words = 0;
    for (let k = colon + 1; k < end; k++) {
      if (sc.pos[k] === PUNCT) continue;
      words++;
      if (sc.isCapitalised(k)) caps++;
    }
    if (caps >= 0.8 * words) return null;
  }
  // a headline in title case hides its verb among capitalised words: "Trump Ties Clinton …"
  if (!verb && titleCase(sc, colon + 1, end)) {
    for (let k = colon + 2; k < end - 1 && !verb; k++)
      verb = sc.isCapitalised(k - 1) && /^[A-Z][a-z]+[^s]s$/.test(sc.t.text[k]) && sc.pos[k - 1] === PROPN;
  }
  // "Carly Fiorina: 'Bill Clinton's fair game.'", and a title line "Lynch: No outside influence on
  // FBI probe": a quotation or the article's title needs no verb
  if (!verb && !poll && !sc.isQuoteOpen(colon + 1) && a !== 0) return null;
  return {
    cue: [colon, colon + 1],
    source: [a, colon],
    content: [[colon + 1, end]],
    verb: null,
    addressee: null,
    direct: sc.isQuoteOpen(colon + 1),
    rule: 'colon',
    sharesSourceWith: undefined,
  };
}

const GENERIC_CUE: CueVerb = { lemma: '', frame: 'say', stance: 'assert' };
const NOT_THAT_VERBS = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'so',
  'such',
  'now',
  'given',
  'provided',
  'seeing',
  'means',
  'meant',
  'mean',
  'ensure',
  'ensured',
  'ensures',
  'make',
  'made',
  'makes',
]);

/** A verb directly followed by a comma or colon and a quotation ("Trump shot back, “…”"). */
function quoteVerb(sc: Scanner, i: number): CueVerb | null {
  if (sc.pos[i] !== VERB || i + 2 >= sc.n) return null;
  const w = sc.lower[i + 1];
  if ((w !== ',' && w !== ':') || !sc.isQuoteOpen(i + 2)) return null;
  return NOT_THAT_VERBS.has(sc.lower[i]) ? null : GENERIC_CUE;
}

/** A verb directly followed by "that" and a clause (not "so that", "given that"). */
function thatVerb(sc: Scanner, i: number): CueVerb | null {
  if (sc.pos[i] !== VERB || i + 2 >= sc.n || sc.lower[i + 1] !== 'that') return null;
  if (NOT_THAT_VERBS.has(sc.lower[i])) return null;
  const p = sc.pos[i + 2];
  return p === DET || p === PRON || p === PROPN || p === NOUN || p === NUM || p === ADJ ? GENERIC_CUE : null;
}

const EVIDENTIALS = new Set(['seem', 'seems', 'seemed', 'appear', 'appears', 'appeared', 'expected']);
const ASK_OPENERS = new Set(['when', 'if', 'after', 'before', 'once', 'while', 'as', 'since']);

/**
 * "When asked whether …", "X was asked about …", "Asked about the tapes, …": a question without a
 * named asker. The cue takes "about"; the content runs to the next comma or the sentence end.
 */
function unattributedQuestion(sc: Scanner, i: number): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  const prev = i - 1;
  const pw = prev >= s0 ? sc.lower[prev] : '';
  const passive = PASSIVE_AUX.has(pw) || pw === 'being';
  if (!(prev < s0 || ASK_OPENERS.has(pw) || pw === ',' || passive)) return null;
  let cueStart = i;
  if (passive) {
    cueStart = prev;
    while (cueStart - 1 >= s0 && (sc.pos[cueStart - 1] === AUX || sc.pos[cueStart - 1] === ADV)) cueStart--;
  }
  // "Asked on Monday whether …": a time or place adjunct before the question
  let j = prev < s0 ? sc.skipAdjuncts(i + 1, s1) : i + 1;
  if (j >= s1 || sc.used[j]) return null;
  // "When asked by a reporter whether …": the asker after "by" is the source
  let asker: Range | null = null;
  if (!passive && i + 2 < s1 && sc.lower[i + 1] === 'by' && !sc.used[i + 1]) {
    const e = sc.npRight(i + 2, s1);
    if (e > i + 2 && e < s1 && (ASK_CONTENT.has(sc.lower[e]) || sc.lower[e] === 'about')) {
      asker = [i + 2, e];
      j = e;
    }
  }
  let cueEnd = i + 1;
  // (after an asker, "about …" and "to …" are what was asked: "asked by X about …", "asked by X to …")
  if (sc.lower[j] === 'about' && !asker) {
    cueEnd = j + 1;
    j++;
  } else if (!ASK_CONTENT.has(sc.lower[j]) && !(asker && sc.lower[j] === 'about')) return null;
  else if (sc.lower[j] === 'to' && !asker) return null;
  let end = s1;
  for (let k = j + 1; k < s1; k++) {
    if (sc.used[k]) {
      end = k;
      break;
    }
    if (sc.lower[k] === ',' && !sc.inQuote(k)) {
      end = k;
      break;
    }
    // "Asked whether Clinton “has the integrity …,” 75 percent said yes": the comma inside the mark
    if (sc.isQuoteClose(k) && sc.lower[k - 1] === ',') {
      end = k + 1;
      break;
    }
  }
  end = sc.trimEnd(j, end);
  if (end <= j || !sc.free(cueStart, end)) return null;
  return {
    cue: [cueStart, cueEnd],
    source: asker,
    content: [[j, end]],
    verb: { lemma: 'ask', frame: 'ask', stance: 'demand' },
    addressee: null,
    direct: false,
    rule: asker ? 'question' : 'evidential',
    sharesSourceWith: undefined,
  };
}
const EVIDENTIAL_CUE: CueVerb = { lemma: 'seem', frame: 'think', stance: 'allege' };
/** Words that end an evidential's content: a clause about it rather than more of it. */
const EVIDENTIAL_STOPS = new Set([
  ...ADVERBIAL_SUBORDINATORS,
  'as',
  'but',
  'even',
  'despite',
  'according',
  'whereas',
  'unless',
]);

/**
 * "The speaker appeared closer to …", "X seemed to be shrinking …": the reporter's inference, with no
 * source; its content is the subject and the predication. "It appears (, though,) that …" keeps only
 * the clause.
 */
function evidential(sc: Scanner, i: number, verb: CueVerb = EVIDENTIAL_CUE): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  if (sc.pos[i] !== VERB && sc.pos[i] !== AUX) return null;
  // "is expected to …": a passive with an infinitive only
  if (
    sc.lower[i] === 'expected' &&
    !(PASSIVE_AUX.has(sc.lower[i - 1] ?? '') || sc.pos[i - 1] === ADV || sc.pos[i - 1] === PART)
  )
    return null;
  if (sc.lower[i] === 'expected' && sc.lower[i + 1] !== 'to') return null;
  const cueStart = sc.cueStartOf(i, s0);
  const cue: Range = [cueStart, i + 1];
  let j = i + 1;
  // "appears, though, that …", "seemed to many"
  if (j < s1 && sc.lower[j] === ',') {
    let k = j + 1;
    while (k < s1 && k < j + 4 && sc.lower[k] !== ',') k++;
    if (sc.lower[k] === ',') j = k + 1;
  }
  if (j >= s1 || sc.used[j]) return null;
  const first = sc.lower[j];
  if (sc.pos[j] === PUNCT || (sc.pos[j] === ADP && first !== 'like')) return null;
  let end = s1;
  for (let k = j + 1; k < s1; k++) {
    if (sc.used[k]) {
      end = k;
      break;
    }
    if (sc.inQuote(k)) continue;
    const w = sc.lower[k];
    if (EVIDENTIAL_STOPS.has(w) || (w === ',' && k + 1 < s1 && EVIDENTIAL_STOPS.has(sc.lower[k + 1]))) {
      end = k;
      break;
    }
    // "… is not expected to surface in the talks, China has also become …", "…; rather, they are
    // expected …": a clause with its own subject after a comma or semicolon
    if (w === ';' || (w === ',' && mainClauseAt(sc, k + 1, s1))) {
      end = k;
      break;
    }
    // "… closer in Ohio, with Trump ahead", "… ready to abandon him, throwing the party into …", "…
    // to agree: at one point …", "… to be $544 billion -- $105 billion more …": an absolute or
    // participle clause, a colon or a spaced dash closes what seems
    if (
      w === ':' ||
      (DASHES.has(w) && spacedDash(sc, k)) ||
      (w === ',' &&
        k + 1 < s1 &&
        !sc.inQuote(k + 1) &&
        (sc.lower[k + 1] === 'with' || (sc.pos[k + 1] === VERB && sc.lower[k + 1].endsWith('ing'))))
    ) {
      end = k;
      break;
    }
  }
  end = sc.trimEnd(j, end);
  if (end <= j) return null;
  const prev = cueStart - 1;
  if (prev >= s0 && (sc.lower[prev] === 'it' || sc.lower[prev] === 'there')) {
    // "it seems that …", "it seems likely that …", "it seems the Democrats have …" (train: 16 of
    // 28 annotated), not "it seems to …" (3 of 14)
    if (first === 'to') return null;
    return {
      cue: [prev + 1, i + 1],
      source: null,
      content: [[j, end]],
      verb,
      addressee: null,
      direct: false,
      rule: 'evidential',
      sharesSourceWith: undefined,
    };
  }
  // "delegates who are expected to support …": the relative pronoun is the first part
  if (prev > s0 && !sc.used[prev] && REL_PRON.has(sc.lower[prev]))
    return {
      cue,
      source: null,
      content: [
        [prev, prev + 1],
        [j, end],
      ],
      verb,
      addressee: null,
      direct: false,
      rule: 'evidential',
      sharesSourceWith: undefined,
    };
  let subject: Range | null = null;
  const np = sc.npLeft(cueStart, s0);
  if (np < cueStart && sc.subjectPosition(np, s0) && sc.free(np, cueStart)) subject = [np, cueStart];
  else {
    // "The new Canadian government, headed by Justin Trudeau, seems ready …": the subject without its
    // asides (PolNeAR leaves them out of an evidential's content)
    subject = clauseSubject(sc, cueStart, s0);
    if (subject)
      for (let k = subject[0]; k < subject[1]; k++)
        if (sc.lower[k] === ',' && !sc.inQuote(k)) {
          subject = k > subject[0] ? [subject[0], k] : null;
          break;
        }
  }
  if (!subject || REL_PRON.has(sc.lower[subject[0]])) return null;
  return {
    cue,
    source: null,
    content: [subject, [j, end]],
    verb,
    addressee: null,
    direct: false,
    rule: 'evidential',
    sharesSourceWith: undefined,
  };
}

/** Nouns that report what someone said or believes when a that-clause follows ("Trump's claim that …"). */
const REPORT_NOUNS = new Set([
  'claim',
  'claims',
  'assertion',
  'argument',
  'allegation',
  'allegations',
  'accusation',
  'accusations',
  'suggestion',
  'insistence',
  'belief',
  'view',
  'contention',
  'warning',
  'promise',
  'pledge',
  'charge',
  'charges',
  'assurance',
  'assurances',
  'fear',
  'fears',
  'hope',
  'hopes',
  'notion',
  'idea',
  'conclusion',
  'finding',
  'findings',
  'statement',
  'admission',
  'denial',
  'report',
  'reports',
  'speculation',
  'concern',
  'concerns',
  'complaint',
  'complaints',
  'criticism',
]);

/**
 * Nouns of a stance towards someone or something, with the preposition that takes its target. Not
 * "his support for", "opposition to", "endorsement of": PolNeAR leaves most of those unannotated.
 */
const STANCE_NOUNS = new Map<string, string>([
  ['criticism', 'of'],
  ['attack', 'on'],
  ['attacks', 'on'],
  ['praise', 'for'],
  ['questions', 'about'],
  ['condemnation', 'of'],
  ['defense', 'of'],
  ['embrace', 'of'],
  ['rejection', 'of'],
  ['dismissal', 'of'],
  ['denunciation', 'of'],
  ['critique', 'of'],
  ['endorsement', 'of'],
]);

/**
 * "her criticism of Sanders' vote", "Trump's attacks on Mr. Clinton": a possessed stance
 * noun and its preposition; the possessor is the source and the target the content. Without a
 * possessor PolNeAR mostly leaves these unannotated, so none is read.
 */
function stanceNoun(sc: Scanner, i: number): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  const prep = STANCE_NOUNS.get(sc.lower[i]);
  if (!prep || (sc.pos[i] !== NOUN && sc.pos[i] !== VERB)) return null;
  const j = i + 1;
  if (j + 1 >= s1 || sc.lower[j] !== prep || sc.used[j] || sc.inQuote(j + 1)) return null;
  const prev = i - 1;
  if (prev < s0 || sc.used[prev]) return null;
  const pw = sc.lower[prev];
  let source: Range;
  if (pw === "'s" || pw === '’s') {
    const np = sc.npLeft(prev, s0);
    if (np >= prev || !sc.free(np, prev + 1)) return null;
    source = [np, prev + 1];
  } else if (POSSESSIVES.has(pw)) source = [prev, prev + 1];
  else return null;
  // "Trump ratcheted up his attacks on …", "she escalated her criticism of …": a verb before the
  // pronoun's noun makes one cue with it, and the subject is the source
  let cueStart = i;
  if (POSSESSIVES.has(pw) && prev - 1 > s0) {
    let v = prev - 1;
    if ((sc.lower[v] === 'up' || sc.lower[v] === 'down') && v - 1 > s0) v--;
    if (sc.pos[v] === VERB && !sc.used[v]) {
      const cs = sc.cueStartOf(v, s0);
      const np = sc.npLeft(cs, s0);
      if (np < cs && sc.subjectPosition(np, s0) && sc.free(np, cs)) {
        source = [np, sc.npEnd];
        cueStart = cs;
      }
    }
  }
  let end = sc.npRight(j + 1, s1);
  // "support for scrapping superdelegates": a gerund and its object
  if (end === j + 1 && sc.lower[j + 1].endsWith('ing')) end = sc.npRight(j + 2, s1);
  // the phrase's attachments: "support for abortion rights and marijuana legalization"
  while (end < s1 && end + 1 < s1 && (sc.lower[end] === 'and' || NP_CHAIN.has(sc.lower[end]))) {
    const e = sc.npRight(end + 1, s1);
    if (e <= end + 1) break;
    end = e;
  }
  if (end <= j + 1 || !sc.free(j, end)) return null;
  return {
    cue: [cueStart, j + 1],
    source,
    content: [[j + 1, end]],
    verb: { lemma: sc.lower[i], frame: 'obj', stance: 'assert' },
    addressee: null,
    direct: false,
    rule: 'noun',
    sharesSourceWith: undefined,
  };
}

/**
 * "Donald Trump's claim that there have been …", "the allegation that …": a reporting noun with a
 * that-clause; the possessor is the source, none when a determiner opens the phrase.
 */
function reportNoun(sc: Scanner, i: number): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  if (sc.pos[i] !== NOUN && sc.pos[i] !== VERB) return null;
  const j = i + 1;
  if (j + 2 >= s1 || sc.lower[j] !== 'that' || sc.used[j]) return null;
  const p2 = sc.pos[j + 1];
  if (!(p2 === PRON || p2 === DET || p2 === PROPN || p2 === NUM || p2 === NOUN || p2 === ADJ)) return null;
  if (sc.lower[j + 1] === 'is' || sc.lower[j + 1] === 'was') return null;
  // a relative clause ("the claim that he made") has no subject and verb of its own: require a verb after a subject
  let verb = false;
  for (let k = j + 2; k < s1 && k < j + 10; k++) {
    if (sc.pos[k] === VERB || sc.pos[k] === AUX) {
      verb = true;
      break;
    }
  }
  if (!verb) return null;
  let source: Range | null = null;
  let cueStart = i;
  const prev = i - 1;
  if (prev < s0) return null;
  const pw = sc.lower[prev];
  if (
    pw === "'s" ||
    pw === '’s' ||
    ((pw === "'" || pw === '’') && prev > s0 && sc.lower[prev - 1].endsWith('s'))
  ) {
    const np = sc.npLeft(prev, s0);
    if (np >= prev || !sc.free(np, prev + 1)) return null;
    source = [np, prev + 1];
  } else if (POSSESSIVES.has(pw)) {
    if (sc.used[prev]) return null;
    source = [prev, prev + 1];
  } else {
    // "the claim that …": an adjective may stand between ("the false claim")
    let k = prev;
    while (k > s0 && sc.pos[k] === ADJ) k--;
    if (sc.pos[k] !== DET) return null;
    // PolNeAR gives the determiner to the cue ("the idea that …": 15 of 18 in train)
    cueStart = k;
  }
  let end = s1;
  for (let k = j + 1; k < s1; k++) {
    if (sc.used[k]) {
      end = k;
      break;
    }
    if (sc.inQuote(k)) continue;
    if (sc.lower[k] === ',' && k + 1 < s1 && (contentStop(sc, k + 1) || commentAfterComma(sc, k + 1, s1))) {
      end = k;
      break;
    }
  }
  end = sc.trimEnd(j, end);
  if (end <= j + 1 || !sc.free(cueStart, end)) return null;
  return {
    cue: [cueStart, i + 1],
    source,
    content: [[j, end]],
    verb: { lemma: 'claim', frame: 'say', stance: 'assert' },
    addressee: null,
    direct: false,
    rule: source ? 'noun' : 'evidential',
  };
}

/** "Lindsey Graham Says Trump Could …", "Trump Could …, Lindsey Graham Says.": a title-case headline. */
function headlineCue(sc: Scanner, a: number, b: number): Attribution | null {
  const end = sc.trimEnd(a, b);
  for (let i = a + 1; i < end; i++) {
    const w = sc.lower[i];
    const c0 = sc.t.first[i];
    if (!(w.endsWith('s') || w === 'said') || c0 < 65 || c0 > 90) continue;
    const v = CUE_VERBS.get(w);
    if (!v) continue;
    // "Media Reports Reveal …", "Leaked Documents Reveal …": a plural noun before a base-form verb
    if (i + 1 < end && sc.isCueWord(i + 1) && !sc.lower[i + 1].endsWith('s')) continue;
    const speech = v.frame === 'say' || v.frame === 'tell';
    if (!speech) {
      // "Conservative Icon Morton Blackwell Endorses Ted Cruz.", "Glenn Beck Blasts Drudge for
      // Mocking His Fast, …": a name, a present-tense stance verb and its object, to a comma or a
      // clause of its own ("… Calls for Special Prosecutor after Report Reveals …")
      if (!w.endsWith('s') || i - a > 5) continue;
      // only capitalised words before it, no clause mark ("BUSTED: Emails Reveal …"), no quantifier
      // ("Trump Got More Votes …")
      let name = true;
      for (let k = a; k < i; k++)
        if (
          !(sc.isCapitalised(k) || sc.lower[k] === '.') ||
          QUANT_PRONOUNS.has(sc.lower[k]) ||
          sc.lower[k] === 'more'
        )
          name = false;
      if (!name) continue;
      const cueEnd = sc.cueEndOf(i, v);
      let stop = cueEnd;
      while (stop < end && (sc.inQuote(stop) || !HEADLINE_STOPS.has(sc.lower[stop]))) stop++;
      if (stop - cueEnd < 1 || sc.inQuote(cueEnd)) return null;
      return headline([i, cueEnd], [a, i], [[cueEnd, stop]], v);
    }
    if (i + 1 >= end) {
      // "…, Lindsey Graham Says."
      let c = i - 1;
      while (c > a && sc.lower[c] !== ',') c--;
      if (c <= a || i - c > 5 || c - a < 2) return null;
      return headline([i, i + 1], [c + 1, i], [[a, c]], v);
    }
    if (i - a > 4 || end - i < 3) continue;
    let name = true;
    for (let k = a; k < i; k++) if (!sc.isCapitalised(k) && sc.pos[k] !== PUNCT) name = false;
    if (!name) continue;
    return headline([i, i + 1], [a, i], [[i + 1, end]], v);
  }
  return null;
}

/** Words that end a headline verb's object: punctuation and the conjunctions opening a clause. */
const HEADLINE_STOPS = new Set([
  ',',
  ';',
  ':',
  'when',
  'after',
  'while',
  'as',
  'because',
  'if',
  'before',
  'since',
  'amid',
  'but',
]);

function headline(cue: Range, source: Range, content: Range[], verb: CueVerb): Attribution {
  return {
    cue,
    source,
    content,
    verb,
    addressee: null,
    direct: false,
    rule: 'headline',
    sharesSourceWith: undefined,
  };
}

/**
 * "The Club for Growth is reportedly spending …", "the gun he allegedly used": hearsay with no source
 * named. The content is the clause around the adverb.
 */
function hearsay(sc: Scanner, i: number): Attribution | null {
  const s0 = sc.sentStart[i];
  const s1 = sc.sentEnd[i];
  if (i + 1 >= s1 || sc.isCue(i + 1) || sc.used[i + 1] || sc.pos[i + 1] === PUNCT) return null;
  let a = i;
  while (a > s0) {
    const w = sc.lower[a - 1];
    if (sc.used[a - 1] || sc.inQuote(a - 1) || w === ',' || w === 'that' || w === ';' || SUBORDINATORS.has(w))
      break;
    a--;
  }
  if (a === i) return null;
  let end = s1;
  for (let k = i + 1; k < s1; k++) {
    if (sc.used[k]) {
      end = k;
      break;
    }
    if (sc.inQuote(k)) continue;
    const w = sc.lower[k];
    if (
      EVIDENTIAL_STOPS.has(w) ||
      (w === ',' && k + 1 < s1 && (EVIDENTIAL_STOPS.has(sc.lower[k + 1]) || commentAfterComma(sc, k + 1, s1)))
    ) {
      end = k;
      break;
    }
  }
  end = sc.trimEnd(i + 1, end);
  if (end <= i + 1) return null;
  return {
    cue: [i, i + 1],
    source: null,
    content: [
      [a, i],
      [i + 1, end],
    ],
    verb: EVIDENTIAL_CUE,
    addressee: null,
    direct: false,
    rule: 'evidential',
    sharesSourceWith: undefined,
  };
}

/** WORD_CLASS bits: the lexicons a word is in. */
const CUE = 1;
const ATTITUDE = 2;
const EVIDENTIAL = 4;
const REPORT_NOUN = 8;
const STANCE_NOUN = 16;
const TITLE_LOWER_WORD = 32;
/** The words pass 1 of findAttributions tests before its cues: "by", "asked", "in", "as", "according". */
const PASS1_WORD = 64;
/** "reportedly", "allegedly", "asked": read by pass 3 besides its lexicons. */
const HEARSAY_WORD = 128;

let WORD_CLASS: Map<string, number> | null = null;
/** The lexicons' words with their WORD_CLASS bits (built on first use: the lexicons are defined above and below). */
function wordClasses(): Map<string, number> {
  WORD_CLASS ??= wordBits([
    [CUE_VERBS.keys(), CUE],
    [ATTITUDE_ADJ.keys(), ATTITUDE],
    [EVIDENTIALS, EVIDENTIAL],
    [REPORT_NOUNS, REPORT_NOUN],
    [STANCE_NOUNS.keys(), STANCE_NOUN],
    [TITLE_LOWER, TITLE_LOWER_WORD],
    [['by', 'asked', 'in', 'as', 'according'], PASS1_WORD],
    [['reportedly', 'allegedly', 'asked'], HEARSAY_WORD],
  ]);
  return WORD_CLASS;
}
