import type { Doc } from '../../model/doc.js';
import type { TimeExpression } from '../../model/types.js';
import type { Stage } from '../../pipeline/pipeline.js';
import { tokenAt } from '../../text/tokenize.js';
import { isoDay, parseIsoDay, ymdOf } from './calendar.js';
import type { Draft, Ref } from './normalize.js';
import { type Ctx, type RefKind, type Rule, type TokenInfo, tokenInfoAt, wordBefore } from './rules.js';
import { tenseAround } from './tense.js';

export { timePrecision } from '../../model/time-precision.js';

interface Candidate {
  start: number;
  end: number;
  rule: Rule;
  groups: Record<string, string | undefined>;
  match: string;
}

/** Leftmost-longest matches of the rules, tried only at tokens that can begin a time. */
function recognise(doc: Doc): Candidate[] {
  const { tokens, text } = doc;
  const n = tokens.length;
  const infos: TokenInfo[] = new Array(n);
  for (let i = 0; i < n; i++) infos[i] = tokenInfoAt(tokens, i);
  const out: Candidate[] = [];
  let lastEnd = 0;
  for (let i = 0; i < n; i++) {
    const info = infos[i];
    const rules = info.rules;
    if (rules.length === 0) continue;
    const at = tokens.start[i];
    if (at < lastEnd) continue;
    if (info.modifierOnly) {
      // "the", "a", "last": only worth matching when a word that carries time follows closely
      let k = i + 1;
      const stop = Math.min(n, i + 5);
      while (k < stop && !infos[k].core && infos[k].link) k++;
      if (k === stop || !infos[k].core) continue;
    }
    let best: Candidate | null = null;
    for (const rule of rules) {
      rule.re.lastIndex = at;
      const m = rule.re.exec(text);
      if (!m || m[0].length === 0) continue;
      if (best && m[0].length <= best.match.length) continue;
      const groups = m.groups ?? {};
      if (rule.accept && !rule.accept(groups, text, at, at + m[0].length)) continue;
      best = { start: at, end: at + m[0].length, rule, groups, match: m[0] };
    }
    if (best) {
      out.push(best);
      lastEnd = best.end;
    }
  }
  return out;
}

const FULL_DATE_RULES = new Set(['date.mdy', 'date.dmy', 'date.iso', 'date.numeric']);
const MIN_YEAR = 1000;
const MAX_YEAR = 2999;

/** The publication day, or NaN when absent or not a plausible date. */
function publicationDay(published: string | null): number {
  const d = parseIsoDay(published);
  if (Number.isNaN(d)) return d;
  const y = ymdOf(d).y;
  return y >= MIN_YEAR && y <= MAX_YEAR ? d : Number.NaN;
}

const REF_GRANS: Record<RefKind, ReadonlySet<string>> = {
  day: new Set(['day', 'hour', 'minute']),
  week: new Set(['day', 'hour', 'minute', 'week', 'weekend']),
  month: new Set(['day', 'hour', 'minute', 'week', 'weekend', 'month']),
  quarter: new Set(['quarter']),
  year: new Set(['day', 'hour', 'minute', 'week', 'weekend', 'month', 'quarter', 'season', 'year']),
  any: new Set(['day', 'hour', 'minute', 'week', 'weekend', 'month', 'quarter', 'season', 'year']),
};

interface Placed extends Ref {
  paragraph: number;
}

