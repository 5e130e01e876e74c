import type { TokenTable } from '../text/tokenize.js';

/**
 * A prefilter for a set of lower-case words by shape: first character and length (up to 31). A
 * token whose shape no word has is not one of them, found by one typed-array read instead of hashing
 * its string; for most words of a text that is the whole test. The token side lower-cases its first
 * character by `| 32` when ASCII and uses the length as written, which is the lower-cased length
 * (only a few non-ASCII letters change length when lower-cased, and no lexicon word holds them); a
 * token whose first character is not ASCII always passes.
 */
export class WordShapes {
  private readonly shapes = new Uint8Array(128 * 32);

  constructor(words: Iterable<string>) {
    for (const w of words) {
      const c = w.charCodeAt(0);
      if (c < 128) this.shapes[((c | 32) & 127) * 32 + Math.min(w.length, 31)] = 1;
    }
  }

  /** Token k may be one of the words (false: it certainly is not). */
  mayHold(t: TokenTable, k: number): boolean {
    const c = t.first[k];
    return c >= 128 || this.shapes[((c | 32) & 127) * 32 + Math.min(t.end[k] - t.start[k], 31)] === 1;
  }
}
