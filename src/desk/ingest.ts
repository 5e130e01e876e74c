/**
 * Ingest one article sent from the browser (pasted text, a dropped file, or a URL fetched here):
 * code it with the default pipeline, store it, and re-merge incidents while the store is small
 * enough for that to be quick.
 */
import { codeArticles } from '../ingest/coder.js';
import { decodeBytes } from '../ingest/decode.js';
import { fetchBytes } from '../ingest/fetch.js';
import { extractHtml } from '../ingest/html.js';
import { runMerge } from '../merge/index.js';
import { type ArticleInput, createArticle } from '../model/article.js';
import type { Actor, Store } from '../store/store.js';

export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/** Above this many events, re-merging after each browser upload would stall the desk. */
const MERGE_LIMIT = 20_000;

export interface DeskIngestInput {
  text?: string;
  html?: string;
  url?: string;
  title?: string;
  outlet?: string;
  credit?: string;
  published?: string;
  filename?: string;
}

export interface DeskIngestResult {
  id: string;
  status: 'inserted' | 'duplicate';
  events: number;
  title: string | null;
  merged: boolean;
}

export class IngestError extends Error {}

function opt(v: unknown, name: string, max = 500): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new IngestError(`${name}: expected text`);
  if (v.length > max) throw new IngestError(`${name}: longer than ${max} characters`);
  return v.trim() || undefined;
}

const HTML_NAME = /\.x?html?$/i;
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

async function toInput(body: DeskIngestInput): Promise<ArticleInput> {
  const title = opt(body.title, 'title');
  const outlet = opt(body.outlet, 'outlet');
  const credit = opt(body.credit, 'credit');
  const published = opt(body.published, 'published', 40);
  if (published && !DATE.test(published)) throw new IngestError('published: expected YYYY-MM-DD');
  const meta = {
    ...(title ? { title } : {}),
    ...(outlet ? { outlet } : {}),
    ...(credit ? { credit } : {}),
    ...(published ? { published } : {}),
  };
  const url = opt(body.url, 'url', 2000);
  if (url && body.text === undefined && body.html === undefined) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new IngestError('url: not a valid URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new IngestError('url: http or https only');
    const res = await fetchBytes(url, { timeoutMs: 15_000, maxBytes: MAX_ARTICLE_BYTES });
    if (!res.ok) throw new IngestError(`url: ${res.message}`);
    const decoded = decodeBytes(res.bytes, res.contentType);
    if (/html/i.test(res.contentType ?? '') || /^\s*</.test(decoded.text)) {
      const art = extractHtml(decoded.text, res.url);
      if (!art) throw new IngestError('url: no article text found on the page');
      return { ...art.input, ...meta, url: res.url };
    }
    return { text: decoded.text, url: res.url, firstLineIsTitle: !title, ...meta };
  }
  if (
    typeof body.html === 'string' ||
    (typeof body.text === 'string' && HTML_NAME.test(body.filename ?? ''))
  ) {
    const html = (body.html ?? body.text) as string;
    if (html.length > MAX_ARTICLE_BYTES) throw new IngestError('article larger than 2 MB');
    const art = extractHtml(html, url ?? null);
    if (!art) throw new IngestError('no article text found in the HTML');
    return { ...art.input, ...meta };
  }
  if (typeof body.text !== 'string' || !body.text.trim()) throw new IngestError('text: empty article');
  if (body.text.length > MAX_ARTICLE_BYTES) throw new IngestError('article larger than 2 MB');
  return { text: body.text, ...(url ? { url } : {}), firstLineIsTitle: !title, ...meta };
}

export async function ingestOne(
  store: Store,
  body: DeskIngestInput,
  actor: Actor,
): Promise<DeskIngestResult> {
  if (!body || typeof body !== 'object') throw new IngestError('expected a JSON object');
  const article = createArticle(await toInput(body));
  if (!article.text) throw new IngestError('no article text');
  const [coded] = codeArticles([article]);
  if (!coded.ok) throw new IngestError(coded.message);
  const [put] = await store.putRecords(
    [{ record: coded.record, origin: body.filename ? `desk:${body.filename.slice(0, 200)}` : 'desk' }],
    actor,
  );
  let merged = false;
  if (put.status === 'inserted' && (await store.countEvents()) <= MERGE_LIMIT) {
    await runMerge(store, actor);
    merged = true;
  }
  return {
    id: put.id,
    status: put.status,
    events: coded.record.events.length,
    title: coded.record.article.title,
    merged,
  };
}
