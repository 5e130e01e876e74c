import { MONTH_NAMES, WEEKDAY_NAMES } from '../../../lexicon/calendar.js';
import type { TokenTable } from '../../../text/tokenize.js';
import { POS } from '../../../text/tokenize.js';
import { sectorOfWords } from '../lexicon/sectors.js';

/**
 * Noun-phrase chunks over the POS tags of one sentence, and the clause scans that find a trigger's
 * subject and object. No parser: the rules read POS tags and a few function words, which is enough
 * for the short clauses news uses to report events.
 */

export interface Chunk {
  /** Token range [first, last] inclusive. */
  first: number;
  last: number;
}

/** POS ids that make up a noun phrase, as a table by id (read for every token chunked). */
const NP_POS = new Uint8Array(256);
for (const p of [POS.DET, POS.ADJ, POS.NOUN, POS.PROPN, POS.NUM]) NP_POS[p] = 1;
const isCapitalised = (w: string) => {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
};
const MODALS = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must']);
const PARTICIPLE = /(?:ed|en)$/;
const INTENT_NOUNS = new Set([
  'plans',
  'aims',
  'hopes',
  'wants',
  'needs',
  'intends',
  'seeks',
  'vows',
  'pledges',
]);
export const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
/** Relative pronouns that open a clause set off by commas ("that" does not). */
const COMMA_RELATIVES = new Set(['who', 'whose', 'which', 'whom']);
export const SUBORDINATORS = new Set([
  'because',
  'after',
  'before',
  'when',
  'while',
  'if',
  'although',
  'though',
  'as',
  'since',
  'until',
  'unless',
  'whereas',
  'where',
  'once',
]);
const BE = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  "'s",
  'get',
  'got',
  'gets',
  'getting',
]);
const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'you', 'them', 'him', 'her', 'us']);
/** Verbs whose complement clause starts with its own subject: "said militants attacked". */
export const SPEECH = new Set(
  'say says said saying tell tells told claim claims claimed report reports reported announce announces announced believe believes believed think thinks thought add adds added state states stated confirm confirms confirmed deny denies denied insist insists insisted warn warns warned know knew learn learnt learned show shows showed'.split(
    ' ',
  ),
);

/** Relational nouns that stay parties after a possessive: "his counterpart", "its allies". */
const COUNTERPARTS = new Set(
  'counterpart counterparts ally allies rival rivals opponent opponents owner owners partner partners neighbour neighbours neighbor neighbors enemy enemies family families member members'.split(
    ' ',
  ),
);
const WAR_NAMES = new Set(['war', 'wars']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'our', 'my', 'your']);

/** Can this chunk be a party (a person, group, organisation, state or place), not a thing? */
export function isParty(t: TokenTable, c: Chunk): boolean {
  const head = c.last;
  // a war's proper name is what parties fight, not a party: "the first Gulf War" (but "the
  // US-led war" names its side)
  if (WAR_NAMES.has(t.lower[head]) && isCapitalised(t.text[head])) return false;
  // "its troops", "their weapons": the actor's own means, not the other party
  if (POSSESSIVE_PRONOUNS.has(t.lower[c.first]))
    return COUNTERPARTS.has(t.lower[head]) || (c.first < head && t.pos[head] === POS.PROPN);
  if (t.pos[head] === POS.PROPN || isPronoun(t.lower[head])) return true;
  for (let i = c.first; i <= c.last; i++) if (t.pos[i] === POS.PROPN) return true;
  return sectorOfWords([t.lower[head]]) !== undefined;
}

export function isPronoun(low: string): boolean {
  return PRONOUNS.has(low);
}

