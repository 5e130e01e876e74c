/**
 * `npm run eval -- geo [file.xml] [--mode gold|e2e] [--limit N] [--errors FILE]`
 *
 * Geoparsing accuracy on LGL / TR-News (`<toponym><start/><end/><gaztag geonameid><lat/><lon/>`),
 * GeoVirus (`<location><start/><end/><lat/><lon/>`) and GeoWebNews
 * (`<toponym><extractedName/><type/><start/><end/><geonamesID/><latitude/><longitude/>`).
 * Mode gold resolves the gold spans; mode e2e detects toponyms from raw text and also reports
 * detection P/R/F1 (exact and overlapping spans). Distances: great-circle km; acc@161 is the share
 * of gold toponyms with coordinates whose prediction lies within 161 km (a miss counts as wrong);
 * AUC is Gritta et al.'s area under the curve of normalised log errors (lower is better).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createArticle } from '../../src/model/article.js';
import { MutableDoc } from '../../src/model/doc.js';
import type { Place, Span } from '../../src/model/types.js';
import { createMentionsStage } from '../../src/nlp/mentions/index.js';
import { gazetteer } from '../../src/nlp/places/gazetteer/load.js';
import { geoparse } from '../../src/nlp/places/index.js';
import { haversineKm } from '../../src/nlp/places/resolve.js';
import { tokenize } from '../../src/text/tokenize.js';
import type { EvalReport } from '../main.js';
import { dataPathOrSkip, SHARED_DIR } from '../shared.js';
import { prf, printTable } from '../table.js';

interface GoldToponym extends Span {
  name: string;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  /** GeoWebNews type (Literal, Metonymic, Demonym …); null for the other formats. */
  type: string | null;
}
interface GoldDoc {
  text: string;
  toponyms: GoldToponym[];
}

const MAX_KM = 20039;
const LITERAL_TYPES = new Set(['Literal', 'Mixed', 'Embedded_Literal', 'Literal_Modifier']);

