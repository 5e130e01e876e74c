/**
 * `npm run eval -- time [dir…] [--limit N] [--errors N] [--no-chrono]`
 *
 * Temporal expressions scored the TempEval-3 way (evaluate_entities.py): gold and system spans are
 * compared on tokens, strict = the same tokens, relaxed = any shared token; type and value are
 * scored on relaxed matches, and "value F1" = value accuracy × relaxed F1. As in that script the
 * creation time (the DCT, TimeBank's t0) is not a target: in MEANTIME, where the DCT is written in
 * the text, its tokens are neither gold nor counted against a system.
 *
 * Reads TimeML .tml (inline tags; ../shared/data/time/tbaq by default) and MEANTIME's
 * token-anchored XML (../shared/data/time/meantime). chrono-node runs on the same texts with the
 * same reference date and goes through the same scorer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { MutableDoc } from '../../src/model/doc.js';
import type { Article } from '../../src/model/types.js';
import { findTimes } from '../../src/nlp/time/index.js';
import { tokenize } from '../../src/text/tokenize.js';
import type { EvalReport } from '../main.js';
import { dataPathOrSkip, SHARED_DIR } from '../shared.js';
import { prf, printTable } from '../table.js';

export interface GoldTime {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface TimeDoc {
  name: string;
  text: string;
  dct: string | null;
  gold: GoldTime[];
  /** Spans neither scored as gold nor held against a system (an in-text DCT). */
  ignore: { start: number; end: number }[];
  /** Only this prefix of the text was annotated (MEANTIME marks the first sentences only). */
  annotatedEnd?: number;
}

interface SysTime {
  start: number;
  end: number;
  type: string;
  value: string;
}

// ---- readers -------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(ent: string): string {
  if (ent.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ent.slice(2), 16));
  if (ent.startsWith('#')) return String.fromCodePoint(Number.parseInt(ent.slice(1), 10));
  return ENTITIES[ent] ?? `&${ent};`;
}

function attr(tag: string, name: string): string {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : '';
}

/** A TimeML file: the TEXT element with tags stripped, TIMEX3 spans as gold, the DCT's value. */
export function readTml(raw: string, name: string): TimeDoc {
  const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(raw);
  const dct = dctTag ? attr(dctTag[0], 'value').slice(0, 10) : null;
  const open = raw.indexOf('<TEXT>');
  const close = raw.indexOf('</TEXT>');
  const body = open >= 0 ? raw.slice(open + 6, close >= 0 ? close : undefined) : raw;
  let text = '';
  const gold: GoldTime[] = [];
  const ignore: TimeDoc['ignore'] = [];
  const stack: { start: number; tag: string }[] = [];
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(#?[A-Za-z0-9]+);/g;
  let last = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    text += body.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[4] !== undefined) {
      text += decode(m[4]);
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '') {
      if (m[3].endsWith('/')) continue;
      stack.push({ start: text.length, tag: m[0] });
    } else {
      const o = stack.pop();
      if (!o) continue;
      const t = { start: o.start, end: text.length, type: attr(o.tag, 'type'), value: attr(o.tag, 'value') };
      if (attr(o.tag, 'functionInDocument') === 'CREATION_TIME') ignore.push(t);
      else if (t.end > t.start) gold.push(t);
    }
  }
  text += body.slice(last);
  return { name, text, dct, gold, ignore };
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?)\]}%]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^[([{$]$/;

/** A MEANTIME document: tokens joined back into text, TIMEX3 token anchors as gold spans. */
export function readMeantime(raw: string, name: string): TimeDoc {
  const tokRe = /<token\b([^>]*)>([^<]*)<\/token>/g;
  const offsets = new Map<string, [number, number]>();
  const sentenceOf = new Map<string, string>();
  const sentenceEnd = new Map<string, number>();
  let text = '';
  let prevSentence = '';
  let prevTok = '';
  let quoteOpen = false;
  for (let m = tokRe.exec(raw); m; m = tokRe.exec(raw)) {
    const id = attr(m[1], 't_id');
    const sentence = attr(m[1], 'sentence');
    const tok = m[2].replace(/&(#?[A-Za-z0-9]+);/g, (_, e: string) => decode(e));
    if (text.length > 0) {
      if (sentence !== prevSentence && (prevSentence === '0' || prevSentence === '1')) text += '\n';
      else if (tok === '"' ? quoteOpen : NO_SPACE_BEFORE.test(tok) || NO_SPACE_AFTER.test(prevTok))
        text += '';
      else if (prevTok === '"' && quoteOpen) text += '';
      else text += ' ';
    }
    if (tok === '"') quoteOpen = !quoteOpen;
    offsets.set(id, [text.length, text.length + tok.length]);
    sentenceOf.set(id, sentence);
    text += tok;
    sentenceEnd.set(sentence, text.length);
    prevSentence = sentence;
    prevTok = tok;
  }
  const gold: GoldTime[] = [];
  const ignore: TimeDoc['ignore'] = [];
  let dct: string | null = null;
  const tx = /<TIMEX3\b([^>]*?)(\/?)>([\s\S]*?)(?:<\/TIMEX3>|(?=<TIMEX3|<\/Markables>))/g;
  for (let m = tx.exec(raw); m; m = tx.exec(raw)) {
    const attrs = m[1];
    const fn = attr(attrs, 'functionInDocument');
    if (fn === 'CREATION_TIME') dct = attr(attrs, 'value').slice(0, 10);
    if (m[2] === '/') continue;
    const ids = [...m[3].matchAll(/t_id="([^"]+)"/g)].map((x) => offsets.get(x[1])).filter((x) => !!x);
    if (ids.length === 0) continue;
    const start = Math.min(...ids.map((x) => x[0]));
    const end = Math.max(...ids.map((x) => x[1]));
    const t = { start, end, type: attr(attrs, 'type'), value: attr(attrs, 'value') };
    if (fn === 'CREATION_TIME') ignore.push(t);
    else gold.push(t);
  }
  // annotators covered the title and the first sentences: score only up to the last annotated one
  const markables = raw.slice(Math.max(0, raw.indexOf('<Markables')));
  let lastSentence = -1;
  for (const m of markables.matchAll(/t_id="([^"]+)"/g)) {
    const sn = Number(sentenceOf.get(m[1]) ?? -1);
    if (sn > lastSentence) lastSentence = sn;
  }
  const annotatedEnd = sentenceEnd.get(String(lastSentence)) ?? text.length;
  return { name, text, dct, gold, ignore, annotatedEnd };
}

function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith(ext)) out.push(p);
    }
  };
  if (statSync(dir).isDirectory()) walk(dir);
  else out.push(dir);
  return out;
}

