import { wordBits } from '../../../lexicon/word-bits.js';
import { WordShapes } from '../../../lexicon/word-shapes.js';
import type { Doc } from '../../../model/doc.js';
import type { EventArgument, EventRecord } from '../../../model/types.js';
import { POS } from '../../../text/tokenize.js';
import { forceWords, showsForce } from './figurative.js';
import { headOf, PRIVATE_SECTORS, VEHICLES, wordAfter } from './senses.js';

/**
 * Local and civic news uses the words of political events for other things: games ("beat",
 * "attacked the basket", "sent off"), notices ("For details, visit …", "call 555-0100"), a council
 * approving its own budget, a store that "offers" discounts, a teller who "gave him $5,800". These
 * are no PLOVER events: the act is not political, or none of its parties is a political actor.
 */

/**
 * Words of a game's play (not of a sport's business: "soccer", "tournament" name those too; nor
 * "penalty" or "overtime", which a story on the death penalty or overtime pay repeats).
 */
const GAME_WORDS = new Set(
  (
    'inning innings touchdown touchdowns quarterback quarterbacks midfielder midfielders goalie goalies ' +
    'goalkeeper goalkeepers playoff playoffs halftime half-time rebounds referee referees semifinal ' +
    'semifinals quarterfinal quarterfinals hat-trick scoreline shutout three-pointer pitcher ' +
    'wrestler wrestlers goalless equaliser equalizer'
  ).split(' '),
);
/**
 * Words only sports reports use, one being enough for a sentence: a game's play and the names of
 * sports and contests (not "overtime": "threatened to strike over unpaid overtime").
 */
const SPORTS_STRONG = new Set([
  ...GAME_WORDS,
  ...(
    'play-off play-offs varsity semi-final semi-finals postseason preseason ballgame homer homers soccer ' +
    'basketball baseball hockey softball volleyball lacrosse rugby tennis golf wrestling cyclist cyclists ' +
    'tournament tournaments championship championships scored unbeaten undefeated fixture fixtures ' +
    'free-throw free-throws pitchers boxer boxers knockout'
  ).split(' '),
]);
/** Words sports reports share with other news: two different ones are needed. */
const SPORTS_WEAK = new Set(
  (
    'game games season seasons team teams coach coaches match matches league player players fans ' +
    'stadium squad club clubs cup champion champions medal medals victory victories defender defenders'
  ).split(' '),
);

/** Whether sentence si (tokens s0..s1) reads as a sports report and shows no force or politics. */
function sportsSentence(doc: Doc, type: string, si: number, s0: number, s1: number): boolean {
  // (in a game report every sentence is about the game: "Zamalek rarely threatened Kameni"; crimes
  // and charges it tells of are still crimes)
  // (the whole document is read for game words only when the sentence alone does not decide)
  const words = sentenceFacts(doc, si, s0, s1, SPORTS_READ);
  if ((words & BLOCKS_SPORTS) !== 0) return false;
  return (words & SPORTS_WORDS) !== 0 || (type !== 'ACCUSE' && type !== 'COERCE' && sportsReport(doc));
}

/**
 * What civicSense asks of a whole sentence, read once per sentence rather than once per event in
 * it (several events share a sentence): bits of SentenceFacts, per document and sentence.
 */
const SENTENCE_FACTS = new WeakMap<Doc, Uint8Array>();
/** The sports words were read (the bits below them are known). */
const SPORTS_READ = 1;
/** A word of force or politics: no sports report. */
const BLOCKS_SPORTS = 2;
/** A sports-only word, or two different shared ones. */
const SPORTS_WORDS = 4;
/** The contact addresses were read. */
const CONTACT_READ = 8;
/** A phone number, web or e-mail address (CONTACT). */
const HAS_CONTACT = 16;

/** civicWords bits: showsForce, POLITICS, SPORTS_STRONG, SPORTS_WEAK. */
const FORCE_WORD = 1;
const POLITICS_WORD = 2;
const SPORTS_STRONG_WORD = 4;
const SPORTS_WEAK_WORD = 8;
let CIVIC_WORDS: Map<string, number> | null = null;
/** The words of the lexicons a sentence is read for, with their bits (built on first use). */
function civicWords(): Map<string, number> {
  CIVIC_WORDS ??= wordBits([
    [forceWords(), FORCE_WORD],
    [POLITICS, POLITICS_WORD],
    [SPORTS_STRONG, SPORTS_STRONG_WORD],
    [SPORTS_WEAK, SPORTS_WEAK_WORD],
  ]);
  return CIVIC_WORDS;
}

