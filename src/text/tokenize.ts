import model from 'wink-eng-lite-web-model';
import type { Span } from '../model/types.js';
import { winkNLP } from './wink-fast.js';

/** Universal POS tags, as wink's model emits them, interned to small integers. */
export const POS_TAGS = [
  'X',
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'SPACE',
] as const;
export type PosTag = (typeof POS_TAGS)[number];
export const POS = Object.fromEntries(POS_TAGS.map((t, i) => [t, i])) as Record<PosTag, number>;

/**
 * Tokens as a struct of arrays (one entry per token, no object per token): character offsets into
 * the article text, POS id, sentence index, and the surface/lower-cased strings. `end - start` is
 * the length of the token's surface string, also where wink normalised a token.
 */
export interface TokenTable {
  readonly length: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly pos: Uint8Array;
  readonly sentence: Uint32Array;
  /**
   * UTF-16 code of each token's first character: per-token tests read it here rather than from the
   * token strings, which come in so many internal representations that V8 gives up its inline
   * caches for them (each `text[i].charCodeAt(0)` in a token loop was a generic property lookup).
   */
  readonly first: Uint16Array;
  readonly text: readonly string[];
  readonly lower: readonly string[];
}

export interface Tokenized {
  tokens: TokenTable;
  sentences: Span[];
  /** Token range [first, last+1) of each sentence. */
  sentenceTokens: [number, number][];
}

const BLANK = /^\s*$/;
/** Title abbreviations wink splits from their full stop ("Rev." but not "Sen."), lower-cased. */
const SPLIT_TITLES = new Set([
  'rev',
  'sens',
  'gens',
  'adm',
  'pres',
  'supt',
  'msgr',
  'atty',
  'maj',
  'cmdr',
  'insp',
]);

/** wink's lexicon cache, as its feature functions receive it (the parts used here). */
interface WinkCache {
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
  property(index: number, name: string): number;
  value(index: number): string;
}
type FeatureFns = Record<string, (text: string, category: number, cache: WinkCache) => unknown>;
/** wink's core model (the part read here: its lexeme index, word → lexicon index). */
interface WinkCore {
  features: { lexeme: { hash: Record<string, number>; list: string[] }; pos: { list: string[] } };
}
/**
 * wink's data of one document (what its `its` helpers read): four numbers per token (the lexeme
 * index; preceding spaces and contraction bits; lemma and POS index in bits 20-25; negation), and
 * per sentence its first and last token index.
 */
interface WinkDocData {
  tokens: number[];
  sentences: number[][];
  /** Non-breaking spaces before a token, by token index. */
  nonBreakingSpaces: Record<number, string>;
}
/**
 * A token transformer of the sbd and pos automata: the symbol the automaton reads for token `i`
 * (`token`: its normal's index for sbd, its default POS for pos; `raw`: wink's packed tokens, four
 * numbers each, the lexeme index first and the preceding spaces in the low 16 bits of the second).
 */
type Transformer = (token: number, cache: WinkCache, raw: number[], i: number) => number;
interface AutomataModel {
  machines: unknown[];
  transformers: Transformer[];
  setter: (...args: never[]) => void;
}
type WinkModel = typeof model & {
  core: () => WinkCore;
  sbd: () => AutomataModel;
  pos: () => AutomataModel;
  featureFn: (...args: unknown[]) => FeatureFns;
  metaCER: () => unknown;
};

// wink-eng-lite-web-model's metaCER() JSON-encodes its module-level data in place, so every engine
// after the first would get it encoded once more (and the sixth or so fails on the string's length):
// all engines share the first result.
let metaCER: unknown = null;

/**
 * wink's intrinsic lexicon (the model's own words), as the patched lookup below answers for it: each
 * word's lexicon index, or for a contraction -1-k with the expansions wink's lookup returns for it
 * at `contractions[k]`. The lexicon is the model's static data, the same in every engine, so one
 * table serves them all.
 */
