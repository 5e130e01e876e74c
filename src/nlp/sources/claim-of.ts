import type { Claim, Span } from '../../model/types.js';

/** What a claim implies about an event stated inside its content. */
export type ClaimFactuality = 'reported' | 'denied' | 'uncertain';

export interface ClaimLink {
  claim: Claim;
  factuality: ClaimFactuality;
}

/** Hedges that make a statement uncertain ("reportedly", "may have", "allegedly", "suspected"). */
const HEDGE =
  /\b(?:reportedly|allegedly|purportedly|supposedly|apparently|possibly|perhaps|probably|likely|unconfirmed|suspected|rumou?red|may|might|could|believed to|said to|thought to|appears? to|seems? to|is expected to)\b/i;
const NEGATION = /\b(?:not|n't|n’t|never|no)\b/i;

/**
 * The innermost claim whose content contains `span` (an event trigger), with the factuality it
 * implies: `denied` when the claim denies (or its cue is negated), `uncertain` when the claim
 * alleges or a hedge stands in the cue or in the content before the trigger ("reportedly", "may
 * have"), else `reported`. On equal content the speaker's own claim wins over inferred relays
 * (`rule` "relay:…"), whose `via` chain still leads back to it. Returns null when no claim
 * contains the span (the reporter's own voice: see `hedgedAt` for hedges there).
 */
export function claimOf(claims: readonly Claim[], span: Span, text: string): ClaimLink | null {
  let best: Claim | null = null;
  let bestLen = Number.POSITIVE_INFINITY;
  let bestFragment: Span | null = null;
  for (const c of claims) {
    for (const f of c.content) {
      if (f.start > span.start || f.end < span.end) continue;
      const len = f.end - f.start;
      const relay = c.rule?.startsWith('relay:') ?? false;
      const bestRelay = best?.rule?.startsWith('relay:') ?? false;
      if (len < bestLen || (len === bestLen && bestRelay && !relay)) {
        best = c;
        bestLen = len;
        bestFragment = f;
      }
    }
  }
  if (!best || !bestFragment) return null;
  let factuality: ClaimFactuality = 'reported';
  if (best.stance === 'deny') factuality = 'denied';
  else if (best.stance === 'allege' || HEDGE.test(best.cue.text)) factuality = 'uncertain';
  else if (HEDGE.test(text.slice(bestFragment.start, span.start))) factuality = 'uncertain';
  if (factuality === 'reported' && best.stance !== 'deny' && NEGATION.test(best.cue.text))
    factuality = 'denied';
  return { claim: best, factuality };
}

/** A hedge in the text between `from` and the trigger (for events in the reporter's own voice). */
export function hedgedAt(text: string, from: number, trigger: Span): boolean {
  return HEDGE.test(text.slice(from, trigger.start));
}
