/**
 * RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed, parsed by feedsmith (maintained, typed, one parser for
 * all four formats including JSON Feed, built on fast-xml-parser; rss-parser has had no release
 * since 2023 and reads no JSON Feed). Each item becomes an article candidate: its own content when
 * long enough, else the linked page (fetched by the reader).
 */
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import type { ArticleInput } from '../model/article.js';
import { htmlFragmentToText, isoDate } from './html.js';

export interface FeedItem {
  /** Article input built from the item itself. */
  input: ArticleInput;
  /** Link to the full page, when the item has one. */
  link: string | null;
  byline: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  items: FeedItem[];
}

type Json = Record<string, unknown>;

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object') {
    const o = v as Json;
    if (typeof o.value === 'string') return o.value.trim() || null;
    if (typeof o['#text'] === 'string') return (o['#text'] as string).trim() || null;
  }
  return null;
}

function people(v: unknown): string | null {
  if (!Array.isArray(v)) return str(v);
  const names = v
    .map((p) => (typeof p === 'string' ? p : str((p as Json)?.name)))
    .filter((x): x is string => !!x);
  return names.length ? names.join(', ') : null;
}

function textOf(html: string | null, plain: string | null): string {
  if (plain) return plain;
  if (!html) return '';
  return /<[a-z!/]/i.test(html) ? htmlFragmentToText(html) : html;
}

/** True when the text looks like a feed rather than a page. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2000).replace(/<!--[\s\S]*?-->/g, '');
  if (/^\s*\{/.test(head)) return /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(head);
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

export function parseFeedText(text: string): ParsedFeed {
  const isJson = /^\s*\{/.test(text);
  if (!isJson) {
    // feedsmith reads broken XML leniently; a truncated or garbled feed should be an error instead.
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line})`);
  }
  const value: unknown = isJson ? JSON.parse(text) : text;
  const parsed = parseFeed(value);
  const feed = parsed.feed as unknown as Json;
  const feedTitle = str(feed.title);
  const items: FeedItem[] = [];
  if (parsed.format === 'atom') {
    for (const e of (feed.entries as Json[] | undefined) ?? []) {
      const links = (e.links as Json[] | undefined) ?? [];
      const alt = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
      const content = str(e.content) ?? null;
      const summary = str(e.summary);
      items.push({
        input: {
          text: textOf(content ?? summary, null),
          title: str(e.title),
          url: str(alt?.href),
          outlet: feedTitle,
          published: isoDate(e.published ?? e.updated),
          publishedSource: 'field',
        },
        link: str(alt?.href),
        byline: people(e.authors),
      });
    }
  } else if (parsed.format === 'json') {
    for (const e of (feed.items as Json[] | undefined) ?? []) {
      const link = str(e.url) ?? str(e.external_url);
      items.push({
        input: {
          text: textOf(str(e.content_html) ?? str(e.summary), str(e.content_text)),
          title: str(e.title),
          url: link,
          outlet: feedTitle,
          published: isoDate(e.date_published),
          publishedSource: 'field',
        },
        link,
        byline: people(e.authors),
      });
    }
  } else {
    for (const e of (feed.items as Json[] | undefined) ?? []) {
      const encoded = str((e.content as Json | undefined)?.encoded);
      const dc = e.dc as Json | undefined;
      const link = str(e.link);
      items.push({
        input: {
          text: textOf(encoded ?? str(e.description), null),
          title: str(e.title),
          url: link,
          outlet: feedTitle,
          published: isoDate(e.pubDate ?? dc?.date ?? dc?.dates),
          publishedSource: 'field',
        },
        link,
        byline: people(e.authors) ?? people(dc?.creator ?? dc?.creators),
      });
    }
  }
  return { format: parsed.format, title: feedTitle, items };
}