let intrinsicIndex: Map<string, number> | null = null;
let contractions: number[][] = [];

/**
 * The English model, with wink's lexicon lookup made blind to what it learnt at run time. wink adds
 * every out-of-vocabulary token it meets to its cache and consults the learnt entries before its
 * tokenisation rules, so an article's tokens depended on the articles read before it: once
 * "candidate's," had been learnt whole (a word before a comma is not split), "candidate's" stayed one
 * token in every later article, where a fresh engine splits off "'s". The cache reaches us as the
 * third argument of the model's feature functions, which wink calls when it learns a token; from then
 * on a learnt entry looks absent to the tokeniser, as in a fresh engine (its index still serves the
 * tokens that use it).
 *
 * The lookup the tokeniser then sees answers from a Map of the intrinsic lexicon's words: the same
 * answers as wink's lookup with the learnt entries filtered out, without probing wink's lexeme object
 * (a dictionary-mode object that grows with every learnt word, which V8 probes through its string
 * table) and without a new array per call. The sbd and pos automata read their token symbols through
 * the model's transformers, which read lexeme properties through wink's cache: those reads are tabled
 * by lexeme index (see LexemeHints).
 */
function deterministicModel(loaded: { core: WinkCore | null }): WinkModel {
  const base = model as WinkModel;
  const patched = new WeakSet<WinkCache>();
  // the lexeme hash of the core model this engine loads (wink reads core() once, before featureFn)
  let lexemes: Record<string, number> | null = null;
  const hints = new LexemeHints();
  return {
    ...base,
    core() {
      const core = base.core();
      lexemes = core.features.lexeme.hash;
      loaded.core = core;
      return core;
    },
    // wink hands a document's data to the model's readability addon: tokenize reads it through
    // `doc.out(its.readabilityStats)` instead of through an `its` helper call per token and field
    addons: { ...base.addons, readabilityStats: (rdd: WinkDocData) => rdd },
    metaCER() {
      metaCER ??= base.metaCER();
      return metaCER;
    },
    sbd() {
      const sbd = base.sbd();
      return { ...sbd, transformers: sbd.transformers.map(sbdTransformer(hints)) };
    },
    pos() {
      const pos = base.pos();
      return { ...pos, transformers: pos.transformers.map(posTransformer(hints)), setter: posSetter };
    },
    featureFn(...args: unknown[]) {
      const fns = base.featureFn(...args);
      const out: FeatureFns = Object.create(null);
      // the feature functions themselves keep the full lookup (they read the entry being learnt)
      let seeing: WinkCache | null = null;
      for (const [name, fn] of Object.entries(fns)) {
        out[name] = (text, category, cache) => {
          if (cache && !patched.has(cache)) {
            patched.add(cache);
            seeing = Object.assign(Object.create(null), cache) as WinkCache;
            const table = intrinsicTable(cache, lexemes);
            const expansions = contractions;
            // the one array every plain word's answer comes in: wink reads an answer before it looks
            // up the next word and never keeps it
            const single = [0];
            cache.lookup = (t: string) => {
              const i = table.get(t);
              if (i === undefined) return null;
              if (i < 0) return expansions[-1 - i];
              single[0] = i;
              return single;
            };
          }
          return fn(text, category, seeing ?? cache);
        };
      }
      return out;
    },
  };
}

/**
 * The lexeme properties the sbd and pos transformers read (sbdHint, posHint, and whether the lexeme
 * is an abbreviation, with its length), read through wink's cache once per lexeme index (each read is
 * a walk through wink's dictionary-mode objects) and packed in one number of a typed array: sbdHint
 * in bits 0-7, posHint in bits 8-15, the abbreviation's symbol (7, or 8 two characters long; 0: none)
 * in bits 16-19. An entry never changes once wink has made it (the model's lexicon is static; a learnt
 * word's features are computed once, when it is learnt), so the table answers as the cache does. Per
 * engine: learnt indexes differ between engines.
 */
