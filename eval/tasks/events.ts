/**
 * `npm run eval -- events [file|audit] [--limit N]`
 * - a PLV TSV (default ../shared/data/events/plv_train.tsv): sentence-level PLOVER root type for the
 *   marked source <s> and target <t>;
 * - a PLOVER GSR JSON (…/plover_gsr.json): type, mode, actor/recipient country and sector, counts;
 * - `audit [dir]`: 50 random sentences (fixed seed) from PolNeAR dev texts with the events produced,
 *   for a reader to judge.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createArticle } from '../../src/model/article.js';
import type { EventRecord, Span } from '../../src/model/types.js';
import { createDefaultPipeline } from '../../src/pipeline/default.js';
import { tokenize } from '../../src/text/tokenize.js';
import type { EvalReport } from '../main.js';
import { dataPathOrSkip } from '../shared.js';
import { prf, printTable } from '../table.js';

const CLASSES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'COOPERATE',
  'AID',
  'YIELD',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const plvType = (t: string) => (t === 'CONCEDE' || t === 'RETREAT' ? 'YIELD' : t);

function codeText(text: string, published?: string): EventRecord[] {
  const doc = pipeline().run(createArticle({ text, published: published ?? null }));
  return [...doc.layer('events')];
}

let pipe: ReturnType<typeof createDefaultPipeline> | null = null;
function pipeline() {
  pipe ??= createDefaultPipeline();
  return pipe;
}

/** Order candidate events: governing (higher confidence) first, then sentence order. */
const byConfidence = (a: EventRecord, b: EventRecord) => b.confidence - a.confidence;

/** Strip <s>/<t> marks and return the clean text with the marked spans. */
function unmark(marked: string): { text: string; s: Span[]; t: Span[] } {
  const s: Span[] = [];
  const t: Span[] = [];
  let text = '';
  const re = /<(\/?)([st])>/gi;
  let last = 0;
  const open: Record<string, number> = {};
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    text += marked.slice(last, m.index);
    last = m.index + m[0].length;
    const tag = m[2].toLowerCase();
    if (m[1] === '') open[tag] = text.length;
    else if (open[tag] !== undefined) (tag === 's' ? s : t).push({ start: open[tag], end: text.length });
  }
  text += marked.slice(last);
  return { text, s, t };
}

function parseTsv(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const head = lines[0].split('\t');
  return lines.slice(1).map((l) => {
    const cols = l.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, cols[i] ?? '']));
  });
}

function f1Table(gold: string[], pred: string[]) {
  const rows = CLASSES.map((c) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === c && gold[i] === c) tp++;
      else {
        if (pred[i] === c) fp++;
        if (gold[i] === c) fn++;
      }
    }
    const r = prf(tp, fp, fn);
    return { class: c, n: tp + fn, p: r.p, r: r.r, f1: r.f1 };
  });
  const macro = rows.reduce((a, r) => a + r.f1, 0) / rows.length;
  const acc = gold.filter((g, i) => g === pred[i]).length / gold.length;
  return { rows, macro, acc };
}

async function runPlv(file: string, limit: number): Promise<EvalReport> {
  const rows = parseTsv(file).slice(0, limit);
  const gold: string[] = [];
  const strict: string[] = [];
  const tiered: string[] = [];
  let anyHit = 0;
  const t0 = performance.now();
  const misses: string[] = [];
  for (const r of rows) {
    const g = plvType(r.gold_root);
    const { text, s, t } = unmark(r.marked_sentence);
    const evs = codeText(text).filter((e) => !e.background || true);
    evs.sort(byConfidence);
    const actorS = (e: EventRecord) => e.actors.some((a) => s.some((x) => overlaps(a, x)));
    const partyT = (e: EventRecord) =>
      e.recipients.some((a) => t.some((x) => overlaps(a, x))) ||
      e.actors.some((a) => t.some((x) => overlaps(a, x)));
    const best = evs.find((e) => actorS(e) && partyT(e));
    const loose =
      best ??
      evs.find(actorS) ??
      evs.find((e) => e.recipients.some((a) => t.some((x) => overlaps(a, x)))) ??
      evs[0];
    gold.push(g);
    strict.push(best ? plvType(best.type) : 'none');
    tiered.push(loose ? plvType(loose.type) : 'none');
    if (evs.some((e) => plvType(e.type) === g)) anyHit++;
    if ((loose ? plvType(loose.type) : 'none') !== g && misses.length < 400)
      misses.push(`${g}\t${loose ? plvType(loose.type) : 'none'}\t${r.marked_sentence}`);
  }
  const ms = performance.now() - t0;
  const st = f1Table(gold, strict);
  const ti = f1Table(gold, tiered);
  console.log(`PLV ${file}: ${rows.length} rows, ${(ms / rows.length).toFixed(2)} ms/row`);
  printTable(
    st.rows.map((r, i) => ({
      class: r.class,
      n: r.n,
      'strict F1': r.f1,
      'tiered P': ti.rows[i].p,
      'tiered R': ti.rows[i].r,
      'tiered F1': ti.rows[i].f1,
    })),
  );
  const noneStrict = strict.filter((x) => x === 'none').length / rows.length;
  const noneTiered = tiered.filter((x) => x === 'none').length / rows.length;
  const metrics = {
    rows: rows.length,
    strict_accuracy: st.acc,
    strict_macro_f1: st.macro,
    strict_no_event: noneStrict,
    tiered_accuracy: ti.acc,
    tiered_macro_f1: ti.macro,
    tiered_no_event: noneTiered,
    any_event_of_gold_type_recall: anyHit / rows.length,
  };
  console.log('');
  printTable(Object.entries(metrics).map(([k, v]) => ({ metric: k, value: v })));
  if (process.env.SITREP_EVAL_MISSES) console.log(misses.join('\n'));
  return { task: 'events', data: file, metrics };
}

