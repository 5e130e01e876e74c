import { POS, type TokenTable } from '../../text/tokenize.js';
import { CUE_VERBS } from './lexicon.js';
import { findQuotations, paragraphBreakBefore } from './quotes.js';
import type { Attribution, Range } from './rules/attributions.js';

/**
 * A stacked BIO tagger over the stage's tokens: labels {B,I}-{SOURCE,CUE,CONTENT} and O, from an
 * averaged perceptron (scripts/train-attributions.ts, PolNeAR train split) whose features include
 * the rules' relations (which role they give a token, where their span starts and ends, which rule).
 * PolNeAR is univocal (a token has at most one role in one attribution), so its annotation is a tag
 * sequence. Features are hashed to integers without building strings, so tagging costs a few table
 * reads per token.
 */

export const LABELS = ['O', 'B-S', 'I-S', 'B-C', 'I-C', 'B-T', 'I-T'] as const;
export const NL = LABELS.length;
/** Row stride of the weight table (labels padded to 8). */
export const STRIDE = 8;
export const O = 0;
/** Role of a B label (1 source, 2 cue, 3 content); I label = B label + 1. */
export const roleOf = (y: number) => (y + 1) >> 1;

/** Feature slots per token. */
export const NF = 58;

const FNV = 0x811c9dc5;
function hashStr(s: string): number {
  let h = FNV;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}
/** Combine a template id with up to three values: a murmur-style mix, unsigned 32 bits. */
function mix(tpl: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(tpl + 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ a ^ (h >>> 15), 0xc2b2ae35);
  h = Math.imul(h ^ b ^ (h >>> 13), 0x85ebca6b);
  h = Math.imul(h ^ c ^ (h >>> 16), 0xc2b2ae35);
  return (h ^ (h >>> 15)) >>> 0;
}

function shapeOf(s: string): number {
  let shape = 0;
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) shape = s.length > 1 && s === s.toUpperCase() ? 2 : 1;
  else if (c >= 97 && c <= 122) shape = 3;
  else if (c >= 48 && c <= 57) shape = 4;
  else shape = 5;
  return shape;
}

const bucket = (d: number) => (d <= 4 ? d : d <= 8 ? 5 : d <= 16 ? 6 : d <= 32 ? 7 : 8);

/** Per token: the rules' role (0 none, 1 source, 2 cue, 3 content), span position and rule. */
export interface RuleView {
  role: Uint8Array;
  /** 1 first token of a span, 2 last, 3 both, 0 inside. */
  edge: Uint8Array;
  rule: Uint32Array;
}

export function ruleView(n: number, atts: readonly Attribution[]): RuleView {
  const role = new Uint8Array(n);
  const edge = new Uint8Array(n);
  const rule = new Uint32Array(n);
  const mark = (r: Range | null, k: number, name: number) => {
    if (!r) return;
    for (let i = r[0]; i < r[1]; i++) {
      role[i] = k;
      rule[i] = name;
      edge[i] = (i === r[0] ? 1 : 0) | (i === r[1] - 1 ? 2 : 0);
    }
  };
  for (const a of atts) {
    const name = hashStr(a.rule.split(':')[0]);
    mark(a.source, 1, name);
    mark(a.cue, 2, name);
    for (const c of a.content) mark(c, 3, name);
  }
  return { role, edge, rule };
}