/** The facts of sentence si that `read` asks for (SPORTS_READ or CONTACT_READ), read if not yet known. */
function sentenceFacts(doc: Doc, si: number, s0: number, s1: number, read: number): number {
  let facts = SENTENCE_FACTS.get(doc);
  if (!facts) {
    facts = new Uint8Array(doc.sentenceTokens.length);
    SENTENCE_FACTS.set(doc, facts);
  }
  let f = facts[si];
  if ((f & read) !== 0) return f;
  const low = doc.tokens.lower;
  if (read === SPORTS_READ) {
    const classes = civicWords();
    let weak = '';
    for (let k = s0; k < s1; k++) {
      const w = low[k];
      // (one lookup for the four lexicons)
      const c = classes.get(w) ?? 0;
      if ((c & (FORCE_WORD | POLITICS_WORD)) !== 0) {
        f |= BLOCKS_SPORTS;
        break;
      }
      if ((c & SPORTS_STRONG_WORD) !== 0) f |= SPORTS_WORDS;
      else if ((c & SPORTS_WEAK_WORD) !== 0) {
        if (weak && weak !== w) f |= SPORTS_WORDS;
        weak = w;
      }
    }
  } else {
    const first = doc.tokens.first;
    for (let k = s0; k < s1; k++) {
      // (CONTACT only matches words that start with www, http or a digit, or hold an "@": the
      // first character, of the word as written, skips the regex for the others)
      const c = first[k] | 32;
      if ((c === 119 || c === 104 || (c >= 48 && c <= 57) || low[k].includes('@')) && CONTACT.test(low[k])) {
        f |= HAS_CONTACT;
        break;
      }
    }
  }
  f |= read;
  facts[si] = f;
  return f;
}
const SPORTS_REPORT = new WeakMap<Doc, boolean>();
const GAME_SHAPES = new WordShapes(GAME_WORDS);
/** Whether a document is a game report: sports words in it at least three times (counted once). */
function sportsReport(doc: Doc): boolean {
  let r = SPORTS_REPORT.get(doc);
  if (r === undefined) {
    const t = doc.tokens;
    let n = 0;
    for (let k = 0; k < t.length; k++) {
      // (most words of a document are ruled out by their shape, without a lookup)
      if (!GAME_SHAPES.mayHold(t, k)) continue;
      if (GAME_WORDS.has(t.lower[k]) && ++n >= 3) break;
    }
    r = n >= 3;
    SPORTS_REPORT.set(doc, r);
  }
  return r;
}
/** Words that put a sentence in politics even when it speaks of a race or a lead. */
const POLITICS = new Set(
  (
    'election elections electoral primary primaries caucus caucuses candidate candidates campaign ' +
    'president minister ministers parliament senate congress government governments party parties ' +
    'vote votes voters ballot poll polls sanctions treaty diplomats embassy corruption investigation ' +
    'investigators indictment indictments prosecutors court judge charges charged allegations fraud bribery'
  ).split(' '),
);

/** Openings of a notice: "For more information, visit …", "To register, call …". */
const NOTICE_OPENERS = new Set(['for', 'to', 'please']);

/** Whether the trigger is an imperative: a bare verb opening its sentence or a notice's clause. */
function imperative(doc: Doc, first: number, s0: number): boolean {
  const t = doc.tokens;
  const low = t.lower;
  if (t.pos[first] !== POS.VERB) return false;
  const w = low[first];
  if (w.endsWith('ed') || w.endsWith('ing') || (w.endsWith('s') && !w.endsWith('ss'))) return false;
  let k = s0;
  // an opening quote or a "please"
  while (k < first && (QUOTES.has(low[k]) || low[k] === 'please')) k++;
  if (k === first) return true;
  // "For more information, visit …": a notice's purpose clause, then a comma
  return NOTICE_OPENERS.has(low[s0]) && low[first - 1] === ',' && first - s0 <= 8;
}
const QUOTES = new Set(['"', '“', '‘', "'", '``', "''", '(', '-', '—']);

/**
 * Addresses in a notice: a phone number, a web or e-mail address (not a bare domain: "…, RT.com
 * reported" credits an outlet).
 */
