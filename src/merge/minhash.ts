/**
 * MinHash signatures over word 3-gram shingles, packed for storage, and estimates of Jaccard
 * similarity and containment from them. Word shingles ignore re-wrapping and re-paragraphing;
 * containment (shared shingles over the smaller set) survives trimmed bodies and added boilerplate.
 */

/** Hash functions per signature. */
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

/** UTF-16 length of the character at `i` of `s` if it is a letter or digit ([\p{L}\p{N}]), else 0. */
function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
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
 * Distinct shingle hashes of a text, ascending. Words are maximal runs of letters and digits of the
 * lower-cased text, each hashed (FNV-1a over its UTF-16 units) as it is scanned: no match objects or
 * substrings, since this runs for every stored article.
 */
export function shingleHashes(text: string): Uint32Array {
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
  if (words.length < SHINGLE) {
    const one = new Uint32Array(words.length ? 1 : 0);
    if (words.length) one[0] = fmix(words.reduce((a, b) => Math.imul(a, 31) + b, 7));
    return one;
  }
  const hashes = new Uint32Array(words.length - SHINGLE + 1);
  for (let w = 0; w < hashes.length; w++) {
    let h = 7;
    for (let j = 0; j < SHINGLE; j++) h = (Math.imul(h, 0x01000193) ^ words[w + j]) >>> 0;
    hashes[w] = h;
  }
  // sort and drop repeats (cheaper than a Set for a few thousand numbers)
  hashes.sort();
  let m = 0;
  for (let k = 0; k < hashes.length; k++) if (m === 0 || hashes[k] !== hashes[m - 1]) hashes[m++] = hashes[k];
  return hashes.subarray(0, m);
}

/** Signature: element 0 is the number of distinct shingles, then K minima. */
export function minhash(text: string): Uint32Array {
  const sh = shingleHashes(text);
  const sig = new Uint32Array(MINHASH_K + 1);
  sig[0] = sh.length;
  sig.fill(0xffffffff, 1);
  for (let j = 0; j < sh.length; j++) {
    const x = sh[j];
    for (let i = 0; i < MINHASH_K; i++) {
      const h = fmix(x ^ SEEDS[i]);
      if (h < sig[i + 1]) sig[i + 1] = h;
    }
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