/** Hashed feature ids (NF per token, unsigned 32 bits) of every token. */
export function extractFeatures(
  text: string,
  t: TokenTable,
  sentenceTokens: readonly (readonly [number, number])[],
  atts: readonly Attribution[],
): Uint32Array {
  const n = t.length;
  const out = new Uint32Array(n * NF);
  const rv = ruleView(n, atts);
  const q = findQuotations(text, t).quoteOf;
  const w = new Uint32Array(n);
  const suf = new Uint32Array(n);
  const shape = new Uint8Array(n);
  const cueLex = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = t.lower[i];
    w[i] = hashStr(s);
    suf[i] = s.length > 3 ? hashStr(s.slice(-3)) : w[i];
    shape[i] = shapeOf(t.text[i]);
    cueLex[i] = CUE_VERBS.has(s) ? 1 : 0;
  }
  const W = (i: number) => (i < 0 ? 1 : i >= n ? 2 : w[i]);
  const P = (i: number) => (i < 0 ? 100 : i >= n ? 101 : t.pos[i]);
  const R = (i: number) => (i < 0 || i >= n ? 9 : rv.role[i]);
  for (const [a, b] of sentenceTokens) {
    // rules' relation in this sentence, and the nearest cue-lexicon word on each side
    let ruleHere = 0;
    for (let i = a; i < b; i++) if (rv.role[i] === 2) ruleHere = 1;
    const leftCue = new Int32Array(b - a).fill(-1);
    const rightCue = new Int32Array(b - a).fill(-1);
    const leftRuleCue = new Int32Array(b - a).fill(-1);
    const rightRuleCue = new Int32Array(b - a).fill(-1);
    for (let i = a, lc = -1, lr = -1; i < b; i++) {
      leftCue[i - a] = lc;
      leftRuleCue[i - a] = lr;
      if (cueLex[i] && t.pos[i] === POS.VERB) lc = i;
      if (rv.role[i] === 2) lr = i;
    }
    for (let i = b - 1, rc = -1, rr = -1; i >= a; i--) {
      rightCue[i - a] = rc;
      rightRuleCue[i - a] = rr;
      if (cueLex[i] && t.pos[i] === POS.VERB) rc = i;
      if (rv.role[i] === 2) rr = i;
    }
    // quotation and noun-phrase context: nearest quoted token and nearest name or pronoun on each side
    let quoted = 0;
    for (let i = a; i < b; i++) if (q[i] >= 0) quoted = 1;
    const leftQ = new Int32Array(b - a).fill(-1);
    const rightQ = new Int32Array(b - a).fill(-1);
    const leftN = new Int32Array(b - a).fill(-1);
    const leftComma = new Int32Array(b - a).fill(-1);
    for (let i = a, lq = -1, ln = -1, lcm = -1; i < b; i++) {
      leftQ[i - a] = lq;
      leftN[i - a] = ln;
      leftComma[i - a] = lcm;
      if (q[i] >= 0) lq = i;
      if (t.pos[i] === POS.PROPN || t.pos[i] === POS.PRON) ln = i;
      if (t.lower[i] === ',') lcm = i;
    }
    for (let i = b - 1, rq = -1; i >= a; i--) {
      rightQ[i - a] = rq;
      if (q[i] >= 0) rq = i;
    }
    for (let i = a; i < b; i++) {
      const o = i * NF;
      let f = 0;
      const add = (h: number) => {
        out[o + f++] = h;
      };
      const r0 = rv.role[i];
      const e0 = rv.edge[i];
      const inQ = q[i] >= 0 ? 1 : 0;
      const lc = leftCue[i - a];
      const rc = rightCue[i - a];
      const lr = leftRuleCue[i - a];
      const rr = rightRuleCue[i - a];
      add(mix(1, 0));
      add(mix(2, w[i]));
      add(mix(3, W(i - 1)));
      add(mix(4, W(i + 1)));
      add(mix(5, W(i - 2)));
      add(mix(6, W(i + 2)));
      add(mix(7, suf[i]));
      add(mix(8, shape[i], P(i)));
      add(mix(9, P(i)));
      add(mix(10, P(i - 1)));
      add(mix(11, P(i + 1)));
      add(mix(12, P(i - 2), P(i - 1), P(i)));
      add(mix(13, P(i - 1), P(i)));
      add(mix(14, P(i), P(i + 1)));
      add(mix(15, W(i - 1), w[i]));
      add(mix(16, w[i], W(i + 1)));
      add(
        mix(17, inQ, q[i] >= 0 && i > 0 && q[i - 1] !== q[i] ? 1 : 0, i + 1 < n && q[i + 1] !== q[i] ? 1 : 0),
      );
      add(mix(18, i === a ? 1 : 0, i === b - 1 ? 1 : 0));
      add(mix(19, bucket(i - a)));
      add(mix(20, bucket(b - 1 - i)));
      add(mix(21, paragraphBreakBefore(text, t, i) ? 1 : 0, i === a ? 1 : 0));
      add(mix(22, r0, e0));
      add(mix(23, r0, rv.rule[i]));
      add(mix(24, R(i - 1), r0, R(i + 1)));
      add(mix(25, r0, w[i]));
      add(mix(26, r0, P(i)));
      add(mix(27, ruleHere, r0));
      add(mix(28, cueLex[i], P(i)));
      add(mix(29, inQ, r0));
      add(mix(30, lc < 0 ? 0 : bucket(i - lc), rc < 0 ? 0 : bucket(rc - i)));
      add(mix(31, lr < 0 ? 0 : bucket(i - lr), rr < 0 ? 0 : bucket(rr - i), r0));
      add(mix(32, w[i], P(i)));
      add(mix(33, W(i - 1), r0));
      add(mix(34, R(i - 2), R(i + 2), r0));
      add(mix(35, r0, e0, rv.rule[i]));
      add(mix(36, lc < 0 ? 0 : w[lc], rc < 0 ? 0 : 1));
      add(mix(37, rc < 0 ? 0 : w[rc], lc < 0 ? 0 : 1));
      add(mix(38, lc < 0 ? 0 : 1, rc < 0 ? 0 : 1, inQ));
      add(mix(39, shape[i], shape[i - 1 >= 0 ? i - 1 : i], r0));
      add(mix(40, P(i), inQ, r0));
      add(mix(41, W(i + 1), r0));
      add(mix(42, lr < 0 ? 0 : 1, rr < 0 ? 0 : 1, inQ));
      add(mix(43, P(i - 1), P(i), r0));
      add(mix(44, P(i), P(i + 1), r0));
      add(mix(45, R(i - 1), e0, r0));
      add(mix(46, lc < 0 ? 0 : w[lc], bucket(i - (lc < 0 ? i : lc))));
      add(mix(47, rc < 0 ? 0 : w[rc], bucket((rc < 0 ? i : rc) - i)));
      add(mix(48, rv.rule[i], R(i - 1), R(i + 1)));
      const lq = leftQ[i - a];
      const rq = rightQ[i - a];
      const ln = leftN[i - a];
      const lcm = leftComma[i - a];
      add(mix(49, quoted, inQ, r0));
      add(mix(50, lq < 0 ? 0 : bucket(i - lq), rq < 0 ? 0 : bucket(rq - i), inQ));
      add(mix(51, ln < 0 ? 0 : bucket(i - ln), lcm > ln ? 1 : 0, P(i)));
      add(mix(52, ln < 0 ? 0 : w[ln], P(i)));
      add(mix(53, W(i - 3)));
      add(mix(54, W(i + 3)));
      add(mix(55, t.lower[i].length > 2 ? hashStr(t.lower[i].slice(-2)) : w[i], P(i)));
      add(mix(56, shape[i], i > 0 ? shape[i - 1] : 0, i + 1 < n ? shape[i + 1] : 0));
      add(mix(57, lq < 0 ? 0 : 1, rq < 0 ? 0 : 1, cueLex[i]));
      add(mix(58, W(i - 1), w[i], W(i + 1)));
    }
  }
  return out;
}