function npToken(t: TokenTable, i: number): boolean {
  const p = t.pos[i];
  if (NP_POS[p] === 1) {
    if ((p !== POS.ADJ && p !== POS.NOUN) || i === 0) return true;
    const pp = t.pos[i - 1];
    // a verb mis-tagged as adjective or noun between two noun phrases: "troops apprehended a man",
    // "police tortured a 35-year-old inmate"
    if (
      (pp === POS.PROPN || pp === POS.NOUN) &&
      i + 1 < t.length &&
      (t.pos[i + 1] === POS.DET || t.pos[i + 1] === POS.PROPN || t.pos[i + 1] === POS.NUM) &&
      t.lower[i].endsWith('ed')
    )
      return false;
    // a verb of intent mis-tagged as noun before its infinitive: "Greece [plans] to impose"
    if (
      p === POS.NOUN &&
      INTENT_NOUNS.has(t.lower[i]) &&
      i + 2 < t.length &&
      t.lower[i + 1] === 'to' &&
      t.pos[i + 2] === POS.VERB &&
      (pp === POS.PROPN || pp === POS.NOUN || t.lower[i - 1] === ',')
    )
      return false;
    // a verb mis-tagged as noun after a modal or a negation: "men who could not [run]"
    if (p === POS.NOUN && (pp === POS.AUX || pp === POS.PART)) {
      const pw = t.lower[i - 1];
      if (MODALS.has(pw) || pw === 'not' || pw === "n't") return false;
    }
    return true;
  }
  const w = t.lower[i];
  if (i > 0 && i + 1 < t.length) {
    const pp = t.pos[i - 1];
    const np = t.pos[i + 1];
    // a capitalised word between two names is a name too ("Lt. Gen. Prosper Avril")
    if (pp === POS.PROPN && np === POS.PROPN && isCapitalised(t.text[i]) && t.start[i] > t.end[i - 1])
      return true;
    // a participle modifying a noun after a determiner: "the detained leaders", "the occupied city"
    if (
      p === POS.VERB &&
      pp === POS.DET &&
      (np === POS.NOUN || np === POS.PROPN || np === POS.ADJ) &&
      PARTICIPLE.test(w)
    )
      return true;
  }
  // the participle of a hyphenated modifier: "the Saudi-led coalition", "Tunisia-inspired protesters"
  if (
    p === POS.VERB &&
    i > 0 &&
    i + 1 < t.length &&
    t.lower[i - 1] === '-' &&
    t.start[i] === t.end[i - 1] &&
    PARTICIPLE.test(w) &&
    (t.pos[i + 1] === POS.NOUN || t.pos[i + 1] === POS.PROPN || t.pos[i + 1] === POS.ADJ)
  )
    return true;
  if (POSSESSIVE_PRONOUNS.has(w)) return true;
  // a currency sign opens its amount: "the $3.5 billion spent under …"
  if (p === POS.SYM && CURRENCY.has(w) && i + 1 < t.length && t.pos[i + 1] === POS.NUM) return true;
  // possessives and name-internal punctuation: "Turkey's", "Nagorno-Karabakh", "U.S."
  // a hyphen inside a name ("Nagorno-Karabakh"), not a dash between phrases ("Washington - US …")
  if (w === '-')
    return i > 0 && t.start[i] === t.end[i - 1] && i + 1 < t.length && t.start[i + 1] === t.end[i];
  if (w === "'s" || w === '’s' || w === "'" || w === '&') return true;
  // past participles used as modifiers inside names ("the Damascus-based network") are ADJ already
  return false;
}

/** Index of the ")" closing a short name-like parenthetical opening at i after a name, else -1. */
function parenthetical(t: TokenTable, i: number, s1: number): number {
  if (t.lower[i] !== '(' || i === 0 || (t.pos[i - 1] !== POS.PROPN && t.pos[i - 1] !== POS.NOUN)) return -1;
  for (let k = i + 1; k < s1 && k <= i + 5; k++) {
    if (t.lower[k] === ')') return k > i + 1 ? k : -1;
    const p = t.pos[k];
    if (p !== POS.PROPN && p !== POS.NOUN && t.lower[k] !== 'of' && t.lower[k] !== '-') return -1;
  }
  return -1;
}

