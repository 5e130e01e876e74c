import type { Stage } from '../../pipeline/pipeline.js';
import { extractClaims } from './claims.js';

export { type ClaimFactuality, type ClaimLink, claimOf, hedgedAt } from './claim-of.js';

/**
 * Attributions (source, cue, content) turned into claims with stance, source kind, coreference and
 * relay chains. Provides `claims`.
 *
 * - `quotes.ts` pairs quotation marks (curly, straight, '' pairs; quotes running over paragraphs).
 * - `rules/attributions.ts` finds relations in two passes: first "according to X", passives
 *   ("reported by X"), colon headlines and cues that close their sentence ("…, X said", "“…,” said
 *   X"), then cues whose content follows ("X said (that) …", "X told Y …", "X denied this and
 *   demanded …"). Split quotes add the following quotation as a second content fragment.
 * - `claims.ts` gives each relation its stance (from the cue verb, `lexicon.ts`), source kind
 *   (mentions, then words: anonymity markers, media, documents, bodies, names), resolves "he", "the
 *   activist", "the source", "both leaders" to earlier sources, splits "A and B" into one claim per
 *   party, adds relay claims ("citing own sources", an outlet told by its informant) and links
 *   confirmations and denials to the claims they bear on. The reporter's own voice makes no claim.
 */
export function createSourcesStage(): Stage<'claims'> {
  return {
    name: 'sources',
    requires: ['sentences', 'mentions', 'entities'],
    provides: ['claims'],
    run: (doc) => ({ claims: extractClaims(doc) }),
  };
}