/** Weights of a trained model: rows of STRIDE floats looked up by hashed feature id. */
export interface TaggerModel {
  /** Open-addressing table: keys (feature id), 0 for an empty slot (id 0 is never stored). */
  keys: Uint32Array;
  rows: Float32Array;
  mask: number;
  /** (NL+1) × NL transition scores; row NL is the start of a sentence. */
  trans: Float32Array;
}

export function buildModel(ids: Uint32Array, weights: Float32Array, trans: Float32Array): TaggerModel {
  let size = 1;
  while (size < ids.length * 2) size <<= 1;
  const keys = new Uint32Array(size);
  const rows = new Float32Array(size * STRIDE);
  const mask = size - 1;
  for (let k = 0; k < ids.length; k++) {
    let s = ids[k] & mask;
    while (keys[s] !== 0) s = (s + 1) & mask;
    keys[s] = ids[k];
    for (let y = 0; y < NL; y++) rows[s * STRIDE + y] = weights[k * NL + y];
  }
  return { keys, rows, mask, trans };
}

/** Emission scores, NL per token. */
export function emissions(m: TaggerModel, feats: Uint32Array, a: number, b: number, out: Float32Array): void {
  const { keys, rows, mask } = m;
  for (let i = a; i < b; i++) {
    const o = (i - a) * NL;
    for (let y = 0; y < NL; y++) out[o + y] = 0;
    for (let f = i * NF, fe = f + NF; f < fe; f++) {
      const id = feats[f];
      if (id === 0) continue;
      let s = id & mask;
      while (keys[s] !== 0 && keys[s] !== id) s = (s + 1) & mask;
      if (keys[s] === 0) continue;
      const r = s * STRIDE;
      for (let y = 0; y < NL; y++) out[o + y] += rows[r + y];
    }
  }
}

/** I-X may only follow B-X or I-X, except at a sentence start (a quotation running on). */
export function allowed(prev: number, y: number): boolean {
  if (y === 0 || (y & 1) === 1) return true;
  return prev === NL || prev === y || prev === y - 1;
}