/** Find and normalise the time expressions of a document. */
export function findTimes(doc: Doc): TimeExpression[] {
  const { text, tokens } = doc;
  const cands = recognise(doc);
  let dct = publicationDay(doc.article.published);
  let dctFromText = false;
  const noCtx: Ctx = { dct: Number.NaN, tense: 'none', ref: () => null, before: '' };
  if (Number.isNaN(dct)) {
    // no usable publication date: the first full date written in the text stands in for it
    for (const c of cands) {
      if (!FULL_DATE_RULES.has(c.rule.name) || (c.rule.name === 'date.dmy' && !c.groups.year)) continue;
      const d = c.rule.make(c.groups, noCtx, c.start, c.match);
      const one = Array.isArray(d) ? d[0] : d;
      if (one && !Number.isNaN(one.from) && one.gran === 'day') {
        dct = one.from;
        dctFromText = true;
        break;
      }
    }
  }

  const out: TimeExpression[] = [];
  const placed: Placed[] = [];
  let paragraph = 0;
  let scanned = 0;
  for (const c of cands) {
    // a paragraph break is a run of line breaks (blank lines count once)
    for (let nl = text.indexOf('\n', scanned); nl >= 0 && nl < c.start; ) {
      paragraph++;
      let k = nl + 1;
      while (k < c.start && (text[k] === '\n' || text[k] === ' ' || text[k] === '\t')) k++;
      nl = text.indexOf('\n', k);
    }
    scanned = c.start;
    const first = tokenAt(tokens, c.start);
    const last = Math.max(first, tokenAt(tokens, c.end - 1));
    const sent = tokens.sentence[first] ?? 0;
    const range = doc.sentenceTokens[sent] ?? [0, tokens.length];
    const here = paragraph;
    const ctx: Ctx = {
      dct,
      tense: tenseAround(tokens, range[0], range[1], first, last),
      before: wordBefore(text, c.start),
      possessive: (text[c.end] === "'" || text[c.end] === '’') && text[c.end + 1] === 's',
      after: text.slice(c.end, c.end + 24),
      lead: text.slice(Math.max(0, c.start - 16), c.start),
      ref(kind, within) {
        const ok = REF_GRANS[kind];
        // a reporting period ("the third quarter") stays the topic for a few paragraphs
        const reach = within ?? (kind === 'quarter' ? 3 : 0);
        for (let k = placed.length - 1; k >= 0; k--) {
          const p = placed[k];
          if (here - p.paragraph > reach) break;
          if (ok.has(p.gran)) return p;
        }
        return null;
      },
    };
    const made = c.rule.make(c.groups, ctx, c.start, c.match);
    if (!made) continue;
    const drafts = Array.isArray(made) ? made : [made];
    for (const d of drafts) {
      const start = d.start ?? c.start;
      const end = d.end ?? c.end;
      const id = `t${out.length + 1}`;
      const t = toTime(d, id, start, end, text, c.rule.name, dctFromText);
      out.push(t);
      if (
        (d.type === 'DATE' || d.type === 'TIME') &&
        !Number.isNaN(d.from) &&
        !d.value.endsWith('_REF') &&
        !d.derived &&
        d.gran !== 'unknown'
      ) {
        placed.push({ id, from: d.from, to: d.to, gran: d.gran, paragraph: here });
      }
    }
  }
  linkRanges(out, text);
  return out;
}

function toTime(
  d: Draft,
  id: string,
  start: number,
  end: number,
  text: string,
  rule: string,
  dctFromText: boolean,
): TimeExpression {
  const t: TimeExpression = {
    id,
    start,
    end,
    text: text.slice(start, end),
    type: d.type,
    value: d.value,
    interval: Number.isNaN(d.from) || Number.isNaN(d.to) ? null : [isoDay(d.from), isoDay(d.to)],
    granularity: d.gran,
    rule: `time.${rule}`,
  };
  if (d.mod) t.mod = d.mod;
  if (d.anchor === 'dct') t.anchor = dctFromText ? 'text' : 'dct';
  else if (d.anchor === 'ref' && d.refId) t.anchor = d.refId;
  return t;
}

const RANGE_GAP = /^\s*(?:-|–|—|to|until|till|through|and)\s*$/i;
const RANGE_LEAD = /(?:from|between)\s+$/i;

/** "from March to May", "between 1990 and 1995", "1990-95": both ends carry the joint interval. */
function linkRanges(times: TimeExpression[], text: string): void {
  for (let i = 0; i + 1 < times.length; i++) {
    const a = times[i];
    const b = times[i + 1];
    if (!a.interval || !b.interval || a.type !== 'DATE' || b.type !== 'DATE') continue;
    const gap = text.slice(a.end, b.start);
    if (!RANGE_GAP.test(gap)) continue;
    const dashOrLead = /[-–—]/.test(gap) || RANGE_LEAD.test(text.slice(Math.max(0, a.start - 9), a.start));
    if (
      !dashOrLead ||
      /and/i.test(gap) !== /between\s+$/i.test(text.slice(Math.max(0, a.start - 9), a.start))
    ) {
      if (!dashOrLead) continue;
    }
    if (a.interval[0] > b.interval[1]) continue;
    const joint: [string, string] = [a.interval[0], b.interval[1]];
    a.range = joint;
    b.range = joint;
  }
}

/** Time expressions normalised against the publication date. Provides `times`. */
export function createTimeStage(): Stage<'times'> {
  return {
    name: 'time',
    requires: ['sentences'],
    provides: ['times'],
    run: (doc) => ({ times: findTimes(doc) }),
  };
}