const CONTACT = /^(?:www|https?|\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|www\..+|https?:.+|.+@.+\..+)$/;

/** What a council, a board or the voters approve that is their own business, no support of anyone. */
const ADMIN_ITEMS = new Set(
  (
    'budget budgets application applications motion motions resolution resolutions ordinance ordinances ' +
    'permit permits rezoning zoning variance variances contract contracts bid bids financing funding ' +
    'funds money package expenditure expenditures spending purchase purchases minutes agenda appointment ' +
    'appointments hiring salary salaries raise raises fee fees tax taxes levy levies bond bonds loan loans ' +
    'grant grants lease leases change changes switch referendum site plan plans project projects program ' +
    'programs programme programmes design designs subdivision annexation expansion renovation renovations ' +
    'construction transfer transfers amendment amendments measure measures settlement payment payments ' +
    'budgetary rate rates increase increases cut cuts license licence licenses'
  ).split(' '),
);

/** Adverbs before a participle describing a noun: "an already approved store", "only approved vendors". */
const PARTICIPLE_ADVERBS = new Set(['already', 'only', 'pre', 'previously', 'newly', 'federally', 'not']);

/** What is offered as a political act: talks, troops, concessions, aid. */
const OFFERABLE = new Set(
  (
    'talks negotiations dialogue ceasefire cease-fire truce peace concession concessions compromise troops ' +
    'soldiers forces aid assistance help support asylum amnesty refuge sanctuary protection mediation ' +
    'autonomy cooperation deal guarantees security resignation condolences hostages prisoners release ' +
    'exchange pardon immunity recognition membership seat weapons arms'
  ).split(' '),
);
/** Words of aid: what is given as economic, military or humanitarian aid. */
const AID_WORDS = new Set(
  (
    'aid assistance relief humanitarian food medicine medicines supplies shelter shelters troops weapons ' +
    'arms military loan loans grant grants million billion asylum refugees'
  ).split(' '),
);
/** Nouns of giving that are private unless a political party gives or receives. */
const PRIVATE_GIFTS = new Set(['donation', 'donations', 'contribution', 'contributions', 'award', 'awards']);

/** Whether an argument is a political actor: a state, or one of a political sector. */
function political(doc: Doc, a: EventArgument): boolean {
  if (a.sector) return !PRIVATE_SECTORS.has(a.sector);
  if (!a.country) return false;
  // a state named: a country-level place inside the argument ("Finland", "the United States")
  return namesState(doc, a.start, a.end);
}

/** Whether a country-level place is named in [start, end). */
function namesState(doc: Doc, start: number, end: number): boolean {
  for (const p of doc.layer('places'))
    if (p.start >= start && p.end <= end && p.precision === 'country' && p.kind === 'place') return true;
  return false;
}

/** Words of talks: political whoever holds them. */
const NEGOTIATION = new Set(
  'talks negotiations negotiate negotiated negotiating mediation mediate mediated discussions consult consulted consultations summit'.split(
    ' ',
  ),
);
const CRIMES = new Set(['ASSAULT', 'ACCUSE']);
/** Words of road traffic: a vehicle that "struck" someone. */
const ROAD = new Set([...VEHICLES, 'driven', 'lanes', 'lane', 'intersection', 'crash']);
/** Things named "warning …" that threaten no one. */
const WARNING_THINGS = new Set(
  'sign signs light lights indicator indicators label labels system systems siren sirens'.split(' '),
);
const WEATHER = new Set(
  'weather rain rains snow storm storms fog mist wind winds flooding floods ice heat cold temperatures thunderstorms showers'.split(
    ' ',
  ),
);
const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'myself', 'ourselves', 'yourself']);
/** Documents that "call for" what they provide. */
const PLANS = new Set(
  'plan plans design designs proposal proposals budget budgets schedule blueprint project projects grant grants contract contracts'.split(
    ' ',
  ),
);
/** What one seeks by running for it. */
const OFFICES = new Set(
  're-election reelection election office nomination seat title titles championship'.split(' '),
);
/** A body's own sessions: "a public meeting", "the regular meeting". */
const SESSIONS = new Set(
  (
    'public special regular monthly annual weekly open community town informational organizational budget ' +
    'council board commission committee trustees next previous school planning zoning'
  ).split(' '),
);
/** Local deliberating bodies. */
const LOCAL_BODIES = new Set(
  (
    'council councils board boards commission commissions committee committees trustees aldermen ' +
    'commissioners selectmen supervisors councilmen councilors councillors'
  ).split(' '),
);
/** Words of prizes and honours. */
const AWARDS = new Set(
  'award awards honoree honorees inducted induction prize prizes scholarship scholarships trophy'.split(' '),
);

