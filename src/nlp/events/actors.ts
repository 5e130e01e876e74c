import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sectorOfWords } from './lexicon/sectors.js';

/**
 * Actor coding: country (ISO 3166-1 alpha-3, or IGO/NGO) and PLOVER sector for an argument's text,
 * from the actor registry (data/actors.tsv plus user files), country names, demonyms and capitals
 * (build/data/actor-countries.tsv), and sector words ("army", "rebels", "minister").
 */

export interface ActorEntry {
  name: string;
  country: string;
  sector?: string;
  /** What matched: a registry entry, a country name, a capital, or a demonym. */
  via: 'registry' | 'country' | 'capital' | 'demonym';
}

export interface ActorCode {
  country?: string;
  sector?: string;
  registry?: string;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PKG_ROOT = existsSync(join(ROOT, 'package.json')) ? ROOT : join(ROOT, '..');

export class ActorRegistryError extends Error {
  override name = 'ActorRegistryError';
}

/** Parse a registry file (name, country, sector, aliases). Throws a one-line error on bad lines. */
export function parseActorFile(text: string, file: string): [string, ActorEntry][] {
  const out: [string, ActorEntry][] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const cols = line.split('\t');
    if (cols.length < 2 || !cols[0] || !/^[A-Z]{3}$/.test(cols[1])) {
      throw new ActorRegistryError(`${file}:${i + 1}: expected "name<TAB>ISO3<TAB>sector<TAB>aliases"`);
    }
    const entry: ActorEntry = { name: cols[0], country: cols[1], via: 'registry' };
    if (cols[2]) entry.sector = cols[2];
    out.push([cols[0], entry]);
    for (const a of (cols[3] ?? '').split('|')) if (a.trim()) out.push([a.trim(), entry]);
  });
  return out;
}

const ALPHA3 = new Map<string, string>();

/** ISO alpha-3 for an alpha-2 code (places carry GeoNames' alpha-2), once the country table is loaded. */
export function alpha3Of(alpha2: string): string | undefined {
  builtInEntries();
  return ALPHA3.get(alpha2);
}

function countryEntries(): [string, ActorEntry][] {
  const file = join(PKG_ROOT, 'build', 'data', 'actor-countries.tsv');
  if (!existsSync(file)) return [];
  const out: [string, ActorEntry][] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const [code, names, demonyms, capitals, alpha2] = line.split('\t');
    if (alpha2) ALPHA3.set(alpha2, code);
    const first = names.split('|')[0];
    for (const n of names.split('|'))
      if (n) out.push([n, { name: first, country: code, sector: 'GOV', via: 'country' }]);
    for (const d of demonyms.split('|')) {
      if (!d) continue;
      out.push([d, { name: first, country: code, via: 'demonym' }]);
      // plural demonyms name people: "Syrians", "Israelis"
      if (!/(ese|ss|ish|ch)$/.test(d))
        out.push([`${d}s`, { name: first, country: code, sector: 'CVL', via: 'demonym' }]);
    }
    for (const c of capitals.split('|'))
      if (c) out.push([c, { name: first, country: code, sector: 'GOV', via: 'capital' }]);
  }
  return out;
}

export interface ActorHit {
  start: number;
  end: number;
  entry: ActorEntry;
}

/** A compiled matcher over the registry: aliases indexed by their first word, longest first. */
export class ActorRegistry {
  private readonly byAlias = new Map<string, ActorEntry>();
  private readonly byFirstWord = new Map<string, string[]>();

  constructor(entries: [string, ActorEntry][]) {
    // later entries override earlier ones (user files after the built-in registry)
    for (const [alias, e] of entries) {
      const prev = this.byAlias.get(alias);
      // a registry entry beats a generated country/demonym entry for the same string
      if (prev && prev.via === 'registry' && e.via !== 'registry') continue;
      this.byAlias.set(alias, e);
    }
    for (const alias of this.byAlias.keys()) {
      const first = alias.split(' ')[0];
      const list = this.byFirstWord.get(first) ?? [];
      list.push(alias);
      this.byFirstWord.set(first, list);
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.length - a.length);
    for (const first of this.byFirstWord.keys()) this.firstHashes[hashOf(first, 0, first.length)] = 1;
  }

  /** Hashes of the first words: most words of a text miss the map without being cut out for a lookup. */
  private readonly firstHashes = new Uint8Array(HASH_SLOTS);

  private readonly memo = new Map<string, ActorHit[]>();

  /** Codes by text (`codeActor` without extra words); callers get a copy to fill in. */
  readonly codes = new Map<string, Readonly<ActorCode>>();

