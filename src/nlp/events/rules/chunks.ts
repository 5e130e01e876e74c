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

const NP_POS = new Set([POS.DET, POS.ADJ, POS.NOUN, POS.PROPN, POS.NUM]);
export const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
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

const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'our', 'my', 'your']);

/** Can this chunk be a party (a person, group, organisation, state or place), not a thing? */
export function isParty(t: TokenTable, c: Chunk): boolean {
  const head = c.last;
  // "its troops", "their weapons": the actor's own means, not the other party
  if (POSSESSIVE_PRONOUNS.has(t.lower[c.first])) return false;
  if (t.pos[head] === POS.PROPN || isPronoun(t.lower[head])) return true;
  for (let i = c.first; i <= c.last; i++) if (t.pos[i] === POS.PROPN) return true;
  return sectorOfWords([t.lower[head]]) !== undefined;
}

export function isPronoun(low: string): boolean {
  return PRONOUNS.has(low);
}

function npToken(t: TokenTable, i: number): boolean {
  const p = t.pos[i];
  // a verb mis-tagged as adjective between two noun phrases: "troops apprehended a man"
  if (
    p === POS.ADJ &&
    i > 0 &&
    i + 1 < t.length &&
    t.lower[i].endsWith('ed') &&
    (t.pos[i - 1] === POS.PROPN || t.pos[i - 1] === POS.NOUN) &&
    (t.pos[i + 1] === POS.DET || t.pos[i + 1] === POS.PROPN || t.pos[i + 1] === POS.NUM)
  )
    return false;
  if (NP_POS.has(p)) return true;
  const w = t.lower[i];
  if (POSSESSIVE_PRONOUNS.has(w)) return true;
  // possessives and name-internal punctuation: "Turkey's", "Nagorno-Karabakh", "U.S."
  // a hyphen inside a name ("Nagorno-Karabakh"), not a dash between phrases ("Washington - US …")
  if (w === '-')
    return i > 0 && t.start[i] === t.end[i - 1] && i + 1 < t.length && t.start[i + 1] === t.end[i];
  if (w === "'s" || w === '’s' || w === "'" || w === '&') return true;
  // past participles used as modifiers inside names ("the Damascus-based network") are ADJ already
  return false;
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
    while (i < s1 && npToken(t, i)) {
      // a determiner after a noun starts a new phrase ("gave Canada a deadline")
      if (t.pos[i] === POS.DET && (t.pos[i - 1] === POS.NOUN || t.pos[i - 1] === POS.PROPN)) break;
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
    out.push({ ...c });
  }
  return out;
}

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
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight week weekend month year morning evening night day days weeks months years january february march april may june july august september october november december last this next past earlier later the a an'.split(
    ' ',
  ),
);

/** A chunk that cannot be a party: only adjectives ("is willing"), or only time words ("last Friday"). */
export function notAnArgument(t: TokenTable, c: Chunk): boolean {
  let adjOnly = true;
  let timeOnly = true;
  let sawTime = false;
  for (let i = c.first; i <= c.last; i++) {
    if (t.pos[i] !== POS.ADJ && t.pos[i] !== POS.DET && t.pos[i] !== POS.ADV) adjOnly = false;
    if (!TIME_WORDS.has(t.lower[i]) && t.pos[i] !== POS.NUM) timeOnly = false;
    if (TIME_WORDS.has(t.lower[i]) && t.pos[i] !== POS.DET) sawTime = true;
  }
  return adjOnly || (timeOnly && sawTime);
}

