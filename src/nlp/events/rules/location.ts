import type { Doc } from '../../../model/doc.js';
import type { PloverType, Span } from '../../../model/types.js';
import { POS, tokenAt } from '../../../text/tokenize.js';
// the places stage's published helper for event locations (src/nlp/places/event-location.ts)
import { eventLocation } from '../../places/event-location.js';

const VERBAL = new Set<PloverType>([
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
]);
const CLAUSE_WORDS = new Set([
  'who',
  'which',
  'whom',
  'whose',
  'that',
  'while',
  'because',
  'after',
  'before',
  'when',
  'although',
  'whereas',
  'until',
  'since',
  'if',
  ';',
]);
const DIRECTIONAL = new Set(['to', 'toward', 'towards', 'into']);

/**
 * The event's place: the place the places stage links to the trigger in its sentence, if it sits
 * in the trigger's own clause (no other verb or clause opener between them; a place before the
 * trigger only when no clause opens between the sentence start and the trigger; a destination
 * "to X" only for deployments). When the sentence names places but none is the event's, the place
 * stays unknown. When the sentence names none, material events get the article's focus place
 * (`basis: 'article'`); statements do not (they are not made where the article's events happen).
 */
export function locateEvent(
  doc: Doc,
  sentence: number,
  trigger: Span,
  type: PloverType,
): { id: string; basis: 'sentence' | 'article' } | undefined {
  const loc = eventLocation(doc, doc.layer('places'), trigger, sentence);
  if (!loc) return undefined;
  const article = VERBAL.has(type) ? undefined : { id: loc.place.mention, basis: 'article' as const };
  if (loc.basis === 'article') return article;
  const t = doc.tokens;
  const p = loc.place;
  const pt = tokenAt(t, p.start);
  const tt = tokenAt(t, trigger.start);
  const te = tokenAt(t, trigger.end - 1);
  const [s0] = doc.sentenceTokens[sentence];
  if (pt > te) {
    for (let k = te + 1; k < pt; k++) {
      if (CLAUSE_WORDS.has(t.lower[k]) || t.pos[k] === POS.VERB) return undefined;
    }
    if (pt > 0 && DIRECTIONAL.has(t.lower[pt - 1]) && type !== 'MOBILIZE') return undefined;
    // a statement's place is where it was made, not the places it talks about
    if (VERBAL.has(type) && pt - te > 4) return undefined;
  } else {
    for (let k = s0; k < tt; k++) if (CLAUSE_WORDS.has(t.lower[k])) return undefined;
  }
  return { id: p.mention, basis: 'sentence' };
}
