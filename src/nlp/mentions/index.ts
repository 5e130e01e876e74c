import { PhraseMatcher } from '../../lexicon/phrase-matcher.js';
import type { Doc } from '../../model/doc.js';
import type { Entity, Mention, MentionKind, TextSpan } from '../../model/types.js';
import type { Stage } from '../../pipeline/pipeline.js';
import { POS, POS_TAGS } from '../../text/tokenize.js';
import {
  FACILITY_HEADS,
  GROUP_HEADS,
  GROUP_NOUNS,
  KNOWN_GROUPS,
  KNOWN_ORGS,
  NAME_PARTICLES,
  NOT_NAMES,
  ORG_HEADS,
  OUTLET_NOUNS,
  OUTLETS,
  PERSON_TITLES,
  PLACE_HEADS,
  THING_HEADS,
} from './lexicon.js';
import { buildWords, type Words } from './words.js';

/**
 * Entity mentions (people, organisations, armed groups, outlets, facilities) and within-document
 * entities. Names are found as runs of capitalised words and classified by titles before them, the
 * head word that ends them, the noun after them ("the X group"), known-name lists, appositions and
 * speech verbs. Aliases ("X, also known as Y", "X (Y)") and surnames join their entity.
 * Mentions whose rule starts with "shape." rest on word shape only; later stages may override them.
 */
export function createMentionsStage(): Stage<'mentions' | 'entities'> {
  return {
    name: 'mentions',
    requires: ['sentences'],
    provides: ['mentions', 'entities'],
    run: (doc) => findMentions(doc),
  };
}

const splitPhrase = (p: string) => p.split(/\s+/).filter(Boolean);
const KNOWN = new PhraseMatcher<MentionKind>(
  [
    ...[...OUTLETS].map((p) => [p, 'outlet'] as [string, MentionKind]),
    ...[...KNOWN_ORGS].map((p) => [p, 'organization'] as [string, MentionKind]),
    ...[...KNOWN_GROUPS].map((p) => [p, 'group'] as [string, MentionKind]),
  ],
  splitPhrase,
);

/**
 * The shape of a word as written, first character and length (up to 31): a word whose shape no
 * phrase's first word has starts none of them, told without hashing its string. -1 for a first
 * character past ASCII (always looked up).
 */
function shapeOf(code: number, length: number): number {
  return code < 128 ? code * 32 + Math.min(length, 31) : -1;
}
function wordShape(w: Words, i: number): number {
  return shapeOf(w.first[i], w.end[i] - w.start[i]);
}
/** Shapes of the first words of the known names (KNOWN compares words exactly, case included). */
const KNOWN_SHAPES = new Uint8Array(128 * 32);
for (const p of [...OUTLETS, ...KNOWN_ORGS, ...KNOWN_GROUPS]) {
  const first = splitPhrase(p)[0];
  if (first) {
    const k = shapeOf(first.charCodeAt(0), first.length);
    if (k >= 0) KNOWN_SHAPES[k] = 1;
  }
}

/** Scratch for findMentions: the shapes of a document's surnames (cleared after each use). */
const SURNAME_SHAPES = new Uint8Array(128 * 32);

const SPEECH_VERBS = new Set([
  'said',
  'says',
  'told',
  'tells',
  'added',
  'stated',
  'noted',
  'explained',
  'wrote',
  'tweeted',
  'announced',
  'claimed',
  'insisted',
  'warned',
  'denied',
  'confirmed',
  'argued',
  'asked',
  'replied',
  'recalled',
]);
const ALIAS_CUES = [
  ['also', 'known', 'as'],
  ['known', 'as'],
  ['aka'],
  ['a.k.a.'],
  ['formerly', 'known', 'as'],
];
/** Closed-class parts of speech, 1 by POS id (a table read per capitalised word, not a set lookup). */
const CLOSED_CLASS = new Uint8Array(POS_TAGS.length);
for (const p of [POS.DET, POS.PRON, POS.ADP, POS.AUX, POS.CCONJ, POS.SCONJ, POS.PART, POS.PUNCT])
  CLOSED_CLASS[p] = 1;
