/**
 * MinHash signatures over word 3-gram shingles, packed for storage, and estimates of Jaccard
 * similarity and containment from them. Word shingles ignore re-wrapping and re-paragraphing;
 * containment (shared shingles over the smaller set) survives trimmed bodies and added boilerplate.
 */

/** Hash functions per signature (a multiple of 4: minhash computes four per pass). */
export const MINHASH_K = 64;
const SHINGLE = 3;

// Seeds for the K hash functions: fixed, so signatures are stable across runs and machines.
const SEEDS = new Uint32Array(MINHASH_K);
{
  let s = 0x9e3779b9;
  for (let i = 0; i < MINHASH_K; i++) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0;
    SEEDS[i] = s;
  }
}

// A letter or digit outside ASCII (the word test of a non-ASCII character, rare in news).
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

// 1 for the ASCII letters and digits
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;

/** UTF-16 length of the character at `i` of `s` if it is a letter or digit ([\p{L}\p{N}]), else 0. */
function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return ASCII_WORD[c];
  const len = s.codePointAt(i)! > 0xffff ? 2 : 1;
  return LETTER_OR_DIGIT.test(s.slice(i, i + len)) ? len : 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hashes of the words of a text, in order. Words are maximal runs of letters and digits of the
 * lower-cased text, each hashed (FNV-1a over its UTF-16 units) as it is scanned: no match objects or
 * substrings, since this runs for every stored article.
 */
function wordHashes(text: string): number[] {
  const low = text.toLowerCase();
  const words: number[] = [];
  const n = low.length;
  let i = 0;
  while (i < n) {
    let len = wordCharAt(low, i);
    if (len === 0) {
      i++;
      continue;
    }
    let h = 0x811c9dc5;
    do {
      for (let k = 0; k < len; k++) {
        h ^= low.charCodeAt(i + k);
        h = Math.imul(h, 0x01000193);
      }
      i += len;
      len = i < n ? wordCharAt(low, i) : 0;
    } while (len > 0);
    words.push(h >>> 0);
  }
  return words;
}

/** The one shingle of a text of fewer than SHINGLE words (which must not be empty). */
function shortShingle(words: number[]): number {
  return fmix(words.reduce((a, b) => Math.imul(a, 31) + b, 7));
}

/**
 * Distinct shingle hashes (as int32 bits) in first-seen order, deduplicated with an open-addressing
 * set: the signature does not need them sorted, only their count distinct.
 */
function distinctShingles(words: number[]): Int32Array {
  const n = words.length - SHINGLE + 1;
  let size = 16;
  while (size < 2 * n) size <<= 1;
  const mask = size - 1;
  const table = new Int32Array(size);
  const used = new Uint8Array(size);
  const out = new Int32Array(n);
  let m = 0;
  for (let w = 0; w < n; w++) {
    let h = 7;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h, 0x01000193) ^ words[w + j];
    let k = (h ^ (h >>> 15)) & mask;
    while (used[k] === 1 && table[k] !== h) k = (k + 1) & mask;
    if (used[k] === 0) {
      used[k] = 1;
      table[k] = h;
      out[m++] = h;
    }
  }
  return out.subarray(0, m);
}

/** Distinct shingle hashes of a text, ascending. */
export function shingleHashes(text: string): Uint32Array {
  const words = wordHashes(text);
  if (words.length < SHINGLE) return Uint32Array.from(words.length ? [shortShingle(words)] : []);
  const sh = distinctShingles(words);
  return new Uint32Array(sh.buffer, sh.byteOffset, sh.length).sort();
}

const SEEDS_I32 = new Int32Array(SEEDS.buffer);
// Flips the sign bit: unsigned order of uint32 values is the signed order of the flipped int32s,
// so the minima are kept in int32 arithmetic (no conversions to doubles in the hot loop).
const FLIP = 0x80000000 | 0;

/** Signature: element 0 is the number of distinct shingles, then K minima. */
export function minhash(text: string): Uint32Array {
  const words = wordHashes(text);
  const sig = new Uint32Array(MINHASH_K + 1);
  if (words.length < SHINGLE) {
    sig.fill(0xffffffff, 1);
    if (!words.length) return sig;
    sig[0] = 1;
    const x = shortShingle(words);
    for (let i = 0; i < MINHASH_K; i++) sig[i + 1] = fmix(x ^ SEEDS[i]);
    return sig;
  }
  const sh = distinctShingles(words);
  const n = sh.length;
  sig[0] = n;
  // four hash functions per pass over the shingles (fmix inlined): ~1/3 less time than one per pass
  for (let i = 0; i < MINHASH_K; i += 4) {
    const s0 = SEEDS_I32[i];
    const s1 = SEEDS_I32[i + 1];
    const s2 = SEEDS_I32[i + 2];
    const s3 = SEEDS_I32[i + 3];
    let m0 = 0x7fffffff;
    let m1 = 0x7fffffff;
    let m2 = 0x7fffffff;
    let m3 = 0x7fffffff;
    for (let j = 0; j < n; j++) {
      const x = sh[j];
      let h = x ^ s0;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= (h >>> 16) ^ FLIP;
      if (h < m0) m0 = h;
      h = x ^ s1;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= (h >>> 16) ^ FLIP;
      if (h < m1) m1 = h;
      h = x ^ s2;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= (h >>> 16) ^ FLIP;
      if (h < m2) m2 = h;
      h = x ^ s3;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= (h >>> 16) ^ FLIP;
      if (h < m3) m3 = h;
    }
    sig[i + 1] = (m0 ^ FLIP) >>> 0;
    sig[i + 2] = (m1 ^ FLIP) >>> 0;
    sig[i + 3] = (m2 ^ FLIP) >>> 0;
    sig[i + 4] = (m3 ^ FLIP) >>> 0;
  }
  return sig;
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a[0] === 0 || b[0] === 0) return 0;
  let eq = 0;
  for (let i = 1; i <= MINHASH_K; i++) if (a[i] === b[i]) eq++;
  return eq / MINHASH_K;
}

/** Estimated share of the smaller set's shingles found in the other (from Jaccard and set sizes). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  const j = jaccard(a, b);
  if (j === 0) return 0;
  const inter = (j * (a[0] + b[0])) / (1 + j);
  return Math.min(1, inter / Math.min(a[0], b[0]));
}

export function packSignature(sig: Uint32Array): Uint8Array {
  const out = new Uint8Array(sig.length * 4);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < sig.length; i++) dv.setUint32(i * 4, sig[i], true);
  return out;
}

export function unpackSignature(bytes: Uint8Array): Uint32Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.byteLength >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = dv.getUint32(i * 4, true);
  return out;
}
