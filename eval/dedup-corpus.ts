/**
 * A near-duplicate test set built at run time from ../shared article texts (never stored): each base
 * article gets 0–3 syndicated copies with realistic edits — a new headline, a trimmed body,
 * re-paragraphing, added boilerplate, a few words changed. Copies of one base are the gold clusters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jaccard, minhash, shingleHashes } from '../src/merge/minhash.js';

export interface DedupDoc {
  id: string;
  /** Gold cluster: the base article's index. */
  group: number;
  text: string;
  outlet: string;
}

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADLINES = ['UPDATE 2-', 'WRAPUP-', 'Analysis:', 'Exclusive:', 'FACTBOX-', 'REFILE-'];
const PREFIX = [
  'By Staff Writer\n\n',
  'Advertisement\n\n',
  'Listen to this article\n\n',
  'This story has been updated.\n\n',
  '(Adds comment from officials)\n\n',
];
const SUFFIX = [
  '\n\nReporting by our correspondents; Editing by the news desk.',
  '\n\nCopyright 2026 The Associated Wire. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  '\n\nSign up for our morning newsletter to get the day’s top stories in your inbox. Follow us on social media for breaking news.',
  '\n\nRead more: Related coverage and analysis from our team.\n\nShare this article',
  '\n\nThe views expressed in this article are the author’s own and do not necessarily reflect the editorial policy of this publication.',
];
const SWAPS: [RegExp, string][] = [
  [/\bsaid\b/g, 'stated'],
  [/\bpercent\b/g, '%'],
  [/\bUnited States\b/g, 'U.S.'],
  [/\bMr\.\s/g, ''],
  [/\bon Monday\b/g, 'Monday'],
];

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** One syndicated copy of an article. */
export function syndicate(text: string, r: () => number): string {
  let paras = paragraphs(text);
  const edits = new Set<string>();
  while (edits.size < 2)
    edits.add(['headline', 'trim', 'reparagraph', 'boilerplate', 'words'][Math.floor(r() * 5)]);
  if (edits.has('trim') && paras.length > 3) {
    const keep = Math.max(2, Math.round(paras.length * (0.6 + r() * 0.3)));
    paras = paras.slice(0, keep);
  }
  if (edits.has('reparagraph')) {
    const out: string[] = [];
    for (const p of paras) {
      if (out.length && r() < 0.4) out[out.length - 1] += ` ${p}`;
      else out.push(p);
    }
    paras = out.flatMap((p) => {
      const s = p.split(/(?<=\.)\s+(?=[A-Z])/);
      return s.length > 3 && r() < 0.5 ? [s.slice(0, 2).join(' '), s.slice(2).join(' ')] : [p];
    });
  }
  if (edits.has('headline')) {
    paras[0] = `${HEADLINES[Math.floor(r() * HEADLINES.length)]}${paras[0].split(/\s+/).slice(0, 8).reverse().join(' ')}`;
  }
  let body = paras.join('\n\n');
  if (edits.has('words')) {
    for (const [re, to] of SWAPS) if (r() < 0.5) body = body.replace(re, to);
  }
  if (edits.has('boilerplate')) {
    body = `${r() < 0.5 ? PREFIX[Math.floor(r() * PREFIX.length)] : ''}${body}${SUFFIX[Math.floor(r() * SUFFIX.length)]}`;
  }
  return body;
}

/** Exact share of the smaller shingle set found in the other. */
function exactContainment(a: Uint32Array, b: Uint32Array): number {
  const set = new Set(a);
  let shared = 0;
  for (const x of b) if (set.has(x)) shared++;
  return shared / Math.max(1, Math.min(a.length, b.length));
}

/**
 * Build the set from up to `limit` article files in the given folders. With `distinctBases`, an
 * article the corpus itself already holds a republished version of (exact shingle containment ≥ 0.5
 * with an earlier base) is left out, so the gold groups are really distinct stories.
 */
export function buildDedupSet(dirs: string[], limit: number, seed = 7, distinctBases = true): DedupDoc[] {
  const files: string[] = [];
  for (const d of dirs) for (const f of readdirSync(d).sort()) if (f.endsWith('.txt')) files.push(join(d, f));
  const r = rng(seed);
  const docs: DedupDoc[] = [];
  const seen = new Set<string>();
  const bases: { sig: Uint32Array; sh: Uint32Array }[] = [];
  let group = 0;
  for (const f of files) {
    if (group >= limit) break;
    const text = readFileSync(f, 'utf8').trim();
    // Very short texts cannot be told apart reliably by anyone; the set keeps news-length ones.
    if (text.length < 600 || seen.has(text)) continue;
    seen.add(text);
    if (distinctBases) {
      const sig = minhash(text);
      const sh = shingleHashes(text);
      if (bases.some((b) => jaccard(sig, b.sig) >= 0.1 && exactContainment(sh, b.sh) >= 0.5)) continue;
      bases.push({ sig, sh });
    }
    docs.push({ id: `g${group}-0`, group, text, outlet: `outlet${group}` });
    const copies = Math.floor(r() * 4);
    for (let k = 1; k <= copies; k++) {
      docs.push({ id: `g${group}-${k}`, group, text: syndicate(text, r), outlet: `outlet${group}-${k}` });
    }
    group++;
  }
  return docs;
}

/** Pairwise precision and recall of predicted clusters against gold groups. */
export function pairScores(
  docs: DedupDoc[],
  cluster: Map<string, string>,
): { p: number; r: number; tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byCluster = new Map<string, DedupDoc[]>();
  for (const d of docs) {
    const c = cluster.get(d.id) ?? d.id;
    const l = byCluster.get(c);
    if (l) l.push(d);
    else byCluster.set(c, [d]);
  }
  for (const members of byCluster.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (members[i].group === members[j].group) tp++;
        else fp++;
      }
    }
  }
  const byGroup = new Map<number, number>();
  for (const d of docs) byGroup.set(d.group, (byGroup.get(d.group) ?? 0) + 1);
  let gold = 0;
  for (const n of byGroup.values()) gold += (n * (n - 1)) / 2;
  fn = gold - tp;
  return { p: tp + fp ? tp / (tp + fp) : 1, r: gold ? tp / gold : 1, tp, fp, fn };
}
