/**
 * `npm run eval -- sources [dir] [--limit N] [--errors file] [--by-rule]`: attribution relations against
 * PolNeAR brat data (`text/*.txt` + `attributions/*.ann`), with BBC citron's metrics. `--by-rule`
 * adds, per rule of the sources stage, how many of its relations match a gold one, role by role.
 *
 * Annotator policy: PolNeAR has several annotations for a few texts (`<stem>_<annotator>.ann`);
 * we score each text once, against the annotator whose id sorts first.
 *
 * Span normalisation (both sides): fragments of one role separated only by white space are merged,
 * and spans are trimmed of surrounding white space (brat fragments split at line breaks).
 * Predicted claims whose rule starts with `relay:` are inferred (an outlet relaying its
 * informant), not attributions in the text, and are not scored; claims split per party of a
 * coordinated source (rule `…:conjunct`) are scored as one attribution whose source spans them all.
 * A predicted claim that reuses the source span of an earlier claim ("he said …, adding that …")
 * keeps it: PolNeAR links one Source annotation to several relations (about 11% of train relations
 * share their source with another), though it gives cue and content tokens to one relation only.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Claim, Span } from '../../src/model/types.js';
import { createMentionsStage } from '../../src/nlp/mentions/index.js';
import { createSourcesStage } from '../../src/nlp/sources/index.js';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import type { EvalReport } from '../main.js';
import { dataPathOrSkip } from '../shared.js';
import { prf, printTable } from '../table.js';

interface Relation {
  source: Span[];
  cue: Span[];
  content: Span[];
  /** The rule that found a predicted relation. */
  rule?: string;
}

/** Parse a brat .ann file into attribution relations (events E… linking T… spans). */
export function parseBrat(ann: string): Relation[] {
  const spans = new Map<string, Span[]>();
  const rels: Relation[] = [];
  const events: string[][] = [];
  for (const line of ann.split('\n')) {
    const parts = line.split('\t');
    if (parts.length < 2) continue;
    if (parts[0].startsWith('T')) {
      const sp = parts[1].indexOf(' ');
      if (sp < 0) continue;
      const frags = parts[1]
        .slice(sp + 1)
        .split(';')
        .map((f) => f.trim().split(/\s+/).map(Number))
        .filter((f) => f.length === 2 && Number.isFinite(f[0]) && Number.isFinite(f[1]))
        .map(([start, end]) => ({ start, end }));
      spans.set(parts[0], frags);
    } else if (parts[0].startsWith('E')) {
      events.push(parts[1].trim().split(/\s+/));
    }
  }
  for (const ev of events) {
    const r: Relation = { source: [], cue: [], content: [] };
    for (const kv of ev) {
      const [role, id] = kv.split(':');
      const s = spans.get(id) ?? [];
      if (role === 'Source') r.source = s;
      else if (role === 'Cue') r.cue = s;
      else if (role === 'Content') r.content = s;
    }
    if (r.cue.length > 0) rels.push(r);
  }
  return rels;
}

/** Trim white space and merge fragments that only white space separates. */
function normalise(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  const sorted = spans.map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start);
  for (const s of sorted) {
    while (s.start < s.end && /\s/.test(text[s.start])) s.start++;
    while (s.end > s.start && /\s/.test(text[s.end - 1])) s.end--;
    if (s.end <= s.start) continue;
    const last = out[out.length - 1];
    if (last && text.slice(last.end, s.start).trim() === '') last.end = Math.max(last.end, s.end);
    else out.push(s);
  }
  return out;
}

const sameList = (a: Span[], b: Span[]) =>
  a.length === b.length && a.every((s, i) => s.start === b[i].start && s.end === b[i].end);
const overlaps = (a: Span[], b: Span[]) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));

