/**
 * `npm run eval -- dedup [folder] [--limit N]`: near-duplicate detection on a set generated at run
 * time from ../shared article texts (PolNeAR and others) with realistic syndication edits. Reports
 * pairwise precision and recall of the clusters (target ≥ 0.95 each).
 */
import { clusterArticles } from '../../src/merge/dedup.js';
import { minhash } from '../../src/merge/minhash.js';
import { buildDedupSet, pairScores } from '../dedup-corpus.js';
import type { EvalReport } from '../main.js';
import { dataPathOrSkip, sharedPath } from '../shared.js';
import { printTable } from '../table.js';

export async function run(args: string[]): Promise<EvalReport | null> {
  const li = args.indexOf('--limit');
  const limit = li >= 0 ? Number(args[li + 1]) : 1000;
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit');
  const first = dataPathOrSkip(positional[0], 'data', 'attribution', 'polnear', 'train', 'text');
  if (!first) return null;
  const dirs = positional[0]
    ? [first]
    : [first, sharedPath('data', 'attribution', 'polnear', 'dev', 'text')].filter((d): d is string => !!d);
  const rows = [];
  const metrics: Record<string, number> = {};
  // "distinct": bases the corpus already republishes are left out (headline figure);
  // "raw": they stay, so the corpus's own republished stories count as false positives.
  for (const [name, distinct] of [
    ['distinct', true],
    ['raw', false],
  ] as const) {
    const docs = buildDedupSet(dirs, limit, 7, distinct);
    const t0 = performance.now();
    const sigs = docs.map((d) => ({
      id: d.id,
      signature: minhash(d.text),
      outlet: d.outlet,
      credit: null,
      published: null,
    }));
    const { cluster } = clusterArticles(sigs);
    const ms = performance.now() - t0;
    const s = pairScores(docs, cluster);
    rows.push({
      set: name,
      articles: docs.length,
      originals: new Set(docs.map((d) => d.group)).size,
      goldPairs: s.tp + s.fn,
      tp: s.tp,
      fp: s.fp,
      fn: s.fn,
      precision: s.p,
      recall: s.r,
      ms: Math.round(ms),
    });
    Object.assign(metrics, {
      [`${name}.articles`]: docs.length,
      [`${name}.precision`]: s.p,
      [`${name}.recall`]: s.r,
    });
  }
  printTable(rows);
  return { task: 'dedup', data: dirs.join(', '), metrics };
}