export function loadDocs(path: string): TimeDoc[] {
  const tml = listFiles(path, '.tml');
  if (tml.length > 0) return tml.map((f) => readTml(readFileSync(f, 'utf8'), f));
  return listFiles(path, '.xml').map((f) => readMeantime(readFileSync(f, 'utf8'), f));
}

// ---- systems -------------------------------------------------------------------------------------

function article(d: TimeDoc): Article {
  return {
    id: d.name,
    title: null,
    url: null,
    outlet: null,
    credit: null,
    dateline: null,
    published: d.dct,
    publishedSource: d.dct ? 'field' : 'none',
    language: 'en',
    text: d.text,
  };
}

/** Milliseconds spent in the time stage alone (tokenising is shared by every stage of the pipeline). */
let stageMs = 0;

function runOurs(d: TimeDoc): SysTime[] {
  const doc = new MutableDoc(article(d), tokenize(d.text));
  const t0 = performance.now();
  const times = findTimes(doc);
  stageMs += performance.now() - t0;
  return times.map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value }));
}

const p2 = (n: number) => String(n).padStart(2, '0');

function runChrono(d: TimeDoc): SysTime[] {
  const instant = d.dct ? new Date(`${d.dct}T12:00:00Z`) : new Date();
  const results = chrono.parse(d.text, { instant, timezone: 0 });
  return results.map((r) => {
    const s = r.start;
    const y = s.get('year') ?? 0;
    const date = `${String(y).padStart(4, '0')}-${p2(s.get('month') ?? 1)}-${p2(s.get('day') ?? 1)}`;
    let type = 'DATE';
    let value: string;
    if (s.isCertain('hour')) {
      type = 'TIME';
      value = `${date}T${p2(s.get('hour') ?? 0)}:${p2(s.get('minute') ?? 0)}`;
    } else if (s.isCertain('day') || s.isCertain('weekday') || !s.isCertain('month')) {
      value = s.isCertain('year') && !s.isCertain('month') ? String(y) : date;
    } else value = date.slice(0, 7);
    return { start: r.index, end: r.index + r.text.length, type, value };
  });
}

// ---- scoring -------------------------------------------------------------------------------------

