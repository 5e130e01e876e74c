import type { Doc } from '../../../model/doc.js';
import type { EventRecord } from '../../../model/types.js';
import { POS, tokenAt } from '../../../text/tokenize.js';
import { isPersonArgument } from './figurative.js';

/**
 * Trigger words in a sense that is no event of their type, told by what they act on:
 * - RETREAT "release" of a document ("released her medical records", "a survey released Friday",
 *   "the release of the emails") is publication, not freeing someone;
 * - REQUEST "ask" with a question ("asked if", "asked about", "Asked whether …") is no demand;
 * - AID "give" / "provide" of something that is not aid ("gave a speech", "gave her a plum
 *   appointment", "provided an opportunity") or private giving ("gave $5,000 to the PAC", "gives to
 *   charity");
 * - AGREE "offer" of words ("offered a similar explanation"), SUPPORT as a poll share ("the support
 *   of 27 percent of likely voters").
 */
const DOCUMENTS = new Set(
  (
    'record records email emails e-mail e-mails video videos report reports survey surveys poll polls memo ' +
    'memos statement statements document documents return returns pages page results data transcript ' +
    'transcripts ad ads book books album film films plan plans list lists letter letters figures numbers ' +
    'photos photo images audio recording recordings messages message findings budget details information ' +
    'tapes tape footage correspondence version copy analysis study studies platform proposal schedule ' +
    'song single trailer edition guidelines rules regulations text texts notes filing filings names name ' +
    'identity identities'
  ).split(' '),
);
const QUESTION = new Set([
  'if',
  'whether',
  'about',
  'what',
  'how',
  'why',
  'who',
  'when',
  'where',
  'which',
  'question',
  'questions',
  'yourself',
  'themselves',
  'himself',
  'herself',
]);
const NOT_AID = new Set(
  (
    'speech speeches interview interviews appointment appointments chance chances opportunity opportunities ' +
    'fodder access answer answers statement address advice credit birth testimony approval endorsement nod ' +
    'boost details copy information briefing ideas idea example examples lecture account thoughts impression ' +
    'reason reasons indication signal signals warning hint voice platform cover glimpse look insight ' +
    'explanation evidence update updates number numbers estimate talk talks press conference rise way lead ' +
    'edge advantage margin momentum route routes tools tool samples sample specimens specimen factor factors ' +
    'letter letters e-mail e-mails email emails card cards note'
  ).split(' '),
);
/** What one "offers" that is no offer to act: "offered a similar explanation", "an emotional defense". */
const NOT_AN_OFFER = new Set(
  (
    'explanation explanations defense defence opportunity opportunities approach appeal vision view views ' +
    'assessment prayers condolences thoughts take glimpse insight reminder contrast alternative critique ' +
    'praise rebuttal response answer answers argument arguments rationale justification excuse excuses ' +
    'comment comments remarks words forecast forecasts prediction predictions guarantee clue clues picture'
  ).split(' '),
);
/** Words of opinion polls: "the support of 27 percent of likely voters" is no act of support. */
const POLL_WORDS = new Set(
  'percent % poll polls polling survey surveys voters respondents caucus-goers likely electorate'.split(' '),
);

