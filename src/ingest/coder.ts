/** Coding articles into `sitrep/1` records, in this thread. */
import type { Article, SitrepRecord } from '../model/types.js';
import { toSitrepJson } from '../output/sitrep-json.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import type { Pipeline } from '../pipeline/pipeline.js';

export type CodeResult = { ok: true; record: SitrepRecord } | { ok: false; message: string };

let pipeline: Pipeline | null = null;

/** Code a batch stage by stage (each stage's tables stay in the CPU caches across the batch). */
export function codeArticles(articles: readonly Article[]): CodeResult[] {
  pipeline ??= createDefaultPipeline();
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
