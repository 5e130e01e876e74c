import { readFileSync, statSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { ArticleInput } from '../model/article.js';
import { InputError } from './errors.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  maxBytes: number;
  strict: boolean;
  /** Force a format; by default `.jsonl`/`.ndjson` files and content starting with `{` are JSON Lines. */
  format?: 'text' | 'jsonl';
}

export interface NamedInput {
  /** "file.txt" or "file.jsonl:12" — where the article came from, for messages. */
  origin: string;
  input: ArticleInput;
}

export interface ReadResult {
  inputs: NamedInput[];
  warnings: string[];
}

/** Read the bytes of a path ("-" is standard input) with a size limit. */
export function readBytes(path: string, maxBytes: number): Buffer {
  if (path === '-') {
    const buf = readFileSync(0);
    if (buf.length > maxBytes)
      throw new InputError(`stdin: input is ${mb(buf.length)}, over the ${mb(maxBytes)} limit (--max-bytes)`);
    return buf;
  }
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path}: is a directory (use \`sitrep ingest\` for folders)`);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot read'}`,
    );
  }
  if (size > maxBytes)
    throw new InputError(`${path}: file is ${mb(size)}, over the ${mb(maxBytes)} limit (--max-bytes)`);
  return readFileSync(path);
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode text bytes: UTF-8 (BOM allowed) or, when that fails, Windows-1252 with a warning.
 * Binary data (NUL bytes, many control characters) is refused.
 */
export function decodeText(buf: Buffer, origin: string, warnings: string[]): string {
  if (buf.length === 0) throw new InputError(`${origin}: empty input`);
  const sample = buf.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw new InputError(`${origin}: binary data, not text`);
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control / sample.length > 0.05) throw new InputError(`${origin}: binary data, not text`);
  // UTF-16 with BOM
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf);
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf);
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    warnings.push(`${origin}: not valid UTF-8; decoded as Windows-1252`);
    text = iconv.decode(buf, 'win1252');
  }
  if (text.trim() === '') throw new InputError(`${origin}: empty input (only white space)`);
  return text;
}

interface JsonlRow {
  id?: unknown;
  title?: unknown;
  text?: unknown;
  published?: unknown;
  url?: unknown;
  outlet?: unknown;
  credit?: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** Parse JSON Lines articles: broken lines are reported with their line number and skipped unless strict. */
export function parseJsonl(text: string, origin: string, strict: boolean, warnings: string[]): NamedInput[] {
  const out: NamedInput[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (!line) continue;
    const where = `${origin}:${n + 1}`;
    let row: JsonlRow;
    try {
      row = JSON.parse(line) as JsonlRow;
    } catch (err) {
      const msg = `${where}: invalid JSON (${(err as Error).message.split('\n')[0]})`;
      if (strict) throw new InputError(msg);
      warnings.push(`${msg}; skipped`);
      continue;
    }
    if (
      !row ||
      typeof row !== 'object' ||
      Array.isArray(row) ||
      typeof row.text !== 'string' ||
      !row.text.trim()
    ) {
      const msg = `${where}: no "text" string in this record`;
      if (strict) throw new InputError(msg);
      warnings.push(`${msg}; skipped`);
      continue;
    }
    out.push({
      origin: where,
      input: {
        text: row.text,
        title: str(row.title),
        url: str(row.url),
        outlet: str(row.outlet),
        credit: str(row.credit),
        published: str(row.published),
        publishedSource: 'field',
      },
    });
  }
  if (out.length === 0 && warnings.length === 0)
    throw new InputError(`${origin}: no articles in this JSON Lines input`);
  return out;
}

/** Read one path (or "-") as plain text or JSON Lines articles. */
export function readInputPath(path: string, opts: ReadOptions): ReadResult {
  const origin = path === '-' ? 'stdin' : path;
  const warnings: string[] = [];
  const text = decodeText(readBytes(path, opts.maxBytes), origin, warnings);
  const jsonl =
    opts.format === 'jsonl' ||
    (opts.format !== 'text' && (/\.(jsonl|ndjson)$/i.test(path) || /^\s*\{/.test(text)));
  if (jsonl) return { inputs: parseJsonl(text, origin, opts.strict, warnings), warnings };
  return { inputs: [{ origin, input: { text, firstLineIsTitle: true } }], warnings };
}
