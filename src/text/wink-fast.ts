/**
 * wink-nlp with three of its internal modules wrapped before wink-nlp.js loads them (through Node's
 * CommonJS module cache), giving the same document data as wink's own code, faster. FOR tokenize.ts
 * ONLY: the tokenizer wrapper is exact only with a lexicon lookup that ignores the words wink learns
 * at run time, which tokenize.ts's model installs.
 *
 * - the tokenizer (`tokenizer.js`, with `dd-wrapper.js` handing it the document data): wink splits a
 *   text at white space and tokenises each piece; a piece its lexicon lookup does not know (a name, a
 *   word with its comma or full stop, a number) goes through up to fifteen category regexes,
 *   punctuation regexes and a recursive regex tokenizer, every time it occurs. The wrapper scans the
 *   pieces itself (the runs of wink's splitter's character classes), adds a known piece as wink does,
 *   runs wink's own code on the first occurrence of an unknown piece, records the tokens it added, and
 *   adds the same tokens for later occurrences.
 * - the automaton (`automaton.js`) that runs the sentence-boundary and POS machines: wink reads each
 *   transition from the machine's JSON object, whose sparse integer keys V8 keeps in a hashed
 *   dictionary (a seeded hash per read, several reads per token and machine). The wrapper compiles a
 *   machine into a column map and a typed-array transition table and runs wink's recognize loop on it.
 *
 * Why the recording is exact: the tokens wink's tokenizer adds for a piece depend on the piece alone
 * and the spaces before it. Its regexes keep no state between calls (the category tests have no
 * global flag; match and split reset or ignore lastIndex); the lexicon lookup answers from the
 * model's static lexicon only; a word added to the cache keeps its index. The preceding spaces go to
 * the calls that received them and the non-breaking spaces to the tokens wink stored them for: the
 * recording runs the piece after one non-breaking space, for which wink passes 0xffff spaces.
 * scripts/tokenize-identity.ts compares wink's document data with and without the wrappers over every
 * corpus in ../shared.
 *
 * The wrappers are only a speed-up: if wink-nlp was loaded before this module (its modules are then
 * bound already), its files are not where wink-nlp 2.4 keeps them, or SITREP_WINK_PLAIN=1, wink runs
 * its own code and `winkFast` says so. tokenize.ts compares every new engine with wink's public API on
 * a probe text.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type winkNLPType from 'wink-nlp';

const require = createRequire(import.meta.url);

/** wink's raw document data (the parts its tokenizer writes). */
interface DocData {
  cache: { lookup(text: string): number[] | null };
  tokens: number[];
  nonBreakingSpaces: Record<number, string>;
}
/** wink's document-data wrapper, as its tokenizer receives it (`_data`: see fastDocData). */
interface DocAdder {
  _addToken(text: string, category: number, precedingSpaces: number, nbsp: string | null): boolean;
  _addTokenIfInCache(text: string, precedingSpaces: number, nbsp: string | null): number;
  isLexeme(text: string): unknown;
  _data?: DocData;
}
type Tokenize = (doc: DocAdder, text: string) => void;
type TokenizerFactory = (
  trex: { helpers: Record<string, RegExp> },
  categories: Record<string, number>,
  preserve: unknown,
) => Tokenize;

/** dd-wrapper.js's wrapper, with the document data it wraps at `_data` for the tokenizer below. */
function fastDocData(original: (data: DocData) => DocAdder): (data: DocData) => DocAdder {
  return (data) => {
    const methods = original(data);
    methods._data = data;
    return methods;
  };
}

// wink packs a token's preceding spaces in the low 16 bits of its second number (constants.js)
const MAX_SPACES = 0xffff;

/**
 * What wink's tokenizer added for a piece, read after it ran on the piece after one non-breaking space:
 * five numbers a token, the four wink pushed and a flag word: SPACED if the token received the piece's
 * preceding spaces (its low 16 bits were 0xffff, the count wink gives non-breaking spaces), NBSP if
 * wink stored the non-breaking spaces for it. A piece that became one plain token with the spaces and
 * nothing else (most of them) is kept as its lexeme index alone.
 */
type Recording = number[];
const SPACED = 1;
const NBSP = 2;

/** Pieces recorded at most per engine; the table is emptied when full (a replay adds what wink would). */
const MAX_RECORDINGS = 250_000;