/** What one "meets" that is no meeting: "to meet residency requirements". */
const MET_STANDARDS = new Set(
  (
    'requirement requirements deadline deadlines goal goals needs need standard standards ' +
    'criteria criterion expectations target targets obligations threshold quota challenge challenges ' +
    'costs cost payroll'
  ).split(' '),
);
/** What one "hosts" that is no visit: a festival, a game. */
const HOSTED_EVENTS = new Set(
  (
    'festival fest concert concerts tournament tournaments game games match party parties ' +
    'fundraiser fundraisers show shows exhibition fair parade race races dinner dinners gala ' +
    'competition championship championships celebration reception tour tours open house workshop ' +
    'workshops class classes camp series event events'
  ).split(' '),
);
/** What one "receives" that is no visitor: money, a letter, treatment. */
const RECEIVED_THINGS = new Set(
  (
    'funds funding money award awards letter letters support treatment call calls sentence training ' +
    'approval grant grants donation donations payment payments benefits votes vote message messages ' +
    'complaints complaint reports report request requests applications permission attention care ' +
    'education degree diploma scholarship honor honour prize recognition praise criticism threats email ' +
    'emails copy information notice word news bill bills shipment delivery dollars million billion ' +
    'percent points salary raise pay checks check'
  ).split(' '),
);
/** What one "accepts" that is no agreement: "accept responsibility", "accepted the award". */
const ACCEPTED_THINGS = new Set(
  (
    'responsibility blame award awards prize nomination job position role post donation donations check ' +
    'money apology apologies credit challenge fate reality'
  ).split(' '),
);
/** "the car that hit Johnson": a road accident, not an assault. */
export const VEHICLES = new Set(
  (
    'car cars truck trucks vehicle vehicles bus buses train trains van vans suv pickup motorcycle ' +
    'tractor trailer semi taxi driver drivers motorist motorists'
  ).split(' '),
);
/** Causes of death and damage that are no one's act: diseases, disasters, accidents. */
const NATURAL_CAUSES = new Set(
  (
    'epidemic epidemics outbreak outbreaks cholera flu influenza virus viruses disease diseases ebola malaria ' +
    'measles pandemic infection infections strain h5n1 h1n1 sars mers tuberculosis hiv aids illness fever ' +
    'bacteria mutation flood floods flooding floodwaters waters earthquake quake tsunami storm storms ' +
    'hurricane cyclone typhoon tornado landslide landslides mudslide avalanche wildfire wildfires blaze ' +
    'drought famine heatwave lightning crash crashes accident accidents collision derailment avian flames ' +
    'pneumonia dengue zika plague smallpox polio meningitis covid coronavirus'
  ).split(' '),
);
/** What is killed or destroyed when no one is attacked: pests, animals culled, microbes. */
const NOT_VICTIMS = new Set(
  (
    'rats rat insects insect mosquito mosquitoes virus viruses bacteria germs pests weeds birds bird poultry ' +
    'chickens hens ducks hogs pigs swine cattle cows livestock animals flocks herds populations cells dog dogs ' +
    'cat cats pets horse horses deer'
  ).split(' '),
);
/** Someone who attacks, named in a sentence that also names a disease or a flood. */
const ATTACKERS = new Set(
  'gunmen gunman attackers militants rebels troops soldiers police bomb bombs bomber bombers assailants insurgents'.split(
    ' ',
  ),
);
/** What one attends that is no meeting: school, a class, a service. */
const ATTENDED_PLACES = new Set(
  (
    'class classes school schools grade college university church mass service services lecture lectures ' +
    'course courses concert concerts game games funeral funerals wedding weddings kindergarten clinic'
  ).split(' '),
);
/**
 * Sectors of private life, which make no actor political by themselves (their trips are no
 * diplomatic visits).
 */
