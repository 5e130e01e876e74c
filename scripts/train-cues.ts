/**
 * `node --import tsx scripts/train-cues.ts [polnear/train dir] [--out file]`: learns the cue model
 * of the sources stage's last pass (src/nlp/sources/cue-model.ts) from PolNeAR's train split.
 *
 * Candidates are the verbs the rules leave unread that the plain attachment can give a source and a
 * content; a candidate is positive when its cue overlaps a gold cue. Training replays the rules with
 * the gold decision, so later candidates see the tokens a right decision would have taken. An
 * averaged perceptron is trained on 4/5 of the texts; the threshold is the one that maximises the
 * gain in cue F1 on the remaining fifth, then the model is trained again on all texts. Writes
 * src/nlp/sources/cue-weights.ts (feature, weight: derived statistics, no text).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../eval/shared.js';
import { normalise, parseBrat, polnearFiles } from '../eval/tasks/sources.js';
import type { Article, Span } from '../src/model/types.js';
import { findAttributions } from '../src/nlp/sources/rules/attributions.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { POS, type TokenTable } from '../src/text/tokenize.js';

/** Adverb particles that may end a phrasal cue ("talked up", "lashed out"); prepositions are found by their tag. */
const PARTICLES = new Set(['up', 'out', 'down', 'off', 'back', 'on', 'in', 'over']);

interface Example {
  f: string[];
  y: number;
}

const args = process.argv.slice(2);
const dir =
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out') ??
  join(SHARED_DIR, 'data', 'attribution', 'polnear', 'train');
const outIdx = args.indexOf('--out');
const out = outIdx >= 0 ? args[outIdx + 1] : 'src/nlp/sources/cue-weights.ts';
const EPOCHS = 8;
const EXACT = !args.includes('--overlap');
const isParticle = (t: TokenTable, k: number) =>
  (t.pos[k] === POS.ADP || PARTICLES.has(t.lower[k])) && t.lower[k] !== 'to';

const pipeline = createPipeline([]);
const article = (text: string): Article => ({
  id: 'train',
  title: null,
  url: null,
  outlet: null,
  credit: null,
  dateline: null,
  published: null,
  publishedSource: 'none',
  language: 'en',
  text,
});

/** Candidates of each text, with the number of gold relations the rules already found or missed. */
const docs: { ex: Example[]; gold: number }[] = [];
/** Per word after a positive candidate's cue: how often it follows, how often the gold cue takes it. */
const particles = new Map<string, [number, number]>();
for (const file of polnearFiles(dir)) {
  const text = readFileSync(file.text, 'utf8');
  const goldCues: Span[] = parseBrat(readFileSync(file.ann, 'utf8')).flatMap((r) => normalise(text, r.cue));
  const doc = pipeline.run(article(text));
  const ex: Example[] = [];
  const t = doc.tokens;
  findAttributions(text, t, doc.sentenceTokens, (f, start, end) => {
    const g = goldCues.find((g) => g.start < end && start < g.end);
    // the word after the cue, and whether the gold cue takes it too
    let k = 0;
    while (k < t.length && t.start[k] < end) k++;
    // positive when the gold cue is the candidate's, maybe with the word after it ("joked about")
    const exact =
      g !== undefined &&
      g.start === start &&
      (g.end === end || (EXACT && k < t.length && g.end === t.end[k] && isParticle(t, k)));
    ex.push({ f: [...f], y: (EXACT ? exact : g) ? 1 : 0 });
    if (g && k < t.length && isParticle(t, k)) {
      const c = particles.get(t.lower[k]) ?? [0, 0];
      c[0]++;
      if (g.start <= t.start[k] && t.end[k] <= g.end) c[1]++;
      particles.set(t.lower[k], c);
    }
    return g !== undefined;
  });
  docs.push({ ex, gold: goldCues.length });
}
// features seen fewer than MIN_COUNT times are left out: they only fit the train texts
const MIN_COUNT = 3;
const counts = new Map<string, number>();
for (const d of docs) for (const x of d.ex) for (const f of x.f) counts.set(f, (counts.get(f) ?? 0) + 1);
for (const d of docs) for (const x of d.ex) x.f = x.f.filter((f) => (counts.get(f) ?? 0) >= MIN_COUNT);
const all = docs.flatMap((d) => d.ex);
console.log(`${docs.length} texts, ${all.length} candidates, ${all.filter((e) => e.y).length} positive`);

