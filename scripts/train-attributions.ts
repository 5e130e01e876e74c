/**
 * `node --import tsx scripts/train-attributions.ts [polnear/train dir] [--dev dir] [--epochs N]
 * [--min-count N] [--prune W] [--out file]`: learns the stacked BIO tagger of the sources stage
 * (src/nlp/sources/tagger.ts) from PolNeAR's train split: a structured averaged perceptron (Viterbi
 * over BIO constraints) whose features include the rules' relations. Gold tags come from the brat
 * relations (univocal: one role per token). Writes src/nlp/sources/tagger-weights.ts (hashed feature
 * ids and quantised weights: derived statistics, no text). With --dev, prints span-level figures of
 * the tags (exact and overlapping spans per role) against the rules' spans, per epoch.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../eval/shared.js';
import { normalise, parseBrat, polnearFiles } from '../eval/tasks/sources.js';
import type { Article } from '../src/model/types.js';
import { findAttributions } from '../src/nlp/sources/rules/attributions.js';
import {
  allowed,
  extractFeatures,
  NF,
  NL,
  ruleView,
  taggedSpans,
  viterbi,
} from '../src/nlp/sources/tagger.js';
import { createPipeline } from '../src/pipeline/pipeline.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const trainDir =
  args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ??
  join(SHARED_DIR, 'data', 'attribution', 'polnear', 'train');
const devDir = opt('dev');
const EPOCHS = Number(opt('epochs') ?? 4);
const MIN_COUNT = Number(opt('min-count') ?? 5);
/** Rows whose largest absolute averaged weight is below this are left out of the stored model. */
const PRUNE = Number(opt('prune') ?? 8);
const out = opt('out') ?? 'src/nlp/sources/tagger-weights.ts';

interface Seq {
  feats: Uint32Array;
  gold: Uint8Array;
  rules: Uint8Array;
  sentences: [number, number][];
}

const pipeline = createPipeline([]);
// the raw text, as the eval reads it: brat offsets index it
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

function load(dir: string): Seq[] {
  const seqs: Seq[] = [];
  for (const file of polnearFiles(dir)) {
    const text = readFileSync(file.text, 'utf8');
    const doc = pipeline.run(article(text));
    const t = doc.tokens;
    // --no-rules: the same tagger without the rules' output (what stacking adds)
    const atts = args.includes('--no-rules') ? [] : findAttributions(text, t, doc.sentenceTokens);
    const gold = new Uint8Array(t.length);
    for (const r of parseBrat(readFileSync(file.ann, 'utf8'))) {
      const roles = [r.source, r.cue, r.content] as const;
      roles.forEach((spans, k) => {
        for (const s of normalise(text, spans)) {
          let first = true;
          for (let i = 0; i < t.length && t.start[i] < s.end; i++) {
            if (t.end[i] <= s.start) continue;
            gold[i] = 1 + 2 * k + (first ? 0 : 1);
            first = false;
          }
        }
      });
    }
    const sentences = doc.sentenceTokens.map(([a, b]) => [a, b] as [number, number]);
    // an I after another role inside a sentence (tokens the annotation split oddly) opens a span
    for (const [a, b] of sentences)
      for (let i = a + 1; i < b; i++) if (!allowed(gold[i - 1], gold[i])) gold[i] -= 1;
    // the rules' own tags, to compare
    const rv = ruleView(t.length, atts);
    const rules = new Uint8Array(t.length);
    for (let i = 0; i < t.length; i++)
      if (rv.role[i]) rules[i] = 2 * rv.role[i] - 1 + (rv.edge[i] & 1 ? 0 : 1);
    seqs.push({ feats: extractFeatures(text, t, doc.sentenceTokens, atts), gold, rules, sentences });
  }
  return seqs;
}