/** Viterbi over one sentence given its emission scores; writes labels into `tags[a..b)`. */
export function viterbi(
  trans: Float32Array,
  em: Float32Array,
  len: number,
  tags: Uint8Array,
  a: number,
): void {
  const score = new Float32Array(len * NL);
  const back = new Uint8Array(len * NL);
  for (let y = 0; y < NL; y++) score[y] = allowed(NL, y) ? trans[NL * NL + y] + em[y] : -1e30;
  for (let i = 1; i < len; i++) {
    for (let y = 0; y < NL; y++) {
      let best = -1e30;
      let arg = 0;
      for (let p = 0; p < NL; p++) {
        if (!allowed(p, y)) continue;
        const s = score[(i - 1) * NL + p] + trans[p * NL + y];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * NL + y] = best + em[i * NL + y];
      back[i * NL + y] = arg;
    }
  }
  let y = 0;
  let best = -1e30;
  for (let k = 0; k < NL; k++) {
    if (score[(len - 1) * NL + k] > best) {
      best = score[(len - 1) * NL + k];
      y = k;
    }
  }
  for (let i = len - 1; i >= 0; i--) {
    tags[a + i] = y;
    y = back[i * NL + y];
  }
}

/** Tag a document: one label per token. */
export function tagTokens(
  m: TaggerModel,
  text: string,
  t: TokenTable,
  sentenceTokens: readonly (readonly [number, number])[],
  atts: readonly Attribution[],
): { tags: Uint8Array; margin: Float32Array; cueVsO: Float32Array } {
  const feats = extractFeatures(text, t, sentenceTokens, atts);
  const tags = new Uint8Array(t.length);
  const margin = new Float32Array(t.length);
  const cueVsO = new Float32Array(t.length);
  let em = new Float32Array(256 * NL);
  for (const [a, b] of sentenceTokens) {
    if (b <= a) continue;
    if ((b - a) * NL > em.length) em = new Float32Array((b - a) * NL);
    emissions(m, feats, a, b, em);
    viterbi(m.trans, em, b - a, tags, a);
    // how far the chosen label's emission beats the best other one: a confidence for new relations
    for (let i = a; i < b; i++) {
      const o = (i - a) * NL;
      const y = tags[i];
      let other = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < NL; k++) if (k !== y && em[o + k] > other) other = em[o + k];
      margin[i] = em[o + y] - other;
      cueVsO[i] = Math.max(em[o + 3], em[o + 4]) - em[o];
    }
  }
  return { tags, margin, cueVsO };
}

/** Tagged spans: maximal runs of one role (a B opens a new one). */
export interface Tagged {
  role: number;
  range: Range;
  used: boolean;
}

export function taggedSpans(tags: Uint8Array): Tagged[] {
  const out: Tagged[] = [];
  let cur: Tagged | null = null;
  for (let i = 0; i < tags.length; i++) {
    const y = tags[i];
    if (y === O) {
      cur = null;
      continue;
    }
    const role = roleOf(y);
    if (cur && cur.role === role && (y & 1) === 0 && cur.range[1] === i) cur.range[1] = i + 1;
    else {
      cur = { role, range: [i, i + 1], used: false };
      out.push(cur);
    }
  }
  return out;
}

const overlap = (x: Range, y: Range) => Math.min(x[1], y[1]) - Math.max(x[0], y[0]);

/**
 * Relations from the rules' relations and the tags: each rule span is replaced by the tagged span of
 * its role that overlaps it most; tagged cues the rules lack get the nearest unused tagged source
 * and content of their sentence.
 */
