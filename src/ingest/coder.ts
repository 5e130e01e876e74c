/** Coding articles into `sitrep/1` records, in this thread. */
import type { Article, SitrepRecord } from '../model/types.js';
import { toSitrepJson } from '../output/sitrep-json.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import type { Pipeline } from '../pipeline/pipeline.js';

export type CodeResult = { ok: true; record: SitrepRecord } | { ok: false; message: string };

let pipeline: Pipeline | null = null;

/**
 * Articles coded together, stage by stage: each stage's tables stay in the CPU caches across them,
 * and every document of a group stays alive until the group is done (~1 MB each while coded), so
 * the group is small.
 */
const GROUP = 16;

export function codeArticles(articles: readonly Article[]): CodeResult[] {
  pipeline ??= createDefaultPipeline();
  const out: CodeResult[] = [];
  for (let i = 0; i < articles.length; i += GROUP)
    for (const r of codeGroup(pipeline, articles.slice(i, i + GROUP))) out.push(r);
  return out;
}

function codeGroup(pipeline: Pipeline, articles: readonly Article[]): CodeResult[] {
  return pipeline.runBatch(articles).map((doc) => {
    try {
      if (doc instanceof Error) throw doc;
      return { ok: true, record: toSitrepJson(doc) };
    } catch (e) {
      return {
        ok: false,
        message: `coding failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      };
    }
  });
}
