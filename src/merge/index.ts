/**
 * The merge step over a store: near-duplicate clusters, then incidents. Deterministic and
 * re-runnable; analyst-locked incidents are left as they are.
 */
import type { Actor, IncidentWrite, Store } from '../store/store.js';
import { ClusterSweep, type SweepOptions } from './dedup.js';
import { IncidentSweep } from './incidents.js';

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
  dedup: SweepOptions = {},
): Promise<MergeSummary> {
  const t0 = performance.now();
  // Near-duplicates: signatures streamed in publication order through a sliding window.
  const sweep = new ClusterSweep(dedup);
  let articles = 0;
  for await (const s of store.streamSignatures()) {
    sweep.add(s);
    articles++;
  }
  const clustering = sweep.result();
  const assign = new Map<string, [string, string]>();
  for (const [id, rep] of clustering.cluster) assign.set(id, [rep, clustering.sourceKey.get(id)!]);
  await store.setClusters(assign, actor);

  // Incidents: events streamed in date order through the sweep, which holds only open intervals.
  let events = 0;
  let incidents = 0;
  let multiSourceIncidents = 0;
  await store.rebuildIncidents(async (stream, write) => {
    let ready: IncidentWrite[] = [];
    const sweep = new IncidentSweep((w) => ready.push(w));
    const drain = async () => {
      const batch = ready;
      ready = [];
      for (const w of batch) {
        incidents++;
        if (w.incident.sources > 1) multiSourceIncidents++;
        await write(w);
      }
    };
    for await (const e of stream) {
      events++;
      sweep.add(e);
      if (ready.length) await drain();
    }
    sweep.finish();
    await drain();
  }, actor);
  return {
    articles,
    duplicateClusters: clustering.multi,
    events,
    incidents,
    multiSourceIncidents,
    elapsedMs: performance.now() - t0,
  };
}

export { ClusterSweep, clusterArticles, isNearDuplicate } from './dedup.js';
export { buildIncidents, IncidentSweep, linkReason } from './incidents.js';
export { containment, jaccard, minhash } from './minhash.js';