function decode(s: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(s);
  if (cdata) return cdata[1];
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

function tag(block: string, name: string): string | null {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(block);
  return m ? decode(m[1]) : null;
}
function num(s: string | null): number | null {
  if (s === null || s.trim() === '') return null;
  const v = Number(s.trim());
  return Number.isFinite(v) ? v : null;
}

/** Parse any of the three formats. */
export function parseGeoXml(xml: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  for (const m of xml.matchAll(/<article\b[^>]*>([\s\S]*?)<\/article>/g)) {
    const body = m[1];
    const text = tag(body, 'text');
    if (text === null) continue;
    const toponyms: GoldToponym[] = [];
    let drift = 0;
    for (const t of body.matchAll(/<(toponym|location)>([\s\S]*?)<\/\1>/g)) {
      const b = t[2];
      let start = num(tag(b, 'start'));
      let end = num(tag(b, 'end'));
      if (start === null || end === null || end <= start || end > text.length) continue;
      const name = tag(b, 'phrase') ?? tag(b, 'name') ?? tag(b, 'extractedName');
      // Some files' offsets drift (counted over a differently encoded text): realign on the stated
      // name, nearest occurrence to the offset corrected by the drift seen so far
      if (name && text.slice(start, end) !== name) {
        let at = -1;
        for (let d = 0; d <= 60 && at < 0; d++) {
          if (text.startsWith(name, start + drift + d)) at = start + drift + d;
          else if (text.startsWith(name, start + drift - d)) at = start + drift - d;
        }
        if (at >= 0) {
          drift = at - start;
          start = at;
          end = at + name.length;
        }
      }
      const gid = /<gaztag geonameid="(\d+)"/.exec(b)?.[1] ?? tag(b, 'geonamesID');
      toponyms.push({
        start,
        end,
        name: name ?? text.slice(start, end),
        geonameid: num(gid ?? null),
        lat: num(tag(b, 'lat') ?? tag(b, 'latitude')),
        lon: num(tag(b, 'lon') ?? tag(b, 'longitude')),
        type: tag(b, 'type'),
      });
    }
    docs.push({ text, toponyms });
  }
  return docs;
}

interface Tally {
  n: number;
  within: number;
  exactId: number;
  withId: number;
  errors: number[];
}
const newTally = (): Tally => ({ n: 0, within: 0, exactId: 0, withId: 0, errors: [] });

function score(t: Tally, g: GoldToponym, p: Place | null): number {
  t.n++;
  const err = p && p.lat !== null && p.lon !== null ? haversineKm(g.lat!, g.lon!, p.lat, p.lon) : MAX_KM;
  t.errors.push(err);
  if (err <= 161) t.within++;
  if (g.geonameid !== null) {
    t.withId++;
    if (p?.geonameid === g.geonameid) t.exactId++;
  }
  return err;
}

function summary(t: Tally) {
  const e = [...t.errors].sort((a, b) => a - b);
  const mean = e.length ? e.reduce((a, b) => a + b, 0) / e.length : 0;
  const median = e.length
    ? e.length % 2
      ? e[(e.length - 1) >> 1]
      : (e[e.length / 2 - 1] + e[e.length / 2]) / 2
    : 0;
  const auc = e.length ? e.reduce((a, b) => a + Math.log(1 + b) / Math.log(MAX_KM), 0) / e.length : 0;
  return {
    toponyms: t.n,
    acc161: t.n ? t.within / t.n : 0,
    exactId: t.withId ? t.exactId / t.withId : null,
    meanKm: mean,
    medianKm: median,
    auc,
  };
}

export async function run(args: string[]): Promise<EvalReport | null> {
  let mode = 'gold';
  let limit = Number.POSITIVE_INFINITY;
  let errorsFile: string | null = null;
  // LGL, TR-News and GeoWebNews annotate adjectival forms ("American") as toponyms
  let withDemonyms = true;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--mode') mode = args[++i];
    else if (a === '--limit') limit = Number(args[++i]);
    else if (a === '--errors') errorsFile = args[++i];
    else if (a === '--no-demonyms') withDemonyms = false;
    else files.push(a);
  }
  if (mode !== 'gold' && mode !== 'e2e') {
    console.error('geo: --mode must be gold or e2e');
    process.exit(2);
  }
  const paths = files.length
    ? files
    : ['lgl.xml', 'tr-news.xml', 'geovirus.xml'].map((f) => `${SHARED_DIR}/data/geo/${f}`);
  const gz = gazetteer();
  // end to end, places read the people/organisation mentions, as in the pipeline
  const mentions = createMentionsStage();
  const rows: Record<string, string | number | null>[] = [];
  const metrics: Record<string, number | string | null> = { mode };
  const errLines: string[] = [];
  for (const arg of paths) {
    const path = dataPathOrSkip(arg, 'data', 'geo', 'lgl.xml');
    if (!path) continue;
    const docs = parseGeoXml(readFileSync(path, 'utf8')).slice(0, limit);
    const all = newTally();
    const literal = newTally();
    let tpExact = 0;
    let tpOverlap = 0;
    let predicted = 0;
    let goldSpans = 0;
    let goldMatched = 0;
    let stageMs = 0;
    let hasTypes = false;
    const t0 = performance.now();
    for (const gd of docs) {
      const article = { ...createArticle({ text: gd.text }), text: gd.text };
      const doc = new MutableDoc(article, tokenize(gd.text));
      if (mode === 'e2e') doc.setLayer('mentions', mentions.run(doc).mentions);
      const gold = gd.toponyms.filter((g) => g.type !== 'Non_Toponym');
      if (gold.some((g) => g.type !== null)) hasTypes = true;
      const s0 = performance.now();
      const places =
        mode === 'gold' ? geoparse(doc, { spans: gold, gazetteer: gz }) : geoparse(doc, { gazetteer: gz });
      stageMs += performance.now() - s0;
      const preds = mode === 'gold' || withDemonyms ? places : places.filter((p) => p.kind === 'place');
      if (mode === 'e2e') {
        predicted += preds.length;
        goldSpans += gold.length;
        const exactKeys = new Set(gold.map((g) => `${g.start}:${g.end}`));
        for (const p of preds) {
          if (exactKeys.has(`${p.start}:${p.end}`)) tpExact++;
          if (gold.some((g) => g.start < p.end && p.start < g.end)) tpOverlap++;
          else if (errorsFile)
            errLines.push(
              `FP\t${p.text}\t${p.name}\t${p.precision}\t${p.rule}\t${gd.text.slice(Math.max(0, p.start - 40), p.end + 40).replace(/\s+/g, ' ')}`,
            );
        }
      }
      for (let k = 0; k < gold.length; k++) {
        const g = gold[k];
        const p =
          mode === 'gold' ? places[k] : (preds.find((q) => q.start < g.end && g.start < q.end) ?? null);
        if (mode === 'e2e' && p) goldMatched++;
        if (g.lat === null || g.lon === null) continue;
        const err = score(all, g, p);
        if (g.type === null || LITERAL_TYPES.has(g.type)) score(literal, g, p);
        if (errorsFile && err > 161) {
          errLines.push(
            `${p ? 'WRONG' : 'MISS'}\t${g.name}\t${Math.round(err)}km\tgold ${g.lat},${g.lon} ${g.geonameid ?? ''}\tgot ${p?.name ?? '-'} ${p?.country ?? ''} ${p?.featureCode ?? ''} ${p?.lat ?? ''},${p?.lon ?? ''} ${p?.rule ?? ''}\t${gd.text.slice(Math.max(0, g.start - 50), g.end + 50).replace(/\s+/g, ' ')}`,
          );
        }
      }
    }
    const wall = (performance.now() - t0) / 1000;
    const name = basename(path, '.xml');
    const sAll = summary(all);
    const row: Record<string, string | number | null> = {
      data: name,
      docs: docs.length,
      ...sAll,
      docsPerSec: stageMs ? Math.round((docs.length / stageMs) * 1000) : null,
    };
    if (mode === 'e2e') {
      const ex = prf(tpExact, predicted - tpExact, goldSpans - tpExact);
      const ov = prf(tpOverlap, predicted - tpOverlap, goldSpans - goldMatched);
      Object.assign(row, {
        pExact: ex.p,
        rExact: ex.r,
        f1Exact: ex.f1,
        pOverlap: ov.p,
        rOverlap: ov.r,
        f1Overlap: ov.f1,
      });
    }
    rows.push(row);
    if (hasTypes)
      rows.push({ data: `${name} (literal)`, docs: docs.length, ...summary(literal), docsPerSec: null });
    for (const [k, v] of Object.entries(row)) if (k !== 'data') metrics[`${name}.${k}`] = v;
    metrics[`${name}.wallSec`] = Math.round(wall * 10) / 10;
  }
  if (rows.length === 0) return null;
  printTable(rows);
  if (errorsFile) {
    writeFileSync(errorsFile, `${errLines.join('\n')}\n`);
    console.log(`errors written to ${errorsFile}`);
  }
  return { task: 'geo', data: paths.map((p) => basename(p)).join(','), metrics, rows };
}