/** Count of word tokens (\S+ runs split at punctuation) a span list covers: citron's lengths. */
function tokenSet(tokStarts: Int32Array, tokEnds: Int32Array, spans: Span[]): Set<number> {
  const set = new Set<number>();
  for (const s of spans) {
    for (let i = lowerBound(tokEnds, s.start); i < tokStarts.length && tokStarts[i] < s.end; i++) set.add(i);
  }
  return set;
}
function lowerBound(ends: Int32Array, offset: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toRelations(text: string, claims: readonly Claim[]): Relation[] {
  const out: Relation[] = [];
  for (const c of claims) {
    if (c.rule?.startsWith('relay:')) continue;
    if (c.rule?.endsWith(':conjunct')) {
      // one claim per party of "A and B": the text has one attribution whose source is "A and B"
      const first = out.find((r) => r.cue[0]?.start === c.cue.start && r.cue[0]?.end === c.cue.end);
      const src = first?.source[0];
      if (first && src)
        first.source = normalise(text, [
          { start: Math.min(src.start, c.source.start), end: Math.max(src.end, c.source.end) },
        ]);
      continue;
    }
    out.push({
      source: c.source.end > c.source.start ? normalise(text, [c.source]) : [],
      cue: normalise(text, [c.cue]),
      content: normalise(text, c.content),
      rule: c.rule?.split(':')[0],
    });
  }
  return out;
}

type Role = 'source' | 'cue' | 'content';
const ROLES: Role[] = ['source', 'cue', 'content'];

interface Counts {
  exact: Record<Role | 'all', { tp: number; fp: number; fn: number }>;
  overlap: Record<Role, { ov: number; pred: number; gold: number }>;
  givenContent: { n: number; sourceExact: number; sourceOverlap: number };
}

function emptyCounts(): Counts {
  const e = () => ({ tp: 0, fp: 0, fn: 0 });
  const o = () => ({ ov: 0, pred: 0, gold: 0 });
  return {
    exact: { source: e(), cue: e(), content: e(), all: e() },
    overlap: { source: o(), cue: o(), content: o() },
    givenContent: { n: 0, sourceExact: 0, sourceOverlap: 0 },
  };
}

/** citron's exact metrics: cue by exact match; source and content by list match on a cue-overlapping pair. */
function score(pred: Relation[], gold: Relation[], toks: { start: Int32Array; end: Int32Array }, c: Counts) {
  const matchers: Record<Role | 'all', (p: Relation, g: Relation) => boolean> = {
    cue: (p, g) => sameList(p.cue, g.cue),
    source: (p, g) => overlaps(p.cue, g.cue) && sameList(p.source, g.source),
    content: (p, g) => overlaps(p.cue, g.cue) && sameList(p.content, g.content),
    all: (p, g) => sameList(p.cue, g.cue) && sameList(p.source, g.source) && sameList(p.content, g.content),
  };
  for (const k of [...ROLES, 'all'] as const) {
    const m = matchers[k];
    for (const p of pred) {
      if (gold.some((g) => m(p, g))) c.exact[k].tp++;
      else c.exact[k].fp++;
    }
    for (const g of gold) if (!pred.some((p) => m(p, g))) c.exact[k].fn++;
  }
  for (const r of ROLES) {
    const predSets = pred.map((p) => tokenSet(toks.start, toks.end, p[r]));
    const goldSets = gold.map((g) => tokenSet(toks.start, toks.end, g[r]));
    for (const ps of predSets) {
      c.overlap[r].pred += ps.size;
      for (const gs of goldSets) for (const t of ps) if (gs.has(t)) c.overlap[r].ov++;
    }
    for (const gs of goldSets) c.overlap[r].gold += gs.size;
  }
  // Source correct given content overlap: over predicted relations whose content overlaps a gold content.
  for (const p of pred) {
    const g = gold.find((g) => overlaps(p.content, g.content));
    if (!g) continue;
    c.givenContent.n++;
    if (sameList(p.source, g.source)) c.givenContent.sourceExact++;
    if ((p.source.length === 0 && g.source.length === 0) || overlaps(p.source, g.source))
      c.givenContent.sourceOverlap++;
  }
}

/** Files of one split: each text once, with the first annotator's .ann (sorted by annotator id). */
export function polnearFiles(dir: string): { stem: string; text: string; ann: string }[] {
  const anns = readdirSync(join(dir, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const byStem = new Map<string, string>();
  for (const f of anns) {
    const stem = f.replace(/_[0-9a-f]+\.ann$/, '');
    if (!byStem.has(stem)) byStem.set(stem, f);
  }
  return [...byStem].map(([stem, f]) => ({
    stem,
    text: join(dir, 'text', `${stem}.txt`),
    ann: join(dir, 'attributions', f),
  }));
}

function articleFor(text: string): Article {
  return {
    id: 'eval',
    title: null,
    url: null,
    outlet: null,
    credit: null,
    dateline: null,
    published: null,
    publishedSource: 'none',
    language: 'en',
    text,
  };
}

export async function run(args: string[]): Promise<EvalReport | null> {
  const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = dataPathOrSkip(positional[0], 'data', 'attribution', 'polnear', 'dev');
  if (!dir) return null;
  let files = polnearFiles(dir);
  const limit = Number(opt('limit') ?? 0);
  if (limit > 0) files = files.slice(0, limit);
  const errorsFile = opt('errors');
  const errors: string[] = [];
  const byRule = args.includes('--by-rule') ? new Map<string, RuleCounts>() : null;

  const pipeline = createPipeline([createMentionsStage(), createSourcesStage()]);
  const counts = emptyCounts();
  let nGold = 0;
  let nPred = 0;
  for (const f of files) {
    const text = readFileSync(f.text, 'utf8');
    const doc = pipeline.run(articleFor(text));
    const gold = parseBrat(readFileSync(f.ann, 'utf8')).map((r) => ({
      source: normalise(text, r.source),
      cue: normalise(text, r.cue),
      content: normalise(text, r.content),
    }));
    const pred = toRelations(text, doc.layer('claims'));
    nGold += gold.length;
    nPred += pred.length;
    score(pred, gold, doc.tokens, counts);
    if (errorsFile) errors.push(...describeErrors(f.stem, text, pred, gold));
    if (byRule) countByRule(pred, gold, byRule);
  }
  const sourcesMs = pipeline.timings().find((t) => t.name === 'sources')?.ms ?? 0;
  const docsPerSec = sourcesMs > 0 ? (files.length * 1000) / sourcesMs : null;

  const rows: Record<string, string | number | null>[] = [];
  const metrics: Record<string, number | string | null> = {};
  for (const k of [...ROLES, 'all'] as const) {
    const e = counts.exact[k];
    const x = prf(e.tp, e.fp, e.fn);
    let o: { p: number; r: number; f1: number };
    if (k === 'all') {
      const ov = ROLES.reduce((s, r) => s + counts.overlap[r].ov, 0);
      const pr = ROLES.reduce((s, r) => s + counts.overlap[r].pred, 0);
      const go = ROLES.reduce((s, r) => s + counts.overlap[r].gold, 0);
      o = overlapPrf(ov, pr, go);
    } else {
      const v = counts.overlap[k];
      o = overlapPrf(v.ov, v.pred, v.gold);
    }
    rows.push({
      span: k,
      'exact P': x.p,
      'exact R': x.r,
      'exact F1': x.f1,
      'overlap P': o.p,
      'overlap R': o.r,
      'overlap F1': o.f1,
    });
    Object.assign(metrics, {
      [`${k}_exact_p`]: x.p,
      [`${k}_exact_r`]: x.r,
      [`${k}_exact_f1`]: x.f1,
      [`${k}_overlap_p`]: o.p,
      [`${k}_overlap_r`]: o.r,
      [`${k}_overlap_f1`]: o.f1,
    });
  }
  const gc = counts.givenContent;
  metrics.source_exact_given_content_overlap = gc.n ? gc.sourceExact / gc.n : null;
  metrics.source_overlap_given_content_overlap = gc.n ? gc.sourceOverlap / gc.n : null;
  metrics.docs_per_sec = docsPerSec;
  console.log(`PolNeAR ${dir}: ${files.length} texts, ${nGold} gold relations, ${nPred} predicted`);
  printTable(rows);
  console.log(
    `source correct given content overlap: exact ${fmt(metrics.source_exact_given_content_overlap)}, overlap ${fmt(metrics.source_overlap_given_content_overlap)} (n=${gc.n})`,
  );
  console.log(`sources stage: ${docsPerSec ? docsPerSec.toFixed(0) : '-'} docs/s`);
  if (errorsFile) writeFileSync(errorsFile, errors.join('\n'));
  if (byRule) {
    // share of each rule's relations that match a gold relation: the cue overlapping or exact, and
    // source, content or all three exact (source and content on a cue-overlapping gold relation)
    console.log('\nby rule (share of its predicted relations):');
    printTable(
      [...byRule]
        .sort((a, b) => b[1].n - a[1].n)
        .map(([rule, c]) => ({
          rule,
          n: c.n,
          'cue overlap': c.cueOverlap / c.n,
          'cue exact': c.cueExact / c.n,
          'source exact': c.sourceExact / c.n,
          'content exact': c.contentExact / c.n,
          'all exact': c.allExact / c.n,
        })),
    );
  }
  return { task: 'sources', data: dir, metrics, texts: files.length, gold: nGold, predicted: nPred };
}

interface RuleCounts {
  n: number;
  cueOverlap: number;
  cueExact: number;
  sourceExact: number;
  contentExact: number;
  allExact: number;
}

function countByRule(pred: Relation[], gold: Relation[], byRule: Map<string, RuleCounts>): void {
  for (const p of pred) {
    const key = p.rule ?? '-';
    let c = byRule.get(key);
    if (!c) {
      c = { n: 0, cueOverlap: 0, cueExact: 0, sourceExact: 0, contentExact: 0, allExact: 0 };
      byRule.set(key, c);
    }
    c.n++;
    const near = gold.filter((g) => overlaps(p.cue, g.cue));
    if (near.length > 0) c.cueOverlap++;
    if (near.some((g) => sameList(p.cue, g.cue))) c.cueExact++;
    if (near.some((g) => sameList(p.source, g.source))) c.sourceExact++;
    if (near.some((g) => sameList(p.content, g.content))) c.contentExact++;
    if (
      near.some(
        (g) => sameList(p.cue, g.cue) && sameList(p.source, g.source) && sameList(p.content, g.content),
      )
    )
      c.allExact++;
  }
}

function fmt(v: unknown): string {
  return typeof v === 'number' ? v.toFixed(3) : '-';
}

/** citron's overlap metrics: overlapping tokens over predicted and over gold token counts. */
function overlapPrf(ov: number, pred: number, gold: number) {
  const p = pred ? Math.min(1, ov / pred) : 0;
  const r = gold ? Math.min(1, ov / gold) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function describeErrors(stem: string, text: string, pred: Relation[], gold: Relation[]): string[] {
  const show = (s: Span[]) =>
    s.map((x) => `[${text.slice(x.start, x.end).replace(/\n/g, '⏎')}]`).join('+') || '∅';
  const same = (p: Relation, g: Relation) =>
    sameList(p.cue, g.cue) && sameList(p.source, g.source) && sameList(p.content, g.content);
  const out: string[] = [];
  for (const g of gold) {
    if (pred.some((p) => same(p, g))) continue;
    const p = pred.find((p) => overlaps(p.cue, g.cue));
    if (p)
      out.push(
        `${stem}\tWRONG\tcue ${show(g.cue)}→${show(p.cue)}\tsrc ${show(g.source)}→${show(p.source)}\tcontent ${show(g.content)}→${show(p.content)}`,
      );
    else {
      const all = [...g.cue, ...g.source, ...g.content];
      const lo = Math.max(0, Math.min(...all.map((x) => x.start)) - 80);
      const hi = Math.max(...all.map((x) => x.end)) + 40;
      const ctx = text.slice(lo, hi).replace(/\n/g, '⏎');
      // a missed cue inside a predicted span: the prediction ran over it
      const inside = pred.find((p) => overlaps(p.content, g.cue) || overlaps(p.source, g.cue));
      const note = inside ? `\tINSIDE ${show(inside.cue)}` : '';
      out.push(
        `${stem}\tMISS\tcue ${show(g.cue)}\tsrc ${show(g.source)}\tcontent ${show(g.content)}\tCTX ${ctx}${note}`,
      );
    }
  }
  for (const p of pred) {
    if (!gold.some((g) => overlaps(p.cue, g.cue)))
      out.push(`${stem}\tFALSE\tcue ${show(p.cue)}\tsrc ${show(p.source)}\tcontent ${show(p.content)}`);
  }
  return out;
}
