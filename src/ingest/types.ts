import type { ArticleInput } from '../model/article.js';

/** One article read from an input, with where it came from. */
export interface IngestItem {
  input: ArticleInput;
  /** "path/to/file.jsonl:12", a URL, "-" … (for messages and provenance). */
  origin: string;
  /** The feed the article was listed in. */
  feed?: string;
  /** Author line as the page gave it (the article model has no field for it yet). */
  byline?: string | null;
}

/** A problem with one input or one record of it; reading continues unless `strict`. */
export interface InputError {
  origin: string;
  /** 1-based line number within a JSON Lines file. */
  line?: number;
  message: string;
}

export type Result<T, E = InputError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (origin: string, message: string, line?: number): Result<never> => ({
  ok: false,
  error: line === undefined ? { origin, message } : { origin, line, message },
});

export function formatInputError(e: InputError): string {
  return `${e.origin}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;
}

export interface ReadOptions {
  /** Glob patterns (relative to each folder given) a file must match; default: known extensions. */
  include?: string[];
  /** Glob patterns of files and folders to leave out. */
  exclude?: string[];
  /** Stop at the first error (it is still yielded). */
  strict?: boolean;
  /** Largest file, page, feed or stdin accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Longest article text accepted, in characters (default 1,000,000). */
  maxChars?: number;
  /** Fetch the linked page of a feed item whose own content is shorter than this (default 500 chars; 0: never). */
  fetchPagesBelow?: number;
  /** Network timeout per request (default 20 s). */
  timeoutMs?: number;
  /** Minimum gap between two requests to one host (default 1 s). */
  politenessMs?: number;
  /** Pages already stored: not fetched again. */
  knownUrls?: (urls: string[]) => Promise<Set<string>>;
  /** Shared per-host politeness across reads (default: a new gate of `politenessMs`). */
  gate?: import('./fetch.js').HostGate;
  /** Standard input, for the path "-". */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_CHARS = 1_000_000;
