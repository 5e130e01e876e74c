import type { Doc } from '../../model/doc.js';
import type { Place, PlacePrecision } from '../../model/types.js';
import { tokenAt } from '../../text/tokenize.js';
import { CUE_ADMIN, CUE_GOLD, CUE_LOCALITY, CUE_LOCALITY_OF, CUE_POLITY, type Toponym } from './detect.js';
import { foldName } from './gazetteer/fold.js';
import { type FeatureView, type Gazetteer, precisionOf } from './gazetteer/load.js';

/** Score offsets by how a name matched: main, official/ascii, alternate, abbreviation. */
const NAME_KIND_PRIOR = [0, -0.2, -2.2, -3];

/** Resolution weights (tuned on the LGL, TR-News and GeoVirus dev sets; exported for tuning scripts). */
export const W = {
  alternate: -1.5,
  country: 7,
  region: 5,
  admin1: 3,
  admin2: 1.5,
  areaPop: 0.3,
  cityPop: 0.6,
  pplc: 1.5,
  ppla: 1.2,
  ppla2: 0,
  pplx: -0.5,
  evCountry: 2.5,
  evAdmin1: 3,
  evAdmin1Scale: 0.7,
  evAdmin1Self: 2,
  evAdmin2: 1,
  support: 1.2,
  supportMax: 2.5,
  qualifier: 5,
  dateline: 1,
  voteCity: 0.6,
  voteCityA1: 0.5,
  usStyle: 1.5,
  polity: 2,
  areaCode: 1,
  datelineCity: 0,
  datelinePop: 0.4,
  datelineCapital: 1.5,
  closeKm: 15,
  closeW: 1.5,
  maxCandidates: 25,
};

// Cues of an American local paper that name no place: US spellings, "X County", US office
// abbreviations, party-state tags ("R-Texas", "D-Raleigh"), numbered roads. Commonwealth spellings
// cancel them. Counted with indexOf over the text, and only when a close contest needs them.
const US_MARKS = [
  'center',
  'Center',
  'color',
  'favor',
  'honor',
  'neighbor',
  'theater',
  'Theater',
  'labor',
  'Labor',
  ' County',
];
const US_MARKS_BEFORE_CAPITAL = [
  'Sen. ',
  'Rep. ',
  'Gov. ',
  'Lt. ',
  'Sgt. ',
  'Det. ',
  ' R-',
  ' D-',
  '(R-',
  '(D-',
];
const US_MARKS_BEFORE_DIGIT = ['Interstate ', 'Highway ', 'Route ', '-'];
const COMMONWEALTH_MARKS = [
  'centre',
  'Centre',
  'colour',
  'favour',
  'honour',
  'neighbour',
  'theatre',
  'Theatre',
  'labour',
  'Labour',
  'programme',
  'organisation',
];
const NANP_PHONE = /^\d{3}-\d{4}\b/;

/**
 * How strongly the wording says "an American paper": 0 … 1. A phone number counts only when its
 * area code is American (a Canadian or Caribbean one votes for its own area, see phoneAreasOf).
 */
function usStyleOf(text: string, areaCodes: ReadonlyMap<string, string>): number {
  let us = 0;
  for (const m of US_MARKS) us += occurrences(text, m, 0, areaCodes);
  for (const m of US_MARKS_BEFORE_CAPITAL) us += occurrences(text, m, 1, areaCodes);
  for (const m of US_MARKS_BEFORE_DIGIT) us += occurrences(text, m, 2, areaCodes);
  if (us === 0) return 0;
  let cw = 0;
  for (const m of COMMONWEALTH_MARKS) cw += occurrences(text, m, 0, areaCodes);
  if (cw >= us) return 0;
  return Math.min(1, (us - cw) / 4);
}

/**
 * Occurrences of a literal, at most 8; `after` 1: only those followed by a capital letter; 2: by a
 * digit ("-" then: a phone number's "555-0100" after its area code "304-").
 */
