import type { TokenTable } from '../../text/tokenize.js';

/** A quotation: token range [open, close] inclusive of its marks, and its character span. */
export interface Quotation {
  open: number;
  close: number;
  start: number;
  end: number;
  /** False when the closing mark is missing (the quote ran to the end of its paragraph). */
  closed: boolean;
}

export interface QuoteIndex {
  quotes: Quotation[];
  /** Per token: index into `quotes` of the quotation containing it, or -1. */
  quoteOf: Int32Array;
}

const OPEN = 1;
const CLOSE = 2;
const EITHER = 3;

const NO_MARK: readonly [number, number] = [0, 0];
const OPEN_1: readonly [number, number] = [1, 1];
const CLOSE_1: readonly [number, number] = [2, 1];
const EITHER_1: readonly [number, number] = [3, 1];
const EITHER_2: readonly [number, number] = [3, 2];
const OPEN_2: readonly [number, number] = [1, 2];

/** A character that may start a quotation mark (curly, straight, low, grave). */
function isMarkChar(c: number): boolean {
  return (
    c === 0x201c ||
    c === 0x201d ||
    c === 0x22 ||
    c === 0x27 ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x60 ||
    c === 0x201e
  );
}

/** Kind of quotation mark starting at token i (0 if none) and how many tokens the mark takes. */
function markAt(t: TokenTable, i: number): readonly [kind: number, width: number] {
  const c = t.first[i];
  // only quotation characters can start a mark: skip everything else without allocating
  if (!isMarkChar(c)) return NO_MARK;
  const s = t.text[i];
  if (s === '“' || s === '``' || s === '„') return OPEN_1;
  if (s === '”') return CLOSE_1;
  if (s === '"' || s === "''") return EITHER_1;
  // NYT-style '' written as two apostrophe tokens with nothing between them
  if ((s === "'" || s === '’') && i + 1 < t.length && t.text[i + 1] === s && t.start[i + 1] === t.end[i]) {
    return EITHER_2;
  }
  if ((s === '‘' || s === '`') && i + 1 < t.length && t.text[i + 1] === s && t.start[i + 1] === t.end[i]) {
    return OPEN_2;
  }
  // '' glued by the tokenizer to a short first word: "'" + "'A museum …"
  if (
    (s === "'" || s === '’') &&
    i + 1 < t.length &&
    t.start[i + 1] === t.end[i] &&
    t.text[i + 1].length > 1 &&
    t.first[i + 1] === c
  ) {
    return OPEN_1;
  }
  return NO_MARK;
}