const CASUALTIES = new Set('death deaths dead died killed injured injuries damage'.split(' '));
/** How a vehicle hurts someone by accident: "hit by a car", "a head-on collision". */
const IMPACT = new Set('hit struck crash crashed collision collided wreck overturned'.split(' '));
/** Words of an attack, whatever the weapon: "drove a truck into the crowd in an attack". */
const ATTACK_WORDS = new Set(
  'attack attacks attacker attacked deliberately rammed ramming gunman terror terrorist suspect'.split(' '),
);
const DISASTERS = new Set(
  'fire fires blaze flames storm storms tornado hurricane drought accident crash'.split(' '),
);
/** Animals pardoned or released. */
const ANIMALS = new Set('turkey turkeys bird birds animal animals dog dogs horse horses'.split(' '));
const TREATMENT = new Set(['treatment', 'medical', 'transport', 'transportation']);

/**
 * Whether no party of `rec` is political, no state is named in its sentence and nothing in it
 * shows force: an act among private people.
 */
function unpoliticalSentence(doc: Doc, rec: EventRecord, s0: number, s1: number): boolean {
  if (rec.actors.some((a) => political(doc, a)) || rec.recipients.some((r) => political(doc, r)))
    return false;
  // (a word of force or politics anywhere in the sentence: the sports reading found it, or not)
  if ((sentenceFacts(doc, doc.tokens.sentence[s0], s0, s1, SPORTS_READ) & BLOCKS_SPORTS) !== 0) return false;
  return !namesState(doc, doc.tokens.start[s0], doc.tokens.end[s1 - 1]);
}