export const PRIVATE_SECTORS = new Set(['CVL', 'MED', 'EDU', 'REF', 'LAB', 'BUS', 'REL', 'JRN']);
/** "complained of symptoms": a complaint about one's health, no accusation. */
const AILMENTS = new Set(
  'symptoms symptom pain pains headache headaches nausea fatigue dizziness vomiting fever illness soreness'.split(
    ' ',
  ),
);
/** What is "reinforced" that is no force: "reinforced a sense of unease". */
const ABSTRACT_REINFORCED = new Set(
  (
    'sense perception perceptions belief beliefs view views image message idea ideas impression notion ' +
    'fears fear concerns concern stereotypes stereotype argument arguments case point position status ' +
    'commitment importance need narrative'
  ).split(' '),
);
/** Staff one dismisses (fires): no rejection of anything. */
const STAFF = new Set(
  'member members employee employees staff staffer staffers worker workers coach manager managers director directors teacher teachers assessor assessors clerk clerks superintendent principal administrator administrators'.split(
    ' ',
  ),
);
/** "demonstrate that …", "demonstrate how …": to show, not to protest. */
const SHOWN = new Set(['that', 'how', 'what', 'why', 'whether']);
/** Things "held" that are no detainees: a meeting, an election. */
const HELD_EVENTS = new Set(
  (
    'meeting meetings talks election elections conference conferences summit summits event events rally ' +
    'rallies ceremony ceremonies vote votes referendum hearing hearings session sessions funeral service ' +
    'services race debate debates contest festival party parties competition exam exams forum briefing ' +
    'supper suppers dinner dinners breakfast breakfasts luncheon luncheons lunch picnic picnics sale sales ' +
    'auction auctions banquet banquets fair fairs show shows concert concerts celebration celebrations ' +
    'reunion reunions clinic clinics screening screenings class classes workshop workshops seminar seminars ' +
    'tournament tournaments game games fundraiser fundraisers parade parades memorial visitation burial ' +
    'mass graduation commencement pageant bazaar lecture lectures presentation presentations ' +
    'training program programs programme festivities tour tours'
  ).split(' '),
);
/** Things "returned" that are no people or land: calls, messages. */
const RETURNED_THINGS = new Set(
  'call calls message messages email emails e-mail e-mails phone favor favour serve fire verdict verdicts'.split(
    ' ',
  ),
);
/** Words before "March" the month: "in March", "on March 11", "last March". */
const MONTH_CONTEXT = new Set(
  'in on since by until till last this next early late mid of from between before after during through'.split(
    ' ',
  ),
);
const PLEA = new Set(['guilty', 'innocent', 'not', 'no']);
/** A plea in court: "his guilty plea", "the plea deal". */
const COURT_PLEA = new Set([
  'guilty',
  'deal',
  'bargain',
  'agreement',
  'agreed',
  'accepted',
  'entered',
  'court',
]);
/** Demand in the market sense: "an increased demand for Botox". */
const MARKET_DEMAND = new Set(
  'increased increasing growing rising strong stronger weak weaker high higher low lower falling stable consumer market global domestic public'.split(
    ' ',
  ),
);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'re", "'s", 'feel', 'feels', 'felt']);
/** A person, named by a pronoun or a word for one: who is captured by police. */
const PERSON_WORD =
  /^(?:he|she|him|her|they|them|(?:a|the|an)?\s*(?:\S+\s+)?(?:man|woman|men|women|suspect|suspects|fugitive|fugitives|teen|teenager|boy|girl|inmate|inmates|escapee))$/i;
const CUSTODY = new Set(['jail', 'prison', 'custody', 'detention', 'gaol', 'lockup']);

/** Private giving is no PLOVER AID: to a campaign, a PAC or a charity. */
const PRIVATE_RECIPIENT = /\b(?:pac|pacs|campaign|candidate|candidacy|charity|charities)\b/i;
/** Where the thing given or released ends: the recipient's preposition or a clause break. */
const OBJECT_END = new Set(['to', 'for', 'with', ',', '.', ';', ':', 'that', 'and', 'but']);