function train(examples: Example[]): { w: Map<string, number>; bias: number } {
  // averaged perceptron: sums of weights over steps, kept lazily (the usual timestamp trick)
  const w = new Map<string, number>();
  const acc = new Map<string, number>();
  const stamp = new Map<string, number>();
  let bias = 0;
  let biasAcc = 0;
  let biasStamp = 0;
  let step = 1;
  const order = examples.map((_, i) => i);
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const update = (k: string, d: number) => {
    const cur = w.get(k) ?? 0;
    acc.set(k, (acc.get(k) ?? 0) + cur * (step - (stamp.get(k) ?? 0)));
    stamp.set(k, step);
    w.set(k, cur + d);
  };
  for (let e = 0; e < EPOCHS; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const x = examples[i];
      let s = bias;
      for (const f of x.f) s += w.get(f) ?? 0;
      const yy = x.y ? 1 : -1;
      if (s * yy <= 0) {
        for (const f of x.f) update(f, yy);
        biasAcc += bias * (step - biasStamp);
        biasStamp = step;
        bias += yy;
      }
      step++;
    }
  }
  const avg = new Map<string, number>();
  for (const [k, cur] of w) {
    const total = (acc.get(k) ?? 0) + cur * (step - (stamp.get(k) ?? 0));
    const v = total / step;
    if (Math.abs(v) >= 0.05) avg.set(k, v);
  }
  return { w: avg, bias: (biasAcc + bias * (step - biasStamp)) / step };
}

const score = (m: { w: Map<string, number>; bias: number }, x: Example) => {
  let s = m.bias;
  for (const f of x.f) s += m.w.get(f) ?? 0;
  return s;
};

// threshold on a held-out fifth: the added candidates' precision must beat the F1/2 they dilute
const held = docs.filter((_, i) => i % 5 === 4);
const fit = train(docs.filter((_, i) => i % 5 !== 4).flatMap((d) => d.ex));
const scored = held.flatMap((d) => d.ex.map((x) => ({ s: score(fit, x), y: x.y }))).sort((a, b) => b.s - a.s);
let tp = 0;
let fp = 0;
let best = { gain: 0, threshold: Number.POSITIVE_INFINITY, tp: 0, fp: 0 };
for (const c of scored) {
  if (c.y) tp++;
  else fp++;
  // a candidate helps cue F1 when its precision exceeds F1/2; take F1 ≈ 0.72 and weigh false
  // positives twice again, since source and content of a false cue are wrong too
  const gain = tp - 0.36 * (tp + fp) - 0.5 * fp;
  if (gain > best.gain) best = { gain, threshold: c.s, tp, fp };
}
console.log(
  `held-out: ${scored.length} candidates, ${scored.filter((c) => c.y).length} positive; threshold ${best.threshold.toFixed(3)} takes ${best.tp} right, ${best.fp} wrong`,
);

const model = train(all);
const lines = [`#bias\t${model.bias.toFixed(4)}`, `#threshold\t${(best.threshold - 1e-6).toFixed(4)}`];
// a word after the cue joins it when the gold cue takes it at least half the time it follows
for (const [w, [n, inCue]] of [...particles].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
  if (n >= 5 && inCue * 2 >= n) lines.push(`#particle ${w}\t${(inCue / n).toFixed(2)}`);
for (const [k, v] of [...model.w].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (k.includes('\t') || k.includes('\n') || k.includes('`') || k.includes('\\') || k.includes('${'))
    continue;
  lines.push(`${k}\t${v.toFixed(3)}`);
}
writeFileSync(
  out,
  `// Generated by scripts/train-cues.ts from the PolNeAR train split: feature<TAB>weight. Do not edit.\nexport const CUE_MODEL_WEIGHTS = \`${lines.join('\n')}\n\`;\n`,
);
console.log(`${model.w.size} weights written to ${out}`);