// character classes of wink's splitter, ([ \u00a0\u2002-\u2005\u2009\u200a\u202f\u205f]+|[\n\r\t]+)
const WORD = 0;
const SPACE = 1;
const BREAK = 2;
function charClass(c: number): number {
  if (c > 32 && c < 0xa0) return WORD;
  if (c === 32) return SPACE;
  if (c < 32) return c === 10 || c === 13 || c === 9 ? BREAK : WORD;
  return c === 0xa0 ||
    (c >= 0x2002 && c <= 0x2005) ||
    c === 0x2009 ||
    c === 0x200a ||
    c === 0x202f ||
    c === 0x205f
    ? SPACE
    : WORD;
}

function fastTokenizer(original: TokenizerFactory): TokenizerFactory {
  return (trex, categories, preserve) => {
    const wink = original(trex, categories, preserve);
    // the splitter this reimplements (a model with another one is tokenised by wink)
    const own = String(trex.helpers.splitter) === String(SPLITTER);
    let recordings = new Map<string, number | Recording>();

    /** Run wink on a piece after a non-breaking space and read what it added to the document. */
    const record = (doc: DocAdder, data: DocData, t: string): number | Recording => {
      const tokens = data.tokens;
      const from = tokens.length;
      wink(doc, `\u00a0${t}`);
      const n = (tokens.length - from) >> 2;
      const rec: Recording = [];
      for (let k = 0; k < n; k++) {
        const q = from + 4 * k;
        let flags = (tokens[q + 1] & MAX_SPACES) === MAX_SPACES ? SPACED : 0;
        const at = (from >> 2) + k;
        if (data.nonBreakingSpaces[at] !== undefined) {
          flags |= NBSP;
          delete data.nonBreakingSpaces[at];
        }
        rec.push(tokens[q], tokens[q + 1], tokens[q + 2], tokens[q + 3], flags);
      }
      tokens.length = from;
      if (recordings.size >= MAX_RECORDINGS) recordings = new Map();
      const plain =
        n === 1 && rec[1] === MAX_SPACES && rec[2] === 0 && rec[3] === 0 && rec[4] === SPACED + NBSP;
      const r = plain ? rec[0] : rec;
      recordings.set(t, r);
      return r;
    };

    return (doc, text) => {
      const data = doc._data;
      if (data === undefined || !own) {
        wink(doc, text);
        return;
      }
      const tokens = data.tokens;
      // (read per piece, as wink does: tokenize.ts replaces the lookup while the first document is read)
      const cache = data.cache;
      // wink's loop over the pieces between its splitter's matches (tokenizer.js tokenize)
      let precedingSpaces = 0;
      let nbSpaces: string | null = null;
      const n = text.length;
      let a = 0;
      while (a < n) {
        const kind = charClass(text.charCodeAt(a));
        let b = a + 1;
        let nb = false; // a space run with a non-breaking space
        if (kind === SPACE) {
          nb = text.charCodeAt(a) !== 32;
          for (; b < n; b++) {
            const c = text.charCodeAt(b);
            if (charClass(c) !== SPACE) break;
            if (c !== 32) nb = true;
          }
          precedingSpaces = b - a;
          if (nb) {
            nbSpaces = text.slice(a, b);
            precedingSpaces = MAX_SPACES;
          } else if (precedingSpaces > MAX_SPACES - 1) precedingSpaces = MAX_SPACES - 1;
          a = b;
          continue;
        }
        while (b < n && charClass(text.charCodeAt(b)) === kind) b++;
        const t = text.slice(a, b);
        a = b;
        // a piece the lexicon knows is added as wink adds it (dd-wrapper.js addTokenIfInCache)
        const known = cache.lookup(t);
        let r: number | Recording | undefined;
        if (known !== null) {
          if (known.length === 1) r = known[0];
          else {
            doc._addTokenIfInCache(t, precedingSpaces, nbSpaces);
            precedingSpaces = 0;
            nbSpaces = null;
            continue;
          }
        } else {
          r = recordings.get(t);
          if (r === undefined) r = record(doc, data, t);
        }
        if (typeof r === 'number') {
          const idx = tokens.push(r, precedingSpaces, 0, 0);
          if (nbSpaces !== null && precedingSpaces > 0) data.nonBreakingSpaces[(idx >> 2) - 1] = nbSpaces;
        } else {
          for (let q = 0; q < r.length; q += 5) {
            const flags = r[q + 4];
            const idx = tokens.push(
              r[q],
              (flags & SPACED) !== 0 ? r[q + 1] - MAX_SPACES + precedingSpaces : r[q + 1],
              r[q + 2],
              r[q + 3],
            );
            if ((flags & NBSP) !== 0 && nbSpaces !== null && precedingSpaces > 0)
              data.nonBreakingSpaces[(idx >> 2) - 1] = nbSpaces;
          }
        }
        precedingSpaces = 0;
        nbSpaces = null;
      }
    };
  };
}