/** Whether the trigger at tokens first..last is used in a sense that is no event of `rec.type`. */
export function otherSense(doc: Doc, rec: EventRecord, first: number, last: number): boolean {
  const t = doc.tokens;
  const low = t.lower;
  const [s0, s1] = doc.sentenceTokens[t.sentence[first]];
  // (wordAfter called in place, no closure: a closure per call allocated, and under tsx named itself)
  // "capture" that is no arrest (isArrest) nor an assault: "cameras captured the shooting", "carbon capture"
  if (rec.type === 'ASSAULT' && low[first].startsWith('captur') && captureSense(doc, rec) === 'none')
    return true;
  switch (rec.type) {
    case 'CONSULT': {
      const w = low[first];
      if (w.startsWith('attend')) return wordAfter(low, last, s1, ATTENDED_PLACES, 3);
      if (
        rec.mode === 'visit' &&
        rec.actors.length > 0 &&
        rec.actors.every((a) => a.sector && PRIVATE_SECTORS.has(a.sector))
      )
        return true;
      if (w.startsWith('meet') || w === 'met') return wordAfter(low, last, s1, MET_STANDARDS, 4);
      // (a dinner for a visiting leader is a meeting: a party with a country or a sector keeps it)
      if (w.startsWith('host'))
        return (
          // ("Oktoberfest", "the annual Bikefest": a festival by its name)
          (wordAfter(low, last, s1, HOSTED_EVENTS, 5) ||
            rec.recipients.some((r) => headOf(r.text).endsWith('fest'))) &&
          !rec.recipients.some((r) => r.country || r.sector)
        );
      if (w.startsWith('receiv')) return rec.recipients.every((r) => RECEIVED_THINGS.has(headOf(r.text)));
      return false;
    }
    case 'ASSAULT': {
      const w = low[first];
      // "a cholera epidemic has killed 978 people", "a tsunami hit Java", "4,500 birds were destroyed"
      if (!rec.mode || rec.mode === 'destroy') {
        const words = (a: { text: string }) => a.text.toLowerCase().split(' ');
        if (rec.actors.some((a) => words(a).some((x) => NATURAL_CAUSES.has(x)))) return true;
        if (rec.recipients.length && rec.recipients.every((r) => NOT_VICTIMS.has(headOf(r.text))))
          return true;
        if (rec.actors.length === 0) {
          let natural = false;
          for (let k = s0; k < s1; k++) {
            if (ATTACKERS.has(low[k])) {
              natural = false;
              break;
            }
            if (NATURAL_CAUSES.has(low[k])) natural = true;
          }
          if (natural) return true;
        }
      }
      // "wound up", "a scene of wound, wired energy": the verb wind, or an adjective
      if (w === 'wound') return (last + 1 < s1 && low[last + 1] === 'up') || t.pos[first] === POS.ADJ;
      if (
        rec.mode ||
        !(
          w.startsWith('hit') ||
          w.startsWith('struck') ||
          w.startsWith('strik') ||
          w === 'ran' ||
          w === 'run'
        )
      )
        return false;
      return rec.actors.some((a) => VEHICLES.has(headOf(a.text)));
    }
    case 'RETREAT':
      // "phone messages were not returned", "returned his call"
      if (rec.mode === 'return' && rec.recipients.some((r) => RETURNED_THINGS.has(headOf(r.text))))
        return true;
      // "a news release", "the press release"
      if (low[first] === 'release' && first > s0 && (low[first - 1] === 'news' || low[first - 1] === 'press'))
        return true;
      // "are free to call witnesses": an adjective
      if (low[first] === 'free') return first > s0 && BE.has(low[first - 1]);
      if (rec.mode !== 'release' || !low[first].startsWith('releas')) return false;
      if (rec.recipients.some((r) => DOCUMENTS.has(headOf(r.text)))) return true;
      if (rec.actors.some((r) => DOCUMENTS.has(headOf(r.text)))) return true;
      // "the release of more than 7,000 pages", "a survey released Friday"
      if (wordAfter(low, last, s1, DOCUMENTS, 6)) return true;
      return first > s0 && DOCUMENTS.has(low[first - 1]);
    case 'REQUEST': {
      // "pleaded guilty", "pleads not guilty": a plea in court, not an appeal
      if (low[first].startsWith('plead')) return last + 1 < s1 && PLEA.has(low[last + 1]);
      if (low[first] === 'plea' || low[first] === 'pleas') {
        for (let k = Math.max(s0, first - 2); k < Math.min(s1, last + 3); k++)
          if (COURT_PLEA.has(low[k])) return true;
        return false;
      }
      // "did not respond to requests for comment"
      if (
        low[first].startsWith('request') &&
        last + 2 < s1 &&
        low[last + 1] === 'for' &&
        low[last + 2] === 'comment'
      )
        return true;
      if (low[first] === 'demand' && rec.rule?.includes('.noun:'))
        return first > s0 && MARKET_DEMAND.has(low[first - 1]);
      if (!low[first].startsWith('ask')) return false;
      // "asked if", "asked Kasich whether", "Asked about taking …"
      for (let k = last + 1; k < Math.min(s1, last + 5); k++) {
        if (QUESTION.has(low[k])) return true;
        if (low[k] === 'to' || low[k] === 'for' || low[k] === 'that') return false;
      }
      return false;
    }
    case 'AID': {
      const w = low[first];
      // "HIV/AIDS": the disease
      if (t.text[first] === 'AIDS' || (w === 'aids' && first > s0 && low[first - 1] === '/')) return true;
      if (rec.recipients.some((r) => NOT_AID.has(headOf(r.text)))) return true;
      // "three goals and three assists": a sports statistic
      if ((w === 'assists' || w === 'assist') && first > s0 && t.pos[first - 1] === POS.NUM) return true;
      if (!(w.startsWith('gav') || w.startsWith('giv') || w.startsWith('provid'))) return false;
      if (rec.recipients.some((r) => PRIVATE_RECIPIENT.test(r.text))) return true;
      return wordAfter(low, last, s1, NOT_AID, 5);
    }
    case 'AGREE':
      if (low[first].startsWith('accept')) return wordAfter(low, last, s1, ACCEPTED_THINGS, 4);
      // "understand and deal with the impact": the verb deal with, no agreement
      if (low[first] === 'deal' || low[first] === 'deals')
        return (
          last + 1 < s1 &&
          low[last + 1] === 'with' &&
          first > s0 &&
          (low[first - 1] === 'to' || low[first - 1] === 'and')
        );
      return low[first].startsWith('offer') && wordAfter(low, last, s1, NOT_AN_OFFER, 5);
    case 'SUPPORT': {
      if (low[first] !== 'support' || rec.rule?.includes('.noun:') !== true) return false;
      for (let k = s0; k < s1; k++) if (POLL_WORDS.has(low[k])) return true;
      return false;
    }
    case 'PROTEST':
      // "on March 11", "in March": the month
      if (t.text[first] === 'March' || t.text[first] === 'MARCH')
        return (
          (first > s0 && MONTH_CONTEXT.has(low[first - 1])) || (last + 1 < s1 && t.pos[last + 1] === POS.NUM)
        );
      // "of the 700 block of Knox Road": a city block
      if (low[first] === 'block' && ((first > s0 && t.pos[first - 1] === POS.NUM) || low[last + 1] === 'of'))
        return true;
      // a candidate's campaign rally is no protest ("at a rally in Derry, Clinton rebuffed a
      // heckler", "Trump rallies", "his rally"); a rally against something, or a protest rally, is one
      if (RALLY.has(low[last])) return campaignRally(doc, first, last);
      return (
        low[first].startsWith('demonstrat') &&
        !rec.rule?.includes('.noun:') &&
        last + 1 < s1 &&
        SHOWN.has(low[last + 1])
      );
    case 'REJECT':
      return low[first].startsWith('dismiss') && rec.recipients.some((r) => STAFF.has(headOf(r.text)));
    case 'COERCE':
      // "a meeting to be held in Moscow": no one is held
      if (low[first] !== 'held' && !low[first].startsWith('hold')) return false;
      return (
        rec.recipients.some((r) => HELD_EVENTS.has(headOf(r.text))) ||
        wordAfter(low, last, s1, HELD_EVENTS, 4)
      );
    case 'MOBILIZE':
      return low[first].startsWith('reinforc') && wordAfter(low, last, s1, ABSTRACT_REINFORCED, 4);
    case 'ACCUSE':
      return (
        low[first].startsWith('complain') &&
        last + 1 < s1 &&
        low[last + 1] === 'of' &&
        wordAfter(low, last, s1, AILMENTS, 4)
      );
    default:
      return false;
  }
}