/** Chunks in sentence tokens [s0, s1): maximal NP runs, with "of"-phrases attached to their head. */
export function chunkSentence(t: TokenTable, s0: number, s1: number): Chunk[] {
  const raw: Chunk[] = [];
  let i = s0;
  while (i < s1) {
    if (t.pos[i] === POS.PRON && PRONOUNS.has(t.lower[i])) {
      raw.push({ first: i, last: i });
      i++;
      continue;
    }
    if (!npToken(t, i) || t.lower[i] === "'s") {
      i++;
      continue;
    }
    const first = i;
    let last = i;
    i++;
    while (i < s1) {
      // coordinated adjectives separated by a comma stay in one phrase: "a serious, immediate
      // apology", "direct, high-level talks"
      if (
        t.lower[i] === ',' &&
        t.pos[i - 1] === POS.ADJ &&
        i + 1 < s1 &&
        t.pos[i + 1] === POS.ADJ &&
        // (after a determiner: a list of bare adjectives may be a list of parties' modifiers)
        t.pos[first] === POS.DET
      ) {
        i++;
        continue;
      }
      if (!npToken(t, i)) {
        // a short parenthetical after a name belongs to it: "Nigerian Union of Teachers (NUT)",
        // "the Umma (Nation) party"
        const close = parenthetical(t, i, s1);
        if (close < 0) break;
        last = close;
        i = close + 1;
        continue;
      }
      // a determiner after a noun starts a new phrase ("gave Canada a deadline")
      if (
        t.pos[i] === POS.DET &&
        (t.pos[i - 1] === POS.NOUN || t.pos[i - 1] === POS.PROPN || t.pos[i - 1] === POS.NUM)
      )
        break;
      // a weekday after a noun is an adverb of time, not part of the phrase: "lifted a ban Friday
      // on women", "the army Monday said"
      if (WEEKDAYS.has(t.lower[i]) && (t.pos[i - 1] === POS.NOUN || t.pos[i - 1] === POS.PROPN)) break;
      // a fronted date before the subject ("On 21 June Mexican authorities", "In 2011 the FBI")
      if (
        (t.pos[i] === POS.PROPN || t.pos[i] === POS.ADJ) &&
        ((t.pos[i - 1] === POS.PROPN && DATE_WORDS.has(t.lower[i - 1])) ||
          (t.pos[i - 1] === POS.NUM && YEAR_LIKE.test(t.lower[i - 1]))) &&
        !DATE_WORDS.has(t.lower[i])
      )
        break;
      last = i;
      i++;
    }
    raw.push({ first, last });
  }
  // attach "of X" ("families of Syrian refugees", "head of the network")
  const out: Chunk[] = [];
  for (const c of raw) {
    const prev = out.at(-1);
    if (
      prev &&
      c.first === prev.last + 2 &&
      t.lower[prev.last + 1] === 'of' &&
      t.pos[prev.last] !== POS.PRON &&
      // "93 of them", "some of them": a count of the pronoun's people
      (t.pos[c.first] !== POS.PRON || t.pos[prev.last] === POS.NUM || QUANTIFIERS.has(t.lower[prev.last]))
    ) {
      prev.last = c.last;
      continue;
    }
    // (the raw chunk itself: raw is this function's own and read no more, so an "of X" merged
    // into it later changes nothing else; a copy by spread took V8's slow clone path)
    out.push(c);
  }
  return out;
}

const WEEKDAYS: ReadonlySet<string> = new Set(WEEKDAY_NAMES);
const DATE_WORDS = new Set([
  ...WEEKDAY_NAMES,
  ...MONTH_NAMES,
  ...'jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
]);
const YEAR_LIKE = /^(?:1[89]|20)\d\d$/;
/** Words before a number that make it approximate, not prepositions: "around 3,000 members". */
const APPROX = new Set([
  'around',
  'about',
  'over',
  'nearly',
  'almost',
  'approximately',
  'roughly',
  'some',
  'than',
  'under',
  'up',
  'to',
  'least',
  'at',
  'more',
]);
const isApprox = (t: TokenTable, k: number) =>
  APPROX.has(t.lower[k]) && k + 1 < t.length && t.pos[k + 1] === POS.NUM;

const COPULAS = new Set(['is', 'are', 'was', 'were', 'been', 'remains', 'remained', 'became', 'becomes']);

const QUANTIFIERS = new Set([
  'some',
  'many',
  'most',
  'all',
  'none',
  'one',
  'several',
  'few',
  'dozens',
  'hundreds',
  'thousands',
]);
const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight late early week weekend month year morning evening night day days weeks months years january february march april may june july august september october november december last this next past earlier later the a an'.split(
    ' ',
  ),
);