function occurrences(
  text: string,
  mark: string,
  after: 0 | 1 | 2,
  areaCodes: ReadonlyMap<string, string>,
): number {
  let n = 0;
  // " County", " R-": every space would be a candidate start; the rest of the mark is rare, so it
  // is searched for and the space checked (a mark that cannot overlap itself: the same occurrences)
  const spaced = mark.charCodeAt(0) === 32;
  const find = spaced ? mark.slice(1) : mark;
  const skip = spaced ? 1 : 0;
  for (let f = text.indexOf(find, skip); f >= 0 && n < 8; f = text.indexOf(find, f + find.length)) {
    const at = f - skip;
    if (spaced && text.charCodeAt(at) !== 32) continue;
    const c = text.charCodeAt(at + mark.length);
    if (after === 1 && (c < 65 || c > 90)) continue;
    if (after === 2) {
      if (c < 48 || c > 57) continue;
      if (mark === '-') {
        if (!(isPhoneAreaCode(text, at) && NANP_PHONE.test(text.slice(at + 1, at + 10)))) continue;
        const area = areaCodes.get(text.slice(at - 3, at));
        if (area && !area.startsWith('US')) continue;
      }
    }
    n++;
  }
  return n;
}

/** Three digits right before `at`, after a non-digit ("304-", "(304) " is not matched). */
function isPhoneAreaCode(text: string, at: number): boolean {
  if (at < 3) return false;
  for (let i = at - 3; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const p = text.charCodeAt(at - 4);
  return !(p >= 48 && p <= 57);
}

/** "519-661-5670", "(304) 399-6500", "806.423.1253"; not inside longer digit runs. */
const NANP_NUMBER = /(?<![\d-])\(?([2-9]\d\d)\)?[-. ]\d{3}[-. ]\d{4}(?!\d)/g;

/** The areas (admin1 code or country) of the phone numbers in a text, each counted at most twice. */
function phoneAreasOf(text: string, gz: Gazetteer): Map<string, number> {
  const out = new Map<string, number>();
  if (gz.areaCodes.size === 0) return out;
  NANP_NUMBER.lastIndex = 0;
  for (let m = NANP_NUMBER.exec(text); m; m = NANP_NUMBER.exec(text)) {
    const area = gz.areaCodes.get(m[1]);
    if (area) out.set(area, Math.min(2, (out.get(area) ?? 0) + 1));
  }
  return out;
}

/** Is some name read outside the US with an American reading within reach of the US vote? */
function closeUsContest(groups: Iterable<Group>): boolean {
  for (const g of groups) {
    if (g.cands.length < 2 || g.cands[0].f.country === 'US') continue;
    const top = g.cands[0].score;
    for (let i = 1; i < g.cands.length; i++) {
      const c = g.cands[i];
      if (c.f.country !== 'US') continue;
      if (top - c.score < W.evCountry) return true;
      break;
    }
  }
  return false;
}

function isAllCaps(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

interface Candidate {
  f: FeatureView;
  /** Matched by an alternate name or abbreviation only. */
  alternate: boolean;
  precision: PlacePrecision;
  prior: number;
  /** Score after pass 1 (priors and cues). */
  base: number;
  score: number;
}

interface Group {
  key: string;
  cue: number;
  items: Toponym[];
  cands: Candidate[];
  best: Candidate | null;
  /** Evidence this group itself contributed in pass 1 (subtracted when scoring it). */
  ownCountry: string;
  ownCountryW: number;
  ownAdmin1: string;
  ownAdmin1W: number;
  demonymOf?: string;
}

const CAPITAL_CODES = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLG']);
const ADM1_HEADS = new Set(['province', 'governorate', 'state', 'oblast', 'region', 'prefecture', 'emirate']);

function prior(c: FeatureView, nameKind: number, precision: PlacePrecision): number {
  return priorOf(c.fcode, c.population, nameKind, precision);
}

function priorOf(fcode: string, population: number, nameKind: number, precision: PlacePrecision): number {
  const logPop = Math.log10(population + 1);
  let s = nameKind === 2 ? W.alternate : NAME_KIND_PRIOR[nameKind];
  switch (precision) {
    case 'country':
      s += nameKind < 2 ? W.country : W.country - 1;
      break;
    case 'region':
      s += W.region;
      break;
    case 'admin1':
      s += W.admin1 + W.areaPop * logPop;
      break;
    case 'admin2':
      s += W.admin2 + W.areaPop * logPop;
      break;
    default:
      s += W.cityPop * logPop;
      if (fcode === 'PPLC') s += W.pplc;
      else if (fcode === 'PPLA') s += W.ppla;
      else if (fcode === 'PPLA2') s += W.ppla2;
      else if (fcode === 'PPLX' || fcode === 'PPLH' || fcode === 'PPLQ') s += W.pplx;
  }
  return s;
}

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export { haversineKm };

function add(m: Map<string, number>, k: string, w: number): void {
  if (k) m.set(k, (m.get(k) ?? 0) + w);
}

/**
 * Resolve toponyms to gazetteer features in the light of the whole document: one sense per name
 * per document; countries, admin areas and the dateline vote for the countries/admin1 areas the
 * other names are read in; "X, Y" qualifiers; names with a locality cue the gazetteer lacks (or
 * has only far away) are kept unresolved, attached to the nearest stated parent place.
 */
export function resolveToponyms(doc: Doc, gz: Gazetteer, toponyms: readonly Toponym[]): Place[] {
  const groups = new Map<string, Group>();
  const groupOf: Group[] = [];
  for (const t of toponyms) {
    const gk = `${t.kind}|${t.key}|${t.cue & CUE_ADMIN}`;
    let g = groups.get(gk);
    if (!g) {
      g = {
        key: t.key,
        cue: 0,
        items: [],
        cands: [],
        best: null,
        ownCountry: '',
        ownCountryW: 0,
        ownAdmin1: '',
        ownAdmin1W: 0,
        demonymOf: t.demonymOf,
      };
      groups.set(gk, g);
      if (t.kind === 'place') buildCandidates(gz, g, t);
      else demonymCandidate(gz, g, t.demonymOf!);
    }
    g.cue |= t.cue;
    g.items.push(t);
    groupOf.push(g);
  }

  // The dateline, or a capitalised name opening the text ("WASHINGTON Barack Obama …"), is where
  // the reporter files from: a place well known enough to stand alone, a city rather than an area.
  let datelineGroup: Group | null = null;
  const dlSpan = doc.article.dateline;
  for (let k = 0; k < toponyms.length; k++) {
    const t = toponyms[k];
    if (t.kind !== 'place') continue;
    if (
      dlSpan
        ? t.start === dlSpan.start
        : t.start <= 2 && t.end - t.start >= 4 && isAllCaps(doc.text, t.start, t.end)
    ) {
      datelineGroup = groupOf[k];
      break;
    }
  }

  // Pass 1: priors and cues only.
  for (const g of groups.values()) {
    if (g.cands.length === 0) continue;
    applyCues(g);
    if (g === datelineGroup)
      for (const c of g.cands)
        if (c.precision === 'city')
          c.score +=
            W.datelineCity +
            W.datelinePop * Math.log10(c.f.population + 1) +
            (c.f.fcode === 'PPLC' ? W.datelineCapital : 0);
    for (const c of g.cands) c.base = c.score;
    sortByScore(g.cands);
  }
  const countryVotes = new Map<string, number>();
  const admin1Votes = new Map<string, number>();
  const admin2Votes = new Map<string, number>();
  /** The countries, admin1 and admin2 areas the current readings of all names vote for. */
  const collectVotes = () => {
    countryVotes.clear();
    admin1Votes.clear();
    admin2Votes.clear();
    for (const g of groups.values()) {
      if (g.cands.length === 0) continue;
      const top = g.cands[0];
      const margin = g.cands.length > 1 ? top.score - g.cands[1].score : 3;
      const conf = Math.min(1, Math.max(0.2, margin / 2));
      const n = Math.min(3, g.items.length);
      let cw = 0;
      let aw = 0;
      if (top.precision === 'country') cw = 2 * conf * n;
      else if (top.precision === 'admin1') {
        cw = 1.5 * conf;
        aw = 2 * conf * n;
      } else if (top.precision === 'admin2') {
        cw = conf;
        aw = 1.5 * conf;
        add(admin2Votes, top.f.admin2, conf);
      } else if (top.precision === 'city') {
        cw = W.voteCity * conf;
        aw = W.voteCityA1 * conf;
      } else if (top.precision === 'region' && top.f.country) cw = conf;
      if (g.demonymOf) cw = 0.8 * n;
      g.ownCountry = top.f.country;
      g.ownCountryW = cw;
      g.ownAdmin1 = top.f.admin1;
      g.ownAdmin1W = aw;
      add(countryVotes, top.f.country, cw);
      add(admin1Votes, top.f.admin1, aw);
    }
    for (const [area, n] of phoneAreas) {
      if (area.length > 2) add(admin1Votes, area, W.areaCode * n);
      add(countryVotes, area.slice(0, 2), W.areaCode * n);
    }
    if (datelineCountry) add(countryVotes, datelineCountry, W.dateline);
    if (usCue > 0) add(countryVotes, 'US', usCue);
  };
  // a local paper's phone numbers say where it is ("call London police at 519-661-5670": Ontario)
  const phoneAreas = phoneAreasOf(doc.text, gz);
  let datelineCountry = '';
  // (read only when, after the first round, an American reading of some name is close behind another)
  let usCue = 0;
  // The dateline place is where the reporter is: its country is evidence too.
  const dl = doc.article.dateline;
  if (dl) {
    const out: number[] = [];
    if (gz.lookup(foldName(dl.text), out) > 0) {
      let best: FeatureView | null = null;
      let bs = -1e9;
      for (const p of out) {
        const f = gz.feature(p >> 2);
        const s = prior(f, p & 3, precisionOf(f.fcode));
        if (s > bs) {
          bs = s;
          best = f;
        }
      }
      if (best) datelineCountry = best.country;
    }
  }

  // Qualifiers: "Bangor, Maine" — the group right after a comma names the container.
  const qualifier = new Map<Group, Candidate>();
  for (let k = 0; k + 1 < toponyms.length; k++) {
    const a = toponyms[k];
    const b = toponyms[k + 1];
    if (a.kind !== 'place' || b.kind !== 'place') continue;
    const between = doc.text.slice(a.end, b.start);
    if (!/^\s*,\s*$/.test(between) && !/^\s*\(\s*$/.test(between) && !/^\s*\[\s*$/.test(between)) continue;
    const gb = groupOf[k + 1];
    const top = gb.cands[0];
    if (top && (top.precision === 'admin1' || top.precision === 'country')) qualifier.set(groupOf[k], top);
  }

  // Lists of admin areas ("Texas, Virginia and Washington"): a member that could be one is one.
  const listedWithAdmin1 = new Set<Group>();
  for (let k = 0; k + 1 < toponyms.length; k++) {
    const a = toponyms[k];
    const b = toponyms[k + 1];
    if (a.kind !== 'place' || b.kind !== 'place') continue;
    const between = doc.text.slice(a.end, b.start);
    if (!/^(\s*,\s*(and\s+|or\s+)?|\s+(and|or)\s+)$/.test(between)) continue;
    const ga = groupOf[k];
    const gb = groupOf[k + 1];
    const andList =
      /\b(and|or)\b/.test(between) ||
      (k + 2 < toponyms.length && /^\s*,/.test(doc.text.slice(b.end, toponyms[k + 2].start)));
    if (!andList) continue;
    if (gb.cands[0]?.precision === 'admin1') listedWithAdmin1.add(ga);
    if (ga.cands[0]?.precision === 'admin1') listedWithAdmin1.add(gb);
  }

  // Places named together lie together: a candidate near some reading of the other names gains.
  const near: Group[] = [];
  for (const g of groups.values()) if (g.cands.length > 0 && !g.demonymOf) near.push(g);

  // Passes 2 and 3: rescore with the evidence the other names' current readings give (the
  // second round lets readings that support each other — a town and its county — settle).
  for (let round = 0; round < 2; round++) {
    if (round === 1 && W.usStyle > 0 && closeUsContest(groups.values()))
      usCue = W.usStyle * usStyleOf(doc.text, gz.areaCodes);
    collectVotes();
    packNear(near);
    for (const g of groups.values()) {
      if (g.cands.length < 2) {
        g.best = g.cands[0] ?? null;
        continue;
      }
      const q = qualifier.get(g);
      const listed = listedWithAdmin1.has(g);
      for (const c of g.cands) {
        let s = c.base;
        if (listed && c.precision === 'admin1') s += 2;
        if (c.precision === 'city' || c.precision === 'admin2')
          s += Math.min(W.supportMax, W.support * support(c, g));
        let cv = countryVotes.get(c.f.country) ?? 0;
        if (c.f.country === g.ownCountry) cv -= g.ownCountryW;
        let av = c.f.admin1 ? (admin1Votes.get(c.f.admin1) ?? 0) : 0;
        if (c.f.admin1 && c.f.admin1 === g.ownAdmin1) av -= g.ownAdmin1W;
        const a2v = c.precision === 'city' && c.f.admin2 ? (admin2Votes.get(c.f.admin2) ?? 0) : 0;
        let ev = 0;
        if (cv > 0.05) ev += W.evCountry * (1 - Math.exp(-cv));
        if (av > 0.05)
          ev +=
            (c.precision === 'admin1' ? W.evAdmin1Self : W.evAdmin1) * (1 - Math.exp(-av / W.evAdmin1Scale));
        if (a2v > 0.05) ev += W.evAdmin2 * (1 - Math.exp(-a2v));
        s += c.alternate ? ev / 2 : ev;
        if (q && c.f !== q.f) {
          if (q.precision === 'country' ? c.f.country === q.f.country : c.f.admin1 === q.f.admin1)
            s += W.qualifier;
        }
        c.score = s;
      }
    }
    // sort after scoring every group, so a round reads one consistent set of readings
    for (const g of groups.values()) {
      if (g.cands.length < 2) continue;
      sortByScore(g.cands);
      g.best = g.cands[0];
    }
  }

  nearGroups = []; // (hold no document's groups between calls)

  // Output, one place per toponym, in text order.
  const places: Place[] = [];
  for (let k = 0; k < toponyms.length; k++) {
    const t = toponyms[k];
    const g = groupOf[k];
    const id = `p${k + 1}`;
    let best = g.best;
    if (
      best &&
      t.localityNoun &&
      SMALL_LOCALITY.has(t.localityNoun) &&
      !(t.cue & CUE_GOLD) &&
      best.precision === 'city'
    ) {
      // a village the text places somewhere: a same-name town far from every other place is not it
      if (farFromOthers(best.f, groups.values())) best = null;
    }
    if (!best) {
      places.push(unresolved(doc, t, id, places));
      continue;
    }
    const f = best.f;
    const a1 = f.admin1 ? codeField(f.admin1, 1) : null;
    const a2 = f.admin2 ? codeField(f.admin2, 2) : null;
    places.push({
      start: t.start,
      end: t.end,
      text: doc.text.slice(t.start, t.end),
      mention: id,
      kind: t.kind,
      geonameid: f.geonameid > 0 ? f.geonameid : null,
      name: f.name,
      lat: f.lat,
      lon: f.lon,
      country: f.country || null,
      admin1: a1,
      admin2: a2,
      featureCode: f.fcode,
      precision: best.precision,
      score: Math.round(best.score * 100) / 100,
      rule: t.rule,
    });
  }
  attachToStatedParents(doc, places);
  return places;
}

/** "villages of Foua and Kfraya in Idlib", "Akhur, near Afrin": the parent named right after. */
const PARENT_AFTER =
  /^(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)[^,.;:!?]{1,40}?)?\s*(?:,\s*|\s+(?:in|near|outside)\s+(?:the\s+)?)$/;
const PARENT_AFTER_MAX = 80;

/**
 * An unresolved place takes as parent a place the same sentence names right after it ("the village
 * of Akhur in Afrin") rather than the nearest one before it.
 */
function attachToStatedParents(doc: Doc, places: Place[]): void {
  for (let k = 0; k < places.length; k++) {
    const u = places[k];
    if (u.precision !== 'unresolved' || u.kind !== 'place') continue;
    for (let j = k + 1; j < places.length; j++) {
      const p = places[j];
      if (p.start - u.end > PARENT_AFTER_MAX) break;
      if (p.kind !== 'place' || p.lat === null) continue;
      if (p.precision !== 'city' && p.precision !== 'admin2' && p.precision !== 'admin1') continue;
      if (!PARENT_AFTER.test(doc.text.slice(u.end, p.start))) continue;
      places[k] = {
        ...u,
        lat: p.lat,
        lon: p.lon,
        country: p.country,
        admin1: p.admin1,
        admin2: p.admin2,
        parent: p.mention,
      };
      break;
    }
  }
}

const NEAR_KM = 120;
const NEAR_CANDIDATES = 8;

/**
 * The readings support() compares with, packed once per round (the candidates' order is fixed
 * within a round): for each name in nearGroups, the coordinates of those of its first
 * NEAR_CANDIDATES readings that are not areas, in order, and whether each leads its name. Flat
 * arrays reused from document to document instead of chasing candidate and view objects.
 */
let nearGroups: readonly Group[] = [];
let nearStart = new Int32Array(64);
let nearLat = new Float64Array(512);
let nearLon = new Float64Array(512);
let nearLeads = new Uint8Array(512);

function packNear(groups: readonly Group[]): void {
  let total = 0;
  for (const h of groups) total += Math.min(NEAR_CANDIDATES, h.cands.length);
  if (nearStart.length < groups.length + 1) nearStart = new Int32Array(2 * (groups.length + 1));
  if (nearLat.length < total) {
    nearLat = new Float64Array(2 * total);
    nearLon = new Float64Array(2 * total);
    nearLeads = new Uint8Array(2 * total);
  }
  let k = 0;
  for (let gi = 0; gi < groups.length; gi++) {
    nearStart[gi] = k;
    const h = groups[gi];
    const n = Math.min(NEAR_CANDIDATES, h.cands.length);
    for (let i = 0; i < n; i++) {
      const d = h.cands[i];
      if (d.precision === 'country' || d.precision === 'region' || d.precision === 'admin1') continue;
      nearLat[k] = d.f.lat;
      nearLon[k] = d.f.lon;
      nearLeads[k] = i === 0 ? 1 : 0;
      k++;
    }
  }
  nearStart[groups.length] = k;
  nearGroups = groups;
}

/** How many other names have a reading within NEAR_KM of this candidate (their top reading counts most). */
function support(c: Candidate, self: Group): number {
  const lat = c.f.lat;
  const lon = c.f.lon;
  let s = 0;
  for (let gi = 0; gi < nearGroups.length; gi++) {
    if (nearGroups[gi] === self) continue;
    let w = 0;
    for (let k = nearStart[gi]; k < nearStart[gi + 1]; k++) {
      // "within km" (equirectangular), against both distances with one cosine; written out here,
      // as a function returning the distance boxed it on every call
      const bLat = nearLat[k];
      const dLat = lat - bLat;
      if (dLat > 2 || dLat < -2) continue;
      const dLon = (lon - nearLon[k]) * Math.cos(((lat + bLat) * Math.PI) / 360);
      const d2 = (dLat * dLat + dLon * dLon) * 12364;
      if (d2 <= NEAR_KM * NEAR_KM) {
        // two names with readings a few km apart are rarely a coincidence, whichever reading leads
        if (d2 <= W.closeKm * W.closeKm) {
          w = W.closeW;
          break;
        }
        w = Math.max(w, nearLeads[k] === 1 ? 1 : 0.5);
      }
    }
    s += w;
  }
  return s;
}

function buildCandidates(gz: Gazetteer, g: Group, t: Toponym): void {
  // Rank postings on the typed arrays first; build views only for the best few.
  const ids: number[] = [];
  const priors: number[] = [];
  const kinds: number[] = [];
  const precisions: PlacePrecision[] = [];
  // a feature named twice (main and alternate name) counts once, by its first posting
  const seen = t.postings.length > 16 ? new Set<number>() : null;
  for (const p of t.postings) {
    const id = p >> 2;
    if (seen ? seen.has(id) : ids.includes(id)) continue;
    seen?.add(id);
    const precision = gz.precisionAt(id);
    ids.push(id);
    kinds.push(p & 3);
    precisions.push(precision);
    priors.push(priorOf(gz.fcodeAt(id), gz.populationAt(id), p & 3, precision));
  }
  let order = ids.map((_, i) => i);
  if (order.length > W.maxCandidates) {
    // "Madison and Oconee counties": with a head word, keep the admin areas of that name whatever
    // their population (the many towns called Madison would otherwise crowd them out)
    const rank = t.adminHead
      ? order.map((i) => {
          const r = gz.fcodeAndPop(ids[i]).rank; // 2 admin1, 1 admin2
          return priors[i] + (r === 1 || r === 2 ? 10 : 0);
        })
      : priors;
    order.sort((a, b) => rank[b] - rank[a]);
    order = order.slice(0, W.maxCandidates);
  }
  for (const i of order) {
    g.cands.push({
      f: gz.feature(ids[i]),
      precision: precisions[i],
      prior: priors[i],
      base: priors[i],
      score: priors[i],
      alternate: kinds[i] >= 2,
    });
  }
}

function demonymCandidate(gz: Gazetteer, g: Group, target: string): void {
  let id = target.length === 2 ? gz.countryOf(target) : -1;
  if (id < 0) {
    const out: number[] = [];
    gz.lookup(foldName(target), out);
    if (out.length) id = out[0] >> 2;
  }
  if (id < 0) return;
  const f = gz.feature(id);
  const precision = precisionOf(f.fcode);
  g.cands.push({ f, precision, prior: 5, base: 5, score: 5, alternate: false });
}

function applyCues(g: Group): void {
  const adminHead = g.items[0].cue & CUE_ADMIN ? headOf(g) : '';
  // A bare name shared by an admin area and its capital means the city ("Aleppo", "Quebec"):
  // lift the capital just above the area.
  if (!adminHead) {
    for (const a of g.cands) {
      if (a.precision !== 'admin1' && a.precision !== 'admin2') continue;
      for (const c of g.cands) {
        if (
          c.precision === 'city' &&
          c.f.admin1 === a.f.admin1 &&
          CAPITAL_CODES.has(c.f.fcode) &&
          c.prior <= a.prior &&
          // only a city that holds much of its area's people ("Aleppo"), not a smaller capital ("Quebec")
          c.f.population >= 0.25 * a.f.population
        ) {
          c.prior = a.prior + 0.1;
        }
        // a national capital named like a province of its own country far away ("Washington")
        // is the capital in news, unless a head word says otherwise ("Washington state")
        else if (
          c.precision === 'city' &&
          c.f.fcode === 'PPLC' &&
          !c.alternate &&
          a.precision === 'admin1' &&
          c.f.country === a.f.country &&
          c.f.admin1 !== a.f.admin1 &&
          c.prior <= a.prior
        ) {
          c.prior = a.prior + 0.1;
        }
      }
    }
  }
  for (const c of g.cands) {
    let s = c.prior;
    if (adminHead) {
      if (c.precision === 'admin1' && (ADM1_HEADS.has(adminHead) || adminHead === 'district')) s += 4;
      else if (c.precision === 'admin2' && !ADM1_HEADS.has(adminHead)) s += 4;
      else if (c.precision === 'admin1' || c.precision === 'admin2') s += 2;
    }
    if (g.cue & CUE_LOCALITY && c.precision === 'city') s += 1;
    if (g.cue & CUE_POLITY && c.precision !== 'city') s += W.polity;
    c.score = s;
  }
  // "the city of Turkey" is a town called Turkey whatever else the name reads as
  if (g.cue & CUE_LOCALITY_OF && g.cands.some((c) => c.precision === 'city'))
    g.cands = g.cands.filter((c) => c.precision === 'city');
}

/**
 * Sort candidates by score, best first, in place: a stable insertion sort (the order
 * `Array.prototype.sort` gives, without its scratch arrays; lists are at most maxCandidates long).
 */
function sortByScore(cands: Candidate[]): void {
  for (let i = 1; i < cands.length; i++) {
    const c = cands[i];
    let j = i - 1;
    while (j >= 0 && cands[j].score < c.score) {
      cands[j + 1] = cands[j];
      j--;
    }
    cands[j + 1] = c;
  }
}

/** Field n of a dotted admin code ("US.TX.201"), as `code.split('.')[n]` without the array; null when missing. */
function codeField(code: string, n: number): string | null {
  let from = 0;
  for (let k = 0; k < n; k++) {
    const dot = code.indexOf('.', from);
    if (dot < 0) return null;
    from = dot + 1;
  }
  const end = code.indexOf('.', from);
  return end < 0 ? code.slice(from) : code.slice(from, end);
}

function headOf(g: Group): string {
  return g.items[0].adminHead ?? '';
}

const SMALL_LOCALITY = new Set([
  'village',
  'hamlet',
  'settlement',
  'neighbourhood',
  'neighborhood',
  'suburb',
  'camp',
]);

function farFromOthers(f: FeatureView, groups: Iterable<Group>): boolean {
  let any = false;
  for (const g of groups) {
    const b = g.best;
    if (!b || b.f === f || (b.precision !== 'city' && b.precision !== 'admin2' && b.precision !== 'admin1'))
      continue;
    any = true;
    if (haversineKm(b.f.lat, b.f.lon, f.lat, f.lon) <= 150) return false;
  }
  return any;
}

/** A place the gazetteer lacks: kept, attached to its stated parent (the nearest locality before it). */
function unresolved(doc: Doc, t: Toponym, id: string, places: readonly Place[]): Place {
  const s = doc.tokens.sentence[t.t0] ?? 0;
  let parent: Place | null = null;
  // nearest city-level place before it, up to three sentences back; else an admin1 or country
  for (const want of [['city', 'admin2'], ['admin1'], ['country']]) {
    for (let i = places.length - 1; i >= 0 && !parent; i--) {
      const p = places[i];
      if (p.kind !== 'place' || p.lat === null || p.precision === 'unresolved') continue;
      if (!want.includes(p.precision)) continue;
      const ps = doc.tokens.sentence[tokenIndex(doc, p.start)] ?? 0;
      if (want[0] === 'city' && s - ps > 3) continue;
      parent = p;
    }
    if (parent) break;
  }
  return {
    start: t.start,
    end: t.end,
    text: doc.text.slice(t.start, t.end),
    mention: id,
    kind: t.kind,
    geonameid: null,
    name: null,
    lat: parent?.lat ?? null,
    lon: parent?.lon ?? null,
    country: parent?.country ?? null,
    admin1: parent?.admin1 ?? null,
    admin2: parent?.admin2 ?? null,
    featureCode: null,
    precision: 'unresolved',
    ...(parent ? { parent: parent.mention } : {}),
    rule: t.rule,
  };
}

function tokenIndex(doc: Doc, offset: number): number {
  return Math.min(tokenAt(doc.tokens, offset), doc.tokens.length - 1);
}
