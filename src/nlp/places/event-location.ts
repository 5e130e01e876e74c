import type { Doc } from '../../model/doc.js';
import type { Place, Span } from '../../model/types.js';
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
  const tk = doc.tokens;
  let lo = 0;
  let hi = tk.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tk.end[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, tk.length - 1));
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
  let best: Place | null = null;
  let bestScore = -1e9;
  let bestRule = '';
  for (const p of places) {
    if (p.kind !== 'place' || (p.rule && WEAK_RULES.test(p.rule))) continue;
    const pi = tokenIndex(doc, p.start);
    if (tk.sentence[pi] !== sent) continue;
    // the preposition before the place, skipping a determiner and locality words ("in the village of X")
    let k = pi - 1;
    let hops = 0;
    // "of" after a locality noun ("in the village of X") continues to the preposition before it
    const localityOf = (j: number) => tk.lower[j] === 'of' && j > 0 && LOCALITY_NOUNS.has(tk.lower[j - 1]);
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
    const dist = Math.abs(pi - ti);
    let s = -dist / 8;
    if (prep && !DIRECTIONAL.has(prep) && prep !== 'of') s += 2;
    else if (prep === 'of' && hops > 0) s += 1.5;
    else if (prep) s += 0.8;
    if (pi > ti) s += 0.3;
    if (p.precision === 'city' || p.precision === 'unresolved' || p.precision === 'point') s += 0.6;
    else if (p.precision === 'admin2' || p.precision === 'region') s += 0.3;
    if (s > bestScore) {
      bestScore = s;
      best = p;
      bestRule = prep ? `sentence:${prep}` : 'sentence:nearest';
    }
  }
  if (best) return { place: best, basis: 'sentence', confidence: bestScore > 1 ? 0.8 : 0.6, rule: bestRule };

  // Article focus: the most-mentioned place, localities over countries, the dateline last.
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
  return focus ? { place: focus.p, basis: 'article', confidence: 0.3, rule: 'article-focus' } : null;
}