/**
 * Whether an AID or ASSAULT trigger is in fact an arrest (COERCE:arrest): "the judge sent the
 * student to jail", "captured by Middletown police", "Clark was captured after a manhunt".
 */
export function isArrest(doc: Doc, rec: EventRecord, first: number, last: number): boolean {
  const t = doc.tokens;
  if (rec.type === 'ASSAULT')
    return t.lower[first].startsWith('captur') && captureSense(doc, rec) === 'arrest';
  if (rec.type !== 'AID' || !t.lower[first].startsWith('sen')) return false;
  const s1 = doc.sentenceTokens[t.sentence[first]][1];
  for (let k = last + 1; k < Math.min(s1, last + 10); k++)
    if (t.lower[k] === 'to' && k + 1 < s1 && CUSTODY.has(t.lower[k + 1])) return true;
  return false;
}

/** Whether a word of `set` is among the `reach` words after token `last`, before a word of `ends` (by
 * default a preposition or a clause break: what the trigger acts on: "sent letters to", "met
 * residency requirements"). */
export function wordAfter(
  low: readonly string[],
  last: number,
  s1: number,
  set: ReadonlySet<string>,
  reach: number,
  ends: ReadonlySet<string> = OBJECT_END,
): boolean {
  for (let k = last + 1; k < Math.min(s1, last + 1 + reach); k++) {
    if (ends.has(low[k])) return false;
    if (set.has(low[k])) return true;
  }
  return false;
}

