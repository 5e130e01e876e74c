/** Coding articles into `sitrep/1` records, in this thread. */
import type { Article, SitrepRecord } from '../model/types.js';
import { toSitrepJson } from '../output/sitrep-json.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { BATCH_SIZE, type Pipeline } from '../pipeline/pipeline.js';

export type CodeResult = { ok: true; record: SitrepRecord } | { ok: false; message: string };

let pipeline: Pipeline | null = null;

/** Code articles in groups, stage by stage (each stage's tables stay in the CPU caches across a group). */
export function codeArticles(articles: readonly Article[]): CodeResult[] {
  pipeline ??= createDefaultPipeline();
  const out: CodeResult[] = [];
  for (let i = 0; i < articles.length; i += BATCH_SIZE)
    for (const r of codeGroup(pipeline, articles.slice(i, i + BATCH_SIZE))) out.push(r);
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