interface GsrActor {
  actorText?: string;
  code?: string;
  sector?: string;
}
interface GsrRecord {
  id: string;
  event: string;
  mode?: string;
  text?: string;
  source?: GsrActor[] | string;
  target?: GsrActor[] | string;
  dead?: string;
  injured?: string;
  date?: string;
}

const GSR_MAP: Record<string, string> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

/**
 * GSR 0.5b1 modes under the names the 2021 codebook (../shared/data/events/PLOVER_MANUAL.tex) gives
 * the same acts: organised and spontaneous demonstrations are both `demo`, a hunger strike is
 * `hunger`, hosting is the other side of `visit`, detention is `arrest`, assassination is a
 * `targeted` killing, bans on organisations are `restrict`, and a threatened curfew, martial law or
 * ban on political activity is THREATEN `restrict`. Raw agreement is reported beside it.
 */
const GSR_MODE_MAP: Record<string, string> = {
  'PROTEST:demo-org': 'demo',
  'PROTEST:demo-spon': 'demo',
  'PROTEST:riot-spon': 'riot',
  'PROTEST:strike-gen': 'strike',
  'PROTEST:strike-hun': 'hunger',
  'CONSULT:host': 'visit',
  'COERCE:detain': 'arrest',
  'COERCE:confiscate': 'seize',
  'COERCE:ban': 'restrict',
  'ASSAULT:assassinate': 'targeted',
  'FIGHT:assassinate': 'targeted',
  'THREATEN:curfew': 'restrict',
  'THREATEN:martial-law': 'restrict',
  'THREATEN:political': 'restrict',
};