/** Group heads that name a state's own forces: an organisation, not a militia. */
const STATE_FORCE_HEADS = new Set(['army', 'forces', 'force', 'police', 'navy', 'guard']);
const ARTICLES = new Set(['the', 'a', 'an']);
const DEMONYM_SHAPE = /^[A-Z][a-z]+(?:an|ian|ese|ish|i|ic|ch)$/;

const JOINED_PARTICLE = /^(?:al|el|ad|ash|as|ar|an|at|az|ul|bin|ibn|abu)[-‐'’][A-Z]/;
const LETTER_START = /^\p{L}/u;
const LOWER_START = /^\p{Ll}/u;

/** The word begins with a letter (ASCII by its first char code; the Unicode regex only past ASCII). */
function wordStartsLetter(w: Words, i: number): boolean {
  const c = w.first[i];
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_START.test(w.text[i]);
}

/** The word begins with a lower-case letter (as wordStartsLetter). */
function wordStartsLower(w: Words, i: number): boolean {
  const c = w.first[i];
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER_START.test(w.text[i]);
}

function isCap(w: Words, i: number): boolean {
  const c = w.first[i];
  if (c >= 65 && c <= 90) return true;
  if (c > 127) {
    const s = w.text[i];
    if (s[0] !== s[0].toLowerCase()) return true;
  }
  // "al-Qaeda", "el-Sisi": lower-case particle joined to a capitalised name (only a, e, u, b, i begin one)
  if (w.end[i] - w.start[i] < 4 || !(c === 97 || c === 101 || c === 117 || c === 98 || c === 105))
    return false;
  return JOINED_PARTICLE.test(w.text[i]);
}

const HEADLINE_SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'to',
  'for',
  'of',
  'in',
  'on',
  'at',
  'by',
  'and',
  'or',
  'with',
  'from',
  'as',
  'vs',
  'vs.',
  'over',
  'into',
  'after',
  'amid',
]);

/**
 * A line in headline case (every word capitalised but a few small words) gives no capitalisation
 * evidence. Ordinary sentences full of names still have lower-case verbs and nouns.
 */