const t0 = Date.now();
let train = load(trainDir);
let dev = devDir ? load(devDir) : [];
// --holdout: train on four fifths of the train split and score the tags on the fifth left out
if (args.includes('--holdout')) {
  dev = train.filter((_, k) => k % 5 === 4);
  train = train.filter((_, k) => k % 5 !== 4);
}
console.log(`loaded ${train.length} train, ${dev.length} dev texts in ${Date.now() - t0} ms`);

// feature ids seen at least MIN_COUNT times in train get a row; the rest only fit the train texts
const counts = new Map<number, number>();
for (const s of train) for (const id of s.feats) counts.set(id, (counts.get(id) ?? 0) + 1);
const index = new Map<number, number>();
for (const [id, c] of counts) if (c >= MIN_COUNT && id !== 0) index.set(id, index.size);
counts.clear();
console.log(`${index.size} features kept (count >= ${MIN_COUNT})`);
/** Dense row + 1 of each feature slot, 0 when the feature has no row. */
const rowsOf = (s: Seq) => {
  const r = new Uint32Array(s.feats.length);
  for (let k = 0; k < r.length; k++) r[k] = (index.get(s.feats[k]) ?? -1) + 1;
  return r;
};
const trainRows = train.map(rowsOf);
const devRows = dev.map(rowsOf);

const nW = index.size * NL;
const w = new Float32Array(nW);
const u = new Float64Array(nW);
const TR = (NL + 1) * NL;
const tw = new Float32Array(TR);
const tu = new Float64Array(TR);
let c = 1;

function emit(weights: Float32Array, rows: Uint32Array, a: number, b: number, em: Float32Array) {
  for (let i = a; i < b; i++) {
    const o = (i - a) * NL;
    for (let y = 0; y < NL; y++) em[o + y] = 0;
    for (let f = i * NF, fe = f + NF; f < fe; f++) {
      const r = rows[f];
      if (r === 0) continue;
      const base = (r - 1) * NL;
      for (let y = 0; y < NL; y++) em[o + y] += weights[base + y];
    }
  }
}

function decode(weights: Float32Array, trans: Float32Array, rows: Uint32Array, s: Seq): Uint8Array {
  const tags = new Uint8Array(s.gold.length);
  let em = new Float32Array(512 * NL);
  for (const [a, b] of s.sentences) {
    if (b <= a) continue;
    if ((b - a) * NL > em.length) em = new Float32Array((b - a) * NL);
    emit(weights, rows, a, b, em);
    viterbi(trans, em, b - a, tags, a);
  }
  return tags;
}

/** Span-level figures of tag sequences against gold: exact spans and overlapping spans per role. */
function spanScores(pairs: { pred: Uint8Array; gold: Uint8Array }[]): string {
  const names = ['source', 'cue', 'content'];
  const cells: string[] = [];
  for (let role = 1; role <= 3; role++) {
    let tp = 0;
    let np = 0;
    let ng = 0;
    for (const { pred, gold } of pairs) {
      const ps = taggedSpans(pred).filter((x) => x.role === role);
      const gs = taggedSpans(gold).filter((x) => x.role === role);
      np += ps.length;
      ng += gs.length;
      const keys = new Set(gs.map((g) => `${g.range[0]}:${g.range[1]}`));
      for (const p of ps) if (keys.has(`${p.range[0]}:${p.range[1]}`)) tp++;
    }
    const p = np ? tp / np : 0;
    const r = ng ? tp / ng : 0;
    cells.push(
      `${names[role - 1]} P ${p.toFixed(3)} R ${r.toFixed(3)} F ${p + r ? ((2 * p * r) / (p + r)).toFixed(3) : '0'}`,
    );
  }
  return cells.join(' | ');
}

const averaged = () => {
  const aw = new Float32Array(nW);
  for (let k = 0; k < nW; k++) aw[k] = w[k] - u[k] / c;
  const at = new Float32Array(TR);
  for (let k = 0; k < TR; k++) at[k] = tw[k] - tu[k] / c;
  return { aw, at };
};

if (dev.length)
  console.log(`rules on dev:   ${spanScores(dev.map((s) => ({ pred: s.rules, gold: s.gold })))}`);
