/**
 * Multi-word phrase lookup over a word sequence: first word → entries sorted longest first, then a
 * scan ahead (as compromise's multi-word lexicon and spaCy's PhraseMatcher do). Built once.
 */
export interface PhraseEntry<T> {
  words: string[];
  value: T;
}

export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, PhraseEntry<T>[]>();

  constructor(
    entries: Iterable<[string, T]>,
    private readonly split: (phrase: string) => string[],
  ) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  add(phrase: string, value: T): void {
    const words = this.split(phrase);
    if (words.length === 0) return;
    const list = this.byFirst.get(words[0]) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0], list);
  }

  /** Longest entry starting at `i` in `seq` (compared by the key function), or null. */
  matchAt(seq: readonly string[], i: number, limit = seq.length): { length: number; value: T } | null {
    const list = this.byFirst.get(seq[i]);
    if (!list) return null;
    for (const e of list) {
      if (i + e.words.length > limit) continue;
      let ok = true;
      for (let k = 1; k < e.words.length; k++) {
        if (seq[i + k] !== e.words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { length: e.words.length, value: e.value };
    }
    return null;
  }
}