class LexemeHints {
  /** Packed properties by lexeme index; NOT_READ, or UNTABLED where a property is not a byte. */
  table = new Int32Array(1 << 17).fill(NOT_READ);

  /** The packed properties of a lexeme not in the table yet (the transformers read the table inline). */
  read(cache: WinkCache, index: number): number {
    if (index >= this.table.length) {
      const grown = new Int32Array(Math.max(this.table.length * 2, index + 1)).fill(NOT_READ);
      grown.set(this.table);
      this.table = grown;
    }
    const sbd = cache.property(index, 'sbdHint');
    const pos = cache.property(index, 'posHint');
    const abbrev = cache.property(index, 'isAbbrev') ? (cache.value(index).length === 2 ? 8 : 7) : 0;
    const v = isByte(sbd) && isByte(pos) ? sbd | (pos << 8) | (abbrev << 16) : UNTABLED;
    this.table[index] = v;
    return v;
  }
}
const NOT_READ = -1;
/** (the model's own transformer answers for such a lexeme) */
const UNTABLED = -2;

function isByte(x: number): boolean {
  return (x & 0xff) === x;
}

/** Whether a transformer's token is a lexeme index the tables can hold (anything else goes to the model's own). */
function isIndex(x: number): boolean {
  return (x | 0) === x && x >= 0;
}

// the model's hint symbols start here (wink-eng-lite-web-model's transformers: hintDelta)
const HINT_DELTA = 1_080_000;

/**
 * The model's sbd transformer, reading lexeme properties from the hints table: a token's sbdHint,
 * else its lexeme's; a hint 4 (an ambiguous quote) becomes 6 after white space; without a hint, an
 * abbreviation reads as 7 or, two characters long, 8; otherwise the token itself.
 */
function sbdTransformer(hints: LexemeHints): (model: Transformer) => Transformer {
  return (model) => (token, cache, raw, i) => {
    const lexeme = raw[4 * i];
    if (!isIndex(token) || !isIndex(lexeme)) return model(token, cache, raw, i);
    const table = hints.table;
    let t = token < table.length ? table[token] : NOT_READ;
    if (t === NOT_READ) t = hints.read(cache, token);
    if (t === UNTABLED) return model(token, cache, raw, i);
    let mapped = t & 0xff;
    if (mapped === 0) {
      let l = lexeme < hints.table.length ? hints.table[lexeme] : NOT_READ;
      if (l === NOT_READ) l = hints.read(cache, lexeme);
      if (l === UNTABLED) return model(token, cache, raw, i);
      mapped = l & 0xff;
    }
    if (mapped === 4) mapped = (raw[4 * i + 1] & 0xffff) !== 0 ? 6 : 4;
    if (mapped) return mapped + HINT_DELTA;
    const abbrev = t >>> 16;
    return abbrev ? HINT_DELTA + abbrev : token;
  };
}

/** The model's pos transformer (a lexeme's posHint, else the default POS), posHint read from the hints table. */
function posTransformer(hints: LexemeHints): (model: Transformer) => Transformer {
  return (model) => (pos, cache, raw, i) => {
    const lexeme = raw[4 * i];
    if (!isIndex(lexeme)) return model(pos, cache, raw, i);
    const table = hints.table;
    let l = lexeme < table.length ? table[lexeme] : NOT_READ;
    if (l === NOT_READ) l = hints.read(cache, lexeme);
    if (l === UNTABLED) return model(pos, cache, raw, i);
    const mapped = (l >>> 8) & 0xff;
    return mapped ? mapped + HINT_DELTA : pos;
  };
}

/**
 * The model's pos setter (each token without a POS yet gets its tag) with wink's token array read
 * once. (The tags wink's POS updater sets are strings: `+` makes the shift an integer one.)
 */
function posSetter(rdd: { tokens: number[] }, posTags: number[], tkSize: number, bits4lemma: number): void {
  const tokens = rdd.tokens;
  for (let i = 0, pk = 0; i < tokens.length; i += tkSize, pk++)
    if (tokens[i + 2] === 0) tokens[i + 2] = +posTags[pk] << bits4lemma;
}