/** A chunk that cannot be a party: only adjectives ("is willing"), or only time words ("last Friday"). */
export function notAnArgument(t: TokenTable, c: Chunk): boolean {
  let adjOnly = true;
  let timeOnly = true;
  let sawTime = false;
  for (let i = c.first; i <= c.last; i++) {
    const p = t.pos[i];
    const time = TIME_WORDS.has(t.lower[i]);
    if (p !== POS.ADJ && p !== POS.DET && p !== POS.ADV) adjOnly = false;
    if (!time && p !== POS.NUM) timeOnly = false;
    if (time && p !== POS.DET) sawTime = true;
  }
  return adjOnly || (timeOnly && sawTime);
}

/**
 * Index of the chunk whose last token is `tok` (-1 if none). Chunks are in text order and do not
 * overlap (chunkSentence, and the split of a chunk around a trigger, keep it so): binary search.
 */
export function endingAt(chunks: readonly Chunk[], tok: number): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid].last < tok) lo = mid + 1;
    else hi = mid;
  }
  return lo < chunks.length && chunks[lo].last === tok ? lo : -1;
}

export function chunkAt(chunks: readonly Chunk[], tok: number): number {
  for (let k = 0; k < chunks.length; k++) if (chunks[k].first <= tok && tok <= chunks[k].last) return k;
  return -1;
}

/** Is the trigger token a passive participle ("were expelled", "have been killed")? */
export function isPassive(t: TokenTable, trig: number, s0: number): boolean {
  for (let k = trig - 1; k >= s0 && k >= trig - 3; k--) {
    const w = t.lower[k];
    if (BE.has(w)) return true;
    if (t.pos[k] !== POS.ADV && t.pos[k] !== POS.PART) return false;
  }
  return false;
}

/** Extend a chunk over coordination and appositions to its left: "Putin and Pashinyan". */
export function coordinatedLeft(t: TokenTable, chunks: readonly Chunk[], k: number): number[] {
  const out = [k];
  let j = k;
  while (j > 0) {
    const sep = chunks[j].first - 1;
    const w = t.lower[sep];
    const prev = chunks[j - 1];
    // "A and B", "A, B and C" — but not "According to A, B" or "on Monday, B"
    const prevAfterPrep =
      prev.first > 0 && (t.pos[prev.first - 1] === POS.ADP || t.lower[prev.first - 1] === 'to');
    if (
      (w === 'and' || w === ',') &&
      prev.last === sep - 1 &&
      // names, or a sentence-opening noun phrase: "Israeli helicopters and tanks shelled …"
      (t.pos[prev.last] === POS.PROPN ||
        (w === 'and' && (prev.first === 0 || t.lower[prev.first - 1] === '.'))) &&
      !notAnArgument(t, prev) &&
      !(w === ',' && prevAfterPrep)
    ) {
      out.unshift(j - 1);
      j--;
      continue;
    }
    // "A and his counterpart, B, signed": a name set off after a descriptive phrase is that
    // phrase's apposition; the coordination goes on to its left over the phrase
    if (
      w === ',' &&
      prev.last === sep - 1 &&
      t.pos[chunks[j].first] === POS.PROPN &&
      t.lower[chunks[j].last + 1] === ',' &&
      (POSSESSIVE_PRONOUNS.has(t.lower[prev.first]) || t.pos[prev.first] === POS.DET) &&
      t.pos[prev.last] === POS.NOUN &&
      prev.first > 0 &&
      t.lower[prev.first - 1] === 'and'
    ) {
      j--;
      continue;
    }
    // a photo caption's place marks: "Putin, second left, and Medvedev, left, attended"
    if (w === 'and' && t.lower[sep - 1] === ',' && j >= 2) {
      const mark = chunks[j - 1];
      const before = chunks[j - 2];
      if (
        mark.last === sep - 2 &&
        CAPTION_PLACES.has(t.lower[mark.last]) &&
        mark.last - mark.first <= 1 &&
        t.lower[mark.first - 1] === ',' &&
        before.last === mark.first - 2 &&
        t.pos[before.last] === POS.PROPN
      ) {
        out.unshift(j - 2);
        j -= 2;
        continue;
      }
    }
    break;
  }
  return out;
}

const CURRENCY = new Set(['$', '€', '£', '¥', 'us$']);
const CAPTION_PLACES = new Set(['left', 'right', 'center', 'centre']);