  /** All registry/country hits in a piece of text, in order, longest at each position (memoised). */
  find(text: string, memoise = true): ActorHit[] {
    // long one-off texts (whole sentences) are scanned without filling the memo
    if (!memoise) return this.scan(text, 0, text.length, text.length);
    let hits = this.memo.get(text);
    if (!hits) {
      if (this.memo.size > 20000) this.memo.clear();
      hits = this.scan(text, 0, text.length, text.length);
      this.memo.set(text, hits);
    }
    return hits;
  }

  /**
   * The hits `find(text.slice(from, to), false)` would return (offsets relative to `from`), only
   * those starting before `from + before`: a range of a long text is read in place, and the scan
   * stops where no wanted hit can start.
   */
  findIn(text: string, from: number, to: number, before = to - from): ActorHit[] {
    return this.scan(text, from, to, from + before);
  }

  /** The scan of text[from, to) as if it were a string of its own, up to hits starting at `stop`. */
  private scan(text: string, from: number, to: number, stop: number): ActorHit[] {
    const out: ActorHit[] = [];
    let i = from;
    while (i < to && i < stop) {
      if (!isWordChar(text.charCodeAt(i)) || (i > from && isWordChar(text.charCodeAt(i - 1)))) {
        i++;
        continue;
      }
      let j = i;
      let plain = true;
      let hash = 0;
      while (j < to) {
        const c = text.charCodeAt(j);
        if (c === 32) break;
        if (!isPlainChar(c)) plain = false;
        hash = nextHash(hash, c);
        j++;
      }
      // most words: no alias starts with a word of that hash, and a plain word has nothing to trim
      if (plain && this.firstHashes[hash] === 0) {
        i = j;
        continue;
      }
      // try the word as written, then without trailing punctuation ("U.S.," → "U.S"); the word is
      // only cut out of the text when an alias starts with a word of its hash
      let hit: string | undefined;
      let e = j;
      while (e > i) {
        if (this.firstHashes[e === j ? hash : hashOf(text, i, e)] === 1) {
          for (const alias of this.byFirstWord.get(text.slice(i, e)) ?? []) {
            const end = i + alias.length;
            if (end <= to && text.startsWith(alias, i) && (end >= to || !isWordChar(text.charCodeAt(end)))) {
              hit = alias;
              break;
            }
          }
          if (hit) break;
        }
        // a plain word (letters and digits only) has nothing to trim
        if (e === j ? plain : isPlainRange(text, i, e)) break;
        const trimmed = trimmedEnd(text, i, e);
        if (trimmed === e) break;
        e = trimmed;
      }
      if (hit) {
        out.push({ start: i - from, end: i - from + hit.length, entry: this.byAlias.get(hit)! });
        i += hit.length;
      } else i = j;
    }
    return out;
  }

  get size(): number {
    return this.byAlias.size;
  }
}

/** A 16-bit hash of a word, computed char by char as the scan reads it (a filter: collisions only cost a lookup). */
const HASH_SLOTS = 1 << 16;
function nextHash(hash: number, c: number): number {
  return (hash * 31 + c) & 0xffff;
}
function hashOf(text: string, from: number, to: number): number {
  let hash = 0;
  for (let k = from; k < to; k++) hash = nextHash(hash, text.charCodeAt(k));
  return hash;
}

const TRAILING_PUNCT = /[^\p{L}\p{N}]+[\p{L}\p{N}]*$|[^\p{L}\p{N}]$/u;

/**
 * The end of text[from, to) once TRAILING_PUNCT is cut off (its last run of non-letters and
 * everything after it); the regex itself only for words with other non-ASCII characters.
 */
function trimmedEnd(text: string, from: number, to: number): number {
  let k = to - 1;
  while (k >= from && isAsciiAlnum(text.charCodeAt(k))) k--;
  for (let q = from; q < to; q++) {
    const c = text.charCodeAt(q);
    // (curly quotes, dashes and the rest of General Punctuation are no letters either)
    if (c > 127 && !(c >= 0x2010 && c <= 0x205e))
      return from + text.slice(from, to).replace(TRAILING_PUNCT, '').length;
  }
  if (k < from) return to;
  while (k > from && !isAsciiAlnum(text.charCodeAt(k - 1))) k--;
  return k;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Only ASCII letters/digits or characters above Latin-1 punctuation (no trimming can apply). */
function isPlainRange(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isPlainChar(text.charCodeAt(k))) return false;
  return true;
}
function isPlainChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 191 && c < 0x2000);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 191;
}

