/**
 * One map from a word to the bits of every lexicon that holds it, so a rule that asks several
 * lexicons about a token looks it up once: `wordBits([[CUE_VERBS.keys(), CUE], [NOUNS, NOUN]])`.
 */
export function wordBits(lexicons: readonly (readonly [Iterable<string>, number])[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const [words, bit] of lexicons) for (const w of words) m.set(w, (m.get(w) ?? 0) | bit);
  return m;
}