const ENDING = new WeakMap<readonly Chunk[], Map<number, number>>();
/** Index of the chunk whose last token is `tok` (-1 if none); the lookup is built once per sentence. */
export function endingAt(chunks: readonly Chunk[], tok: number): number {
  let m = ENDING.get(chunks);
  if (!m) {
    m = new Map();
    for (let k = 0; k < chunks.length; k++) m.set(chunks[k].last, k);
    ENDING.set(chunks, m);
  }
  return m.get(tok) ?? -1;
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
      t.pos[prev.last] === POS.PROPN &&
      !notAnArgument(t, prev) &&
      !(w === ',' && prevAfterPrep)
    ) {
      out.unshift(j - 1);
      j--;
      continue;
    }
    break;
  }
  return out;
}

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
      if (bp === POS.ADP && !clauseIntro) {
        // a prepositional phrase ("in Nagorno-Karabakh"): not the subject
        k = before - 1;
        continue;
      }
      if (bp === POS.VERB && !SPEECH.has(bw) && before >= 0 && !isPassive(t, before, s0)) {
        // the object of another verb ("attacked Y and killed Z"): keep looking left
        k = before - 1;
        continue;
      }
      // an apposition "X, the head of Y, said": prefer X
      if (bw === ',' && before - 1 >= s0) {
        const prev = endingAt(chunks, before - 1);
        if (prev >= 0 && t.pos[chunks[prev].last] === POS.PROPN && t.pos[ch.first] === POS.DET) {
          const pb = chunks[prev].first - 1;
          if (pb < s0 || t.lower[pb] === ',' || t.pos[pb] !== POS.ADP) return prev;
        }
      }
      return c;
    }
    k--;
  }
  return -1;
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
): Chunk | null {
  const own = scanObject(t, chunks, e, s1, preps, direct);
  if (own.party) return own.party;
  if (!allowGeneric) return own.theme;
  // none of the trigger's own prepositions introduced a party: the first party after a preposition
  // that can introduce one ("withdrew its troops from Gaza", "lifted the ban in Tripoli"); a thing
  // ("the convoy", "aid") only when no party is there
  const generic = scanObject(t, chunks, e, s1, GENERIC_PREPS, direct);
  return generic.party ?? own.theme ?? generic.theme;
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
function chunkFrom(chunks: readonly Chunk[], t: TokenTable, k: number): Chunk | null {
  for (const ch of chunks) {
    if (ch.first === k) return ch;
    if (ch.first < k && k <= ch.last && t.lower[k - 1] === 'of') return { first: k, last: ch.last };
  }
  return null;
}

const TRANSFER =
  /^(send|sends|sent|sending|deploy|deploys|deployed|deploying|withdraw|withdraws|withdrew|withdrawn|withdrawing|contribute|contributes|contributed|contributing|provide|provides|provided|providing|donate|donates|donated|donating|deliver|delivers|delivered|delivering|supply|supplies|supplied|supplying|lend|lends|lent|lending|give|gives|gave|given|giving|offer|offers|offered|offering|return|returns|returned|returning|station|stationed|dispatch|dispatched|move|moved|pull|pulled)$/;

function scanObject(
  t: TokenTable,
  chunks: readonly Chunk[],
  e: number,
  s1: number,
  preps: readonly string[],
  direct: boolean,
): { party: Chunk | null; theme: Chunk | null } {
  let k = e + 1;
  let lastPrep = '';
  let steps = 0;
  let theme: Chunk | null = null;
  // verbs of transfer move their direct object ("send troops to X"): the party is where it goes
  let transfer = TRANSFER.test(t.lower[e]);
  const done = () => ({ party: null, theme });
  while (k < s1 && steps < 16) {
    steps++;
    const w = t.lower[k];
    const p = t.pos[k];
    if (w === ';' || w === ':' || w === '.') return done();
    if (w === '"' || w === '“' || w === '”') {
      k++;
      continue;
    }
    if (p === POS.SCONJ || (RELATIVE.has(w) && lastPrep === '')) {
      if (w !== 'that' || !direct) return done();
      // "demanded that X ...": the clause subject is the one addressed
      k++;
      lastPrep = 'that';
      continue;
    }
    // a comma or a dash between phrases ends the object's reach
    if (w === ',' || ((w === '-' || w === '–' || w === '—') && !npToken(t, k))) return done();
    if (p === POS.ADP || w === 'to') {
      lastPrep = w;
      k++;
      continue;
    }
    const c = chunkFrom(chunks, t, k);
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
        if (isParty(t, c) && !(transfer && directObject)) return { party: c, theme };
        theme ??= c;
      }
      k = c.last + 1;
      lastPrep = '';
      continue;
    }
    if (p === POS.VERB) {
      // an infinitive or participle complement: continue to its object
      if (lastPrep === 'to' || w.endsWith('ing')) {
        lastPrep = '';
        direct = true;
        transfer = TRANSFER.test(w);
        k++;
        continue;
      }
      return done();
    }
    if (p === POS.AUX || p === POS.CCONJ) return done();
    k++;
  }
  return done();
}
