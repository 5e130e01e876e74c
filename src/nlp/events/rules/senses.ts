import type { Doc } from '../../../model/doc.js';
import type { EventRecord } from '../../../model/types.js';

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
    'song single trailer edition guidelines rules regulations text texts notes filing filings'
  ).split(' '),
);
const QUESTION = new Set(['if', 'whether', 'about', 'what', 'how', 'why', 'who', 'when', 'where', 'which']);
const NOT_AID = new Set(
  (
    'speech speeches interview interviews appointment appointments chance chances opportunity opportunities ' +
    'fodder access answer answers statement address advice credit birth testimony approval endorsement nod ' +
    'boost details copy information briefing ideas idea example examples lecture account thoughts impression ' +
    'reason reasons indication signal signals warning hint voice platform cover glimpse look insight ' +
    'explanation evidence update updates number numbers estimate talk talks press conference rise way lead ' +
    'edge advantage margin momentum'
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

/** Private giving is no PLOVER AID: to a campaign, a PAC or a charity. */
const PRIVATE_RECIPIENT = /\b(?:pac|pacs|campaign|candidate|candidacy|charity|charities)\b/i;
/** Where the thing given or released ends: the recipient's preposition or a clause break. */
const OBJECT_END = new Set(['to', 'for', 'with', ',', '.', ';', ':', 'that', 'and', 'but']);

/** Whether the trigger at tokens first..last is used in a sense that is no event of `rec.type`. */
export function otherSense(doc: Doc, rec: EventRecord, first: number, last: number): boolean {
  const t = doc.tokens;
  const low = t.lower;
  const [s0, s1] = doc.sentenceTokens[t.sentence[first]];
  /** Whether a word of `set` heads the few words after the trigger (before a preposition). */
  const objectIn = (set: ReadonlySet<string>, reach: number) => {
    for (let k = last + 1; k < Math.min(s1, last + 1 + reach); k++) {
      if (OBJECT_END.has(low[k])) return false;
      if (set.has(low[k])) return true;
    }
    return false;
  };
  const lastWord = (text: string) => text.slice(text.lastIndexOf(' ') + 1).toLowerCase();
  switch (rec.type) {
    case 'RETREAT':
      if (rec.mode !== 'release' || !low[first].startsWith('releas')) return false;
      if (rec.recipients.some((r) => DOCUMENTS.has(lastWord(r.text)))) return true;
      if (rec.actors.some((r) => DOCUMENTS.has(lastWord(r.text)))) return true;
      // "the release of more than 7,000 pages", "a survey released Friday"
      if (objectIn(DOCUMENTS, 6)) return true;
      return first > s0 && DOCUMENTS.has(low[first - 1]);
    case 'REQUEST': {
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
      if (!(w.startsWith('gav') || w.startsWith('giv') || w.startsWith('provid'))) return false;
      if (rec.recipients.some((r) => PRIVATE_RECIPIENT.test(r.text))) return true;
      return objectIn(NOT_AID, 5);
    }
    case 'AGREE':
      return low[first].startsWith('offer') && objectIn(NOT_AN_OFFER, 5);
    case 'SUPPORT': {
      if (low[first] !== 'support' || rec.rule?.includes('.noun:') !== true) return false;
      for (let k = s0; k < s1; k++) if (POLL_WORDS.has(low[k])) return true;
      return false;
    }
    default:
      return false;
  }
}
