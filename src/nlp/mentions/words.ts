import type { Doc } from '../../model/doc.js';
import { POS } from '../../text/tokenize.js';

/**
 * Words: tokens re-joined where the tokenizer split a hyphenated or apostrophised word written
 * without spaces ("Al-Fateh", "Nagorno-Karabakh", "Damascus-based", "Hay'at"). Struct of arrays.
 */
export interface Words {
  length: number;
  start: Int32Array;
  end: Int32Array;
  /** POS of the word: PROPN if any part is a proper noun, else the last part's tag. */
  pos: Uint8Array;
  sentence: Uint32Array;
  text: string[];
  lower: string[];
  /** Index of the word's first token. */
  firstToken: Int32Array;
  /**
   * UTF-16 code of the first character of `text` (whose length is always `end - start`): tests of a
   * word's first letter read it here rather than from the strings, which come in more internal
   * representations than V8 keeps inline caches for.
   */
  first: Uint16Array;
}

/** A one-character token that joins two word parts: '-', '‐', '‑', "'", '’'. */
function isJoiner(s: string): boolean {
  if (s.length !== 1) return false;
  const c = s.charCodeAt(0);
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 39 || c === 0x2019;
}

const PARTICIPLE =
  /^(?:\p{Ll}+(?:ed|ing|en)|based|led|run|born|made|held|owned|style|wide|era|type|like|bound|free|friendly|funded|allied|affiliated|aligned|speaking|majority|dominated|controlled|backed|sponsored|brokered|mediated|ruled)$/u;

/** "Damascus-based", "OSCE-mediated", "Turkish-backed": a name plus a lower-case participle stays two words. */
function modifierSuffix(left: string, joiner: string, right: string): boolean {
  return joiner !== "'" && joiner !== '’' && /^\p{Lu}/u.test(left) && PARTICIPLE.test(right);
}

export function buildWords(doc: Doc): Words {
  const t = doc.tokens;
  const n = t.length;
  // one backing store for all the columns, rather than five ArrayBuffers to allocate and free per document
  const buf = new ArrayBuffer(n * 19);
  const start = new Int32Array(buf, 0, n);
  const end = new Int32Array(buf, 4 * n, n);
  const sentence = new Uint32Array(buf, 8 * n, n);
  const firstToken = new Int32Array(buf, 12 * n, n);
  const first = new Uint16Array(buf, 16 * n, n);
  const pos = new Uint8Array(buf, 18 * n, n);
  const text: string[] = [];
  const lower: string[] = [];
  let w = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    let p = t.pos[i];
    // join X-Y, X'Y chains with no spaces in between, inside one sentence (offsets first: most
    // tokens have a space after them, and then no string is read)
    while (
      j + 2 < n &&
      t.end[j] === t.start[j + 1] &&
      t.end[j + 1] === t.start[j + 2] &&
      isJoiner(t.text[j + 1]) &&
      t.sentence[j + 2] === t.sentence[i] &&
      /^[\p{L}\d]/u.test(t.text[j + 2]) &&
      !modifierSuffix(t.text[j], t.text[j + 1], t.text[j + 2])
    ) {
      j += 2;
      if (t.pos[j] === POS.PROPN) p = POS.PROPN;
      else if (p !== POS.PROPN) p = t.pos[j];
    }
    start[w] = t.start[i];
    end[w] = t.end[j];
    pos[w] = p;
    sentence[w] = t.sentence[i];
    firstToken[w] = i;
    if (j === i && t.end[i] - t.start[i] === t.text[i].length) {
      // a single token: reuse its strings rather than allocate them again
      text.push(t.text[i]);
      lower.push(t.lower[i]);
      first[w] = t.first[i];
    } else {
      const s = doc.text.slice(start[w], end[w]);
      first[w] = doc.text.charCodeAt(start[w]);
      text.push(s);
      lower.push(s.toLowerCase());
    }
    w++;
    i = j + 1;
  }
  return {
    length: w,
    start: start.subarray(0, w),
    end: end.subarray(0, w),
    pos: pos.subarray(0, w),
    sentence: sentence.subarray(0, w),
    firstToken: firstToken.subarray(0, w),
    first: first.subarray(0, w),
    text,
    lower,
  };
}