/** The last word of a phrase, lower-cased: the head of an English noun phrase. */
export function headOf(text: string): string {
  return text.slice(text.lastIndexOf(' ') + 1).toLowerCase();
}

function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
}

const ARMED = new Set(['MIL', 'REB', 'UAF']);
/** Words of a sentence where "capture" takes no one: cameras, carbon, votes, titles. */
const CAPTURED_THINGS = new Set(
  (
    'camera cameras video videos footage photo photos photograph image images carbon dioxide co2 sulfur ' +
    'emissions runoff rain precipitation heat methane attention imagination essence mood spirit votes vote ' +
    'percent crown title titles championship award nomination'
  ).split(' '),
);
/**
 * What "capture" is: an armed side or a state taking a place or fighters ('assault'), police or
 * anyone taking a person into custody ('arrest'), or nothing of the kind ("cameras captured the
 * shooting", "the plant will capture carbon dioxide", "capturing the league crown": 'none').
 */
function captureSense(doc: Doc, rec: EventRecord): 'assault' | 'arrest' | 'none' {
  const t = doc.tokens;
  const [s0, s1] = doc.sentenceTokens[t.sentence[tokenAt(t, rec.trigger.start)]];
  for (let k = s0; k < s1; k++) if (CAPTURED_THINGS.has(t.lower[k])) return 'none';
  if (rec.actors.some((a) => a.sector === 'COP')) return 'arrest';
  const armed = rec.actors.some((a) => (a.sector && ARMED.has(a.sector)) || (a.country && !a.sector));
  const person = rec.recipients.some(
    (r) =>
      PERSON_WORD.test(r.text) ||
      r.sector === 'CVL' ||
      isPersonArgument(doc, r) ||
      (!r.country && !r.sector && isCapitalised(r.text) && !r.text.includes(' of ')),
  );
  if (armed || rec.actors.some((a) => a.sector === 'GOV' && a.country))
    return person && !armed ? 'arrest' : 'assault';
  if (person) return 'arrest';
  if (rec.recipients.some((r) => r.country || (r.sector && ARMED.has(r.sector)))) return 'assault';
  return 'none';
}

const RALLY = new Set(['rally', 'rallies', 'rallied', 'rallying']);
const CAMPAIGN_WORDS = new Set(
  (
    'campaign campaigns campaigning candidate candidates nominee presidential primary primaries caucus caucuses ' +
    'election electoral voters supporters speech stump running crowd crowds cheering gop republican ' +
    'republicans democratic democrats delegates convention'
  ).split(' '),
);
const PROTEST_RALLY = new Set(['against', 'protest', 'protesting', 'demanding', 'outside']);

/** Whether the rally at tokens first..last is a political campaign's, not a protest. */
function campaignRally(doc: Doc, first: number, last: number): boolean {
  const t = doc.tokens;
  const low = t.lower;
  const [s0, s1] = doc.sentenceTokens[t.sentence[first]];
  if (last + 1 < s1 && PROTEST_RALLY.has(low[last + 1])) return false;
  if (first > s0 && PROTEST_RALLY.has(low[first - 1])) return false;
  const owner = first > s0 ? low[first - 1] : '';
  if (owner === 'his' || owner === 'her' || owner === 'campaign') return true;
  // "a Trump rally", "a Hillary Clinton rally": a person's rally (a place's, "a Phoenix rally", is not)
  if (first > s0 && t.pos[first - 1] === POS.PROPN) {
    const end = t.end[first - 1];
    for (const m of doc.layer('mentions')) if (m.end === end && m.kind === 'person') return true;
  }
  for (let k = s0; k < s1; k++) if (CAMPAIGN_WORDS.has(low[k])) return true;
  return false;
}
