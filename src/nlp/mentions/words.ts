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
  // (sized for the tokens, then cut to the words: no growing as they are added)
  const text: string[] = new Array(n);
  const lower: string[] = new Array(n);
  // the token columns as locals: the loop stores to typed arrays, after which V8 reloads properties
  const tStart = t.start;
  const tEnd = t.end;
  const tPos = t.pos;
  const tSentence = t.sentence;
  let w = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    let p = tPos[i];
    // join X-Y, X'Y chains with no spaces in between, inside one sentence (offsets first: most
    // tokens have a space after them, and then no string is read)
    while (
      j + 2 < n &&
      tEnd[j] === tStart[j + 1] &&
      tEnd[j + 1] === tStart[j + 2] &&
      isJoiner(t.text[j + 1]) &&
      tSentence[j + 2] === tSentence[i] &&
      /^[\p{L}\d]/u.test(t.text[j + 2]) &&
      !modifierSuffix(t.text[j], t.text[j + 1], t.text[j + 2])
    ) {
      j += 2;
      if (tPos[j] === POS.PROPN) p = POS.PROPN;
      else if (p !== POS.PROPN) p = tPos[j];
    }
    start[w] = tStart[i];
    end[w] = tEnd[j];
    pos[w] = p;
    sentence[w] = tSentence[i];
    firstToken[w] = i;
    if (j === i) {
      // a single token: reuse its strings rather than allocate them again (its length is end - start,
      // as the word's must be)
      text[w] = t.text[i];
      lower[w] = t.lower[i];
      first[w] = t.first[i];
    } else {
      const s = doc.text.slice(start[w], end[w]);
      first[w] = doc.text.charCodeAt(start[w]);
      text[w] = s;
      lower[w] = s.toLowerCase();
    }
    w++;
    i = j + 1;
  }
  text.length = w;
  lower.length = w;
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
