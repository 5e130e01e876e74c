import type { Doc } from '../../model/doc.js';
import type { Claim, ClaimSource, Mention, SourceKind, Span, Stance, TextSpan } from '../../model/types.js';
import { firstSpanFrom, POS } from '../../text/tokenize.js';
import { mapPacked } from '../packed.js';
import {
  ACRONYM,
  ANONYMITY_MARKERS,
  ANONYMOUS_HEADS,
  DOCUMENT_WORDS,
  MEDIA_WORDS,
  ORGANIZATION_WORDS,
} from './lexicon.js';
import { type Attribution, findAttributions, type Range } from './rules/attributions.js';

const PERSON_PRONOUN = /^(?:he|she|him|her)$/i;
const GROUP_PRONOUN = /^(?:they|we|it)$/i;
const DEFINITE = /^(?:the|this|that|these|those)\s/i;
const BOTH = /^(?:both|the two|all three|the three)\b/i;
const CONCERN_OBJECT = /\b(?:concerns?|alarm|worr(?:y|ies)|fears?|dismay|unease|anxiety|outrage|regret)\b/i;
const FEELINGS =
  '(?:concerns?|alarm|worr(?:y|ies)|fears?|doubts?|hopes?|support|dismay|outrage|frustration|disappointment|condolences|solidarity|confidence|skepticism|scepticism|opposition|regret|satisfaction|gratitude|interest)';