/** wink-eng-lite-web-model's splitter, whose pieces charClass scans for. */
const SPLITTER = /([ \u00a0\u2002-\u2005\u2009\u200a\u202f\u205f]+|[\n\r\t]+)/;

type Transformer = (token: unknown, cache: unknown, param: unknown, index: number) => unknown;
interface Fsm {
  recognize(tokens: unknown[], transform?: Transformer, param?: unknown): unknown[];
  setPatternSwap(patterns: unknown): void;
  setOnPatternDetectionFn(f: unknown): boolean;
  importJSON(json: string): void;
  learn(patterns: unknown): number;
  [name: string]: unknown;
}
type FsmFactory = (cache?: { lookup(t: string): number[] | null } | null, token2Ignore?: string) => Fsm;

// automaton.js's end-of-sentence and 'otherwise' symbols (with a cache, as wink-nlp creates its machines)
const EOS = 2070000;
const OTHERWISE = 2070003;

/** A machine imported from JSON, as typed arrays: transitions by (state, column of a token). */
interface Compiled {
  /** Column of each integer token the machine has a transition on. */
  columns: Map<number, number>;
  width: number;
  /** Next state by state * width + column (0: none, wink's `|| root`). */
  next: Int32Array;
  /** The state's 'otherwise' state (0: none). */
  otherwise: Int32Array;
  /** 1 if the state has a row in the machine (wink fails on a state without one). */
  hasRow: Uint8Array;
  /** 1 if the state is terminal (its pattern name is not empty). */
  isTerminal: Uint8Array;
  /** The JSON objects, for what the tables do not hold. */
  rows: Record<string, Record<string, number>>;
  terminal: Record<string, string>;
  marked: Record<string, [number, number]>;
}

/** A state's transitions compile if every key is a canonical non-negative integer and states are small. */
function compile(json: string): Compiled | null {
  const model = JSON.parse(json) as [
    number,
    number,
    Record<string, Record<string, number>>,
    Record<string, string>,
    Record<string, [number, number]>,
    Record<string, unknown>,
  ];
  const [, , rows, terminal, marked, custom] = model;
  if (Object.keys(custom).length > 0) return null;
  const isInt = (k: string) => /^(0|[1-9]\d{0,8})$/.test(k);
  let states = 0;
  for (const s in rows) {
    if (!isInt(s)) return null;
    states = Math.max(states, Number(s) + 1);
  }
  for (const s in terminal) if (isInt(s)) states = Math.max(states, Number(s) + 1);
  if (states > 1 << 16) return null;
  const columns = new Map<number, number>();
  for (const s in rows)
    for (const k in rows[s]) if (isInt(k) && !columns.has(Number(k))) columns.set(Number(k), columns.size);
  const width = columns.size;
  const next = new Int32Array(states * width);
  const otherwise = new Int32Array(states);
  const hasRow = new Uint8Array(states);
  for (const s in rows) {
    const st = Number(s);
    hasRow[st] = 1;
    for (const k in rows[s]) {
      const v = rows[s][k];
      if (typeof v !== 'number' || (v | 0) !== v || v < 0 || v >= states) return null;
      if (!isInt(k)) continue; // (a string key: read from the row itself, see recognize)
      next[st * width + (columns.get(Number(k)) as number)] = v;
    }
    const ow = rows[s][OTHERWISE];
    if (ow !== undefined) {
      if (typeof ow !== 'number' || (ow | 0) !== ow || ow < 0 || ow >= states) return null;
      otherwise[st] = ow;
    }
  }
  const isTerminal = new Uint8Array(states);
  for (const s in terminal) if (isInt(s) && terminal[s]) isTerminal[Number(s)] = 1;
  return { columns, width, next, otherwise, hasRow, isTerminal, rows, terminal, marked };
}

