/**
 * The single reader of inputs: files, folders (recursive, glob filters), standard input and URLs,
 * in text, HTML, JSON Lines, JSON and feed formats. Yields one result per article or per problem;
 * problems are values, and reading goes on after them unless `strict`.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import picomatch from 'picomatch';
import { decodeBytes, looksBinary } from './decode.js';
import { looksLikeFeed, parseFeedText } from './feed.js';
import { fetchBytes, HostGate, mb } from './fetch.js';
import { extractHtml } from './html.js';
import { objectToInput, readJsonLines } from './jsonl.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_CHARS,
  fail,
  type IngestItem,
  ok,
  type ReadOptions,
  type Result,
} from './types.js';

export type InputKind = 'text' | 'html' | 'jsonl' | 'json' | 'feed';

const KIND_BY_EXT: Record<string, InputKind> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.rdf': 'feed',
};

// Markdown is read when named, not when found in a folder (READMEs are not articles).
const DEFAULT_INCLUDE = [
  `**/*.{${Object.keys(KIND_BY_EXT)
    .filter((e) => e !== '.md')
    .map((e) => e.slice(1))
    .join(',')}}`,
];

interface Resolved {
  strict: boolean;
  maxBytes: number;
  maxChars: number;
  fetchPagesBelow: number;
  timeoutMs: number;
  include: string[];
  exclude: string[];
  knownUrls?: (urls: string[]) => Promise<Set<string>>;
  stdin: NodeJS.ReadableStream;
  gate: HostGate;
}

function isUrl(p: string): boolean {
  return /^https?:\/\//i.test(p);
}

/** Guess the format of content whose name says nothing. */
export function sniffKind(text: string, contentType: string | null = null): InputKind {
  const ct = contentType?.toLowerCase() ?? '';
  const head = text.trimStart().slice(0, 4096);
  if (looksLikeFeed(head)) return 'feed';
  if (ct.includes('html')) return 'html';
  if (ct.includes('ndjson') || ct.includes('jsonl')) return 'jsonl';
  if (head.startsWith('{')) {
    const lines = head.split('\n').filter((l) => l.trim());
    return lines.length > 1 && lines.slice(0, -1).every((l) => l.trimStart().startsWith('{'))
      ? 'jsonl'
      : 'json';
  }
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('<')) return /^<\?xml/i.test(head) && !/<html/i.test(head) ? 'feed' : 'html';
  return 'text';
}

async function readAll(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array | string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > maxBytes) return `input larger than ${mb(maxBytes)}`;
    parts.push(b);
  }
  return Buffer.concat(parts);
}

function checkText(item: IngestItem, o: Resolved): Result<IngestItem> {
  if (!item.input.text.trim()) return fail(item.origin, 'no article text');
  if (item.input.text.length > o.maxChars)
    return fail(item.origin, `article text longer than ${o.maxChars} characters`);
  return ok(item);
}

async function* fromFeed(text: string, origin: string, o: Resolved): AsyncGenerator<Result<IngestItem>> {
  let feed: ReturnType<typeof parseFeedText>;
  try {
    feed = parseFeedText(text);
  } catch (e) {
    yield fail(
      origin,
      `not a readable RSS, Atom or JSON feed: ${e instanceof Error ? e.message : String(e)}`,
    );
    return;
  }
  const links = feed.items.map((i) => i.link).filter((l): l is string => !!l && isUrl(l));
  const known = o.knownUrls && links.length ? await o.knownUrls(links) : new Set<string>();
  for (let n = 0; n < feed.items.length; n++) {
    const item = feed.items[n];
    const itemOrigin = item.link ?? `${origin}#${n + 1}`;
    if (item.link && known.has(item.link)) continue; // stored already: not fetched again
    if (item.input.text.length < o.fetchPagesBelow && item.link && isUrl(item.link)) {
      await o.gate.wait(item.link);
      const page = await fetchBytes(item.link, { timeoutMs: o.timeoutMs, maxBytes: o.maxBytes });
      if (page.ok) {
        const dec = decodeBytes(page.bytes, page.contentType);
        const art = extractHtml(dec.text, item.link);
        if (art) {
          const input = {
            ...art.input,
            url: item.link,
            title: art.input.title ?? item.input.title,
            outlet: art.input.outlet ?? item.input.outlet,
            published: art.input.published ?? item.input.published,
          };
          yield checkText({ input, origin: item.link, feed: origin, byline: art.byline ?? item.byline }, o);
          continue;
        }
      } else if (!item.input.text.trim()) {
        yield fail(itemOrigin, `page not fetched: ${page.message}`);
        continue;
      }
    }
    yield checkText({ input: item.input, origin: itemOrigin, feed: origin, byline: item.byline }, o);
  }
}

