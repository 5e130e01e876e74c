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

export interface Clustering {
  /** Article id → representative article id of its cluster (itself when alone). */
  cluster: Map<string, string>;
  /** Article id → independent-source key. */
  sourceKey: Map<string, string>;
  /** Number of clusters with more than one article. */
  multi: number;
}

export interface SweepOptions extends DedupOptions {
  /**
   * Syndicated copies appear within days of each other: an article is compared only with articles
   * published at most this many days before it (default 30). Undated articles are compared with
   * each other.
   */
  windowDays?: number;
  /** At most this many recent articles are held for comparison (default 200,000). */
  maxWindow?: number;
}

/** The order the sweep needs: publication time (undated last), then id, as code units. */
export function signatureOrder(a: ArticleSignature, b: ArticleSignature): number {
  const pa = a.published ?? '9999';
  const pb = b.published ?? '9999';
  return pa < pb ? -1 : pa > pb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Band keys of a signature (LSH): BANDS hashes of ROWS minima each. */
function bandKeys(s: Uint32Array): Uint32Array {
  const keys = new Uint32Array(BANDS);
  for (let band = 0; band < BANDS; band++) {
    const off = 1 + band * ROWS;
    let h = band * 0x9e3779b1;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ s[off + r], 0x01000193) >>> 0;
    keys[band] = h;
  }
  return keys;
}

const DAY_MS = 86_400_000;

/**
 * Near-duplicate clusters from signatures fed in `signatureOrder`. Only the articles inside the
 * time window keep their signature and LSH buckets; for every article seen, the sweep keeps its id,
 * outlet and credit (tens of bytes) to name clusters at the end. The representative of a cluster is
 * its earliest published member (ties: smallest id).
 */
export class ClusterSweep {
  private readonly o: Required<DedupOptions>;
  private readonly windowMs: number;
  private readonly maxWindow: number;
  private parent = new Int32Array(1024);
  private readonly ids: string[] = [];
  private readonly outlets: (string | null)[] = [];
  private readonly credits: (string | null)[] = [];
  /** Articles in the window, oldest first: index, publication time, band keys. */
  private readonly window: { i: number; t: number; keys: Uint32Array }[] = [];
  private head = 0;
  private readonly buckets: Map<number, number[]>[] = Array.from({ length: BANDS }, () => new Map());
  private readonly held = new Map<number, Uint32Array>();
  private last: ArticleSignature | null = null;

  constructor(options: SweepOptions = {}) {
    this.o = { ...DEDUP_DEFAULTS, ...options };
    this.windowMs = (options.windowDays ?? 30) * DAY_MS;
    this.maxWindow = options.maxWindow ?? 200_000;
  }

  private find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller index (earlier in the sorted order) is the root: deterministic.
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }

  /** Add the next article; throws if articles arrive out of order (a bug). */
  add(a: ArticleSignature): void {
    if (this.last && signatureOrder(this.last, a) > 0) throw new Error(`signatures out of order at ${a.id}`);
    this.last = a;
    const i = this.ids.length;
    if (i === this.parent.length) {
      const grown = new Int32Array(this.parent.length * 2);
      grown.set(this.parent);
      this.parent = grown;
    }
    this.parent[i] = i;
    this.ids.push(a.id);
    this.outlets.push(a.outlet);
    this.credits.push(a.credit);
    const t = a.published ? Date.parse(a.published) : Number.POSITIVE_INFINITY;
    this.evict(Number.isNaN(t) ? Number.POSITIVE_INFINITY : t);
    const s = a.signature;
    if (s[0] < this.o.minShingles) return;
    const keys = bandKeys(s);
    const compared = new Set<number>();
    for (let band = 0; band < BANDS; band++) {
      const buckets = this.buckets[band];
      const bucket = buckets.get(keys[band]);
      if (!bucket) {
        buckets.set(keys[band], [i]);
        continue;
      }
      for (let k = Math.max(0, bucket.length - BUCKET_COMPARE); k < bucket.length; k++) {
        const j = bucket[k];
        if (compared.has(j) || this.find(i) === this.find(j)) continue;
        compared.add(j);
        if (isNearDuplicate(s, this.held.get(j)!, this.o)) this.union(i, j);
      }
      if (bucket.length < 64) bucket.push(i);
    }
    this.held.set(i, s);
    this.window.push({ i, t: Number.isNaN(t) ? Number.POSITIVE_INFINITY : t, keys });
  }

  /** Drop from the window the articles too old to be compared with one published at `t`. */
  private evict(t: number): void {
    const w = this.window;
    while (
      this.head < w.length &&
      (w.length - this.head >= this.maxWindow ||
        (Number.isFinite(t) && w[this.head].t < t - this.windowMs) ||
        (!Number.isFinite(t) && Number.isFinite(w[this.head].t)))
    ) {
      const old = w[this.head];
      w[this.head++] = undefined as never;
      this.held.delete(old.i);
      for (let band = 0; band < BANDS; band++) {
        const bucket = this.buckets[band].get(old.keys[band]);
        if (!bucket) continue;
        const at = bucket.indexOf(old.i);
        if (at >= 0) bucket.splice(at, 1);
        if (!bucket.length) this.buckets[band].delete(old.keys[band]);
      }
    }
    if (this.head > 4096 && this.head * 2 > w.length) {
      w.splice(0, this.head);
      this.head = 0;
    }
  }

  /**
   * The clusters. A cluster's source key is the wire credit any member names, else the cluster
   * itself; a lone article keeps its credit, outlet or own id.
   */
  result(): Clustering {
    const n = this.ids.length;
    const members = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const r = this.find(i);
      const l = members.get(r);
      if (l) l.push(i);
      else members.set(r, [i]);
    }
    const cluster = new Map<string, string>();
    const sourceKey = new Map<string, string>();
    let multi = 0;
    for (const [root, idx] of members) {
      const rep = this.ids[root];
      let key: string;
      const credits = idx
        .map((i) => this.credits[i])
        .filter((c): c is string => !!c)
        .map(normKey)
        .sort();
      if (credits.length) key = `wire:${credits[0]}`;
      else if (idx.length > 1) key = `cluster:${rep}`;
      else key = this.outlets[root] ? `outlet:${normKey(this.outlets[root]!)}` : rep;
      if (idx.length > 1) multi++;
      for (const i of idx) {
        cluster.set(this.ids[i], rep);
        sourceKey.set(this.ids[i], key);
      }
    }
    return { cluster, sourceKey, multi };
  }

  /** Signatures held now (for tests). */
  get heldSignatures(): number {
    return this.held.size;
  }
}

/** Cluster a list of articles (any order): the sweep over them sorted. */
export function clusterArticles(input: readonly ArticleSignature[], options: SweepOptions = {}): Clustering {
  const sweep = new ClusterSweep(options);
  for (const s of [...input].sort(signatureOrder)) sweep.add(s);
  return sweep.result();
}