function isHeadlineCase(w: Words, from: number, to: number): boolean {
  let words = 0;
  // a short line without closing punctuation (a subheading) counts as a headline too
  const last = w.text[to - 1] ?? '';
  const wholeLine = to > from && lineStart(w, from) && lineEnd(w, to - 1);
  const minWords = wholeLine && to - from <= 8 ? 1 : /^[.!?"”’)]$/.test(last) ? 4 : 1;
  for (let i = from; i < to; i++) {
    if (!wordStartsLetter(w, i)) continue;
    words++;
    if (wordStartsLower(w, i) && !HEADLINE_SMALL_WORDS.has(w.text[i])) return false;
  }
  return words >= minWords;
}

/** "Little Relief for Refugees: The refugee crisis …": a run-in subheading at a line start is not a name. */
function skipRunInHeading(w: Words, sFrom: number, sTo: number, taken: Uint8Array): void {
  if (!lineStart(w, sFrom)) return;
  for (let i = sFrom; i < Math.min(sTo, sFrom + 12); i++) {
    if (w.text[i] === ':') {
      if (i - sFrom >= 2) for (let k = sFrom; k < i; k++) taken[k] = 1;
      return;
    }
    if (wordStartsLower(w, i) && !HEADLINE_SMALL_WORDS.has(w.text[i])) return;
  }
}

let docText = '';
const lineStart = (w: Words, i: number) => w.start[i] === 0 || docText[w.start[i] - 1] === '\n';
const lineEnd = (w: Words, i: number) => w.end[i] >= docText.length || docText[w.end[i]] === '\n';

interface Chunk {
  from: number;
  to: number; // exclusive word index
}

/** (Every literal sets all fields, description to undefined when none: one hidden class for V8.) */
interface Found {
  from: number;
  to: number;
  kind: MentionKind;
  rule: string;
  description?: TextSpan;
}

/** Take words [from, to) for a mention unless one of them is already taken. */
function claim(taken: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (taken[k]) return false;
  for (let k = from; k < to; k++) taken[k] = 1;
  return true;
}

/** Length of the alias cue ("also known as", "aka") at word `i`, or 0. */
function aliasCueAt(w: Words, i: number): number {
  for (const c of ALIAS_CUES) {
    let n = 0;
    while (n < c.length && w.lower[i + n] === c[n]) n++;
    if (n === c.length) return n;
  }
  return 0;
}

export function findMentions(doc: Doc): { mentions: Mention[]; entities: Entity[] } {
  const w = buildWords(doc);
  docText = doc.text;
  const found: Found[] = [];
  const taken = new Uint8Array(w.length);

  // Outlet and wire credited in the metadata count as outlet names throughout the text.
  const docOutlets = new PhraseMatcher<MentionKind>([], splitPhrase);
  // (the shapes of their first words, as KNOWN_SHAPES: -1 matches every word past ASCII)
  const outletShapes: number[] = [];
  for (const o of [doc.article.outlet, doc.article.credit])
    if (o) {
      docOutlets.add(o, 'outlet');
      const first = splitPhrase(o)[0];
      if (first) outletShapes.push(shapeOf(first.charCodeAt(0), first.length));
    }
  // (at most two: compared as numbers per word, not searched for)
  const outlets = outletShapes.length > 0;
  const outlet0 = outletShapes[0] ?? -2;
  const outlet1 = outletShapes[1] ?? -2;
  const outletWide = outletShapes.includes(-1);

  // sentence word ranges
  const sentRanges: [number, number][] = [];
  for (let i = 0; i < w.length; ) {
    let j = i;
    while (j < w.length && w.sentence[j] === w.sentence[i]) j++;
    sentRanges.push([i, j]);
    i = j;
  }

  for (const [sFrom, sTo] of sentRanges) {
    const headline = isHeadlineCase(w, sFrom, sTo);
    skipRunInHeading(w, sFrom, sTo, taken);
    const chunks = headline ? [] : capitalisedChunks(w, sFrom, sTo);
    // 1. organisation names ending in a head word win over known names inside them
    //    ("United Nations Office for the Coordination of Humanitarian Affairs")
    for (const c of chunks) {
      const last = w.lower[c.to - 1];
      if (c.to - c.from >= 2 && (ORG_HEADS.has(last) || GROUP_HEADS.has(last) || hasConnector(w, c)))
        classifyChunk(w, c, sFrom, sTo, found, taken);
    }
    // 2. known names (exact case)
    for (let i = sFrom; i < sTo; i++) {
      if (taken[i]) continue;
      const shape = wordShape(w, i);
      if (shape >= 0 && KNOWN_SHAPES[shape] === 0 && shape !== outlet0 && shape !== outlet1 && !outletWide)
        continue;
      const m = (outlets ? docOutlets.matchAt(w.text, i, sTo) : null) ?? KNOWN.matchAt(w.text, i, sTo);
      if (!m) continue;
      const single = m.length === 1 && !/^[A-Z.&/]+$/.test(w.text[i]);
      if (single && i === sFrom) continue; // "Time", "Dawn" opening a sentence
      if (claim(taken, i, i + m.length))
        found.push({
          from: i,
          to: i + m.length,
          kind: m.value,
          rule: 'lexicon.known',
          description: undefined,
        });
      i += m.length - 1;
    }
    // 3. the other capitalised chunks, minus words already taken
    for (const c of chunks) {
      let from = c.from;
      while (from < c.to && taken[from]) from++;
      let to = from;
      while (to < c.to && !taken[to]) to++;
      if (to > from) classifyChunk(w, { from, to }, sFrom, sTo, found, taken);
    }
  }

  // 3. aliases: "X, also known as Y", "X (Y)"
  const aliasOf = new Map<number, number>(); // found index → found index it aliases
  found.sort((a, b) => a.from - b.from);
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    let i = f.to;
    if (GROUP_NOUNS.has(w.lower[i])) i++; // "the X group, also known as Y"
    if (w.text[i] === ',') i++;
    const cueLength = aliasCueAt(w, i);
    const cue = cueLength > 0;
    i += cueLength;
    const paren = !cue && f.kind !== 'person' && w.text[f.to] === '(';
    if (paren) i = f.to + 1;
    if (!cue && !paren) continue;
    let existing = -1;
    for (let g = 0; g < found.length; g++) {
      if (found[g].from === i) {
        existing = g;
        break;
      }
    }
    if (existing >= 0) {
      if (paren && w.text[found[existing].to] !== ')') continue;
      found[existing].kind = f.kind;
      aliasOf.set(existing, k);
      continue;
    }
    let j = i;
    while (
      j < w.length &&
      w.sentence[j] === w.sentence[f.from] &&
      (isCap(w, j) || NAME_PARTICLES.has(w.lower[j]))
    )
      j++;
    if (j === i || (paren && w.text[j] !== ')')) continue;
    if (!claim(taken, i, j)) continue;
    found.push({
      from: i,
      to: j,
      kind: f.kind,
      rule: paren ? 'alias.paren' : 'alias.known-as',
      description: undefined,
    });
    aliasOf.set(found.length - 1, k);
  }

  // 4. single capitalised words that are the surname of a person named in full
  const surnames = new Map<string, number>();
  // the shapes of the surnames (as KNOWN_SHAPES): a word of another shape is none of them, told
  // without hashing its string
  const surnameShapes = SURNAME_SHAPES;
  let wideSurname = false;
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    if (f.kind === 'person' && f.to - f.from >= 2 && !f.rule.startsWith('shape.')) {
      surnames.set(w.text[f.to - 1], k);
      const shape = wordShape(w, f.to - 1);
      if (shape >= 0) surnameShapes[shape] = 1;
      else wideSurname = true;
    }
  }
  for (let i = 0; surnames.size > 0 && i < w.length; i++) {
    if (taken[i]) continue;
    const shape = wordShape(w, i);
    if (shape >= 0 ? surnameShapes[shape] === 0 : !wideSurname) continue;
    const k = surnames.get(w.text[i]);
    if (k === undefined) continue;
    if (claim(taken, i, i + 1)) {
      found.push({ from: i, to: i + 1, kind: 'person', rule: 'coref.surname', description: undefined });
      aliasOf.set(found.length - 1, k);
    }
  }
  surnameShapes.fill(0);

  return buildEntities(doc, w, found, aliasOf);
}