/** The intrinsic lexicon's index (built on the first engine's cache, before it learns a word). */
function intrinsicTable(cache: WinkCache, lexemes: Record<string, number> | null): Map<string, number> {
  if (intrinsicIndex !== null) return intrinsicIndex;
  if (lexemes === null) throw new Error('wink read its features before its core model');
  const intrinsic = cache.intrinsicSize();
  const table = new Map<string, number>();
  const expansions: number[][] = [];
  for (const word in lexemes) {
    if (lexemes[word] >= intrinsic) continue; // learnt (this first word's entry, as it is being added)
    const found = cache.lookup(word);
    if (found === null) continue;
    if (found.length === 1) table.set(word, found[0]);
    else table.set(word, -1 - (expansions.push(found) - 1));
  }
  intrinsicIndex = table;
  contractions = expansions;
  return table;
}

/**
 * Documents one wink engine reads before it is replaced. The learnt entries above are never dropped:
 * about 3 MB per thousand news articles, which over a million-article ingest or a worker that runs for
 * weeks is gigabytes. A fresh engine costs ~0.2 s, under 0.1% of the time of the documents in between,
 * and (the lookup being blind to learnt entries) does not change any output.
 */
const DOCS_PER_ENGINE = Number(process.env.SITREP_WINK_DOCS) || 20_000;

/** A wink engine and the tables tokenize reads its documents' data with. */
interface Engine {
  nlp: ReturnType<typeof winkNLP>;
  /** wink's lexeme strings by index (a token's its.value), the learnt ones appended as wink learns them. */
  lexemes: string[];
  /** wink's POS strings by index (a token's its.pos). */
  posTags: string[];
  /** POS_TAGS id by wink's POS index. */
  posIds: Uint8Array;
  /** Lower-cased lexeme by lexeme index (undefined until a token of it is read). */
  lower: (string | undefined)[];
  /**
   * Length + 1 (bits 0-15) and first UTF-16 code (bits 16-31; 32 for an empty lexeme) by lexeme
   * index, 0 until read: the lexeme strings come in more internal representations than V8 keeps
   * inline caches for, so reading `length` or `charCodeAt` from them per token was a megamorphic
   * property load each.
   */
  facts: Int32Array;
}
let current: Engine | null = null;
let docsRead = 0;

// POS id by wink's tag string; a plain object keyed by the few tag strings is the cheapest lookup
const POS_OF: Record<string, number> = Object.assign(Object.create(null), POS);

/**
 * A text with the token kinds whose data tokenize decodes (contractions, an abbreviation, numbers,
 * a possessive, several sentences): a new engine reads it once through wink's `its` helpers and once
 * from its data, and the two must agree (a wink-nlp whose data is laid out differently fails here).
 */
const PROBE = "Zqxvkw can't stop Mr. Smith's 3.5% rise.\nIt's done ,said O'Neil -- 12 p.m. today!  Really?";

function engine(): Engine {
  if (current === null || docsRead >= DOCS_PER_ENGINE) {
    const loaded: { core: WinkCore | null } = { core: null };
    const nlp = winkNLP(deterministicModel(loaded), ['sbd', 'pos']);
    if (loaded.core === null) throw new Error('wink did not load its core model');
    const lexemes = loaded.core.features.lexeme.list;
    const posTags = loaded.core.features.pos.list;
    const e: Engine = {
      nlp,
      lexemes,
      posTags,
      posIds: Uint8Array.from(posTags, (t) => POS_OF[t] ?? 0),
      // (pushed, not `new Array(length)`: an array made that long starts as a dictionary)
      lower: Array.from({ length: lexemes.length }, () => undefined),
      facts: new Int32Array(lexemes.length),
    };
    // reading the probe also learns an unknown token, so the lookup is patched before the first article
    const doc = nlp.readDoc(PROBE);
    const data = readData(e, doc);
    const tokens = doc.tokens();
    const same = (a: readonly unknown[], b: readonly unknown[]) =>
      a.length === b.length && a.every((x, i) => x === b[i]);
    if (
      !same(
        data.tokens.filter((_, i) => i % 4 === 0).map((id) => lexemes[id]),
        tokens.out(),
      ) ||
      !same(
        data.tokens.filter((_, i) => i % 4 === 2).map((x) => posTags[(x & POS_BITS) >>> 20]),
        tokens.out(nlp.its.pos),
      ) ||
      !same(
        data.sentences.map((x) => `${x[0]},${x[1]}`),
        (doc.sentences().out(nlp.its.span) as unknown as number[][]).map((x) => `${x[0]},${x[1]}`),
      )
    )
      throw new Error("wink-nlp's document data is not laid out as tokenize reads it");
    current = e;
    docsRead = 0;
  }
  docsRead++;
  return current;
}

