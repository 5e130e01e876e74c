/**
 * wink-nlp with four of its internal modules wrapped before wink-nlp.js loads them (through Node's
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
 *   adds the same tokens for later occurrences. A piece seen before (known or recorded) is found in a
 *   table keyed by its characters, without a string made for it or a lookup in the whole lexicon.
 * - the automaton (`automaton.js`) that runs the sentence-boundary and POS machines: wink reads each
 *   transition from the machine's JSON object, whose sparse integer keys V8 keeps in a hashed
 *   dictionary (a seeded hash per read, several reads per token and machine). The wrapper compiles a
 *   machine into a column map and a typed-array transition table and runs wink's recognize loop on it,
 *   each token transformed and given its column once.
 * - the token mappers (`tokens-mappers.js`), which read a token's normal and default POS through two
 *   or three cache methods: their answers are tabled by lexeme index.
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

/** Pieces kept at most per engine; the table is emptied when full (a replay adds what wink would). */
const MAX_PIECES = 250_000;

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

/**
 * The pieces a tokenizer has met, keyed by their characters (no string made or hashed per piece: a
 * piece seen before is found from the text's characters): open addressing on a hash of the
 * characters, the keys' characters in one pool. A piece's entry holds what the tokenizer adds for it:
 * a lexeme index (one plain token), a recording, or a contraction's text (which wink's
 * addTokenIfInCache adds). Entries are made with the lexicon lookup of the time;
 * the tokenizer empties the table when the document's lookup is another one.
 */
class Pieces {
  /**
   * Four numbers a slot, so that a lookup reads one slot and the key's characters: the piece's hash,
   * where its characters are in the pool, how many (0: an empty slot), and its lexeme index or, below
   * 0, -1 - the index of its recording or contraction text in `extra`.
   */
  slots = new Int32Array(4 << 14);
  mask = (1 << 14) - 1;
  pool = new Uint16Array(1 << 16);
  used = 0;
  size = 0;
  extra: (Recording | string)[] = [];

  /** The slot of text[a, b) (hash h), or -1. */
  find(text: string, a: number, b: number, h: number): number {
    const { slots, mask, pool } = this;
    const len = b - a;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const n = slots[4 * s + 2];
      if (n === 0) return -1;
      if (slots[4 * s] !== h || n !== len) continue;
      let p = slots[4 * s + 1];
      let i = a;
      while (i < b && pool[p] === text.charCodeAt(i)) {
        p++;
        i++;
      }
      if (i === b) return s;
    }
  }

  /** What the tokenizer adds for the piece in slot s: its lexeme index, recording or contraction text. */
  value(s: number): number | Recording | string {
    const v = this.slots[4 * s + 3];
    return v >= 0 ? v : this.extra[-1 - v];
  }

  /** Add text[a, b) (hash h, not in the table, not empty) with what the tokenizer adds for it. */
  add(text: string, a: number, b: number, h: number, value: number | Recording | string): void {
    const len = b - a;
    if (this.used + len > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.used + len));
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let i = a, p = this.used; i < b; i++, p++) this.pool[p] = text.charCodeAt(i);
    const v = typeof value === 'number' ? value : -1 - (this.extra.push(value) - 1);
    this.place(h, this.used, len, v);
    this.used += len;
    this.size++;
    if (2 * this.size > this.mask) this.grow();
  }

  private place(h: number, at: number, len: number, v: number): void {
    const { slots, mask } = this;
    let s = h & mask;
    while (slots[4 * s + 2] !== 0) s = (s + 1) & mask;
    slots[4 * s] = h;
    slots[4 * s + 1] = at;
    slots[4 * s + 2] = len;
    slots[4 * s + 3] = v;
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array(4 * (this.mask + 1));
    for (let s = 0; s < old.length; s += 4)
      if (old[s + 2] !== 0) this.place(old[s], old[s + 1], old[s + 2], old[s + 3]);
  }
}

