/**
 * Near-duplicate articles: MinHash signatures, LSH banding to find candidate pairs, a containment
 * check to confirm them, and union-find to form clusters. A cluster counts as one source.
 * Deterministic: the same signatures give the same clusters, whatever their order.
 */
import { normKey } from '../store/rows.js';
import type { ArticleSignature } from '../store/store.js';
import { containment, jaccard, MINHASH_K } from './minhash.js';

/** Bands × rows = MINHASH_K. Two rows per band finds pairs down to Jaccard ≈ 0.25 with high probability. */
const ROWS = 2;
const BANDS = MINHASH_K / ROWS;
/** How many earlier members of one bucket a new member is compared with. */
const BUCKET_COMPARE = 8;

export interface DedupOptions {
  /** Estimated share of the smaller article's shingles found in the other (default 0.55). */
  minContainment?: number;
  /** Estimated Jaccard similarity floor (default 0.2). */
  minJaccard?: number;
  /** Articles with fewer shingles than this are never clustered (too short to tell). */
  minShingles?: number;
}

export const DEDUP_DEFAULTS: Required<DedupOptions> = {
  minContainment: 0.55,
  minJaccard: 0.2,
  minShingles: 12,
};

export function isNearDuplicate(
  a: Uint32Array,
  b: Uint32Array,
  o: Required<DedupOptions> = DEDUP_DEFAULTS,
): boolean {
  if (a[0] < o.minShingles || b[0] < o.minShingles) return false;
  return jaccard(a, b) >= o.minJaccard && containment(a, b) >= o.minContainment;
}

class UnionFind {
  parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller index (earlier in the sorted order) is the root: deterministic.
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}

export interface Clustering {
  /** Article id → representative article id of its cluster (itself when alone). */
  cluster: Map<string, string>;
  /** Article id → independent-source key. */
  sourceKey: Map<string, string>;
  /** Number of clusters with more than one article. */
  multi: number;
}

/**
 * Cluster articles. The representative is the earliest published member (ties: smallest id). A
 * cluster's source key is the wire credit any member names, else the cluster itself; a lone
 * article keeps its credit, outlet or own id.
 */
export function clusterArticles(input: readonly ArticleSignature[], options: DedupOptions = {}): Clustering {
  const o = { ...DEDUP_DEFAULTS, ...options };
  const sigs = [...input].sort((a, b) => {
    const pa = a.published ?? '9999';
    const pb = b.published ?? '9999';
    return pa < pb ? -1 : pa > pb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const n = sigs.length;
  const uf = new UnionFind(n);
  const compared = new Set<number>();
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<number, number[]>();
    const off = 1 + band * ROWS;
    for (let i = 0; i < n; i++) {
      const s = sigs[i].signature;
      if (s[0] < o.minShingles) continue;
      let h = band * 0x9e3779b1;
      for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ s[off + r], 0x01000193) >>> 0;
      const bucket = buckets.get(h);
      if (!bucket) {
        buckets.set(h, [i]);
        continue;
      }
      for (let k = Math.max(0, bucket.length - BUCKET_COMPARE); k < bucket.length; k++) {
        const j = bucket[k];
        if (uf.find(i) === uf.find(j)) continue;
        // Pair keys fit a double exactly for n < 2^26.
        const key = j * 67108864 + i;
        if (compared.has(key)) continue;
        compared.add(key);
        if (isNearDuplicate(s, sigs[j].signature, o)) uf.union(i, j);
      }
      if (bucket.length < 64) bucket.push(i);
    }
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    const l = members.get(r);
    if (l) l.push(i);
    else members.set(r, [i]);
  }
  const cluster = new Map<string, string>();
  const sourceKey = new Map<string, string>();
  let multi = 0;
  for (const [root, idx] of members) {
    const rep = sigs[root].id;
    let key: string;
    const credits = idx
      .map((i) => sigs[i].credit)
      .filter((c): c is string => !!c)
      .map(normKey)
      .sort();
    if (credits.length) key = `wire:${credits[0]}`;
    else if (idx.length > 1) key = `cluster:${rep}`;
    else key = sigs[root].outlet ? `outlet:${normKey(sigs[root].outlet!)}` : rep;
    if (idx.length > 1) multi++;
    for (const i of idx) {
      cluster.set(sigs[i].id, rep);
      sourceKey.set(sigs[i].id, key);
    }
  }
  return { cluster, sourceKey, multi };
}