/** Runs of capitalised words, with name particles and "of"/"for (the)" inside organisation names. */
function capitalisedChunks(w: Words, sFrom: number, sTo: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let i = sFrom; i < sTo; i++) {
    if (!isCap(w, i) || NOT_NAMES.has(w.lower[i])) continue;
    if (CLOSED_CLASS[w.pos[i]] === 1 && w.pos[i] !== POS.PROPN) continue;
    // a sentence-initial common word is capitalised anyway: only a multi-word name may start there
    const initialCommon = i === sFrom && w.pos[i] !== POS.PROPN && !PERSON_TITLES.has(w.lower[i]);
    if (initialCommon && !(i + 1 < sTo && isCap(w, i + 1) && !NOT_NAMES.has(w.lower[i + 1]))) continue;
    let j = i + 1;
    while (j < sTo) {
      // (a possessive "'s" is never capitalised: isCap needs a capital or a long particle word)
      if (isCap(w, j)) {
        j++;
        continue;
      }
      const next = j + 1 < sTo && isCap(w, j + 1);
      if (next && NAME_PARTICLES.has(w.lower[j])) {
        j++;
        continue;
      }
      if ((w.lower[j] === 'of' || w.lower[j] === 'for') && hasHead(w, i, j)) {
        if (next) {
          j++;
          continue;
        }
        if (w.lower[j + 1] === 'the' && j + 2 < sTo && isCap(w, j + 2)) {
          j += 2;
          continue;
        }
      }
      if (
        w.lower[j] === 'and' &&
        next &&
        j > i + 1 &&
        (w.lower[j - 2] === 'of' || w.lower[j - 2] === 'for')
      ) {
        j++;
        continue;
      }
      break;
    }
    chunks.push({ from: i, to: j });
    i = j - 1;
  }
  return chunks;
}

/** "Ministry of Defence", "Office for the Coordination of …": a connector inside the chunk. */
function hasConnector(w: Words, c: Chunk): boolean {
  for (let k = c.from + 1; k < c.to - 1; k++) if (w.lower[k] === 'of' || w.lower[k] === 'for') return true;
  return false;
}

function hasHead(w: Words, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ORG_HEADS.has(w.lower[k]) || GROUP_HEADS.has(w.lower[k])) return true;
  return false;
}