// FNV-1a over a piece's UTF-16 codes, then a final mix (the table indexes by the low bits)
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
function mix(h: number): number {
  const x = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return x ^ (x >>> 16);
}

function fastTokenizer(original: TokenizerFactory): TokenizerFactory {
  return (trex, categories, preserve) => {
    const wink = original(trex, categories, preserve);
    // the splitter this reimplements (a model with another one is tokenised by wink)
    const own = String(trex.helpers.splitter) === String(SPLITTER);
    let pieces = new Pieces();
    // the lexicon lookup the table's entries were made with
    let lookupOfPieces: DocData['cache']['lookup'] | null = null;

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
      const plain =
        n === 1 && rec[1] === MAX_SPACES && rec[2] === 0 && rec[3] === 0 && rec[4] === SPACED + NBSP;
      return plain ? rec[0] : rec;
    };

    return (doc, text) => {
      const data = doc._data;
      if (data === undefined || !own) {
        wink(doc, text);
        return;
      }
      const tokens = data.tokens;
      // (read again after wink's own code ran: tokenize.ts replaces the lookup while the first document is read)
      const cache = data.cache;
      let lookup = cache.lookup;
      if (lookup !== lookupOfPieces) {
        pieces = new Pieces();
        lookupOfPieces = lookup;
      }
      // wink's loop over the pieces between its splitter's matches (tokenizer.js tokenize)
      let precedingSpaces = 0;
      let nbSpaces: string | null = null;
      const n = text.length;
      let a = 0;
      while (a < n) {
        const c0 = text.charCodeAt(a);
        const kind = charClass(c0);
        let b = a + 1;
        if (kind === SPACE) {
          let nb = c0 !== 32; // a space run with a non-breaking space
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
        let h = Math.imul(FNV_BASIS ^ c0, FNV_PRIME);
        for (; b < n; b++) {
          const c = text.charCodeAt(b);
          if (charClass(c) !== kind) break;
          h = Math.imul(h ^ c, FNV_PRIME);
        }
        h = mix(h);
        const found = pieces.find(text, a, b, h);
        let r: number | Recording | string;
        if (found >= 0) r = pieces.value(found);
        else {
          const t = text.slice(a, b);
          // a piece the lexicon knows is added as wink adds it (dd-wrapper.js addTokenIfInCache)
          const known = lookup(t);
          if (known !== null) r = known.length === 1 ? known[0] : t;
          else {
            r = record(doc, data, t);
            // wink's code may have replaced the lookup (tokenize.ts does as wink learns its first word)
            lookup = cache.lookup;
            if (lookup !== lookupOfPieces) {
              pieces = new Pieces();
              lookupOfPieces = lookup;
            }
          }
          if (pieces.size >= MAX_PIECES) pieces = new Pieces();
          pieces.add(text, a, b, h, r);
        }
        a = b;
        if (typeof r === 'number') {
          const idx = tokens.push(r, precedingSpaces, 0, 0);
          if (nbSpaces !== null && precedingSpaces > 0) data.nonBreakingSpaces[(idx >> 2) - 1] = nbSpaces;
        } else if (typeof r === 'string') {
          doc._addTokenIfInCache(r, precedingSpaces, nbSpaces);
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
  /**
   * Column of each integer token the machine has a transition on, as an open-addressing table (a few
   * dozen keys: a probe or two in a table that stays in cache, where a Map hashes the number through
   * a builtin): the token at `keys[s]` (-1: empty) has column `keyColumns[s]`, from slot
   * `hashSlot(token, keyShift)` on.
   */
  keys: Int32Array;
  keyColumns: Int32Array;
  keyShift: number;
  /** Columns: one per integer key, and the last (`width - 1`) for every other token (no transition). */
  width: number;
  /** Next state by state * width + column (0: none, wink's `|| root`; a terminal state negated). */
  next: Int32Array;
  /** The state's 'otherwise' state (0: none). */
  otherwise: Int32Array;
  /** 1 if the state has a row in the machine (wink fails on a state without one). */
  hasRow: Uint8Array;
  /** 1 if the state is terminal (its pattern name is not empty). */
  isTerminal: Uint8Array;
  /**
   * Whether every state the machine can move to has a row and the root is not terminal: then
   * recognize's loop needs neither `hasRow` nor `isTerminal` (`next` holds terminal targets negated).
   */
  fast: boolean;
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
  const width = columns.size + 1;
  let keyShift = 32 - 3;
  while (1 << (32 - keyShift) < 4 * columns.size) keyShift--;
  const keys = new Int32Array(1 << (32 - keyShift)).fill(-1);
  const keyColumns = new Int32Array(keys.length);
  for (const [k, col] of columns) {
    let slot = hashSlot(k, keyShift);
    while (keys[slot] !== -1) slot = (slot + 1) & (keys.length - 1);
    keys[slot] = k;
    keyColumns[slot] = col;
  }
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
  // (in place and in loops: a machine can be large, such as the model's NER machine, and
  // Int32Array.from with a mapping function collects every value on the heap first)
  let fast = hasRow[0] === 1 && isTerminal[0] !== 1;
  for (let x = 0; x < next.length; x++) {
    const v = next[x];
    if (v !== 0 && isTerminal[v] !== 1 && hasRow[v] !== 1) fast = false;
    if (isTerminal[v] === 1) next[x] = -v;
  }
  for (let x = 0; x < otherwise.length; x++) {
    const v = otherwise[x];
    if (v !== 0 && isTerminal[v] !== 1 && hasRow[v] !== 1) fast = false;
  }
  return {
    keys,
    keyColumns,
    keyShift,
    width,
    next,
    otherwise,
    hasRow,
    isTerminal,
    fast,
    rows,
    terminal,
    marked,
  };
}

/** A key's first slot in a table of 2^(32 - shift) slots (Fibonacci hashing). */
function hashSlot(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

/** The column of an integer token (c.width - 1: no transition on it). */
function columnOf(c: Compiled, t: number): number {
  const { keys } = c;
  const mask = keys.length - 1;
  for (let slot = hashSlot(t, c.keyShift); ; slot = (slot + 1) & mask) {
    const k = keys[slot];
    if (k === t) return c.keyColumns[slot];
    if (k === -1) return c.width - 1;
  }
}

/** The integer a string names as a property key of a row ("12" as 12; -1 if the tables do not key it). */
function integerKey(t: string): number {
  const n = t.length;
  if (n === 0 || n > 9) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (d === 0 && i === 0 && n > 1)) return -1;
    v = v * 10 + d;
  }
  return v;
}

// a token the machine skips (its key token, a line break), in recognize's column buffer
const SKIP = -1;

function fastFsm(original: FsmFactory): FsmFactory {
  return (cache, token2Ignore) => {
    const wink = original(cache, token2Ignore);
    // wink recognises with its own code where the tables would not hold the machine
    if (cache === undefined || cache === null) return wink;
    const keyLF = cache.lookup(token2Ignore === undefined ? '\n' : token2Ignore)?.[0];
    const keyIsNumber = typeof keyLF === 'number';
    let m: Compiled | null = null;
    // a machine imported but not compiled yet: compiled when it first recognizes (wink-nlp imports
    // every machine of the model, and the sentiment one, which tokenize never runs, has 37 million
    // cells: 150 MB of tables per engine)
    let imported: string | null = null;
    let own = false; // a pattern swap or detection callback is set, or the machine was learnt: wink's code
    const methods: Fsm = Object.assign(Object.create(null), wink);
    methods.importJSON = (json) => {
      wink.importJSON(json);
      m = null;
      imported = json;
    };
    methods.learn = (patterns) => {
      m = null;
      imported = null;
      return wink.learn(patterns);
    };
    methods.setPatternSwap = (patterns) => {
      wink.setPatternSwap(patterns);
      own = !!patterns && Array.isArray(patterns);
    };
    methods.setOnPatternDetectionFn = (f) => {
      const set = wink.setOnPatternDetectionFn(f);
      if (set) {
        m = null;
        imported = null;
      }
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
    /**
     * automaton.js recognize, reading transitions from the tables (no pattern swap: delta is 1). Each
     * token is transformed and given its column once, before the machine runs (wink transforms a token
     * each time its loop revisits it; the model's transformers read the token, its index and the
     * document's data, which recognize does not change): if a symbol is not a non-negative integer, or
     * the machine reaches a state without a row, recognize starts over in `exact`, which reads
     * such symbols and rows as wink does.
     */
    let columns = new Int32Array(1024);
    methods.recognize = (tokens, transformToken, param) => {
      if (imported !== null) {
        m = compile(imported);
        imported = null;
      }
      const c = m;
      if (c === null || own) return wink.recognize(tokens, transformToken, param);
      const length = tokens.length;
      const fn = typeof transformToken === 'function' ? transformToken : null;
      if (columns.length <= length) columns = new Int32Array(2 * length + 1);
      const cols = columns;
      for (let j = 0; j < length; j++) {
        let t = tokens[j];
        // (a string token, such as a POS tag wink's updater wrote, is never a numeric key token: no
        // generic string-to-number comparison for it)
        if ((typeof t === 'number' || !keyIsNumber) && t === keyLF) {
          cols[j] = SKIP;
          continue;
        }
        if (fn !== null) t = fn(t, cache, param, j);
        // (wink's POS updater writes the tags it sets as strings: "12" reads the row's key 12)
        const k = typeof t === 'string' ? integerKey(t) : t;
        if (typeof k !== 'number' || (k | 0) !== k || k < 0) return exact(c, tokens, fn, param);
        cols[j] = columnOf(c, k);
      }
      cols[length] = columnOf(c, EOS);
      const { width, otherwise, next, fast } = c;
      if (!fast) return exact(c, tokens, fn, param);
      const patterns: unknown[] = [];
      let first = 0;
      let state = 0;
      let lastOtherwiseIndex = 0;
      let lastOtherwiseState = 0;
      for (let i = 0; i <= length; i += 1) {
        for (let j = i; j <= length; j += 1) {
          const col = cols[j];
          if (col === SKIP) continue;
          // (a state the machine moves to has a row: see Compiled.fast)
          let ns = next[state * width + col];
          if (!state && ns) first = j;
          if (ns < 0) {
            push(c, patterns, [first, j, -ns]);
            i = j;
            j = length + 100;
            ns = 0;
            lastOtherwiseState = 0;
          } else if (ns === 0) {
            if (lastOtherwiseState) {
              push(c, patterns, [first, lastOtherwiseIndex, lastOtherwiseState]);
              i = lastOtherwiseIndex;
              j = length + 100;
              lastOtherwiseState = 0;
            } else {
              j = length + 100;
            }
          }
          state = ns;
          const ow = otherwise[state];
          if (ow) {
            lastOtherwiseIndex = j;
            lastOtherwiseState = ow;
          }
        }
      }
      return patterns;
    };
    /** recognize with every symbol read as wink reads it (what the column buffer does not hold). */
    const exact = (c: Compiled, tokens: unknown[], fn: Transformer | null, param: unknown): unknown[] => {
      const { width, next, otherwise, hasRow, isTerminal, rows } = c;
      const length = tokens.length;
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
            ns = Math.abs(next[state * width + columnOf(c, t)]);
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

/** wink's cache, as its token mappers read it. */
interface MapperCache {
  normal(index: number): number;
  nox(word: number): number;
  posOf(index: number): number;
  mappedSpelling(index: number): number;
}
interface MapperDocData {
  tokens: number[];
  cache: MapperCache;
  numOfTokens: number;
}
interface Mappers {
  mapRawTokens2UIdOfNormal(rdd: MapperDocData): number[];
  mapRawTokens2UIdOfDefaultPOS(rdd: MapperDocData): number[];
}

// wink's POS bits in a token's third number (constants.js posMask, bits4lemma)
const POS_MASK = 0x3f00000;
const BITS_4_LEMMA = 20;

/**
 * A number of wink's cache by lexeme index, read through the cache once per index and then from a
 * typed array (-1: not read yet). A lexeme's entry never changes once wink has made it (the model's
 * lexicon is static; a learnt word's entry is written when it is learnt), so the table answers as
 * the cache does; an answer the table cannot hold is passed on, not tabled.
 */
class LexemeColumn {
  table = new Int32Array(1 << 17).fill(-1);
  /** The number for `index` not in the table yet, read (and tabled if it can be). */
  read(index: number, read: (index: number) => number): number {
    if ((index | 0) !== index || index < 0) return read(index);
    if (index >= this.table.length) {
      const table = new Int32Array(Math.max(this.table.length * 2, index + 1)).fill(-1);
      table.set(this.table);
      this.table = table;
    }
    const v = read(index);
    if ((v | 0) === v && v >= 0) this.table[index] = v;
    return v;
  }
}

/**
 * tokens-mappers.js, with the cache's answers tabled by lexeme index (wink calls two or three cache
 * methods a token, each a read of the cache's dictionary-mode object and of the packed lexicon).
 */
function fastMappers(original: Mappers): Mappers {
  if (
    typeof original?.mapRawTokens2UIdOfNormal !== 'function' ||
    typeof original.mapRawTokens2UIdOfDefaultPOS !== 'function'
  )
    throw new Error('tokens-mappers.js is not laid out as wink-nlp 2.4 lays it out');
  const byCache = new WeakMap<MapperCache, { normal: LexemeColumn; pos: LexemeColumn }>();
  const columns = (cache: MapperCache) => {
    let c = byCache.get(cache);
    if (c === undefined) {
      c = { normal: new LexemeColumn(), pos: new LexemeColumn() };
      byCache.set(cache, c);
    }
    return c;
  };
  return {
    ...original,
    mapRawTokens2UIdOfNormal(rdd) {
      const { tokens, cache } = rdd;
      const column = columns(cache).normal;
      const normal = (index: number) => cache.normal(index);
      const mapped = new Array<number>(rdd.numOfTokens);
      let table = column.table;
      for (let i = 0; i < tokens.length; i += 4) {
        const w = tokens[i + 1];
        if (w > 65535) mapped[i >> 2] = cache.nox(w);
        else {
          const index = tokens[i];
          let v = index >= 0 && index < table.length ? table[index] : -1;
          if (v < 0) {
            v = column.read(index, normal);
            table = column.table;
          }
          mapped[i >> 2] = v;
        }
      }
      return mapped;
    },
    mapRawTokens2UIdOfDefaultPOS(rdd) {
      const { tokens, cache } = rdd;
      const column = columns(cache).pos;
      // (an unknown POS becomes NOUN, 8, as in wink)
      const pos = (index: number) => cache.posOf(cache.mappedSpelling(index)) || 8;
      const tags = new Array<number>(rdd.numOfTokens);
      let table = column.table;
      for (let i = 0, k = 0; i < tokens.length; i += 4, k++) {
        const p = tokens[i + 2];
        if (p !== 0) tags[k] = (p & POS_MASK) >>> BITS_4_LEMMA;
        else {
          const index = tokens[i];
          let v = index >= 0 && index < table.length ? table[index] : -1;
          if (v < 0) {
            v = column.read(index, pos);
            table = column.table;
          }
          tags[k] = v;
        }
      }
      return tags;
    },
  };
}

/** Which wrappers wink-nlp.js was loaded with. */
export const winkFast = { tokenizer: false, automaton: false, mappers: false };

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
        if (entry === undefined || (typeof original !== 'function' && typeof original !== 'object'))
          return false;
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
    winkFast.mappers = wrap<Mappers>('tokens-mappers.js', fastMappers);
  }
  return require('wink-nlp') as typeof winkNLPType;
}

export const winkNLP = load();