export function assemble(
  t: TokenTable,
  tagged: { tags: Uint8Array; margin: Float32Array; cueVsO: Float32Array },
  atts: readonly Attribution[],
  opts: {
    dropUntagged?: boolean;
    addNew?: boolean;
    replace?: boolean;
    minMargin?: number;
    dropBelow?: number;
    roles?: string;
  } = {},
): Attribution[] {
  const { tags, margin, cueVsO } = tagged;
  const replace = opts.replace !== false;
  const roles = opts.roles ?? 'sct';
  const minMargin = opts.minMargin ?? Number.NEGATIVE_INFINITY;
  const spans = taggedSpans(tags);
  const byRole = (role: number, r: Range): Tagged | null => {
    let best: Tagged | null = null;
    let bo = 0;
    for (const s of spans) {
      if (s.role !== role || s.range[1] <= r[0]) continue;
      if (s.range[0] >= r[1]) break;
      const o = overlap(s.range, r);
      if (o > bo) {
        bo = o;
        best = s;
      }
    }
    return best;
  };
  const out: Attribution[] = [];
  const remap = new Map<number, number>();
  atts.forEach((a, k) => {
    const cue = byRole(2, a.cue);
    if (!cue && opts.dropUntagged) return;
    if (opts.dropBelow !== undefined) {
      // the tagger is sure there is no cue here
      let best = Number.NEGATIVE_INFINITY;
      for (let i = a.cue[0]; i < a.cue[1]; i++) best = Math.max(best, cueVsO[i]);
      if (best < opts.dropBelow) return;
    }
    if (cue) cue.used = true;
    const src = a.source ? byRole(1, a.source) : null;
    if (src) src.used = true;
    const content: Range[] = a.content.map((r) => {
      const c = byRole(3, r);
      if (!c) return r;
      c.used = true;
      return [c.range[0], c.range[1]] as Range;
    });
    remap.set(k, out.length);
    out.push({
      ...a,
      cue: cue && replace && roles.includes('c') ? [cue.range[0], cue.range[1]] : a.cue,
      source: src && replace && roles.includes('s') ? [src.range[0], src.range[1]] : a.source,
      content: replace && roles.includes('t') ? dedupe(content) : a.content,
    });
  });
  for (const a of out)
    if (a.sharesSourceWith !== undefined) a.sharesSourceWith = remap.get(a.sharesSourceWith);
  const nRules = out.length;
  if (opts.addNew !== false) {
    for (const c of spans) {
      if (c.role !== 2 || c.used) continue;
      let conf = Number.POSITIVE_INFINITY;
      for (let i = c.range[0]; i < c.range[1]; i++) conf = Math.min(conf, margin[i]);
      if (conf < minMargin) continue;
      const sent = t.sentence[c.range[0]];
      const near = (role: number): Tagged | null => {
        let best: Tagged | null = null;
        let bd = Number.POSITIVE_INFINITY;
        for (const s of spans) {
          if (s.role !== role || s.used) continue;
          if (t.sentence[s.range[0]] !== sent && t.sentence[s.range[1] - 1] !== sent) continue;
          const d = s.range[0] >= c.range[1] ? s.range[0] - c.range[1] : c.range[0] - s.range[1];
          if (d < bd) {
            bd = d;
            best = s;
          }
        }
        return best;
      };
      const src = near(1);
      const con = near(3);
      if (!src || !con) continue;
      c.used = true;
      src.used = true;
      con.used = true;
      const first = t.lower[con.range[0]];
      out.push({
        cue: c.range,
        source: src.range,
        content: [con.range],
        verb: CUE_VERBS.get(t.lower[c.range[0]]) ?? null,
        addressee: null,
        direct: first === '“' || first === '"',
        rule: 'tagger',
      });
    }
  }
  if (out.length === nRules) return out;
  // back in text order, with the shared-source links following their relations
  const order = out.map((_, k) => k).sort((x, y) => out[x].cue[0] - out[y].cue[0]);
  const at = new Int32Array(out.length);
  order.forEach((k, pos) => {
    at[k] = pos;
  });
  return order.map((k) => {
    const a = out[k];
    return a.sharesSourceWith === undefined ? a : { ...a, sharesSourceWith: at[a.sharesSourceWith] };
  });
}

function dedupe(rs: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of rs) if (!out.some((o) => o[0] === r[0] && o[1] === r[1])) out.push(r);
  return out;
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let k = 0; k < bin.length; k++) out[k] = bin.charCodeAt(k);
  return out;
}

/** Decode the stored model (hashed ids as deltas, int16 weights, float32 transitions). */
export function loadModel(idsB64: string, weightsB64: string, transB64: string, scale: number): TaggerModel {
  const deltas = new Uint32Array(fromBase64(idsB64).buffer);
  const ids = new Uint32Array(deltas.length);
  for (let k = 0, acc = 0; k < deltas.length; k++) {
    acc = (acc + deltas[k]) >>> 0;
    ids[k] = acc;
  }
  const q = new Int16Array(fromBase64(weightsB64).buffer);
  const weights = new Float32Array(q.length);
  for (let k = 0; k < q.length; k++) weights[k] = q[k] * scale;
  return buildModel(ids, weights, new Float32Array(fromBase64(transB64).buffer));
}
