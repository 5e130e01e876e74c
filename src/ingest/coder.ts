/** Coding articles into `sitrep/1` records, in this thread. */
import type { Article, SitrepRecord } from '../model/types.js';
import { toSitrepJson } from '../output/sitrep-json.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { BATCH_SIZE, type Pipeline } from '../pipeline/pipeline.js';
import { type ArticleRows, recordToRows } from '../store/rows.js';
import type { IngestOrigin } from '../store/store.js';

export type CodeResult = { ok: true; record: SitrepRecord } | { ok: false; message: string };

/** An article to code, with where it came from (kept on its stored row). */
export interface CodeItem extends IngestOrigin {
  article: Article;
}

export type RowsResult = { ok: true; rows: ArticleRows } | { ok: false; message: string };

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

/**
 * Code articles into the store's rows (for `Store.putRows`). On an ingest coding thread this moves
 * building the rows off the main thread, and the flat rows are cheaper to send back than the
 * record's object graph (structured clone: about half the main thread's deserialising time).
 */
export function codeRows(items: readonly CodeItem[]): RowsResult[] {
  return codeArticles(items.map((x) => x.article)).map((r, i) =>
    r.ok
      ? {
          ok: true,
          rows: recordToRows({ record: r.record, origin: items[i].origin, feed: items[i].feed }, ''),
        }
      : r,
  );
}