export function coordinatedRight(t: TokenTable, chunks: readonly Chunk[], k: number, s1: number): number[] {
  const out = [k];
  let j = k;
  while (j + 1 < chunks.length) {
    const sep = chunks[j].last + 1;
    if (sep >= s1) break;
    const w = t.lower[sep];
    if (
      (w === 'and' || w === ',' || w === 'or') &&
      chunks[j + 1].first === sep + 1 &&
      !notAnArgument(t, chunks[j + 1])
    ) {
      out.push(j + 1);
      j++;
      if (w === 'and' || w === 'or') break;
      continue;
    }
    break;
  }
  return out;
}

/**
 * The subject of the clause whose verb is at `v`: scan left past auxiliaries, adverbs, embedded
 * clauses and prepositional phrases; a relative pronoun leads to its antecedent; an object of
 * another verb is skipped (coordinated verb phrases share the first subject).
 */
export function findSubject(t: TokenTable, chunks: readonly Chunk[], v: number, s0: number): number {
  // "Christie, who has campaigned for Trump since he quit, blasted Clinton", "The president, whose
  // party lost, accused …": a relative clause between commas right before the verb describes the
  // subject; the subject is what it is attached to, not a subject inside it
  if (v - 1 > s0 && t.lower[v - 1] === ',') {
    for (let j = v - 2; j > s0; j--) {
      const w = t.lower[j];
      if (w === ';' || w === ':') break;
      if (w === ',' && COMMA_RELATIVES.has(t.lower[j + 1])) {
        const c = endingAt(chunks, j - 1);
        if (c >= 0 && !notAnArgument(t, chunks[c])) return c;
        break;
      }
    }
  }
  let k = v - 1;
  while (k >= s0) {
    const w = t.lower[k];
    const p = t.pos[k];
    if (w === ';' || w === ':' || w === '"' || w === '“' || w === '”') return -1;
    if (SUBORDINATORS.has(w) && p === POS.SCONJ) return -1;
    if (RELATIVE.has(w) && (p === POS.PRON || p === POS.DET || p === POS.SCONJ)) {
      // "X who ... verb" or "X, which verb": the antecedent
      let j = k - 1;
      if (j >= s0 && t.lower[j] === ',') j--;
      const c = endingAt(chunks, j);
      const valid =
        c >= 0 &&
        !notAnArgument(t, chunks[c]) &&
        !(chunks[c].first > s0 && t.pos[chunks[c].first - 1] === POS.ADP && w === 'that');
      if (valid) return c;
      if (w === 'that') {
        k--;
        continue;
      }
      return -1;
    }
    const c = endingAt(chunks, k);
    if (c >= 0 && notAnArgument(t, chunks[c])) {
      k = chunks[c].first - 1;
      continue;
    }
    if (c >= 0) {
      const ch = chunks[c];
      const before = ch.first - 1 >= s0 ? ch.first - 1 : -1;
      const bw = before >= 0 ? t.lower[before] : '';
      const bp = before >= 0 ? t.pos[before] : -1;
      // "after the army said …": a subordinate clause's subject, not a prepositional object
      const clauseIntro =
        SUBORDINATORS.has(bw) &&
        (ch.last + 1 === v || t.pos[ch.last + 1] === POS.VERB || t.pos[ch.last + 1] === POS.AUX);
      if (bp === POS.ADP && !clauseIntro && !isApprox(t, before)) {
        // a prepositional phrase ("in Nagorno-Karabakh"): not the subject
        k = before - 1;
        continue;
      }
      // (a participle opening the sentence modifies the subject: "Ousted President Akayev")
      // ("Newly appointed Prime Minister X": adverbs may precede it)
      let lead = before - 1;
      while (lead >= s0 && t.pos[lead] === POS.ADV) lead--;
      const opener = lead < s0 && before >= s0 && PARTICIPLE.test(bw);
      if (bp === POS.VERB && !SPEECH.has(bw) && before >= 0 && !isPassive(t, before, s0) && !opener) {
        // the object of another verb ("attacked Y and killed Z"): keep looking left
        k = before - 1;
        continue;
      }
      // an apposition "X, the head of Y, said": prefer X
      if (bw === ',' && before - 1 >= s0) {
        const prev = endingAt(chunks, before - 1);
        if (
          prev >= 0 &&
          t.pos[chunks[prev].last] === POS.PROPN &&
          t.pos[ch.first] === POS.DET &&
          !notAnArgument(t, chunks[prev])
        ) {
          const pb = chunks[prev].first - 1;
          if (pb < s0 || t.lower[pb] === ',' || (t.pos[pb] !== POS.ADP && t.pos[pb] !== POS.SCONJ))
            return prev;
        }
      }
      // a predicate noun ("Germany has been the second-largest donor, contributing …"): the
      // copula's subject acts
      // (maybe with its complement: "the leading donor to Sudan, providing …")
      if (COPULAS.has(bw) && ch.last + 1 < v && commaWithin(t, ch.last + 1, v)) {
        const cs = findSubject(t, chunks, before, s0);
        if (cs >= 0) return cs;
      }
      return c;
    }
    k--;
  }
  return -1;
}

