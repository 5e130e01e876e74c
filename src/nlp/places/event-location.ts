import type { Doc } from '../../model/doc.js';
import type { Place, Span } from '../../model/types.js';
import { tokenAt } from '../../text/tokenize.js';
import { LOCALITY_NOUNS, LOCATIVE_PREPS } from './lexicon.js';

export interface EventLocation {
  place: Place;
  /** 'sentence': a place linked to the trigger in its sentence; 'article': the article's focus place. */
  basis: 'sentence' | 'article';
  confidence: number;
  rule: string;
}

const WEAK_RULES = /hyphen|demonym/;
const DIRECTIONAL = new Set(['from', 'to', 'toward', 'towards', 'via']);

function tokenIndex(doc: Doc, offset: number): number {
  return Math.min(tokenAt(doc.tokens, offset), Math.max(0, doc.tokens.length - 1));
}

/** What a candidate place contributes whatever the trigger: its token, sentence, preposition and bonuses. */
interface Candidate {
  place: Place;
  token: number;
  prepBonus: number;
  precisionBonus: number;
  rule: string;
}

/** Per-document candidates by sentence and the article's focus place, built once per places layer. */
interface PlaceIndex {
  places: readonly Place[];
  bySentence: Map<number, Candidate[]>;
  focus: Place | null | undefined;
}
const INDEX = new WeakMap<Doc, PlaceIndex>();

function placeIndex(doc: Doc, places: readonly Place[]): PlaceIndex {
  let index = INDEX.get(doc);
  if (index?.places === places) return index;
  const tk = doc.tokens;
  index = { places, bySentence: new Map(), focus: undefined };
  // "of" after a locality noun ("in the village of X") continues to the preposition before it
  const localityOf = (j: number) => tk.lower[j] === 'of' && j > 0 && LOCALITY_NOUNS.has(tk.lower[j - 1]);
  for (const p of places) {
    if (p.kind !== 'place' || (p.rule && WEAK_RULES.test(p.rule))) continue;
    const pi = tokenIndex(doc, p.start);
    const sent = tk.sentence[pi];
    // the preposition before the place, skipping a determiner and locality words ("in the village of X")
    let k = pi - 1;
    let hops = 0;
    while (
      k >= 0 &&
      hops < 4 &&
      (!LOCATIVE_PREPS.has(tk.lower[k]) || localityOf(k)) &&
      tk.sentence[k] === sent
    ) {
      const w = tk.lower[k];
      if (!(w === 'the' || w === 'of' || w === 'occupied' || /^[a-z]+$/.test(w))) break;
      k--;
      hops++;
    }
    const prep = k >= 0 && tk.sentence[k] === sent && LOCATIVE_PREPS.has(tk.lower[k]) ? tk.lower[k] : '';
    let prepBonus = 0;
    if (prep && !DIRECTIONAL.has(prep) && prep !== 'of') prepBonus = 2;
    else if (prep === 'of' && hops > 0) prepBonus = 1.5;
    else if (prep) prepBonus = 0.8;
    let precisionBonus = 0;
    if (p.precision === 'city' || p.precision === 'unresolved' || p.precision === 'point')
      precisionBonus = 0.6;
    else if (p.precision === 'admin2' || p.precision === 'region') precisionBonus = 0.3;
    const c: Candidate = {
      place: p,
      token: pi,
      prepBonus,
      precisionBonus,
      rule: prep ? `sentence:${prep}` : 'sentence:nearest',
    };
    const list = index.bySentence.get(sent);
    if (list) list.push(c);
    else index.bySentence.set(sent, [c]);
  }
  INDEX.set(doc, index);
  return index;
}

/** Article focus: the most-mentioned place, localities over countries, the dateline last. */
function articleFocus(doc: Doc, places: readonly Place[]): Place | null {
  const dl = doc.article.dateline;
  const weight = new Map<string, { p: Place; w: number }>();
  for (const p of places) {
    if (p.kind !== 'place' || (p.rule && WEAK_RULES.test(p.rule))) continue;
    const k = p.geonameid !== null ? `g${p.geonameid}` : `n${p.name ?? p.text}`;
    const onDateline = dl && p.start >= dl.start && p.end <= dl.end;
    const w =
      (onDateline ? 0.3 : 1) *
      (p.precision === 'country' ? 0.6 : p.precision === 'region' || p.precision === 'admin1' ? 0.8 : 1);
    const e = weight.get(k);
    if (e) e.w += w;
    else weight.set(k, { p, w });
  }
  let focus: { p: Place; w: number } | null = null;
  for (const e of weight.values()) if (!focus || e.w > focus.w) focus = e;
  return focus ? focus.p : null;
}

/**
 * Where an event happened: the place linked to the trigger in its sentence (a place after a
 * locative preposition — "in", "at", "near" — nearest to the trigger wins; places inside names like
 * "Damascus-based" and demonyms do not count), else the article's focus place (the most-mentioned
 * locality, the dateline only as a last resort) with lower confidence. Null when the article has
 * no place at all.
 *
 * @param doc the document (tokens and dateline are read)
 * @param places the `places` layer
 * @param trigger the event trigger's span
 * @param sentenceIndex the trigger's sentence (defaults to the sentence containing the trigger)
 */
export function eventLocation(
  doc: Doc,
  places: readonly Place[],
  trigger: Span,
  sentenceIndex?: number,
): EventLocation | null {
  const tk = doc.tokens;
  if (places.length === 0 || tk.length === 0) return null;
  const ti = tokenIndex(doc, trigger.start);
  const sent = sentenceIndex ?? tk.sentence[ti];
  // the per-place work (token, preposition, bonuses) is done once per document, the events stage
  // asks for every event
  const index = placeIndex(doc, places);
  let best: Candidate | null = null;
  let bestScore = -1e9;
  for (const c of index.bySentence.get(sent) ?? []) {
    const pi = c.token;
    const dist = Math.abs(pi - ti);
    // (the same sums in the same order as ever: a tie keeps the earlier place)
    let s = -dist / 8;
    s += c.prepBonus;
    if (pi > ti) s += 0.3;
    s += c.precisionBonus;
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  if (best)
    return { place: best.place, basis: 'sentence', confidence: bestScore > 1 ? 0.8 : 0.6, rule: best.rule };
  if (index.focus === undefined) index.focus = articleFocus(doc, places);
  const focus = index.focus;
  return focus ? { place: focus, basis: 'article', confidence: 0.3, rule: 'article-focus' } : null;
}