function classifyChunk(
  w: Words,
  c: Chunk,
  sFrom: number,
  sTo: number,
  found: Found[],
  taken: Uint8Array,
): void {
  let { from, to } = c;
  const last = w.lower[to - 1];
  const after = to < sTo ? w.lower[to] : '';
  const before = from > sFrom ? w.lower[from - 1] : '';

  const known = KNOWN.matchAt(w.text, from, to);
  if (known && known.length === to - from) {
    pushFound(found, taken, from, to, known.value, 'lexicon.known');
    return;
  }
  if (hasConnector(w, c)) {
    pushFound(found, taken, from, to, 'organization', 'head.org-of');
    return;
  }
  // organisation / group / facility by the head word that ends the name
  if (ORG_HEADS.has(last) || GROUP_HEADS.has(last)) {
    const militia = GROUP_HEADS.has(last) && !STATE_FORCE_HEADS.has(last);
    pushFound(found, taken, from, to, militia ? 'group' : 'organization', 'head.org');
    return;
  }
  if (FACILITY_HEADS.has(last) && to - from >= 2) {
    pushFound(found, taken, from, to, 'facility', 'head.facility');
    return;
  }
  if (GROUP_NOUNS.has(after)) {
    pushFound(
      found,
      taken,
      from,
      to,
      after === 'organization' || after === 'organisation' ? 'organization' : 'group',
      'noun.group',
    );
    return;
  }
  if (OUTLET_NOUNS.has(after) && !(after === 'agency' && w.lower[to + 1] !== undefined && to - from > 3)) {
    if (after !== 'network' || w.lower[to - 1] !== 'news') {
      pushFound(found, taken, from, to, 'outlet', 'noun.outlet');
      return;
    }
  }

  // titles: "French President Emmanuel Macron", "Prime Minister X", "prime minister X"
  let titleEnd = from;
  for (let k = from; k < to - 1; k++) {
    if (PERSON_TITLES.has(w.lower[k])) titleEnd = k + 1;
    else if (k === titleEnd && DEMONYM_SHAPE.test(w.text[k]) && PERSON_TITLES.has(w.lower[k + 1])) continue;
    else if (titleEnd > from) break;
  }
  const lowerTitle = from > sFrom && PERSON_TITLES.has(before) && !/^\p{Lu}/u.test(w.text[from - 1]);
  if (titleEnd > from || lowerTitle) {
    const descFrom = lowerTitle ? titleStart(w, from - 1, sFrom) : from;
    const description = { start: w.start[descFrom], end: w.end[Math.max(titleEnd, from) - 1], text: '' };
    pushFound(
      found,
      taken,
      titleEnd,
      to,
      'person',
      'title.person',
      titleEnd > descFrom ? description : undefined,
    );
    return;
  }

  const n = to - from;
  const allPropn = allProperNouns(w, from, to, sFrom);
  // apposition ", the head of …" or a speech verb right after marks a person
  const appos =
    after === ',' && (w.lower[to + 1] === 'the' || w.lower[to + 1] === 'a' || w.lower[to + 1] === 'an');
  const speaks = SPEECH_VERBS.has(after) || (after === ',' && SPEECH_VERBS.has(w.lower[to + 1] ?? ''));
  if (n >= 2 && n <= 4 && allPropn && (appos || speaks) && !PLACE_HEADS.has(last) && !THING_HEADS.has(last)) {
    pushFound(found, taken, from, to, 'person', appos ? 'appos.person' : 'speech.person');
    return;
  }
  if (
    n >= 2 &&
    n <= 3 &&
    allPropn &&
    !DEMONYM_SHAPE.test(w.text[from]) &&
    !PLACE_HEADS.has(last) &&
    !THING_HEADS.has(last)
  ) {
    pushFound(found, taken, from, to, 'person', 'shape.person');
  }
  to = from; // unclassified single words are left for the places stage
}

function pushFound(
  found: Found[],
  taken: Uint8Array,
  f: number,
  t: number,
  kind: MentionKind,
  rule: string,
  description?: TextSpan,
): void {
  if (t > f && claim(taken, f, t)) found.push({ from: f, to: t, kind, rule, description });
}

function allProperNouns(w: Words, from: number, to: number, sFrom: number): boolean {
  for (let k = from; k < to; k++) {
    if (k === sFrom && isCap(w, k)) continue; // wink often tags a sentence-initial name as a noun
    if (w.pos[k] !== POS.PROPN && !NAME_PARTICLES.has(w.lower[k])) return false;
  }
  return true;
}

