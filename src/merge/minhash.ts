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

const WORD = /[\p{L}\p{N}]+/gu;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Distinct shingle hashes of a text. */
export function shingleHashes(text: string): Uint32Array {
  const words: number[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) words.push(fnv1a(m[0]));
  const set = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length) set.add(fmix(words.reduce((a, b) => Math.imul(a, 31) + b, 7)));
  } else {
    for (let i = 0; i + SHINGLE <= words.length; i++) {
      let h = 7;
      for (let j = 0; j < SHINGLE; j++) h = (Math.imul(h, 0x01000193) ^ words[i + j]) >>> 0;
      set.add(h);
    }
  }
  return Uint32Array.from(set);
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
