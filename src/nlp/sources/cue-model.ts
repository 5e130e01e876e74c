import { CUE_MODEL_WEIGHTS } from './cue-weights.js';

/**
 * The learnt cue model: a linear classifier (averaged perceptron, `scripts/train-cues.ts`, PolNeAR
 * train split) over context features of a candidate cue that the rules left unread. Its weights are
 * derived statistics (feature name, weight), parsed once here.
 */
export interface CueModel {
  bias: number;
  threshold: number;
  weights: ReadonlyMap<string, number>;
  /** Words after a learnt cue verb that belong to the cue ("about", "after"). */
  particles: ReadonlySet<string>;
}

export function parseCueModel(table: string): CueModel {
  const weights = new Map<string, number>();
  let bias = 0;
  let threshold = 0;
  const particles = new Set<string>();
  for (const line of table.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const key = line.slice(0, tab);
    const w = Number(line.slice(tab + 1));
    if (key === '#bias') bias = w;
    else if (key === '#threshold') threshold = w;
    else if (key.startsWith('#particle ')) particles.add(key.slice(10));
    else weights.set(key, w);
  }
  return { bias, threshold, weights, particles };
}

export const CUE_MODEL: CueModel = parseCueModel(CUE_MODEL_WEIGHTS);

export function cueScore(m: CueModel, features: readonly string[]): number {
  let s = m.bias;
  for (const f of features) s += m.weights.get(f) ?? 0;
  return s;
}