async function* fromJson(text: string, origin: string, o: Resolved): AsyncGenerator<Result<IngestItem>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    yield fail(origin, `invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const list = Array.isArray(data) ? data : [data];
  const ids = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const r = objectToInput(list[i]);
    const where = Array.isArray(data) ? `${origin}[${i}]` : origin;
    if (typeof r === 'string') {
      yield fail(where, r);
      continue;
    }
    if (r.id !== null) {
      if (ids.has(r.id)) {
        yield fail(where, `duplicate id "${r.id}" (first at [${ids.get(r.id)}])`);
        continue;
      }
      ids.set(r.id, i);
    }
    yield checkText({ input: r.input, origin: where, byline: r.byline }, o);
  }
}

/** Dispatch decoded content by kind. */
async function* fromContent(
  bytes: Uint8Array,
  origin: string,
  contentType: string | null,
  kind: InputKind | null,
  url: string | null,
  o: Resolved,
): AsyncGenerator<Result<IngestItem>> {
  if (looksBinary(bytes)) {
    yield fail(origin, 'binary data, not text');
    return;
  }
  const { text } = decodeBytes(bytes, contentType);
  const k = kind ?? sniffKind(text, contentType);
  switch (k) {
    case 'jsonl':
      yield* readJsonLines(Readable.from([text]), origin, o.maxChars);
      return;
    case 'json':
      if (looksLikeFeed(text)) yield* fromFeed(text, origin, o);
      else yield* fromJson(text, origin, o);
      return;
    case 'feed':
      yield* fromFeed(text, origin, o);
      return;
    case 'html': {
      let art: ReturnType<typeof extractHtml>;
      try {
        art = extractHtml(text, url);
      } catch (e) {
        yield fail(origin, `unreadable HTML: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      if (!art) yield fail(origin, 'no readable text in the page');
      else yield checkText({ input: art.input, origin, byline: art.byline }, o);
      return;
    }
    default:
      yield checkText({ input: { text, firstLineIsTitle: true, ...(url ? { url } : {}) }, origin }, o);
  }
}

async function* walk(root: string, o: Resolved): AsyncGenerator<string> {
  const include = picomatch(o.include, { dot: false });
  const exclude = o.exclude.length ? picomatch(o.exclude, { dot: true }) : () => false;
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? 1 : -1));
    const files: string[] = [];
    for (const e of entries) {
      const full = join(dir, e.name);
      const rel = relative(root, full).split('\\').join('/');
      if (e.name.startsWith('.') || exclude(rel)) continue;
      if (e.isDirectory()) stack.push(full);
      else if (e.isFile() && include(rel)) files.push(full);
    }
    for (const f of files.reverse()) yield f;
  }
}

async function* fromFile(path: string, o: Resolved): AsyncGenerator<Result<IngestItem>> {
  const kind = KIND_BY_EXT[extname(path).toLowerCase()] ?? null;
  if (kind === 'jsonl') {
    yield* readJsonLines(createReadStream(path), path, o.maxChars);
    return;
  }
  const st = await stat(path);
  if (st.size > o.maxBytes) {
    yield fail(path, `file larger than ${mb(o.maxBytes)}`);
    return;
  }
  yield* fromContent(await readFile(path), path, null, kind, null, o);
}

async function* readOne(p: string, o: Resolved): AsyncGenerator<Result<IngestItem>> {
  if (p === '-') {
    const bytes = await readAll(o.stdin, o.maxBytes);
    if (typeof bytes === 'string') yield fail('-', bytes);
    else yield* fromContent(bytes, '-', null, null, null, o);
    return;
  }
  if (isUrl(p)) {
    await o.gate.wait(p);
    const res = await fetchBytes(p, { timeoutMs: o.timeoutMs, maxBytes: o.maxBytes });
    if (!res.ok) {
      yield fail(p, res.message);
      return;
    }
    let pathKind: InputKind | null = null;
    try {
      pathKind = KIND_BY_EXT[extname(new URL(res.url).pathname).toLowerCase()] ?? null;
    } catch {
      pathKind = null;
    }
    // A server's content type beats a path's extension, except for feeds served as text/html.
    yield* fromContent(res.bytes, p, res.contentType, res.contentType ? null : pathKind, res.url, o);
    return;
  }
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    yield fail(p, code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${code ?? String(e)}`);
    return;
  }
  if (st.isDirectory()) {
    try {
      for await (const f of walk(p, o)) {
        try {
          yield* fromFile(f, o);
        } catch (e) {
          yield fail(f, `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
        }
      }
    } catch (e) {
      yield fail(p, `cannot list folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    return;
  }
  try {
    yield* fromFile(p, o);
  } catch (e) {
    yield fail(p, `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

function resolve(options: ReadOptions): Resolved {
  return {
    strict: options.strict ?? false,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxChars: options.maxChars ?? DEFAULT_MAX_CHARS,
    fetchPagesBelow: options.fetchPagesBelow ?? 500,
    timeoutMs: options.timeoutMs ?? 20_000,
    include: options.include?.length ? options.include : DEFAULT_INCLUDE,
    exclude: options.exclude ?? [],
    knownUrls: options.knownUrls,
    stdin: options.stdin ?? process.stdin,
    gate: options.gate ?? new HostGate(options.politenessMs ?? 1000),
  };
}

/** Articles of feed content already fetched (by `sitrep watch`), pages fetched as for a feed URL. */
export function readFeedContent(
  bytes: Uint8Array,
  origin: string,
  contentType: string | null,
  options: ReadOptions = {},
): AsyncGenerator<Result<IngestItem>> {
  return fromContent(bytes, origin, contentType, 'feed', origin, resolve(options));
}

/** Read every article from the given paths, URLs and "-" (standard input), in order. */
export async function* readInputs(
  paths: string[],
  options: ReadOptions = {},
): AsyncGenerator<Result<IngestItem>> {
  const o = resolve(options);
  for (const p of paths) {
    for await (const r of readOne(p, o)) {
      yield r;
      if (!r.ok && o.strict) return;
    }
  }
}