/** True when a line break separates token i-1 from token i. */
export function paragraphBreakBefore(text: string, t: TokenTable, i: number): boolean {
  if (i === 0) return true;
  for (let k = t.end[i - 1]; k < t.start[i]; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/**
 * Pair quotation marks. A straight quote opens when white space (or a line start, or a bracket)
 * precedes it and closes otherwise. A quote left open at the end of a paragraph continues when the
 * next paragraph starts with an opening mark (the convention for quotes running over paragraphs);
 * otherwise it ends with its paragraph.
 */
export function findQuotations(text: string, t: TokenTable): QuoteIndex {
  const quoteOf = new Int32Array(t.length).fill(-1);
  const quotes: Quotation[] = [];
  let open = -1;
  let lastInQuote = -1;
  const first = t.first;
  // the first line break at or after the end of the token before i (tokens are read in order)
  let nl = -1;
  for (let i = 0; i < t.length; ) {
    // outside a quotation only a mark matters: skip to the next token that may start one without
    // reading the white space before each token for a line break
    if (open < 0) {
      while (i < t.length && !isMarkChar(first[i])) i++;
      if (i >= t.length) break;
    }
    // paragraphBreakBefore(text, t, i), from the first line break at or after the previous token's
    // end (found by indexOf once per line, not read char by char before every quoted token)
    if (i > 0 && nl < t.end[i - 1]) {
      nl = text.indexOf('\n', t.end[i - 1]);
      if (nl < 0) nl = text.length;
    }
    const para = i === 0 || nl < t.start[i];
    const mark = markAt(t, i);
    let kind = mark[0];
    const width = mark[1];
    if (kind === EITHER) {
      const prev = t.start[i] > 0 ? text[t.start[i] - 1] : ' ';
      const after = t.end[i + width - 1] < text.length ? text[t.end[i + width - 1]] : ' ';
      const spaceBefore = /[\s([{—–-]/.test(prev);
      const spaceAfter = /\s/.test(after);
      kind =
        open >= 0 && !para
          ? spaceBefore && !spaceAfter
            ? OPEN
            : CLOSE
          : spaceBefore && !spaceAfter
            ? OPEN
            : CLOSE;
      if (open < 0 && !spaceAfter) kind = OPEN;
    } else if (kind === CLOSE && para && width === 1) {
      // a right mark opening a paragraph closes nothing: a typo for the opening mark ("”Fear. …”")
      const after = t.end[i] < text.length ? text[t.end[i]] : ' ';
      if (after !== ' ' && after !== '\n') kind = OPEN;
    }
    if (para && open >= 0) {
      // paragraph break inside an open quote: continue only if this paragraph reopens it, and not
      // when the reopened quotation closes inside the paragraph before more text ("“…,” Sexton
      // said."): that paragraph is a new attribution, and the open quote ended with its paragraph
      if (kind !== OPEN || closesBeforeText(text, t, i + width)) {
        finish(t, quotes, quoteOf, open, lastInQuote, false);
        open = -1;
      } else {
        i += width;
        lastInQuote = i - 1;
        continue;
      }
    }
    if (kind === OPEN && open >= 0 && mark[0] === OPEN) {
      // “… what he calls “hell” than …”: a curly quotation nested in an open one, when its own
      // closing mark is followed by another before the paragraph ends
      const inner = nestedClose(text, t, i + width);
      if (inner > 0) {
        lastInQuote = inner;
        i = inner + 1;
        continue;
      }
    }
    if (kind === OPEN) {
      if (open >= 0 && i - 1 >= open) finish(t, quotes, quoteOf, open, i - 1, false);
      open = i;
      i += width;
      lastInQuote = i - 1;
      continue;
    }
    if (kind === CLOSE && open >= 0) {
      // "…all,''' said X": a single quote closing inside, then the pair; the pair is the last two
      const third =
        width === 2 && i + 2 < t.length && t.text[i + 2] === t.text[i] && t.start[i + 2] === t.end[i + 1];
      i += third ? 3 : width;
      finish(t, quotes, quoteOf, open, i - 1, true);
      open = -1;
      continue;
    }
    if (open >= 0) lastInQuote = i;
    i += width || 1;
  }
  if (open >= 0) finish(t, quotes, quoteOf, open, lastInQuote, false);
  return { quotes, quoteOf };
}

/**
 * Record the quotation from token `open` to `close`. (A function of its own, not a closure over the
 * pairing's state: that one was allocated per document, and under tsx named itself.)
 */
function finish(
  t: TokenTable,
  quotes: Quotation[],
  quoteOf: Int32Array,
  open: number,
  close: number,
  closed: boolean,
): void {
  quotes.push({ open, close, start: t.start[open], end: t.end[close], closed });
  for (let k = open; k <= close; k++) quoteOf[k] = quotes.length - 1;
}

/** From token `from` in a paragraph: a closing mark followed by a word before the paragraph ends. */
function closesBeforeText(text: string, t: TokenTable, from: number): boolean {
  for (let k = from; k < t.length; k++) {
    if (paragraphBreakBefore(text, t, k)) return false;
    const s = t.text[k];
    if (s !== '”' && s !== '"' && s !== "''") continue;
    for (let m = k + 1; m < t.length && !paragraphBreakBefore(text, t, m); m++) {
      const c = t.first[m];
      // a letter after the mark (and its punctuation): the sentence goes on outside the quotation
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
      if (t.text[m] === '“' || t.text[m] === '"') return false;
    }
    return false;
  }
  return false;
}

/**
 * For an opening curly mark inside an open quotation: the token of its closing ” when another ”
 * follows it before the paragraph ends with no opening mark between (the inner quotation is nested),
 * else -1.
 */
function nestedClose(text: string, t: TokenTable, from: number): number {
  let first = -1;
  for (let k = from; k < t.length; k++) {
    if (paragraphBreakBefore(text, t, k)) return -1;
    const s = t.text[k];
    if (s === '“') return -1;
    if (s === '”') {
      if (first < 0) first = k;
      else return first;
    }
  }
  return -1;
}
