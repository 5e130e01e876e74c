/**
 * The merge step over a store: near-duplicate clusters, then incidents. Deterministic and
 * re-runnable; analyst-locked incidents are left as they are.
 */
import type { Actor, ArticleSignature, Store } from '../store/store.js';
import { clusterArticles, type DedupOptions } from './dedup.js';
import { buildIncidents } from './incidents.js';
import type { MergeEvent } from './summarise.js';

export interface MergeSummary {
  articles: number;
  duplicateClusters: number;
  events: number;
  incidents: number;
  multiSourceIncidents: number;
  elapsedMs: number;
}

export async function runMerge(
  store: Store,
  actor: Actor = 'merge',
  dedup: DedupOptions = {},
): Promise<MergeSummary> {
  const t0 = performance.now();
  const sigs: ArticleSignature[] = [];
  for await (const s of store.streamSignatures()) sigs.push(s);
  const clustering = clusterArticles(sigs, dedup);
  const assign = new Map<string, [string, string]>();
  for (const [id, rep] of clustering.cluster) assign.set(id, [rep, clustering.sourceKey.get(id)!]);
  await store.setClusters(assign, actor);

  const events: MergeEvent[] = [];
  for await (const e of store.streamEvents({})) {
    const { record: _r, ...rest } = e;
    events.push(rest);
  }
  const incidents = buildIncidents(events, { cluster: clustering.cluster });
  await store.replaceIncidents(incidents, actor);
  return {
    articles: sigs.length,
    duplicateClusters: clustering.multi,
    events: events.length,
    incidents: incidents.length,
    multiSourceIncidents: incidents.filter((i) => i.incident.sources > 1).length,
    elapsedMs: performance.now() - t0,
  };
}

export { clusterArticles, isNearDuplicate } from './dedup.js';
export { buildIncidents, linkReason } from './incidents.js';
export { containment, jaccard, minhash } from './minhash.js';