/** Whether a sentence is a headline in title case: few of its words start in lower case. */
function titleCased(doc: Doc, s0: number, s1: number): boolean {
  const t = doc.tokens;
  let lower = 0;
  for (let k = s0; k < s1; k++) {
    const c = t.first[k];
    if (c >= 97 && c <= 122 && t.lower[k].length > 3 && ++lower >= 2) return false;
  }
  return true;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
/** Verbs before the adverb "back": "is back", "came back", "get back". */
const RETURNING = new Set(
  "be is are was were been being 's 're come came comes coming get got gets go went goes bring brought way".split(
    ' ',
  ),
);

/** Where an object ends here: a clause break (not a preposition: "approved funding for the park"). */
const OBJECT_END = new Set([',', '.', ';', ':', 'that', 'and', 'but', 'which', 'who']);

/** Whether a word of `set` is among the `reach` words after the trigger, within its object. */
function inObject(low: readonly string[], last: number, s1: number, set: ReadonlySet<string>, reach: number) {
  return wordAfter(low, last, s1, set, reach, OBJECT_END);
}

/**
 * Whether the event `rec` (trigger tokens first..last) is civic or private business rather than a
 * political event: a game, a notice, a body's own approvals, a commercial offer, a private gift.
 */
export function civicSense(doc: Doc, rec: EventRecord, first: number, last: number): boolean {
  const t = doc.tokens;
  const low = t.lower;
  const si = t.sentence[first];
  const [s0, s1] = doc.sentenceTokens[si];
  // a game: "Central beat Lincoln 3-1", "was sent off in the second half", "attacked the basket"
  if (
    sportsSentence(doc, rec.type, si, s0, s1) &&
    !rec.actors.some((a) => a.sector && !PRIVATE_SECTORS.has(a.sector))
  )
    return true;
  // a notice: "For more information, visit the library", "Call 555-0100", "Cancel the memorial."
  if (rec.actors.length === 0 && imperative(doc, first, s0)) return true;
  // a notice with a phone number or an address: "Practices will be held at the high school.
  // Contact the coach at 555-0120", "call the sheriff at 555-0190"
  // (a crime it names is still one: "information about the shooting")
  if (!CRIMES.has(rec.type) && (sentenceFacts(doc, si, s0, s1, CONTACT_READ) & HAS_CONTACT) !== 0)
    return true;
  const w = low[first];
  const verb = !rec.rule?.includes('.noun:');
  // a capitalised trigger inside a name, in a sentence not in title case: "his ex-wife, Sue
  // Griffin", "Acting City Planner Sue Guio", "the Georgia Bureau of Investigation"
  if (first > s0 && isUpper(t.first[first]) && !titleCased(doc, s0, s1)) {
    // (before another name word: tagged as a name, or after a comma or a lower-case word; "Syrians
    // Sought Refuge" is a verb in a capitalised phrase)
    const named = t.pos[first] === POS.PROPN || low[first - 1] === ',' || !isUpper(t.first[first - 1]);
    if (named && t.pos[last + 1] === POS.PROPN && isUpper(t.first[last + 1] ?? 0)) return true;
    // (a person or organisation the mentions stage found around it: "Planner Sue Guio")
    const a = t.start[first];
    for (const m of doc.layer('mentions'))
      if (m.start <= a && a < m.end && (m.kind === 'person' || m.kind === 'organization')) return true;
    if (low[first - 1] === 'of' && first - 1 > s0 && isUpper(t.first[first - 2])) return true;
  }
  // "life threatening injuries"
  if (rec.type === 'THREATEN' && first > s0 && low[first - 1] === 'life') return true;
  // "she's content to be back at the club": the adverb, no backing
  if (rec.type === 'SUPPORT' && w === 'back' && first > s0 && RETURNING.has(low[first - 1])) return true;
  // meetings, visits and calls among private people: "met a client in her car", "patients who visit
  // the ER", "the company held meetings in the fall" (talks and negotiations are political anyway)
  if (
    rec.type === 'CONSULT' &&
    !NEGOTIATION.has(low[last]) &&
    !NEGOTIATION.has(w) &&
    unpoliticalSentence(doc, rec, s0, s1)
  )
    return true;
  switch (rec.type) {
    case 'ASSAULT':
      // "beat out two rivals for the seat": a contest won
      if ((w === 'beat' || w === 'beats' || w === 'beaten') && low[last + 1] === 'out') return true;
      // "it struck a Honda driven by …", "a boy was hit by a car and killed": a road accident (a car
      // bomb or an attack shows force; the dead and injured may be the accident's)
      if (!rec.mode || CASUALTIES.has(w)) {
        const struck = w.startsWith('hit') || w.startsWith('struck') || w.startsWith('strik');
        let vehicle = false;
        let impact = false;
        for (let k = s0; k < s1; k++) {
          const x = low[k];
          if (showsForce(x) && !CASUALTIES.has(x)) return false;
          if (ATTACK_WORDS.has(x)) return false;
          if (ROAD.has(x)) vehicle = true;
          if (IMPACT.has(x)) impact = true;
        }
        return vehicle && (struck || impact);
      }
      return false;
    case 'THREATEN':
      // "warning signs", "warned of fog and rain": no threat to anyone
      if (w === 'warning' && WARNING_THINGS.has(low[last + 1])) return true;
      return w.startsWith('warn') && low[last + 1] === 'of' && inObject(low, last + 1, s1, WEATHER, 4);
    case 'RETREAT':
      // "resigned herself to renting": accepting, no resignation
      if (w.startsWith('resign')) return REFLEXIVES.has(low[last + 1]);
      // "the president pardoned the turkey"
      if (rec.mode === 'release' && rec.recipients.some((r) => ANIMALS.has(headOf(r.text)))) return true;
      // "she was allowed to return home", "the code allows the company to defer taxes": private leave
      return w.startsWith('allow') && unpoliticalSentence(doc, rec, s0, s1);
    case 'ACCUSE':
      // "three deaths were blamed on the storm": a cause, no one accused
      if (!w.startsWith('blam')) return false;
      // (casualties may be the storm's; a gunman or troops would be to blame)
      for (let k = s0; k < s1; k++) if (showsForce(low[k]) && !CASUALTIES.has(low[k])) return false;
      for (let k = s0; k < s1; k++) if (WEATHER.has(low[k]) || DISASTERS.has(low[k])) return true;
      return false;
    case 'REJECT':
      // "fog cancelled flights", "refused treatment at the scene"
      if (w.startsWith('cancel')) return unpoliticalSentence(doc, rec, s0, s1);
      return w.startsWith('refus') && inObject(low, last, s1, TREATMENT, 4);
    case 'COERCE':
      // "first-time buyers are forced to move out", "the service was forced to close"
      return w.startsWith('forc') && rec.actors.length === 0 && unpoliticalSentence(doc, rec, s0, s1);
    case 'REQUEST':
      // "reservations are requested", "volunteers are asked to check in by 8": a notice's request
      // of the public (no one asks; no party, state, force or politics word in the sentence)
      if (rec.rule?.includes('.passive:') && rec.actors.length === 0 && unpoliticalSentence(doc, rec, s0, s1))
        return true;
      // "plans call for a monument sign": what a plan provides, no demand
      if (rec.actors.length > 0 && rec.actors.every((a) => PLANS.has(headOf(a.text)))) return true;
      // "did not seek re-election", "seeks a third term": running for office
      return w.startsWith('seek') || w === 'sought' ? inObject(low, last, s1, OFFICES, 3) : false;
    case 'CONSULT':
      // "a public meeting", "the board's regular meeting": a body's own session, no consultation
      // ("held its regular meeting": the phrase ends in the meeting; "the Security Council meeting"
      // is a meeting of states)
      if ((low[last] === 'meeting' || low[last] === 'meetings') && last > s0 && SESSIONS.has(low[last - 1]))
        return low[last - 2] !== 'security';
      // "the council also discussed the parking rules": a body deliberating, no consultation
      return (
        w.startsWith('discuss') &&
        rec.actors.length > 0 &&
        rec.actors.every((a) => LOCAL_BODIES.has(headOf(a.text))) &&
        !rec.recipients.some((r) => political(doc, r))
      );
    case 'SUPPORT':
      // "was recognized as Agriculturalist of the Year", "the award recognizes communities that …"
      if (w.startsWith('recogni') || w.startsWith('honor') || w.startsWith('honour')) {
        for (let k = s0; k < s1; k++)
          // ("… of the Year")
          if (AWARDS.has(low[k]) || (low[k] === 'year' && low[k - 1] === 'the' && low[k - 2] === 'of'))
            return !rec.recipients.some((r) => political(doc, r));
        return false;
      }
      if (!w.startsWith('approv')) return false;
      // "approved donors", "an already approved store": a participle describing a noun
      if (
        (first === s0 || t.pos[first - 1] === POS.ADP || PARTICIPLE_ADVERBS.has(low[first - 1])) &&
        (t.pos[last + 1] === POS.NOUN || t.pos[last + 1] === POS.ADJ || t.pos[last + 1] === POS.NUM)
      )
        return true;
      // "the council approved the budget", "a site plan was approved": the body's own business (not
      // when a state is named: "the IMF approved a $2 billion loan to Greece")
      if (namesState(doc, t.start[s0], t.end[s1 - 1])) return false;
      if (rec.recipients.some((r) => ADMIN_ITEMS.has(headOf(r.text)) || r.text.includes('$'))) return true;
      return inObject(low, last, s1, ADMIN_ITEMS, 6) || low[last + 1] === '$';
    case 'AGREE': {
      // "the store offers discounts", "the city offers beautiful scenery": something available, no
      // offer to act ("offered to hand over", "offered talks", "offered troops to Lebanon" are)
      if (!verb || !w.startsWith('offer')) return false;
      if (low[last + 1] === 'to' && t.pos[last + 2] === POS.VERB) return false;
      for (let k = last + 1; k < Math.min(s1, last + 10); k++) {
        if (low[k] === '.' || low[k] === ';') break;
        if (OFFERABLE.has(low[k])) return false;
      }
      return !rec.recipients.some((r) => political(doc, r));
    }
    case 'AID': {
      // a private gift or a service: "a teller gave him $5,800", "Sheetz provided coffee for
      // firefighters", "staff writers contributed to this report", "a crash sent two to the hospital"
      if (rec.mode === 'asylum') return false;
      if (rec.actors.some((a) => political(doc, a)) || rec.recipients.some((a) => political(doc, a)))
        return false;
      // ("organ donation", "a call for donations"; "aid" and "assistance" name aid whoever gives it)
      // (aid words or force anywhere in the sentence keep it: "rescue workers were sent to the
      // region, but relief efforts …", "evacuated women and children as troops massed")
      for (let k = s0; k < s1; k++) if (AID_WORDS.has(low[k]) || showsForce(low[k])) return false;
      // a state named anywhere makes it international: "donations came to the Navajo Nation from Ireland"
      if (namesState(doc, t.start[s0], t.end[s1 - 1])) return false;
      return verb || PRIVATE_GIFTS.has(w);
    }
    default:
      return false;
  }
}
