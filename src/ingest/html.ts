/**
 * HTML pages to articles: main text by Mozilla Readability over linkedom (no browser, no scripts
 * run), metadata from meta tags and JSON-LD (schema.org NewsArticle and kin).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleInput } from '../model/article.js';

export interface HtmlArticle {
  input: ArticleInput;
  byline: string | null;
}

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Visible text of a DOM subtree, one paragraph per block element, white space folded. */
export function domToText(root: DomNode): string {
  const paras: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) paras.push(t);
    cur = '';
  };
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) {
      cur += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]);
    if (block) flush();
  };
  walk(root);
  flush();
  return paras.join('\n\n');
}

/** Text of an HTML fragment (feed item content). */
export function htmlFragmentToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return domToText(document.body as unknown as DomNode);
}

/** ISO form of a date string from metadata, or null when it does not parse. */
export function isoDate(s: unknown): string | null {
  if (typeof s !== 'string' || !s.trim()) return null;
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return null;
  const y = d.getUTCFullYear();
  if (y < 1800 || y > 2200) return null;
  return d.toISOString();
}

type Json = Record<string, unknown>;

function asName(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const names = v.map(asName).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object' && typeof (v as Json).name === 'string')
    return ((v as Json).name as string).trim() || null;
  return null;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|Report|LiveBlogPosting)$/;

function jsonLdArticle(document: {
  querySelectorAll(s: string): ArrayLike<{ textContent: string | null }>;
}): Json | null {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i].textContent ?? '');
    } catch {
      continue; // malformed JSON-LD is common; the meta tags still count
    }
    const stack: unknown[] = [data];
    while (stack.length) {
      const x = stack.pop();
      if (Array.isArray(x)) stack.push(...x);
      else if (x && typeof x === 'object') {
        const o = x as Json;
        const types = Array.isArray(o['@type']) ? o['@type'] : [o['@type']];
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return o;
        if (o['@graph']) stack.push(o['@graph']);
      }
    }
  }
  return null;
}

/** Extract an article from an HTML page; null when the page has no readable text. */
export function extractHtml(html: string, url: string | null = null): HtmlArticle | null {
  const { document } = parseHTML(html);
  const meta = (sel: string): string | null => {
    const el = document.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    return v?.trim() || null;
  };
  const ld = jsonLdArticle(document as never);
  const title =
    meta('meta[property="og:title"]') ??
    asName(ld?.headline) ??
    meta('meta[name="twitter:title"]') ??
    (document.querySelector('title')?.textContent?.trim() || null);
  const published =
    isoDate(meta('meta[property="article:published_time"]')) ??
    isoDate(ld?.datePublished) ??
    isoDate(meta('meta[itemprop="datePublished"]')) ??
    isoDate(meta('meta[name="pubdate"]')) ??
    isoDate(meta('meta[name="publishdate"]')) ??
    isoDate(meta('meta[name="date"]')) ??
    isoDate(meta('meta[name="DC.date.issued"]')) ??
    isoDate(meta('meta[name="dc.date"]')) ??
    isoDate(meta('time[datetime]'));
  let byline = meta('meta[name="author"]') ?? asName(ld?.author) ?? meta('meta[property="article:author"]');
  const outlet = meta('meta[property="og:site_name"]') ?? asName(ld?.publisher);
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    meta('meta[property="og:url"]') ??
    null;
  const lang = document.documentElement?.getAttribute('lang')?.slice(0, 2).toLowerCase() || undefined;

  let text = '';
  try {
    const parsed = new Readability(document as never, { serializer: (n: unknown) => n }).parse();
    if (parsed?.content) text = domToText(parsed.content as unknown as DomNode);
    if (!byline && parsed?.byline) byline = parsed.byline.trim() || null;
  } catch {
    text = '';
  }
  if (!text.trim()) {
    // Readability gives up on short pages: fall back to the body text.
    const { document: again } = parseHTML(html);
    text = again.body ? domToText(again.body as unknown as DomNode) : '';
  }
  if (!text.trim()) return null;
  let absUrl = url;
  if (canonical && /^https?:\/\//i.test(canonical)) absUrl = canonical;
  return {
    input: {
      text,
      title,
      url: absUrl,
      outlet,
      published,
      publishedSource: 'field',
      ...(lang ? { language: lang } : {}),
    },
    byline: byline ?? null,
  };
}