/**
 * Read a lexeme's length and first character into the engine's facts table (growing it for a
 * learnt lexeme) and return its entry, or 0 for a lexeme of 0xffff or more characters (not tabled).
 */
function lexemeFacts(e: Engine, id: number): number {
  const v = e.lexemes[id];
  const len = v.length;
  if (len >= 0xffff) return 0;
  const f = ((len === 0 ? 32 : v.charCodeAt(0)) << 16) | (len + 1);
  if (id >= e.facts.length) {
    const grown = new Int32Array(Math.max(2 * e.facts.length, id + 1));
    grown.set(e.facts);
    e.facts = grown;
  }
  e.facts[id] = f;
  return f;
}

// bits 20-25 of a token's third number: its POS index (wink's posMask)
const POS_BITS = 0x3f00000;

function readData(e: Engine, doc: ReturnType<Engine['nlp']['readDoc']>): WinkDocData {
  return doc.out(e.nlp.its.readabilityStats) as unknown as WinkDocData;
}

/** wink's data of a document (for scripts/tokenize-identity.ts, which compares wink-fast with wink). */
export function winkDocData(text: string): WinkDocData {
  const e = engine();
  return readData(e, e.nlp.readDoc(text));
}

/**
 * Tokenise with wink-nlp, recover absolute offsets (wink keeps only preceding-space counts), and
 * split sentences at wink's boundaries and at line breaks (titles and datelines have no full stop).
 * Token strings and POS are read from wink's document data as its `its.value` and `its.pos` read them.
 */
