import type { Doc } from '../../../model/doc.js';
import type { Entity, EventArgument, EventRecord } from '../../../model/types.js';
import { isPronoun } from './chunks.js';
import { isWeaponWord, weaponWords } from './modes.js';

/**
 * Conflict words used figuratively, as political news uses them all the time: "Trump attacked
 * Romney, calling him a failed candidate" (criticism: PLOVER ACCUSE, CAMEO 111), "Clinton beat
 * Sanders in the caucuses" (an election won), "fight for the legislation", "a two-front war against
 * Trump and Sanders" (no event). A trigger is read literally whenever its sentence shows force: a
 * weapon, a casualty, an armed party (by sector), or a state as a party; only a generic ASSAULT (no
 * weapon mode) can be figurative.
 */
export type Figurative = 'verbal' | 'none';

const LITERAL_WORDS = new Set(
  (
    'killed kill killing killings dead death deaths died die dying wounded wounding injured injuring injuries ' +
    'casualties bloodshed massacre hospital hospitalized hospitalised stabbed beaten shot shooting shootings ' +
    'terror terrorist terrorists terrorism militant militants insurgents rebels troops soldiers army military ' +
    'forces gunmen police policemen officers violence violent assault assaulted raid raids invasion occupied ' +
    'airstrike airstrikes bombed bombing bombings hostage hostages jihadist jihadists isis isil qaeda taliban ' +
    'hamas hezbollah boko militia militias armed weapon weapons victims victim battlefield frontline offensive'
  ).split(' '),
);
/** Whether a word shows force in its sentence (a casualty, an armed party, violence). */
export function showsForce(w: string): boolean {
  return LITERAL_WORDS.has(w) || isWeaponWord(w);
}

/** The words showsForce accepts. */
export function forceWords(): string[] {
  return [...LITERAL_WORDS, ...weaponWords()];
}
const ARMED_SECTORS = new Set(['MIL', 'REB', 'UAF', 'COP', 'SPY']);

/** Words that put an "attack" or a "hit" in politics or the media. */
const POLITICAL_WORDS = new Set(
  (
    'campaign campaigns ad ads advert adverts commercial commercials candidate candidates candidacy debate ' +
    'debates primary primaries caucus caucuses election elections electoral nominee nomination voters vote ' +
    'votes poll polls insults insult rhetoric criticism critics tweet tweets tweeted speech speeches remarks ' +
    'comments republican republicans democrat democrats democratic gop senator senators congressman ' +
    'congresswoman pac presidential rival rivals opponent opponents interview op-ed editorial media press ' +
    'record policies policy positions position stance views character career message platform agenda'
  ).split(' '),
);
/** "beat" is an election or a contest won when its sentence says so. */
const CONTEST_WORDS = new Set(
  (
    'primary primaries caucus caucuses election elections race races vote votes poll polls nomination ' +
    'nominee contest expectations goal odds matchup match-ups match-up hypothetical ballot delegates ' +
    'points margin percent seat seats competing competition bid win won'
  ).split(' '),
);
/** Things one attacks only with words. */
const ABSTRACT_HEADS = new Set(
  (
    'record policies policy plan plans idea ideas proposal proposals career character comments remarks ' +
    'positions position stance views rhetoric message agenda decision decisions law laws bill bills changes ' +
    'statement statements credibility integrity judgment judgement leadership honesty tenure handling'
  ).split(' '),
);
/** Diseases and fits that are called attacks. */
const NOT_AN_ATTACK = new Set(['heart', 'panic', 'anxiety', 'asthma', 'seizure']);

const ATTACK = new Set(['attack', 'hit', 'target', 'slam', 'blast']);
const FIGHT = new Set(['fight', 'battle', 'war']);
const BEAT = new Set(['beat', 'defeat', 'crush', 'trounce']);

const ENTITY_KIND = new WeakMap<Doc, Map<string, Entity['kind']>>();
/** Whether an argument names a person: a pronoun, or a mention of a person entity. */
export function isPersonArgument(doc: Doc, a: EventArgument): boolean {
  const k = kindOf(doc, a);
  return k === 'person' || k === 'pronoun';
}

function kindOf(doc: Doc, a: EventArgument): Entity['kind'] | 'pronoun' | undefined {
  if (isPronoun(a.text.toLowerCase())) return 'pronoun';
  if (!a.entity) return undefined;
  let m = ENTITY_KIND.get(doc);
  if (!m) {
    m = new Map();
    for (const e of doc.layer('entities')) m.set(e.id, e.kind);
    ENTITY_KIND.set(doc, m);
  }
  return m.get(a.entity);
}

/**
 * Whether the ASSAULT `rec` (trigger lemma `lemma`, trigger tokens `first..last`) is a figurative
 * one: 'verbal' (criticism), 'none' (no event), or null (literal, or not ours to judge).
 */
export function figurativeAssault(
  doc: Doc,
  rec: EventRecord,
  lemma: string,
  first: number,
  last: number,
): Figurative | null {
  if (rec.type !== 'ASSAULT' || rec.mode) return null;
  const t = doc.tokens;
  if (first > 0 && NOT_AN_ATTACK.has(t.lower[first - 1]) && ATTACK.has(lemma)) return 'none';
  const attack = ATTACK.has(lemma);
  const fight = FIGHT.has(lemma);
  const beat = BEAT.has(lemma);
  if (!attack && !fight && !beat) return null;
  const parties = [...rec.actors, ...rec.recipients];
  if (parties.some((a) => a.sector && ARMED_SECTORS.has(a.sector))) return null;
  const [s0, s1] = doc.sentenceTokens[t.sentence[first]];
  let political = false;
  let contest = false;
  for (let k = s0; k < s1; k++) {
    if (k >= first && k <= last) continue;
    const w = t.lower[k];
    if (LITERAL_WORDS.has(w) || isWeaponWord(w)) return null;
    if (POLITICAL_WORDS.has(w)) political = true;
    if (CONTEST_WORDS.has(w)) contest = true;
  }
  const person = (a: EventArgument) => {
    const k = kindOf(doc, a);
    return k === 'person' || k === 'pronoun';
  };
  const abstract = rec.recipients.some((a) => ABSTRACT_HEADS.has(a.text.split(' ').at(-1)!.toLowerCase()));
  // a state as a party ("war with Iraq", "attacked Israel") is read literally
  const state = parties.some((a) => a.country && !person(a));
  if (beat) return contest || abstract ? 'none' : null;
  if (fight) {
    // "fight for the legislation", "a war against Trump and Sanders"; "heavy fighting in Aleppo" stays
    const cause = last + 1 < s1 && t.lower[last + 1] === 'for';
    const people = rec.recipients.length > 0 && rec.recipients.every(person);
    return !state && (political || abstract || cause || people) ? 'none' : null;
  }
  if (state && !political) return null;
  // "ads targeted at Hispanic voters": an audience, not a target of anything
  if (lemma === 'target') return abstract || political || rec.recipients.some(person) ? 'none' : null;
  if (abstract || political || (rec.recipients.some(person) && rec.actors.every((a) => person(a))))
    return 'verbal';
  return null;
}
