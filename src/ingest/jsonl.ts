/**
 * JSON Lines: one article object per line, streamed (constant memory). Field names follow common
 * news-dump conventions; a `sitrep/1` record (an export) reads back as its text and article metadata.
 * Errors carry the line number; a repeated `id` is an error for that line.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ArticleInput } from '../model/article.js';
import { isoDate } from './html.js';
import { fail, type IngestItem, ok, type Result } from './types.js';

type Json = Record<string, unknown>;

const TEXT = ['text', 'body', 'content', 'article', 'maintext', 'story'];
const TITLE = ['title', 'headline'];
const URL_KEYS = ['url', 'link', 'source_url', 'canonical_url'];
const OUTLET = ['outlet', 'publisher', 'source', 'source_name', 'site', 'site_name', 'domain'];
const CREDIT = ['credit', 'wire', 'agency'];
const DATE = [
  'published',
  'date',
  'published_at',
  'publishedAt',
  'date_publish',
  'datePublished',
  'pubDate',
  'timestamp',
];
const BYLINE = ['byline', 'author', 'authors'];

function pick(o: Json, keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null && o[k] !== '') return o[k];
  return undefined;
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ');
  if (v && typeof v === 'object' && typeof (v as Json).name === 'string') return (v as Json).name as string;
  return null;
}

/** Map one parsed JSON object to an article input, or an error message. */
export function objectToInput(
  o: unknown,
): { input: ArticleInput; byline: string | null; id: string | null } | string {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'expected a JSON object';
  let obj = o as Json;
  if (obj.schema === 'sitrep/1' && obj.article && typeof obj.article === 'object') {
    obj = { ...(obj.article as Json), text: obj.text, id: (obj.article as Json).id };
  }
  const text = pick(obj, TEXT);
  if (typeof text !== 'string') return `no article text (expected one of: ${TEXT.join(', ')})`;
  if (!text.trim()) return 'article text is empty';
  const published = pick(obj, DATE);
  const pub =
    typeof published === 'number'
      ? new Date(published * (published < 1e11 ? 1000 : 1)).toISOString()
      : isoDate(published);
  const id = obj.id ?? obj._id ?? obj.guid;
  const language =
    typeof obj.language === 'string' ? obj.language : typeof obj.lang === 'string' ? obj.lang : undefined;
  return {
    input: {
      text,
      title: str(pick(obj, TITLE)),
      url: str(pick(obj, URL_KEYS)),
      outlet: str(pick(obj, OUTLET)),
      credit: str(pick(obj, CREDIT)),
      published: pub,
      publishedSource: 'field',
      ...(language ? { language: language.slice(0, 2).toLowerCase() } : {}),
    },
    byline: str(pick(obj, BYLINE)),
    id: id === undefined || id === null ? null : String(id),
  };
}

export async function* readJsonLines(
  stream: Readable,
  origin: string,
  maxChars: number,
): AsyncGenerator<Result<IngestItem>> {
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  const ids = new Map<string, number>();
  let line = 0;
  try {
    for await (const raw of rl) {
      line++;
      const s = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (!s.trim()) continue;
      if (s.length > maxChars * 2) {
        yield fail(origin, `line longer than ${maxChars * 2} characters`, line);
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(s);
      } catch (e) {
        yield fail(origin, `invalid JSON: ${e instanceof Error ? e.message : String(e)}`, line);
        continue;
      }
      const r = objectToInput(parsed);
      if (typeof r === 'string') {
        yield fail(origin, r, line);
        continue;
      }
      if (r.id !== null) {
        const first = ids.get(r.id);
        if (first !== undefined) {
          yield fail(origin, `duplicate id "${r.id}" (first on line ${first})`, line);
          continue;
        }
        ids.set(r.id, line);
      }
      if (r.input.text.length > maxChars) {
        yield fail(origin, `article text longer than ${maxChars} characters`, line);
        continue;
      }
      yield ok({ input: r.input, origin: `${origin}:${line}`, byline: r.byline });
    }
  } finally {
    rl.close();
  }
}