export function tokenize(text: string): Tokenized {
  const e = engine();
  const { lexemes, posTags, posIds, lower } = e;
  let facts = e.facts;
  const data = readData(e, e.nlp.readDoc(text));
  const raw = data.tokens;
  const n = raw.length >> 2;
  const startA = new Int32Array(n);
  const endA = new Int32Array(n);
  const posA = new Uint8Array(n);
  const sentA = new Uint32Array(n);
  const firstA = new Uint16Array(n);
  const surf: string[] = [];
  const low: string[] = [];
  // wink's sentence boundaries as a flag per wink token
  const winkSentenceEnds = new Uint8Array(n);
  for (const span of data.sentences) if (span[1] < n) winkSentenceEnds[span[1]] = 1;

  let cursor = 0;
  let k = 0;
  const sentences: Span[] = [];
  const sentenceTokens: [number, number][] = [];
  let sentStartTok = 0;
  for (let i = 0; i < n; i++) {
    const id = raw[4 * i];
    const v = lexemes[id];
    let f = id < facts.length ? facts[id] : 0;
    if (f === 0) {
      f = lexemeFacts(e, id);
      facts = e.facts;
    }
    // (a lexeme too long for the table is read from its string)
    const len = f !== 0 ? (f & 0xffff) - 1 : v.length;
    // only a token that begins with white space (or is empty) can be blank: skip the regex otherwise
    const c0 = f !== 0 ? f >>> 16 : len === 0 ? 32 : v.charCodeAt(0);
    const blank = (c0 <= 32 || c0 === 0xa0 || c0 >= 0x1680) && BLANK.test(v);
    let at: number;
    let closeAt = -1; // last token of a sentence that ends here, if one does
    if (blank) {
      at = text.startsWith(v, cursor) ? cursor : text.indexOf(v, cursor);
      if (at < 0) at = cursor; // wink normalised the token: keep alignment
      // whitespace/newline token: a line break ends the open sentence
      cursor = at + len;
      if (k > sentStartTok && (winkSentenceEnds[i] === 1 || v.includes('\n'))) closeAt = k - 1;
    } else {
      // a word cannot begin inside the plain spaces before it: step over them, then it is usually here
      at = cursor;
      if (c0 !== 32) while (text.charCodeAt(at) === 32) at++;
      // a one-character token is compared directly (most punctuation and many short words)
      if (len === 1 ? text.charCodeAt(at) !== c0 : !text.startsWith(v, at)) at = text.indexOf(v, at);
      if (at < 0) at = cursor; // wink normalised the token: put it at the cursor rather than lose alignment
      // "the Rev. Peter Wherry": wink splits a few title abbreviations from their full stop and ends a
      // sentence there; the stop joins the title ("Sen.", which wink keeps whole) before a capital
      if (c0 === 46 && len === 1 && k > 0 && endA[k - 1] === at && SPLIT_TITLES.has(low[k - 1])) {
        let j = i + 1;
        const valueAt = (t: number) => lexemes[raw[4 * t]];
        while (j < n && valueAt(j).length > 0 && BLANK.test(valueAt(j)) && !valueAt(j).includes('\n')) j++;
        const cn = j < n ? valueAt(j).charCodeAt(0) : 0;
        if (cn >= 65 && cn <= 90) {
          cursor = endA[k - 1] = at + 1;
          surf[k - 1] += '.';
          low[k - 1] += '.';
          continue;
        }
      }
      startA[k] = at;
      // found at `at`, or (not found) put at the cursor: either way the token spans its own length
      cursor = endA[k] = at + len;
      const p = (raw[4 * i + 2] & POS_BITS) >>> 20;
      posA[k] = p < posIds.length ? posIds[p] : (POS_OF[posTags[p]] ?? 0);
      firstA[k] = c0; // (a token is never empty: an empty value is blank)
      surf.push(v);
      // (grown one entry at a time: a store far past the end would turn the array into a dictionary)
      if (id >= lower.length) while (lower.length <= id) lower.push(undefined);
      let lo = lower[id];
      if (lo === undefined) lower[id] = lo = v.toLowerCase();
      low.push(lo);
      k++;
      if (winkSentenceEnds[i] === 1) closeAt = k - 1;
    }
    if (closeAt >= 0) {
      const id = sentences.length;
      sentences.push({ start: startA[sentStartTok], end: endA[closeAt] });
      sentenceTokens.push([sentStartTok, closeAt + 1]);
      sentA.fill(id, sentStartTok, closeAt + 1);
      sentStartTok = closeAt + 1;
    }
  }
  if (k > sentStartTok) {
    const id = sentences.length;
    sentences.push({ start: startA[sentStartTok], end: endA[k - 1] });
    sentenceTokens.push([sentStartTok, k]);
    sentA.fill(id, sentStartTok, k);
  }
  const tokens: TokenTable = {
    length: k,
    start: startA.subarray(0, k),
    end: endA.subarray(0, k),
    pos: posA.subarray(0, k),
    sentence: sentA.subarray(0, k),
    first: firstA.subarray(0, k),
    text: surf,
    lower: low,
  };
  return { tokens, sentences, sentenceTokens };
}

/** Index of the first token whose end is after `offset` (binary search). */
export function tokenAt(tokens: TokenTable, offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.end[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first span starting at or after `offset`, in spans sorted by start (binary search). */
export function firstSpanFrom(spans: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sentence index containing a character offset (binary search over sentence spans). */
export function sentenceAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
