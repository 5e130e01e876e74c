import type { Doc } from '../model/doc.js';
import { MutableDoc } from '../model/doc.js';
import type { Article, LayerName, Layers } from '../model/types.js';
import { tokenize } from '../text/tokenize.js';

/**
 * A pipeline stage: a plain function from the document (and the layers earlier stages provided) to
 * its own layers. `requires`/`provides` are checked once when the pipeline is built.
 */
export interface Stage<P extends LayerName = LayerName> {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly provides: readonly P[];
  run(doc: Doc): Pick<Layers, P>;
}

/** Any stage, whatever it provides (what the pipeline holds). */
export interface AnyStage {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly provides: readonly LayerName[];
  run(doc: Doc): Partial<Layers>;
}

export interface StageTiming {
  name: string;
  ms: number;
}

export interface Pipeline {
  readonly stages: readonly AnyStage[];
  run(article: Article): Doc;
  /**
   * Several articles, stage by stage: every article through one stage before the next stage starts,
   * so each stage's tables (lexicons, gazetteer index) stay in the CPU caches across the batch. An
   * article whose stage throws gets its error in place of a document; the others go on.
   */
  runBatch(articles: readonly Article[]): (Doc | Error)[];
  /** Cumulative milliseconds per stage since the pipeline was built (tokenize included). */
  timings(): StageTiming[];
}

export class PipelineError extends Error {}

/** Articles coded together by ingest, the workers and `sitrep code` (each document of a group stays alive, ~1 MB, until the group is done). */
export const BATCH_SIZE = 16;

/** Run one stage on a document and store the layers it provides. */
function applyStage(s: AnyStage, doc: MutableDoc): void {
  const out = s.run(doc);
  for (const p of s.provides) {
    const spans = out[p];
    if (!spans) throw new PipelineError(`stage ${s.name} did not return layer "${p}"`);
    doc.setLayer(p, spans);
  }
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

export function createPipeline(stages: readonly AnyStage[]): Pipeline {
  const available = new Set<LayerName>(['sentences']);
  for (const s of stages) {
    for (const r of s.requires) {
      if (!available.has(r)) {
        throw new PipelineError(`stage ${s.name} requires layer "${r}", which no earlier stage provides`);
      }
    }
    for (const p of s.provides) {
      if (available.has(p) && p !== 'sentences') throw new PipelineError(`layer "${p}" is provided twice`);
      available.add(p);
    }
  }
  const spent = new Map<string, number>([['tokenize', 0]]);
  for (const s of stages) spent.set(s.name, 0);
  return {
    stages,
    run(article) {
      let t0 = performance.now();
      const doc = new MutableDoc(article, tokenize(article.text));
      let t1 = performance.now();
      spent.set('tokenize', spent.get('tokenize')! + t1 - t0);
      for (const s of stages) {
        t0 = t1;
        applyStage(s, doc);
        t1 = performance.now();
        spent.set(s.name, spent.get(s.name)! + t1 - t0);
      }
      return doc;
    },
    runBatch(articles) {
      const out: (Doc | Error)[] = [];
      const docs: (MutableDoc | null)[] = [];
      let t0 = performance.now();
      for (const a of articles) {
        try {
          docs.push(new MutableDoc(a, tokenize(a.text)));
          out.push(docs[docs.length - 1]!);
        } catch (e) {
          docs.push(null);
          out.push(asError(e));
        }
      }
      let t1 = performance.now();
      spent.set('tokenize', spent.get('tokenize')! + t1 - t0);
      for (const s of stages) {
        t0 = t1;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i];
          if (!doc) continue;
          try {
            applyStage(s, doc);
          } catch (e) {
            docs[i] = null;
            out[i] = asError(e);
          }
        }
        t1 = performance.now();
        spent.set(s.name, spent.get(s.name)! + t1 - t0);
      }
      return out;
    },
    timings: () => [...spent].map(([name, ms]) => ({ name, ms })),
  };
}