interface Counts {
  gold: number;
  sys: number;
  strict: number;
  relaxed: number;
  type: number;
  value: number;
}

const TOKEN = /[A-Za-z0-9]+|[^\sA-Za-z0-9]/g;

/** Token index ranges [first, last] of spans, on a plain word/punctuation tokenisation. */
function tokenRanges(text: string): Int32Array {
  const starts: number[] = [];
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) starts.push(m.index, m.index + m[0].length);
  TOKEN.lastIndex = 0;
  return Int32Array.from(starts);
}

function toTokens(toks: Int32Array, s: number, e: number): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < toks.length; i += 2) {
    if (toks[i + 1] <= s) continue;
    if (toks[i] >= e) break;
    if (first < 0) first = i >> 1;
    last = i >> 1;
  }
  return first < 0 ? null : [first, last];
}

export interface Mismatch {
  doc: string;
  kind: 'missed' | 'spurious' | 'extent' | 'value';
  text: string;
  gold?: string;
  sys?: string;
  context: string;
}

function score(d: TimeDoc, sys: SysTime[], counts: Counts, errors: Mismatch[] | null): void {
  const toks = tokenRanges(d.text);
  const ign = d.ignore.map((x) => toTokens(toks, x.start, x.end)).filter((x) => !!x);
  const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];
  const gold = d.gold.map((g) => ({ g, t: toTokens(toks, g.start, g.end) })).filter((x) => x.t) as {
    g: GoldTime;
    t: [number, number];
  }[];
  const preds = sys
    .map((s) => ({ s, t: toTokens(toks, s.start, s.end) }))
    .filter(
      (x) =>
        x.t &&
        x.s.start < (d.annotatedEnd ?? Number.POSITIVE_INFINITY) &&
        !ign.some((i) => overlaps(i, x.t!)),
    ) as { s: SysTime; t: [number, number] }[];
  counts.gold += gold.length;
  counts.sys += preds.length;
  const used = new Uint8Array(preds.length);
  const ctx = (s: number, e: number) => d.text.slice(Math.max(0, s - 60), e + 40).replace(/\s+/g, ' ');
  for (const { g, t } of gold) {
    let best = -1;
    let bestOv = 0;
    for (let k = 0; k < preds.length; k++) {
      if (used[k] || !overlaps(t, preds[k].t)) continue;
      const ov = Math.min(t[1], preds[k].t[1]) - Math.max(t[0], preds[k].t[0]) + 1;
      if (ov > bestOv) {
        bestOv = ov;
        best = k;
      }
    }
    if (best < 0) {
      errors?.push({
        doc: d.name,
        kind: 'missed',
        text: d.text.slice(g.start, g.end),
        gold: `${g.type} ${g.value}`,
        context: ctx(g.start, g.end),
      });
      continue;
    }
    used[best] = 1;
    const p = preds[best];
    counts.relaxed++;
    const strict = p.t[0] === t[0] && p.t[1] === t[1];
    if (strict) counts.strict++;
    if (p.s.type === g.type) counts.type++;
    if (p.s.value === g.value) counts.value++;
    if (errors && (!strict || p.s.value !== g.value)) {
      errors.push({
        doc: d.name,
        kind: strict ? 'value' : 'extent',
        text: `${d.text.slice(g.start, g.end)} | ${d.text.slice(p.s.start, p.s.end)}`,
        gold: `${g.type} ${g.value}`,
        sys: `${p.s.type} ${p.s.value}`,
        context: ctx(g.start, g.end),
      });
    }
  }
  if (errors) {
    preds.forEach((p, k) => {
      if (!used[k]) {
        errors.push({
          doc: d.name,
          kind: 'spurious',
          text: d.text.slice(p.s.start, p.s.end),
          sys: `${p.s.type} ${p.s.value}`,
          context: ctx(p.s.start, p.s.end),
        });
      }
    });
  }
}

function metrics(c: Counts, ms: number, docs: number, stage: number) {
  const strict = prf(c.strict, c.sys - c.strict, c.gold - c.strict);
  const relaxed = prf(c.relaxed, c.sys - c.relaxed, c.gold - c.relaxed);
  const typeAcc = c.relaxed ? c.type / c.relaxed : 0;
  const valueAcc = c.relaxed ? c.value / c.relaxed : 0;
  return {
    gold: c.gold,
    sys: c.sys,
    strict_p: strict.p,
    strict_r: strict.r,
    strict_f1: strict.f1,
    relaxed_p: relaxed.p,
    relaxed_r: relaxed.r,
    relaxed_f1: relaxed.f1,
    type_acc: typeAcc,
    value_acc: valueAcc,
    type_f1: typeAcc * relaxed.f1,
    value_f1: valueAcc * relaxed.f1,
    docs_per_s: ms > 0 ? (docs * 1000) / ms : 0,
    stage_docs_per_s: stage > 0 ? (docs * 1000) / stage : 0,
  };
}