let builtIn: [string, ActorEntry][] | null = null;
function builtInEntries(): [string, ActorEntry][] {
  if (!builtIn) {
    const file = join(PKG_ROOT, 'data', 'actors.tsv');
    builtIn = [...countryEntries(), ...parseActorFile(readFileSync(file, 'utf8'), file)];
  }
  return builtIn;
}

const cache = new Map<string, ActorRegistry>();
/** The built-in registry extended by user files (same format as data/actors.tsv), cached. */
export function loadActorRegistry(userFiles: readonly string[] = []): ActorRegistry {
  const key = userFiles.join('\n');
  let reg = cache.get(key);
  if (!reg) {
    const entries = [...builtInEntries()];
    for (const f of userFiles) {
      if (!existsSync(f)) throw new ActorRegistryError(`actor file not found: ${f}`);
      entries.push(...parseActorFile(readFileSync(f, 'utf8'), f));
    }
    reg = new ActorRegistry(entries);
    cache.set(key, reg);
  }
  return reg;
}

const VIA_RANK: Record<string, number> = { registry: 0, country: 1, demonym: 2, capital: 3 };
const WORD = /[\p{L}-]+/gu;
const PATRON = /(?:pro|anti)-$/i;
/** A phrase ending in a capitalised plural, a people's name after a demonym ("Iraqi Kurds"). */
const PEOPLE_PLURAL = /(?:^|\s)\p{Lu}\p{Ll}+s\s*$/u;
/** "ethnic " right before a demonym. */
export const ETHNIC = /\bethnic\s$/i;

/**
 * Country and sector for an argument's text. Registry people and organisations win over country
 * names; a demonym after "pro-"/"anti-" names a patron or an enemy, not the actor's country
 * ("pro-Turkish militants" are not Turkish).
 */
export function codeActor(reg: ActorRegistry, text: string, extraWords: readonly string[] = []): ActorCode {
  // the same phrase is coded again for every event it takes part in
  if (extraWords.length > 0) return codeActorOnce(reg, text, extraWords);
  let code = reg.codes.get(text);
  if (!code) {
    if (reg.codes.size > 20000) reg.codes.clear();
    code = codeActorOnce(reg, text, extraWords);
    reg.codes.set(text, code);
  }
  return { ...code };
}

function codeActorOnce(reg: ActorRegistry, text: string, extraWords: readonly string[]): ActorCode {
  const out: ActorCode = {};
  let best: { entry: ActorEntry; rank: number } | null = null;
  let people: string | undefined;
  const hits = reg.find(text);
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h];
    if (PATRON.test(text.slice(Math.max(0, hit.start - 5), hit.start))) continue;
    // "ethnic Albanians", "ethnic Turks": a people (civilians), not the citizens of that state
    if (hit.entry.via === 'demonym' && ETHNIC.test(text.slice(Math.max(0, hit.start - 7), hit.start))) {
      people ??= hit.entry.sector;
      continue;
    }
    // a state demonym before a people's name places them: "Bosnian Serbs", "Croatian Serb refugees"
    const next = hits[h + 1];
    if (
      next &&
      hit.entry.via === 'demonym' &&
      next.entry.via === 'demonym' &&
      next.entry.country !== hit.entry.country &&
      /^\s+$/.test(text.slice(hit.end, next.start))
    ) {
      best = { entry: hit.entry, rank: -20 };
      continue;
    }
    // the head (last word) names the actor: "NATO-member Norway" is Norway
    const atHead = hit.end >= text.trimEnd().length ? -10 : 0;
    const rank = atHead + (VIA_RANK[hit.entry.via] ?? 3);
    if (!best || rank < best.rank) best = { entry: hit.entry, rank };
  }
  const words: string[] = [...(text.toLowerCase().match(WORD) ?? []), ...extraWords];
  const sector = sectorOfWords(words);
  if (best) {
    out.country = best.entry.country;
    if (best.entry.via === 'registry') out.registry = best.entry.name;
    // descriptive words are more specific than a bare country ("Syrian refugees": REF, not CVL)
    if (best.entry.via === 'registry' && best.entry.sector) out.sector = best.entry.sector;
    else if (sector) out.sector = sector;
    else if (best.entry.sector && onlyName(text, best.entry)) out.sector = best.entry.sector;
    // a people named by its plural alone ("Iraqi Kurds", "800,000 Afghans"): civilians
    else if (best.entry.via === 'demonym' && PEOPLE_PLURAL.test(text)) out.sector = 'CVL';
  } else if (sector ?? people) {
    out.sector = sector ?? people;
  }
  return out;
}

// "Turkey" or "the United States" alone stands for its government; "Turkish" alone does not.
function onlyName(text: string, e: ActorEntry): boolean {
  return e.via !== 'demonym' || /s$/.test(text.trim());
}