const EXPRESS_OBJECT = new RegExp(`^\\s*(?:\\S+\\s+){0,3}?["“]?\\s*(?:\\S+\\s+)?${FEELINGS}\\b`, 'i');
/** "expressed concern about …": the feeling already in the cue. */
const EXPRESS_CUE = new RegExp(`\\b${FEELINGS}\\b`, 'i');
const CITING = /^(?:citing|quoting)$/i;
const WORD_WITH_STOP = /^[a-z]{2,}\.$/;
const OWN_SOURCES = /^(?:own|unnamed|anonymous|unidentified|informed)\s|\bsources?\b/i;
const NEGATED_CUE = /\b(?:not|n't|n’t|never)\b/i;
const ANAPHORIC_CONTENT =
  /^(?:this|that|it|these|the (?:claims?|reports?|allegations?|accusations?|information|news))$/i;

interface Built {
  claim: Claim;
  att: Attribution | null;
  /** Sentence index of the cue. */
  sentence: number;
}

/** The character span of a token range. */
function spanOf(text: string, t: Doc['tokens'], r: Range): TextSpan {
  const start = t.start[r[0]];
  const end = t.end[r[1] - 1];
  return { start, end, text: text.slice(start, end) };
}

/** Turn attribution relations into claims: stance, source kind, coreference, relay chains. */
export function extractClaims(doc: Doc): Claim[] {
  const { text, tokens: t } = doc;
  const atts = findAttributions(text, t, doc.sentenceTokens);
  const mentions = doc.layer('mentions');
  // (spans and ids made in place, no closures per document: under tsx each named itself by a
  // defineProperty)
  const built: Built[] = [];
  let next = 1;

  for (const a of atts) {
    const srcRange = a.source ?? (a.sharesSourceWith !== undefined ? atts[a.sharesSourceWith].source : null);
    if (!srcRange && a.rule !== 'evidential') continue;
    const cue = spanOf(text, t, a.cue);
    // an evidential is the reporter's own inference: an empty source at the cue
    const sourceSpan = srcRange ? spanOf(text, t, srcRange) : { start: cue.start, end: cue.start, text: '' };
    const content: Span[] = mapPacked(a.content, (r) => {
      const s = spanOf(text, t, r);
      // a word the tokenizer kept with the sentence's full stop ("tune in.")
      const end = WORD_WITH_STOP.test(t.text[r[1] - 1]) ? s.end - 1 : s.end;
      return { start: s.start, end };
    });
    const contentText = content.map((c) => text.slice(c.start, c.end)).join(' ');
    if (a.verb?.lemma === 'express' && !EXPRESS_OBJECT.test(contentText) && !EXPRESS_CUE.test(cue.text))
      continue;
    // "X said, citing own sources": the sources are relayed (below), not something X states
    if (CITING.test(cue.text) && OWN_SOURCES.test(contentText)) continue;
    const claim: Claim = {
      id: `c${next++}`,
      // (a literal, not a spread of sourceSpan: the spread took V8's slow clone path for every
      // claim, and resolveSource's later stores into it migrated its map)
      source: { start: sourceSpan.start, end: sourceSpan.end, text: sourceSpan.text, kind: 'unspecified' },
      cue,
      content,
      stance: stanceOf(a, cue.text, contentText),
      direct: a.direct,
      rule: a.rule,
    };
    if (a.addressee) claim.addressee = spanOf(text, t, a.addressee);
    built.push({ claim, att: a, sentence: t.sentence[a.cue[0]] });
  }

  // source kinds and coreference, in text order so antecedents come first
  const resolved: Built[] = [];
  for (const b of built) {
    if (b.claim.source.end === b.claim.source.start) continue;
    resolveSource(doc, b, resolved, mentions);
    resolved.push(b);
  }

  // "confirmed by Macron and the Russian Foreign Ministry": one claim per named party;
  // "both leaders expressed concerns": one claim per leader of the coordination just before
  const out: Claim[] = [];
  for (let k = 0; k < built.length; k++) {
    const b = built[k];
    const c = b.claim;
    let parts = conjuncts(text, c.source);
    let fromAntecedent = false;
    if (!parts && BOTH.test(c.source.text)) {
      for (let e = k - 1; e >= 0 && !parts; e--) {
        if (b.sentence - built[e].sentence > 1) break;
        parts = conjuncts(text, built[e].claim.source);
      }
      fromAntecedent = !!parts;
    }
    if (!parts) {
      out.push(c);
      continue;
    }
    parts.forEach((p, n) => {
      const kind = sourceKindOf(doc, p, mentions);
      const source: ClaimSource = fromAntecedent
        ? { ...c.source, kind, ...entityOf(p, mentions), antecedent: p }
        : { ...p, kind, ...entityOf(p, mentions) };
      out.push(n === 0 ? { ...c, source } : { ...c, id: `c${next++}`, source, rule: `${c.rule}:conjunct` });
    });
  }

  // relay chains
  const extra: Claim[] = [];
  for (const b of built) {
    const c = b.claim;
    // "X said, citing own sources in …": the unnamed sources' claim, which X's claim relays
    const cited = CITING.test(c.cue.text) ? null : citedSource(doc, b);
    if (cited) {
      const relayed: Claim = {
        id: `c${next++}`,
        source: cited.source,
        cue: cited.cue,
        content: c.content,
        stance: 'assert',
        direct: false,
        rule: 'relay:citing',
      };
      extra.push(relayed);
      c.via = relayed.id;
    }
    // "a source told Sputnik": the outlet's report relays its informant
    if (c.addressee && sourceKindOf(doc, c.addressee, mentions) === 'media') {
      extra.push({
        id: `c${next++}`,
        source: { ...c.addressee, kind: 'media', ...entityOf(c.addressee, mentions) },
        cue: c.cue,
        content: c.content,
        stance: 'assert',
        via: c.id,
        direct: c.direct,
        rule: 'relay:outlet',
      });
    }
  }
  const all = [...out, ...extra];
  linkConfirmations(doc, all);
  return renumber(all);
}

const CONJUNCT = /^(.+?)\s+and\s+((?:the\s+)?[A-Z][^,]*)$/;

/** "French President Emmanuel Macron and the Russian Foreign Ministry": both sides names. */
function conjuncts(text: string, s: TextSpan): TextSpan[] | null {
  const m = s.text.match(CONJUNCT);
  if (!m) return null;
  const a = m[1];
  const b = m[2];
  const nameLike = (x: string) => {
    const words = x.replace(/^the\s+/i, '').split(/\s+/);
    return words.length >= 2 && words.every((w) => /^[A-Z]/.test(w) || /^(?:of|for|the)$/.test(w));
  };
  if (!nameLike(a) || !nameLike(b)) return null;
  const bStart = s.start + s.text.lastIndexOf(b);
  return [
    { start: s.start, end: s.start + a.length, text: text.slice(s.start, s.start + a.length) },
    { start: bStart, end: bStart + b.length, text: text.slice(bStart, bStart + b.length) },
  ];
}

function stanceOf(a: Attribution, cueText: string, contentText: string): Stance {
  let stance: Stance = a.verb?.stance ?? 'assert';
  if (a.verb?.lemma === 'express')
    stance = CONCERN_OBJECT.test(contentText) || CONCERN_OBJECT.test(cueText) ? 'concern' : 'assert';
  if (NEGATED_CUE.test(cueText)) {
    if (stance === 'deny') return 'confirm';
    if (stance === 'confirm' || stance === 'assert') return 'deny';
  }
  return stance;
}

function entityOf(s: Span, mentions: readonly Mention[]): { entity?: string } {
  const m = mentionIn(s, mentions);
  return m?.entity ? { entity: m.entity } : {};
}

/** The first person/organisation/outlet mention inside a span (the head name of "X, the head of Y"). */
function mentionIn(s: Span, mentions: readonly Mention[]): Mention | null {
  for (let i = firstSpanFrom(mentions, s.start); i < mentions.length; i++) {
    const m = mentions[i];
    if (m.start >= s.end) break;
    if (m.end > s.end || m.kind === 'demonym' || m.kind === 'facility') continue;
    return m;
  }
  return null;
}

/** Kind of a source from its words and the mentions inside it. */
export function sourceKindOf(doc: Doc, s: TextSpan, mentions: readonly Mention[]): SourceKind {
  const words = s.text.trim();
  const m = mentionIn(s, mentions);
  if (ANONYMITY_MARKERS.test(words) && !(m && m.kind === 'person')) return 'anonymous';
  if (m) {
    if (m.kind === 'person') return 'named_person';
    if (m.kind === 'outlet') return 'media';
    // a state speaking ("Armenia accused Baku …") is its government
    if (m.kind === 'place') return 'organization';
    if (m.kind === 'organization' || m.kind === 'group')
      return MEDIA_WORDS.test(m.text) ? 'media' : 'organization';
  }
  // a state speaking ("Armenia accused Baku …") is its government; places come from an earlier stage when the pipeline has one
  const places = doc.layer('places');
  for (let k = placesFrom(places, s.start); k < places.length; k++) {
    const p = places[k];
    if (p.start === s.start && p.end === s.end && p.kind === 'place') return 'organization';
    if (p.start > s.end) break;
  }
  const head = headWord(words);
  if (PERSON_PRONOUN.test(words)) return 'named_person';
  if (credited(doc, words)) return 'media';
  if (DOCUMENT_WORDS.test(head)) return 'document';
  if (MEDIA_WORDS.test(head) || MEDIA_WORDS.test(words.split(',')[0])) return 'media';
  if (
    ANONYMOUS_HEADS.has(head.toLowerCase()) &&
    !/[A-Z]/.test(
      words
        .replace(/^\w/, '')
        .split(',')[0]
        .replace(/\b(?:U\.S\.|UN|EU|US)\b/g, '')
        .replace(/\b[A-Z][a-z]+(?:n|ian|ish|ese|i)\b/g, ''),
    )
  ) {
    // (case-insensitive: the words need no lower-casing first)
    return /^(?:a|an|one|two|three|several|some|many|other|another|\d+)\s/i.test(words)
      ? 'anonymous'
      : 'unspecified';
  }
  if (ORGANIZATION_WORDS.test(head) || ACRONYM.test(head)) return 'organization';
  if (BOTH.test(words)) return 'named_person';
  const name = words.split(',')[0];
  // one capitalised word that the mentions stage did not take for a person (it links surnames to
  // their people) is a state or a body: "Armenia accused …", "Moscow denied …"
  if (mentions.length > 0 && /^[A-Z][a-z]+$/.test(name)) return 'organization';
  if (isName(name))
    return ORGANIZATION_WORDS.test(name) || ACRONYM.test(name) ? 'organization' : 'named_person';
  return 'unspecified';
}

const PLACES_IN_ORDER = new WeakMap<readonly Span[], boolean>();
/**
 * Where a scan of the places for one starting at `start` may begin: the first place starting there
 * or later when the layer is in text order (as the places stage returns it), else the first place.
 */
function placesFrom(places: readonly Span[], start: number): number {
  let inOrder = PLACES_IN_ORDER.get(places);
  if (inOrder === undefined) {
    inOrder = true;
    for (let k = 1; k < places.length && inOrder; k++) inOrder = places[k - 1].start <= places[k].start;
    PLACES_IN_ORDER.set(places, inOrder);
  }
  return inOrder ? firstSpanFrom(places, start) : 0;
}

function credited(doc: Doc, words: string): boolean {
  const { outlet, credit } = doc.article;
  return (!!credit && words === credit) || (!!outlet && words === outlet);
}

const HEAD_BREAKS = new Set(['of', 'for', 'at', 'in', 'from', 'on', 'with', 'to', 'close']);

// head words by source text: `antecedent` asks again for each earlier source of every anaphor
const HEAD_WORDS = new Map<string, string>();

/** Last word of the phrase before any apposition or relative clause (memoised). */
function headWord(words: string): string {
  let head = HEAD_WORDS.get(words);
  if (head === undefined) {
    head = readHeadWord(words);
    if (HEAD_WORDS.size >= 5000) HEAD_WORDS.clear();
    HEAD_WORDS.set(words, head);
  }
  return head;
}

function readHeadWord(words: string): string {
  const main = words.split(/,|\bwho\b|\bwhich\b/)[0].trim();
  const m = main.match(/([A-Za-z][\w'’.-]*)\s*(?:(?:of|for|at|in|from|on|with|to)\s.*)?$/);
  const tokens = main.split(/\s+/);
  const ofAt = tokens.findIndex((w, i) => i > 0 && HEAD_BREAKS.has(w));
  if (ofAt > 0) return tokens[ofAt - 1];
  return m ? m[1] : tokens[tokens.length - 1];
}

function isName(words: string): boolean {
  const tokens = words.trim().split(/\s+/);
  const caps = tokens.filter((w) => /^[A-Z][a-zA-Z'’.-]+$/.test(w)).length;
  return caps >= 1 && caps >= tokens.length - 1 && !/^(?:The|A|An)$/.test(tokens[0]);
}

/** Kind, entity and antecedent of a claim's source: "he", "the activist", "the ministry", "the source". */
function resolveSource(doc: Doc, b: Built, earlier: Built[], mentions: readonly Mention[]): void {
  const src = b.claim.source;
  const words = src.text.trim();
  const m = mentionIn(src, mentions);
  let kind = sourceKindOf(doc, src, mentions);
  let entity = m?.entity;
  const anaphor =
    PERSON_PRONOUN.test(words) ||
    GROUP_PRONOUN.test(words) ||
    /^(?:who|which)$/i.test(words) ||
    (DEFINITE.test(words) &&
      !m &&
      !/[A-Z]/.test(
        words
          .slice(1)
          .split(',')[0]
          .replace(/\b(?:U\.S\.|Syrian|Russian|American|French)\b/g, ''),
      ));
  if (anaphor) {
    const ante = antecedent(doc, b, earlier, mentions, words);
    if (ante) {
      if (ante.entity) entity = ante.entity;
      if (ante.kind) kind = ante.kind;
      if (ante.span) src.antecedent = ante.span;
    }
  }
  src.kind = kind;
  if (entity) src.entity = entity;
}

interface Antecedent {
  entity?: string;
  kind?: SourceKind;
  span?: TextSpan;
}

/**
 * Resolve a pronoun or a definite description to an earlier source: the latest earlier claim whose
 * source is compatible (a person for he/she and person nouns, the same head noun for "the source",
 * "the ministry"), else the latest compatible mention.
 */
function antecedent(
  doc: Doc,
  b: Built,
  earlier: Built[],
  mentions: readonly Mention[],
  words: string,
): Antecedent | null {
  const head = headWord(words).toLowerCase();
  const personal = PERSON_PRONOUN.test(words) || /^(?:who)$/i.test(words);
  const group = GROUP_PRONOUN.test(words);
  const before = b.claim.source.start;
  for (let k = earlier.length - 1; k >= 0; k--) {
    const e = earlier[k];
    if (b.sentence - e.sentence > 6) break;
    const s = e.claim.source;
    if (s.start >= before) continue;
    if (personal) {
      if (s.kind === 'named_person') return { entity: s.entity, kind: 'named_person', span: bare(s) };
      continue;
    }
    if (group) {
      if (s.kind === 'organization' || s.kind === 'media' || s.kind === 'anonymous')
        return { entity: s.entity, kind: s.kind, span: bare(s) };
      continue;
    }
    // the same head noun ("a source" … "the source"), or a person noun for a named person (the
    // head is read only here: pronouns above need none)
    const sh = headWord(s.text).toLowerCase();
    if (sh === head || sh === `${head}s` || `${sh}s` === head)
      return { entity: s.entity, kind: s.kind, span: bare(s) };
    if (s.kind === 'named_person' && PERSON_NOUNS.test(head) && !ANONYMOUS_ONLY.has(head))
      return { entity: s.entity, kind: 'named_person', span: bare(s) };
    if (s.kind === 'organization' && ORGANIZATION_WORDS.test(head) && s.text.toLowerCase().includes(head))
      return { entity: s.entity, kind: 'organization', span: bare(s) };
  }
  // fall back to the latest compatible mention before the source
  for (let i = firstSpanFrom(mentions, before) - 1, seen = 0; i >= 0 && seen < 60; i--, seen++) {
    const m = mentions[i];
    if (m.end > before) continue;
    if ((personal || PERSON_NOUNS.test(head)) && m.kind === 'person')
      return { entity: m.entity, kind: 'named_person' };
    if (!personal && (m.kind === 'organization' || m.kind === 'group') && m.text.toLowerCase().includes(head))
      return { entity: m.entity, kind: 'organization' };
  }
  void doc;
  return null;
}

/** Heads that never describe a named person met before ("the source"). */
const ANONYMOUS_ONLY = new Set(['source', 'sources', 'insider', 'insiders', 'person', 'people', 'someone']);

/** A source without its apposition, or the name it already resolved to. */
function bare(s: ClaimSource): TextSpan {
  if (s.antecedent) return s.antecedent;
  const comma = s.text.indexOf(',');
  const end = comma > 0 ? s.start + comma : s.end;
  return { start: s.start, end, text: s.text.slice(0, end - s.start) };
}

const PERSON_NOUNS =
  /^(?:activist|campaigner|president|minister|leader|official|spokesman|spokeswoman|spokesperson|head|chief|director|chairman|chairwoman|chair|secretary|governor|senator|lawmaker|congressman|congresswoman|mayor|candidate|nominee|lawyer|attorney|expert|analyst|researcher|professor|doctor|commander|general|officer|diplomat|ambassador|envoy|prosecutor|judge|aide|adviser|advisor|monitor|defender|politician|businessman|billionaire|author|writer|journalist|reporter|founder|ceo|executive|man|woman|witness|resident|father|mother|wife|husband|son|daughter|priest|cleric|imam|premier|chancellor|king|queen|prince)$/;

/** "X said, citing own sources in …": the cited source as a span. */
function citedSource(doc: Doc, b: Built): { source: ClaimSource; cue: TextSpan } | null {
  const t = doc.tokens;
  const a = b.att;
  if (!a) return null;
  const s = t.sentence[a.cue[0]];
  const [s0, s1] = doc.sentenceTokens[s];
  const lo = Math.max(s0, Math.min(a.cue[0], a.source?.[0] ?? a.cue[0]));
  for (let i = lo; i < s1; i++) {
    // (the lower-cased token compared: CITING run on every token of the sentence, for every claim,
    // was a regular expression per token)
    if (t.lower[i] !== 'citing' && t.lower[i] !== 'quoting') continue;
    if (i > 0 && t.text[i - 1] !== ',') continue;
    // the cited phrase runs to the next comma or the sentence end
    let e = i + 1;
    while (e < s1 && !/^[,.;:!?]$/.test(t.text[e]) && t.text[e] !== '”' && t.text[e] !== '"') e++;
    if (e === i + 1) continue;
    const start = t.start[i + 1];
    const end = t.end[e - 1];
    const text = doc.text.slice(start, end);
    const kind: SourceKind = OWN_SOURCES.test(text)
      ? 'anonymous'
      : sourceKindOf(doc, { start, end, text }, doc.layer('mentions'));
    return {
      source: { start, end, text, kind },
      cue: { start: t.start[i], end: t.end[i], text: t.text[i] },
    };
  }
  void POS;
  return null;
}

const STOP = new Set([
  'that',
  'this',
  'with',
  'from',
  'were',
  'was',
  'have',
  'has',
  'been',
  'being',
  'their',
  'they',
  'them',
  'which',
  'would',
  'will',
  'about',
  'also',
  'said',
  'there',
  'other',
]);

/**
 * The content words of a claim: runs of letters, apostrophes and hyphens that open with a letter
 * and hold four characters or more, lower-cased, no STOP word, a plural "-s"/"-es" cut. Read char
 * by char: a split by regular expression, a test and a replace per word cost more than the rest of
 * the claim linking.
 */
function contentWords(text: string, c: Claim): Set<string> {
  const out = new Set<string>();
  for (const s of c.content) {
    let k = s.start;
    while (k < s.end) {
      while (k < s.end && !isWordPart(text.charCodeAt(k))) k++;
      const a = k;
      // capitals after the first letter (a capitalised word needs only its first lowered)
      let upper = false;
      for (; k < s.end; k++) {
        const ch = text.charCodeAt(k);
        if (!isWordPart(ch)) break;
        if (ch >= 65 && ch <= 90 && k > a) upper = true;
      }
      // a letter, then three or more of the run's characters
      const f = text.charCodeAt(a);
      if (k - a < 4 || (f | 32) < 97 || (f | 32) > 122) continue;
      // (toLowerCase on a piece of a two-byte text, one with curly quotes, is a runtime call)
      const l = upper
        ? text.slice(a, k).toLowerCase()
        : f <= 90
          ? String.fromCharCode(f | 32) + text.slice(a + 1, k)
          : text.slice(a, k);
      const n = l.length;
      // (the STOP words have four or five letters)
      if (n <= 5 && STOP.has(l)) continue;
      // (the plural cut of /(?:es|s)$/)
      out.add(
        l.charCodeAt(n - 1) !== 115 ? l : l.charCodeAt(n - 2) === 101 ? l.slice(0, n - 2) : l.slice(0, n - 1),
      );
    }
  }
  return out;
}

/** A character of a content word's run: an ASCII letter, an apostrophe (' or ’) or a hyphen. */
function isWordPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 0x2019 || c === 45;
}

/**
 * A claim that confirms or denies links to the earlier claims stating the same proposition: the
 * same content, an anaphoric content ("denied this") pointing at the latest claims, or content
 * sharing at least two content words.
 */
function linkConfirmations(doc: Doc, claims: Claim[]): void {
  const text = doc.text;
  if (!claims.some((c) => c.stance === 'confirm' || c.stance === 'deny')) return;
  // content words by claim (keyed by the claim itself: a lookup by id searched the whole list)
  const cache = new Map<Claim, Set<string>>();
  const words = (c: Claim): Set<string> => {
    let w = cache.get(c);
    if (!w) {
      w = contentWords(text, c);
      cache.set(c, w);
    }
    return w;
  };
  for (const c of claims) {
    if (c.stance !== 'confirm' && c.stance !== 'deny') continue;
    if (c.rule?.startsWith('relay:')) continue;
    const ctext = c.content
      .map((s) => text.slice(s.start, s.end))
      .join(' ')
      .trim();
    let targets: Claim[] = [];
    const earlier = claims.filter(
      (e) => e !== c && e.cue.start < c.cue.start && !e.rule?.startsWith('relay:'),
    );
    if (ANAPHORIC_CONTENT.test(ctext)) {
      // "denied this": the claims of the previous sentence(s)
      const last = earlier.filter((e) => e.stance !== 'deny' || c.stance !== 'deny').slice(-3);
      const anchor = last[last.length - 1];
      if (anchor) {
        const aw = words(anchor);
        targets = earlier.filter(
          (e) => e === anchor || sameContent(e, anchor) || sameProposition(aw, words(e)),
        );
      }
    } else {
      const mine = words(c);
      targets = earlier.filter((e) => sameContent(e, c) || sameProposition(mine, words(e)));
    }
    // claims that confirm or deny the same target also bear on what that target stated
    const ids = new Set<string>();
    for (const x of targets) {
      ids.add(x.id);
      for (const y of earlier) if (y !== x && sameContent(x, y)) ids.add(y.id);
    }
    if (ids.size === 0) continue;
    if (c.stance === 'confirm') c.confirms = [...ids];
    else c.denies = [...ids];
  }
}

function sameContent(a: Claim, b: Claim): boolean {
  return (
    a.content.length === b.content.length &&
    a.content.every((s, i) => s.start === b.content[i].start && s.end === b.content[i].end)
  );
}

/** Contents share at least three content words, or two that make most of the shorter one. */
function sameProposition(a: Set<string>, b: Set<string>): boolean {
  const n = shared(a, b);
  return n >= 3 || (n >= 2 && n / Math.min(a.size, b.size) >= 0.6);
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** Ids c1, c2, … in text order (cue start), with every reference rewritten. */
function renumber(claims: Claim[]): Claim[] {
  const order = mapPacked(
    mapPacked(claims, (c, k) => ({ c, k })).sort((a, b) => a.c.cue.start - b.c.cue.start || a.k - b.k),
    (x) => x.c,
  );
  const ids = new Map(order.map((c, k) => [c.id, `c${k + 1}`]));
  // rewritten in place (each claim is in the list once, and built by this stage alone): a copy by
  // spread took V8's slow clone path, the claims coming in too many shapes for its cache
  for (const c of order) {
    c.id = ids.get(c.id) ?? c.id;
    if (c.via) c.via = ids.get(c.via) ?? c.via;
    if (c.confirms) c.confirms = mapPacked(c.confirms, (id) => ids.get(id) ?? id);
    if (c.denies) c.denies = mapPacked(c.denies, (id) => ids.get(id) ?? id);
  }
  return order;
}