async function runGsr(file: string, limit: number): Promise<EvalReport> {
  const recs = (JSON.parse(readFileSync(file, 'utf8')) as GsrRecord[])
    .filter((r) => r.text && r.event !== 'DOCUMENT')
    .slice(0, limit);
  const c = {
    n: 0,
    type: 0,
    none: 0,
    modeN: 0,
    mode: 0,
    modeRaw: 0,
    actorCountryN: 0,
    actorCountry: 0,
    actorSectorN: 0,
    actorSector: 0,
    recipCountryN: 0,
    recipCountry: 0,
    recipSectorN: 0,
    recipSector: 0,
    deadN: 0,
    dead: 0,
    injuredN: 0,
    injured: 0,
  };
  const confusion = new Map<string, number>();
  const misses: string[] = [];
  const countryMisses: string[] = [];
  for (const r of recs) {
    const gold = GSR_MAP[r.event] ?? r.event;
    const text = r.text!;
    const evs = codeText(text).sort(byConfidence);
    const src = Array.isArray(r.source) ? r.source : [];
    const tgt = Array.isArray(r.target) ? r.target : [];
    const spanOf = (a: GsrActor): Span | null => {
      const at = a.actorText ? text.indexOf(a.actorText.trim()) : -1;
      return at < 0 ? null : { start: at, end: at + a.actorText!.trim().length };
    };
    const srcSpans = src.map(spanOf).filter((x): x is Span => x !== null);
    const ev = evs.find((e) => e.actors.some((a) => srcSpans.some((s) => overlaps(a, s)))) ?? evs[0];
    c.n++;
    const pred = ev ? ev.type : 'none';
    if (!ev) c.none++;
    if (pred === gold) c.type++;
    else {
      confusion.set(`${gold}->${pred}`, (confusion.get(`${gold}->${pred}`) ?? 0) + 1);
      if (misses.length < 400) misses.push(`${gold}\t${pred}\t${text}`);
    }
    if (r.mode) {
      c.modeN++;
      if (ev?.mode === r.mode) c.modeRaw++;
      if (ev?.mode === (GSR_MODE_MAP[`${r.event}:${r.mode}`] ?? r.mode)) c.mode++;
    }
    const codes = src.map((a) => a.code).filter(Boolean);
    if (codes.length) {
      c.actorCountryN++;
      if (ev?.actors.some((a) => a.country && codes.includes(a.country))) c.actorCountry++;
      else if (countryMisses.length < 400)
        countryMisses.push(
          `${codes.join('|')}\t${ev ? ev.actors.map((a) => `${text.slice(a.start, a.end)}=${a.country ?? '-'}`).join('; ') : 'none'}\t${src.map((a) => a.actorText).join('|')}\t${text}`,
        );
    }
    const sectors = src.map((a) => a.sector?.slice(0, 3)).filter((x) => x && x !== '***');
    if (sectors.length) {
      c.actorSectorN++;
      if (ev?.actors.some((a) => a.sector && sectors.includes(a.sector))) c.actorSector++;
    }
    const tcodes = tgt.map((a) => a.code).filter(Boolean);
    if (tcodes.length) {
      c.recipCountryN++;
      if (ev?.recipients.some((a) => a.country && tcodes.includes(a.country))) c.recipCountry++;
    }
    const tsectors = tgt.map((a) => a.sector?.slice(0, 3)).filter((x) => x && x !== '***');
    if (tsectors.length) {
      c.recipSectorN++;
      if (ev?.recipients.some((a) => a.sector && tsectors.includes(a.sector))) c.recipSector++;
    }
    const sumKind = (k: string) =>
      ev ? ev.quantities.filter((q) => q.kind === k).reduce((s, q) => Math.max(s, q.value), 0) : 0;
    if (r.dead && /^\d+$/.test(r.dead)) {
      c.deadN++;
      if (sumKind('dead') === Number(r.dead)) c.dead++;
    }
    if (r.injured && /^\d+$/.test(r.injured)) {
      c.injuredN++;
      if (sumKind('injured') === Number(r.injured)) c.injured++;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  const metrics = {
    records: c.n,
    type_accuracy: ratio(c.type, c.n),
    no_event: ratio(c.none, c.n),
    mode_accuracy: ratio(c.mode, c.modeN),
    mode_accuracy_raw: ratio(c.modeRaw, c.modeN),
    mode_n: c.modeN,
    actor_country_accuracy: ratio(c.actorCountry, c.actorCountryN),
    actor_country_n: c.actorCountryN,
    actor_sector_accuracy: ratio(c.actorSector, c.actorSectorN),
    recipient_country_accuracy: ratio(c.recipCountry, c.recipCountryN),
    recipient_sector_accuracy: ratio(c.recipSector, c.recipSectorN),
    dead_exact: ratio(c.dead, c.deadN),
    dead_n: c.deadN,
    injured_exact: ratio(c.injured, c.injuredN),
    injured_n: c.injuredN,
  };
  console.log(`PLOVER GSR ${file}`);
  printTable(Object.entries(metrics).map(([k, v]) => ({ metric: k, value: v })));
  const top = [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`\nmost frequent confusions: ${top.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (process.env.SITREP_EVAL_MISSES)
    console.log(`${misses.join('\n')}\n\nactor country misses:\n${countryMisses.join('\n')}`);
  return { task: 'events', data: file, metrics };
}

/** A small deterministic PRNG (mulberry32) so the audit sample is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function runAudit(dir: string): Promise<EvalReport> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const pool: { file: string; text: string }[] = [];
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    const tk = tokenize(text);
    for (const s of tk.sentences) {
      const st = text.slice(s.start, s.end).trim();
      if (st.length >= 30) pool.push({ file: f, text: st });
    }
  }
  const rand = mulberry32(20260606);
  const picked = new Set<number>();
  while (picked.size < Math.min(50, pool.length)) picked.add(Math.floor(rand() * pool.length));
  let nEvents = 0;
  let nSentences = 0;
  [...picked].forEach((i, k) => {
    const { file, text } = pool[i];
    const evs = codeText(text);
    if (evs.length) nSentences++;
    console.log(`\n[${k + 1}] ${file}\n    ${text}`);
    for (const e of evs) {
      nEvents++;
      const arg = (xs: EventRecord['actors']) =>
        xs
          .map((a) => `${a.text}${a.country || a.sector ? `<${a.country ?? ''}/${a.sector ?? ''}>` : ''}`)
          .join(' + ') || '-';
      console.log(
        `    -> ${e.type}${e.mode ? `:${e.mode}` : ''} "${e.trigger.text}" actor=${arg(e.actors)} recipient=${arg(e.recipients)} ${e.factuality}${e.background ? ' background' : ''} conf=${e.confidence.toFixed(2)}`,
      );
    }
  });
  const metrics = { sentences: picked.size, sentences_with_events: nSentences, events: nEvents };
  console.log('');
  printTable(Object.entries(metrics).map(([k, v]) => ({ metric: k, value: v })));
  return { task: 'events', data: dir, metrics };
}

export async function run(args: string[]): Promise<EvalReport | null> {
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Number.POSITIVE_INFINITY;
  const rest = limitAt >= 0 ? args.filter((_, i) => i !== limitAt && i !== limitAt + 1) : args;
  if (rest[0] === 'audit') {
    const dir = dataPathOrSkip(rest[1], 'data', 'attribution', 'polnear', 'dev', 'text');
    return dir ? runAudit(dir) : null;
  }
  const file = dataPathOrSkip(rest[0], 'data', 'events', 'plv_train.tsv');
  if (!file) return null;
  return file.endsWith('.json') ? runGsr(file, limit) : runPlv(file, limit);
}