let seed = 7;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const units: [number, number][] = [];
train.forEach((s, d) => {
  s.sentences.forEach((_, k) => {
    units.push([d, k]);
  });
});
let em = new Float32Array(512 * NL);
const tags = new Uint8Array(4096);
for (let e = 0; e < EPOCHS; e++) {
  for (let i = units.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [units[i], units[j]] = [units[j], units[i]];
  }
  let errors = 0;
  for (const [d, k] of units) {
    const s = train[d];
    const rows = trainRows[d];
    const [a, b] = s.sentences[k];
    const len = b - a;
    if (len <= 0) continue;
    if (len * NL > em.length) em = new Float32Array(len * NL);
    emit(w, rows, a, b, em);
    viterbi(tw, em, len, tags, 0);
    let wrong = false;
    for (let i = 0; i < len; i++) {
      const g = s.gold[a + i];
      const p = tags[i];
      const gp = i === 0 ? NL : s.gold[a + i - 1];
      const pp = i === 0 ? NL : tags[i - 1];
      if (g !== p) {
        wrong = true;
        for (let f = (a + i) * NF, fe = f + NF; f < fe; f++) {
          const r = rows[f];
          if (r === 0) continue;
          const base = (r - 1) * NL;
          w[base + g] += 1;
          u[base + g] += c;
          w[base + p] -= 1;
          u[base + p] -= c;
        }
      }
      if (g !== p || gp !== pp) {
        tw[gp * NL + g] += 1;
        tu[gp * NL + g] += c;
        tw[pp * NL + p] -= 1;
        tu[pp * NL + p] -= c;
      }
    }
    if (wrong) errors++;
    c++;
  }
  let line = `epoch ${e + 1}: ${errors} sentences wrong`;
  if (dev.length) {
    const { aw, at } = averaged();
    line += `\n  dev tags: ${spanScores(dev.map((s, d) => ({ pred: decode(aw, at, devRows[d], s), gold: s.gold })))}`;
  }
  console.log(line);
}

const { aw, at } = averaged();
// rows whose weights are all near zero change no decision: left out, as are weights past int16
const ids: number[] = [];
const kept: number[] = [];
let maxAbs = 0;
for (const [id, r] of index) {
  let m = 0;
  for (let y = 0; y < NL; y++) m = Math.max(m, Math.abs(aw[r * NL + y]));
  if (m < PRUNE) continue;
  ids.push(id);
  kept.push(r);
  maxAbs = Math.max(maxAbs, m);
}
const scale = 32767 / maxAbs;
const order = ids.map((_, k) => k).sort((x, y) => ids[x] - ids[y]);
const idArr = new Uint32Array(order.map((k) => ids[k]));
const q = new Int16Array(order.length * NL);
order.forEach((k, n) => {
  for (let y = 0; y < NL; y++) q[n * NL + y] = Math.round(aw[kept[k] * NL + y] * scale);
});
// ids sorted ascending: stored as deltas, which compress well and decode in one pass
const deltas = new Uint32Array(idArr.length);
for (let k = 0; k < idArr.length; k++) deltas[k] = idArr[k] - (k ? idArr[k - 1] : 0);
const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
writeFileSync(
  out,
  `// Generated by scripts/train-attributions.ts from the PolNeAR train split (${EPOCHS} epochs, features seen >= ${MIN_COUNT} times). Do not edit.
// Hashed feature ids (ascending, as uint32 deltas), int16 weights (${NL} labels per id, times 1/scale), float32 transitions.
export const TAGGER_SCALE = ${(1 / scale).toExponential(6)};
export const TAGGER_IDS = '${b64(deltas)}';
export const TAGGER_WEIGHTS = '${b64(q)}';
export const TAGGER_TRANS = '${b64(at)}';
`,
);
console.log(`${idArr.length} feature rows written to ${out} (${Date.now() - t0} ms)`);
