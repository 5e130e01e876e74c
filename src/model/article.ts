import { createHash } from 'node:crypto';
import { monthNumber } from '../lexicon/calendar.js';
import type { Article, PublishedSource, TextSpan } from './types.js';

export interface ArticleInput {
  text: string;
  title?: string | null;
  url?: string | null;
  outlet?: string | null;
  credit?: string | null;
  /** ISO date or date-time; takes precedence over a dateline in the text. */
  published?: string | null;
  /** Where `published` came from when given (defaults to "field"). */
  publishedSource?: PublishedSource;
  language?: string;
  /** Treat the first line as the headline when no title is given (plain-text articles). */
  firstLineIsTitle?: boolean;
}

/** Text as stored: NFC, LF line ends, no BOM, no trailing white space. Offsets refer to this string. */
export function normaliseText(raw: string): string {
  let t = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  t = t.replace(/\r\n?/g, '\n').normalize('NFC');
  // trimEnd strips what /\s+$/ does (the same white space and line terminators) without the
  // regex's retry at every run of spaces in the text
  return t.replace(/[ \t]+$/gm, '').trimEnd();
}

/** Identity of an article: hash of its text with white space folded, so re-wrapped copies match. */
export function articleId(text: string): string {
  return storedTextId(text.normalize('NFC'));
}

/**
 * articleId of a text already in NFC (as normaliseText leaves it; deleting trailing white space
 * cannot undo NFC). Runs of two or more white space characters and single ones other than a space
 * become a space, as /\s+/g → ' ' does, but the single spaces between words (nearly every match of
 * /\s+/) are left alone instead of being replaced one by one: a third of the time.
 */
function storedTextId(text: string): string {
  const folded = text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
  return `sha256:${createHash('sha256').update(folded).digest('hex').slice(0, 32)}`;
}

// "BEIRUT (Pakistan Point News / Sputnik - 05th October, 2020)", "WASHINGTON (Reuters) -",
// "MOSCOW, October 5 (Sputnik) -", "KYIV, Ukraine, March 3 (AP) —"
const DATELINE =
  /^(?<place>[A-Z][A-Z.'’\- ]{1,40}[A-Z.])(?:,\s*(?<region>[A-Z][A-Za-z.\- ]{1,30}?))?(?:,\s*(?<date1>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*\((?<paren>[^()\n]{2,120})\)\s*[-–—:]?/m;
const DATE_DMY = /(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/;
const DATE_MDY = /([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/;
const DATE_ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;

function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // February 30
  return dt.toISOString().slice(0, 10);
}

/** A date written in a dateline, or null. */
export function parseDatelineDate(s: string): string | null {
  let m = DATE_ISO.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = DATE_DMY.exec(s);
  if (m) {
    const mo = monthNumber(m[2]);
    if (mo) return isoDate(+m[3], mo, +m[1]);
  }
  m = DATE_MDY.exec(s);
  if (m) {
    const mo = monthNumber(m[1]);
    if (mo) return isoDate(+m[3], mo, +m[2]);
  }
  return null;
}

export interface Dateline {
  place: TextSpan;
  outlet: string | null;
  credit: string | null;
  date: string | null;
}

/** Find a wire-style dateline at the start of a paragraph within the first part of the text. */
export function findDateline(text: string): Dateline | null {
  const head = text.slice(0, 3000);
  const re = new RegExp(DATELINE.source, 'gm');
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const g = m.groups!;
    const place = g.place.trim();
    if (place.length < 3 || !/[A-Z]{3}/.test(place)) continue;
    const paren = g.paren;
    // "(Pakistan Point News / Sputnik - 05th October, 2020)" or "(Reuters)"
    const noDate = paren.replace(/[-–—,]\s*[^/]*\d{4}\s*$/, '').trim();
    const parts = noDate
      .split('/')
      .map((p) => p.trim())
      .filter(Boolean);
    const outlet = parts.length > 1 ? parts[0] : null;
    const credit = parts.length > 0 ? parts[parts.length - 1] : null;
    if (credit && /\d/.test(credit) && !outlet) continue;
    const date = parseDatelineDate(paren) ?? (g.date1 ? parseDatelineDate(g.date1) : null);
    return {
      place: { start: m.index, end: m.index + place.length, text: place },
      outlet,
      credit,
      date,
    };
  }
  return null;
}

function validPublished(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return null;
  const d = new Date(t.length === 10 ? `${t}T00:00:00Z` : t);
  if (Number.isNaN(d.getTime())) return null;
  return isoDate(+t.slice(0, 4), +t.slice(5, 7), +t.slice(8, 10)) ? t : null;
}

/** Build an immutable article from raw input; derives id, title, dateline, outlet/credit and date. */
export function createArticle(input: ArticleInput): Article {
  const text = normaliseText(input.text);
  let title = input.title?.trim() || null;
  if (!title && input.firstLineIsTitle) {
    const nl = text.indexOf('\n');
    const first = (nl < 0 ? text : text.slice(0, nl)).trim();
    if (first.length > 0 && first.length <= 300 && nl > 0) title = first;
  }
  const dl = findDateline(text);
  let published = validPublished(input.published);
  let publishedSource: PublishedSource = published ? (input.publishedSource ?? 'field') : 'none';
  if (!published && dl?.date) {
    published = dl.date;
    publishedSource = 'dateline';
  }
  const article: Article = {
    id: storedTextId(text),
    title,
    url: input.url?.trim() || null,
    outlet: input.outlet?.trim() || dl?.outlet || null,
    credit: input.credit?.trim() || dl?.credit || null,
    dateline: dl?.place ?? null,
    published,
    publishedSource,
    language: input.language ?? 'en',
    text,
  };
  return Object.freeze(article);
}

/** Publication date (YYYY-MM-DD) of an article, or null. */
export function publishedDate(a: Article): string | null {
  return a.published ? a.published.slice(0, 10) : null;
}