type Metrics = ReturnType<typeof metrics>;

function evaluate(docs: TimeDoc[], system: (d: TimeDoc) => SysTime[], errors: Mismatch[] | null): Metrics {
  const counts: Counts = { gold: 0, sys: 0, strict: 0, relaxed: 0, type: 0, value: 0 };
  let ms = 0;
  stageMs = 0;
  for (const d of docs) {
    const t0 = performance.now();
    const sys = system(d);
    ms += performance.now() - t0;
    score(d, sys, counts, errors);
  }
  return metrics(counts, ms, docs.length, system === runOurs ? stageMs : ms);
}

function row(set: string, name: string, m: Metrics): Record<string, string | number | null> {
  return {
    data: set,
    system: name,
    gold: m.gold,
    sys: m.sys,
    'strict P': m.strict_p,
    'strict R': m.strict_r,
    'strict F1': m.strict_f1,
    'relaxed P': m.relaxed_p,
    'relaxed R': m.relaxed_r,
    'relaxed F1': m.relaxed_f1,
    'type acc': m.type_acc,
    'value acc': m.value_acc,
    'type F1': m.type_f1,
    'value F1': m.value_f1,
    'docs/s': Math.round(m.stage_docs_per_s),
    'docs/s+tok': Math.round(m.docs_per_s),
  };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]): Promise<EvalReport | null> {
  const positional = args.filter(
    (a, i) =>
      !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && args[i - 1] !== '--no-chrono'),
  );
  const limit = Number(option(args, '--limit') ?? 0);
  const nErrors = Number(option(args, '--errors') ?? 0);
  const withChrono = !args.includes('--no-chrono');
  const sets: [string, string][] = [];
  if (positional.length > 0) {
    for (const arg of positional) {
      const p = dataPathOrSkip(arg);
      if (!p) return null;
      sets.push([/meantime/i.test(p) ? 'meantime' : /tbaq|timebank|aquaint/i.test(p) ? 'tbaq' : arg, p]);
    }
  } else {
    const tbaq = dataPathOrSkip(undefined, 'data', 'time', 'tbaq');
    if (!tbaq) return null;
    sets.push(['tbaq', tbaq]);
    const meantime = dataPathOrSkip(undefined, 'data', 'time', 'meantime');
    if (meantime) sets.push(['meantime', meantime]);
  }
  const rows: Record<string, string | number | null>[] = [];
  const report: EvalReport = { task: 'time', data: sets.map((s) => s[1]).join(', '), metrics: {} };
  for (const [label, path] of sets) {
    let docs = loadDocs(path);
    if (limit > 0) docs = docs.slice(0, limit);
    tokenize('warm up the tagger');
    const errors: Mismatch[] | null = nErrors > 0 ? [] : null;
    const ours = evaluate(docs, runOurs, errors);
    rows.push(row(label, 'sitrep', ours));
    for (const [k, v] of Object.entries(ours)) report.metrics[`${label}.sitrep.${k}`] = v;
    if (withChrono) {
      const ch = evaluate(docs, runChrono, null);
      rows.push(row(label, 'chrono-node', ch));
      for (const [k, v] of Object.entries(ch)) report.metrics[`${label}.chrono.${k}`] = v;
    }
    if (errors) {
      for (const e of errors.slice(0, nErrors)) {
        console.log(
          `${e.kind}\t${e.text}\tgold=${e.gold ?? ''}\tsys=${e.sys ?? ''}\t${e.doc.replace(SHARED_DIR, '')}\t…${e.context}…`,
        );
      }
      console.log('');
    }
  }
  printTable(rows);
  console.log(
    '\nTempEval-3 scoring: token spans, strict = same tokens, relaxed = overlap; value F1 = value accuracy × relaxed F1;',
  );
  console.log(
    'the creation time (DCT) is not a target. docs/s: the time stage on tokenised text (sitrep), parsing (chrono);',
  );
  console.log('docs/s+tok adds wink tokenisation, which the pipeline does once for all stages.');
  return report;
}