/** A comma right after a predicate noun or after one prepositional phrase following it. */
function commaWithin(t: TokenTable, from: number, v: number): boolean {
  if (t.lower[from] === ',') return true;
  if (t.pos[from] !== POS.ADP && t.lower[from] !== 'to') return false;
  for (let k = from + 1; k < v && k <= from + 6; k++) {
    if (t.lower[k] === ',') return k === v - 1 || t.pos[k + 1] === POS.VERB;
    if (t.pos[k] === POS.VERB || t.pos[k] === POS.AUX || t.pos[k] === POS.ADP) return false;
  }
  return false;
}

/**
 * The object of the verb or noun ending at `e`: the first chunk to the right before a clause
 * boundary, directly (a direct object) or after one of `preps`; other prepositional phrases are
 * skipped. An infinitive complement ("agreed to release X") passes through to its verb's object.
 */
export function findObject(
  t: TokenTable,
  chunks: readonly Chunk[],
  e: number,
  s1: number,
  preps: readonly string[],
  direct: boolean,
  allowGeneric = true,
  themeIsTarget = true,
): Chunk | null {
  const own = scanObject(t, chunks, e, s1, preps, direct);
  if (own.party) return own.party;
  if (!allowGeneric) {
    // a weak verb's thing-object may still name its party right after it: "declined a request from X"
    const other = own.theme && own.direct && !own.moved ? adjacentParty(t, chunks, own.theme, s1) : null;
    return other ?? own.theme;
  }
  // a measure applied to someone: "lifted the ban on girls", "eased sanctions imposed on Iran"
  if (own.theme && own.direct && MEASURES.has(t.lower[own.theme.last])) {
    const target = measureTarget(t, chunks, own.theme.last, s1);
    if (target) return target;
  }
  if (own.theme && own.direct && themeIsTarget) {
    // an act or relation names its other party in the phrase right after it: "refused a request
    // from X", "rejected any cooperation with X", "declared its support for X", "denied entry to X"
    const other = own.moved ? null : adjacentParty(t, chunks, own.theme, s1);
    if (other) return other;
    // otherwise a direct object names the one acted on even when it is a thing ("accused the
    // legislation of", "condemned the terrorist attack", "attacked an army camp in Kabul") — unless
    // the verb moves it ("withdrew its troops from Gaza") or it is a measure ("lifted the ban in X")
    if (!own.moved && !MEASURES.has(t.lower[own.theme.last])) return own.theme;
  }
  // none of the trigger's own prepositions introduced a party: the first party after a preposition
  // that can introduce one ("withdrew its troops from Gaza", "lifted the ban in Tripoli"); a thing
  // ("the convoy", "aid") only when no party is there; a moved thing's destination before the thing
  const generic = scanObject(t, chunks, e, s1, GENERIC_PREPS, direct);
  return generic.party ?? (own.moved ? own.ppTheme : null) ?? own.theme ?? generic.theme;
}

const RELATIONAL_PREPS = new Set(['from', 'by', 'with', 'for', 'to', 'against', 'between', 'among']);
/** Nouns of acts and undertakings whose place ("in X") is also their other party. */
const UNDERTAKINGS = new Set(
  'mission missions deployment deployments presence operations operation efforts effort campaign dinner reception ceremony visit visits trip talks'.split(
    ' ',
  ),
);