function fastFsm(original: FsmFactory): FsmFactory {
  return (cache, token2Ignore) => {
    const wink = original(cache, token2Ignore);
    // wink recognises with its own code where the tables would not hold the machine
    if (cache === undefined || cache === null) return wink;
    const keyLF = cache.lookup(token2Ignore === undefined ? '\n' : token2Ignore)?.[0];
    let m: Compiled | null = null;
    let own = false; // a pattern swap or detection callback is set, or the machine was learnt: wink's code
    const methods: Fsm = Object.assign(Object.create(null), wink);
    methods.importJSON = (json) => {
      wink.importJSON(json);
      m = compile(json);
    };
    methods.learn = (patterns) => {
      m = null;
      return wink.learn(patterns);
    };
    methods.setPatternSwap = (patterns) => {
      wink.setPatternSwap(patterns);
      own = !!patterns && Array.isArray(patterns);
    };
    methods.setOnPatternDetectionFn = (f) => {
      const set = wink.setOnPatternDetectionFn(f);
      if (set) m = null;
      return set;
    };
    const push = (c: Compiled, patterns: unknown[], match: [number, number, number | string]) => {
      const m0 = match[2] as number;
      if (c.terminal[m0] === '0') return;
      const mark = c.marked[m0];
      if (mark) {
        match[0] += mark[0];
        match[1] -= mark[1];
      }
      match[2] = c.terminal[m0];
      patterns.push(match);
    };
    // automaton.js recognize, reading transitions from the tables (no pattern swap: delta is 1)
    methods.recognize = (tokens, transformToken, param) => {
      const c = m;
      if (c === null || own) return wink.recognize(tokens, transformToken, param);
      const { columns, width, next, otherwise, hasRow, isTerminal, rows } = c;
      const length = tokens.length;
      const fn = typeof transformToken === 'function' ? transformToken : null;
      const patterns: unknown[] = [];
      let first = 0;
      let state = 0;
      let ns = 0;
      let lastOtherwiseIndex = 0;
      let lastOtherwiseState = 0;
      for (let i = 0; i <= length; i += 1) {
        for (let j = i; j <= length; j += 1) {
          let t: unknown = j === length ? EOS : tokens[j];
          if (t === keyLF) continue;
          if (fn !== null && j < length) t = fn(t, cache, param, j);
          if (hasRow[state] !== 1) {
            // wink reads the state's row: none (an error) or one the tables did not take
            ns = (rows[state] as Record<string, number>)[t as string] || 0;
          } else if (typeof t === 'number' && (t | 0) === t && t >= 0) {
            const col = columns.get(t);
            ns = col === undefined ? 0 : next[state * width + col];
          } else ns = rows[state][t as string] || 0;
          if (!state && ns) first = j;
          if (isTerminal[ns] === 1) {
            push(c, patterns, [first, j, ns]);
            i = j;
            j = length + 100;
            ns = 0;
            lastOtherwiseState = 0;
          } else if (ns === 0) {
            if (lastOtherwiseState) {
              push(c, patterns, [first, lastOtherwiseIndex, lastOtherwiseState]);
              i = lastOtherwiseIndex;
              j = length + 100;
              ns = 0;
              lastOtherwiseState = 0;
            } else {
              j = length + 100;
            }
          }
          state = ns;
          const ow =
            hasRow[state] === 1 ? otherwise[state] : (rows[state] as Record<string, number>)[OTHERWISE];
          if (ow) {
            lastOtherwiseIndex = j;
            lastOtherwiseState = ow;
          }
        }
      }
      return patterns;
    };
    return methods;
  };
}

/** Which wrappers wink-nlp.js was loaded with. */
export const winkFast = { tokenizer: false, automaton: false };

function load(): typeof winkNLPType {
  const main = require.resolve('wink-nlp');
  const dir = dirname(main);
  // SITREP_WINK_PLAIN=1: wink's own modules (scripts/tokenize-identity.ts compares the two)
  if (require.cache[main] === undefined && process.env.SITREP_WINK_PLAIN !== '1') {
    const wrap = <T>(file: string, wrapper: (original: T) => T): boolean => {
      const path = join(dir, file);
      try {
        const original = require(path) as T;
        const entry = require.cache[path];
        if (entry === undefined || typeof original !== 'function') return false;
        entry.exports = wrapper(original);
        return true;
      } catch {
        return false;
      }
    };
    winkFast.tokenizer =
      wrap<(data: DocData) => DocAdder>('dd-wrapper.js', fastDocData) &&
      wrap<TokenizerFactory>('tokenizer.js', fastTokenizer);
    winkFast.automaton = wrap<FsmFactory>('automaton.js', fastFsm);
  }
  return require('wink-nlp') as typeof winkNLPType;
}

export const winkNLP = load();
