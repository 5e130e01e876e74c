import type { Doc } from '../../../model/doc.js';

/**
 * The event's place: the place nearest the trigger in the same sentence (by character distance,
 * places after a preposition preferred). Kept behind this one function so it can be swapped for the
 * places stage's own event-location helper.
 */
export function nearestPlace(doc: Doc, sentence: number, offset: number): string | undefined {
  const s = doc.sentences[sentence];
  let best: string | undefined;
  let bestDist = Number.POSITIVE_INFINITY;
  for (const p of doc.layer('places')) {
    if (p.start < s.start || p.end > s.end || p.kind !== 'place') continue;
    const before = doc.text.slice(Math.max(s.start, p.start - 12), p.start);
    const prep = /\b(?:in|at|near|into|from|of|on|outside|inside|across)\s+(?:the\s+)?(?:\w+\s+)?$/i.test(
      before,
    );
    const dist = Math.abs(p.start - offset) * (prep ? 1 : 3);
    if (dist < bestDist) {
      bestDist = dist;
      best = p.mention;
    }
  }
  return best;
}