/** The party in the prepositional phrase right after a non-party object (its own complement). */
function adjacentParty(t: TokenTable, chunks: readonly Chunk[], theme: Chunk, s1: number): Chunk | null {
  let k = theme.last + 1;
  // "the proposal submitted by X", "an appeal lodged by X", "the threats made by X"
  if (k < s1 && (t.pos[k] === POS.VERB || t.pos[k] === POS.ADJ) && PARTICIPLE.test(t.lower[k])) k++;
  if (k + 1 >= s1) return null;
  const w = t.lower[k];
  const locative = (w === 'in' || w === 'at') && UNDERTAKINGS.has(t.lower[theme.last]);
  if (!RELATIONAL_PREPS.has(w) && !locative) return null;
  let c = chunkFrom(chunks, t, k + 1);
  // "filed by defeated candidate X": a participle modifier before the agent
  if (!c && k + 2 < s1 && PARTICIPLE.test(t.lower[k + 1])) c = chunkFrom(chunks, t, k + 2);
  return c && !notAnArgument(t, c) && isParty(t, c) ? c : null;
}

/** Measures imposed on someone: their target follows "on"/"against", maybe after "imposed". */
const MEASURES = new Set(
  'ban bans sanctions embargo embargoes restrictions restriction tariffs tariff curfew blockade siege blacklist boycott'.split(
    ' ',
  ),
);

function measureTarget(t: TokenTable, chunks: readonly Chunk[], last: number, s1: number): Chunk | null {
  for (let k = last + 1; k < s1 && k <= last + 6; k++) {
    const w = t.lower[k];
    if (w === 'on' || w === 'against') return chunkFrom(chunks, t, k + 1);
    if (w === ',' || w === ';' || w === '.' || t.pos[k] === POS.SCONJ || t.pos[k] === POS.CCONJ) return null;
  }
  return null;
}

const GENERIC_PREPS = [
  'to',
  'on',
  'against',
  'with',
  'into',
  'in',
  'from',
  'for',
  'at',
  'over',
  'of',
  'toward',
  'towards',
];

/** The chunk starting at token k, or the "of"-tail of a merged chunk ("investigation of [Flynn]"). */
function chunkFrom(chunks: readonly Chunk[], t: TokenTable, k: number, start = -1): Chunk | null {
  // only the chunk holding k can answer (chunks are in order and do not overlap): the last one
  // starting at or before k
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid].first <= k) lo = mid + 1;
    else hi = mid;
  }
  const ch = chunks[lo - 1];
  if (!ch || k > ch.last) return null;
  if (ch.first === k) return ch;
  // an "of"-tail, or the rest of a chunk that swallowed the trigger's last word ("let [free
  // activists]")
  if (t.lower[k - 1] === 'of' || k === start) return { first: k, last: ch.last };
  return null;
}

export const TRANSFER =
  /^(mobilize|mobilizes|mobilized|mobilizing|mobilise|mobilises|mobilised|mobilising|reinforce|reinforces|reinforced|reinforcing|mass|massed|massing|send|sends|sent|sending|deploy|deploys|deployed|deploying|withdraw|withdraws|withdrew|withdrawn|withdrawing|contribute|contributes|contributed|contributing|provide|provides|provided|providing|donate|donates|donated|donating|deliver|delivers|delivered|delivering|supply|supplies|supplied|supplying|lend|lends|lent|lending|give|gives|gave|given|giving|award|awards|awarded|awarding|grant|grants|granted|granting|offer|offers|offered|offering|return|returns|returned|returning|station|stationed|dispatch|dispatched|move|moved|pull|pulled)$/;

interface ObjectScan {
  party: Chunk | null;
  theme: Chunk | null;
  /** The theme is the direct object (no preposition before it). */
  direct: boolean;
  /** The first non-party after one of the wanted prepositions. */
  ppTheme: Chunk | null;
  /** The verb moves or talks about its direct object (transfer or topic verbs). */
  moved: boolean;
}

const TOPIC = /^(discuss|discusses|discussed|discussing|debate|debates|debated|debating)$/;

/**
 * A scan's result without a party. (A function of its own, not a closure over the scan's state: the
 * closure made every scan allocate a context, and under tsx a `__name` call per scan.)
 */