function titleStart(w: Words, k: number, sFrom: number): number {
  while (k - 1 >= sFrom && (PERSON_TITLES.has(w.lower[k - 1]) || DEMONYM_SHAPE.test(w.text[k - 1]))) k--;
  return k;
}

function buildEntities(
  doc: Doc,
  w: Words,
  found: Found[],
  aliasOf: Map<number, number>,
): { mentions: Mention[]; entities: Entity[] } {
  const order = found.map((_, k) => k).sort((a, b) => found[a].from - found[b].from);
  const mentionId = new Map<number, string>();
  for (let n = 0; n < order.length; n++) mentionId.set(order[n], `m${n + 1}`);

  // union-find over found items: aliases, identical names, acronyms
  const parent = found.map((_, k) => k);
  const root = (k: number): number => {
    while (parent[k] !== k) k = parent[k];
    return k;
  };
  const union = (a: number, b: number) => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (const [a, b] of aliasOf) union(a, b);
  const byName = new Map<string, number>();
  for (const k of order) {
    const f = found[k];
    const name = doc.text.slice(w.start[f.from], w.end[f.to - 1]).toLowerCase();
    const prev = byName.get(name);
    if (prev !== undefined) union(prev, k);
    else byName.set(name, k);
  }

  // "Mr. Ban" … "Ban Ki-moon", "Lopez" … "Maria Lopez": a one-word person joins the full name it begins or ends
  const fullNames = order.filter((k) => found[k].kind === 'person' && found[k].to - found[k].from >= 2);
  for (const k of order) {
    const f = found[k];
    if (f.kind !== 'person' || f.to - f.from !== 1) continue;
    const word = w.text[f.from];
    const full = fullNames.find((j) => w.text[found[j].from] === word || w.text[found[j].to - 1] === word);
    if (full !== undefined) union(full, k);
  }

  const entities = new Map<number, Entity>();
  const mentions: Mention[] = [];
  for (const k of order) {
    const f = found[k];
    const start = w.start[f.from];
    const end = w.end[f.to - 1];
    const text = doc.text.slice(start, end);
    const r = root(k);
    let e = entities.get(r);
    if (!e) {
      e = { id: '', kind: f.kind, name: text, aliases: [], mentions: [] };
      entities.set(r, e);
    }
    const id = mentionId.get(k)!;
    e.mentions.push(id);
    if (text.length > e.name.length && !aliasOf.has(k)) e.name = text;
    if (!e.aliases.includes(text)) e.aliases.push(text);
    if (e.kind !== f.kind && f.rule !== 'shape.person') e.kind = f.kind;
    const description = f.description ?? apposition(doc, w, f.to);
    if (description) {
      description.text = doc.text.slice(description.start, description.end);
      e.descriptions ??= [];
      if (!e.descriptions.some((d) => d.text === description.text)) e.descriptions.push(description);
    }
    mentions.push({ id, start, end, text, kind: f.kind, rule: f.rule });
  }
  const list = [...entities.values()].sort((a, b) => mentionOrder(a) - mentionOrder(b));
  // mention ids are m1, m2, … in `mentions` order: an entity's ids index the list directly
  list.forEach((e, n) => {
    e.id = `ent${n + 1}`;
    e.aliases = e.aliases.filter((a) => a !== e.name);
    for (const id of e.mentions) mentions[Number(id.slice(1)) - 1].entity = e.id;
  });
  return { mentions, entities: list };
}

function mentionOrder(e: Entity): number {
  return Number(e.mentions[0].slice(1));
}

/** ", the head of the Damascus-based Syrian Human Rights Network," after a name. */
function apposition(doc: Doc, w: Words, to: number): TextSpan | undefined {
  if (w.text[to] !== ',' || !ARTICLES.has(w.lower[to + 1] ?? '')) return undefined;
  let j = to + 2;
  while (j < w.length && w.sentence[j] === w.sentence[to] && !/^[,;:.!?"“”)]$/.test(w.text[j])) j++;
  if (j - (to + 1) > 12 || j >= w.length || w.sentence[j] !== w.sentence[to]) return undefined;
  const start = w.start[to + 1];
  const end = w.end[j - 1];
  return { start, end, text: doc.text.slice(start, end) };
}
