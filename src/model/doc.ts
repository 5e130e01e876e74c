import type { Tokenized, TokenTable } from '../text/tokenize.js';
import type { Article, LayerName, Layers, Span } from './types.js';

/**
 * A document under analysis: the immutable article, its tokens and sentences, and the layers the
 * pipeline stages have added so far. Stages read layers through `layer()` and never mutate them.
 */
export interface Doc {
  readonly article: Article;
  readonly text: string;
  readonly tokens: TokenTable;
  readonly sentences: readonly Span[];
  readonly sentenceTokens: readonly (readonly [number, number])[];
  /** A layer an earlier stage provided (an empty array when none did). */
  layer<K extends LayerName>(name: K): Readonly<Layers[K]>;
  has(name: LayerName): boolean;
}

export class MutableDoc implements Doc {
  readonly text: string;
  readonly tokens: TokenTable;
  readonly sentences: readonly Span[];
  readonly sentenceTokens: readonly (readonly [number, number])[];
  private readonly layers = new Map<LayerName, unknown[]>();

  constructor(
    readonly article: Article,
    tokenized: Tokenized,
  ) {
    this.text = article.text;
    this.tokens = tokenized.tokens;
    this.sentences = tokenized.sentences;
    this.sentenceTokens = tokenized.sentenceTokens;
    this.layers.set('sentences', tokenized.sentences);
  }

  layer<K extends LayerName>(name: K): Readonly<Layers[K]> {
    return (this.layers.get(name) ?? []) as unknown as Layers[K];
  }

  has(name: LayerName): boolean {
    return this.layers.has(name);
  }

  /**
   * Only the pipeline calls this: a layer is set once, as a copy, and then read-only (by its type,
   * `Readonly<…>`). Not frozen: V8 (Node 20) reads a frozen array's elements through a slow path, 5-10
   * times slower per element for both indexed loops and for-of, and every later stage reads layers.
   */
  setLayer<K extends LayerName>(name: K, spans: Layers[K]): void {
    if (this.layers.has(name) && name !== 'sentences') throw new Error(`layer ${name} is already set`);
    this.layers.set(name, spans.slice() as unknown[]);
  }
}

/** `text.slice(span)` with the span's offsets. */
export function spanText(doc: Pick<Doc, 'text'>, s: Span): string {
  return doc.text.slice(s.start, s.end);
}