function noParty(theme: Chunk | null, direct: boolean, ppTheme: Chunk | null, moved: boolean): ObjectScan {
  return { party: null, theme, direct, ppTheme, moved };
}

function scanObject(
  t: TokenTable,
  chunks: readonly Chunk[],
  e: number,
  s1: number,
  preps: readonly string[],
  direct: boolean,
): ObjectScan {
  let k = e + 1;
  let lastPrep = '';
  let steps = 0;
  let theme: Chunk | null = null;
  let themeDirect = false;
  let ppTheme: Chunk | null = null;
  // verbs of transfer move their direct object ("send troops to X"): the party is where it goes;
  // verbs of talk have a topic for direct object ("discussed Libya with X"): the party is the partner
  let transfer = TRANSFER.test(t.lower[e]) || TOPIC.test(t.lower[e]);
  let moved = transfer;
  let verb = t.lower[e];
  while (k < s1 && steps < 16) {
    steps++;
    const w = t.lower[k];
    const p = t.pos[k];
    if (w === ';' || w === ':' || w === '.') return noParty(theme, themeDirect, ppTheme, moved);
    if (w === '"' || w === '“' || w === '”') {
      k++;
      continue;
    }
    if (p === POS.SCONJ || (RELATIVE.has(w) && lastPrep === '')) {
      if (w !== 'that' || !direct) return noParty(theme, themeDirect, ppTheme, moved);
      // "demanded that X ...": the clause subject is the one addressed
      k++;
      lastPrep = 'that';
      continue;
    }
    // a comma or a dash between phrases ends the object's reach
    if (w === ',' || ((w === '-' || w === '–' || w === '—') && !npToken(t, k)))
      return noParty(theme, themeDirect, ppTheme, moved);
    // "more than 100 members", "at least 17 soldiers": a count, not a preposition
    if (
      (isApprox(t, k) ||
        (w === 'more' && t.lower[k + 1] === 'than') ||
        (w === 'up' && t.lower[k + 1] === 'to' && t.pos[k + 2] === POS.NUM) ||
        (w === 'at' && t.lower[k + 1] === 'least')) &&
      !chunkFrom(chunks, t, k, e + 1)
    ) {
      k++;
      continue;
    }
    if (p === POS.ADP || w === 'to') {
      lastPrep = w;
      k++;
      continue;
    }
    const c = chunkFrom(chunks, t, k, e + 1);
    if (c && notAnArgument(t, c)) {
      k = c.last + 1;
      lastPrep = '';
      continue;
    }
    if (c) {
      const wanted =
        lastPrep === '' || lastPrep === 'that'
          ? direct || lastPrep === 'that'
          : preps.includes(lastPrep) || lastPrep === 'between';
      if (wanted) {
        const directObject = lastPrep === '';
        // "provide Sri Lanka with technology": the first object receives
        const receiver = directObject && t.lower[c.last + 1] === 'with' && !TOPIC.test(verb);
        if (isParty(t, c) && !(transfer && directObject && !receiver))
          return { party: c, theme, direct: themeDirect, ppTheme, moved };
        if (!theme) {
          theme = c;
          themeDirect = directObject;
          moved = transfer;
        }
        if (!directObject) ppTheme ??= c;
      }
      k = c.last + 1;
      lastPrep = '';
      continue;
    }
    if (p === POS.VERB) {
      // an infinitive or participle complement: continue to its object
      // … unless the object is already found: "rejected a request from X [to allow] Y" — the
      // infinitive belongs to the object noun
      if ((lastPrep === 'to' || w.endsWith('ing')) && !theme) {
        lastPrep = '';
        direct = true;
        transfer = TRANSFER.test(w) || TOPIC.test(w);
        verb = w;
        k++;
        continue;
      }
      return noParty(theme, themeDirect, ppTheme, moved);
    }
    // a coordinated object ("peacekeepers or instructors to Iraq"): step over the second conjunct
    if (p === POS.CCONJ && theme && k + 1 < s1) {
      const next = chunkFrom(chunks, t, k + 1);
      if (next) {
        k = next.last + 1;
        lastPrep = '';
        continue;
      }
    }
    if (p === POS.AUX || p === POS.CCONJ) return noParty(theme, themeDirect, ppTheme, moved);
    k++;
  }
  return noParty(theme, themeDirect, ppTheme, moved);
}
