import { IRREGULAR_PAST } from '../../lexicon/verb-forms.js';
import { WordShapes } from '../../lexicon/word-shapes.js';
import type { Doc } from '../../model/doc.js';
import type {
  EventArgument,
  EventQuantity,
  EventRecord,
  Factuality,
  Mention,
  Place,
  PloverType,
  Span,
} from '../../model/types.js';
import type { Stage } from '../../pipeline/pipeline.js';
import { firstSpanFrom, POS, tokenAt } from '../../text/tokenize.js';
import { mapPacked } from '../packed.js';
import { type ActorRegistry, alpha3Of, codeActor, ETHNIC, loadActorRegistry } from './actors.js';
import { acledOf } from './crosswalk.js';
import { makeTrigger, TRIGGERS, type Trigger } from './lexicon/compile.js';
import { sectorOfWords } from './lexicon/sectors.js';
import { WorkingRecord } from './record.js';
import {
  type Chunk,
  chunkSentence,
  coordinatedLeft,
  coordinatedRight,
  findObject,
  findSubject,
  isParty,
  isPassive,
  isPronoun,
  notAnArgument,
  RELATIVE,
  SPEECH,
  TRANSFER,
} from './rules/chunks.js';
import { civicSense } from './rules/civic.js';
import { backgroundOf, cueFactuality, factualityFromClaims, hasIntent } from './rules/factuality.js';
import { figurativeAssault } from './rules/figurative.js';
import { locateEvent } from './rules/location.js';
import { refineMode } from './rules/modes.js';
import { isArrest, otherSense } from './rules/senses.js';

export interface EventsOptions {
  /** Extra actor registry files (same format as data/actors.tsv); later files win. */
  actorFiles?: readonly string[];
}

/** PLOVER events with arguments, place, time, quantities and factuality. Provides `events`. */
export function createEventsStage(options: EventsOptions = {}): Stage<'events'> {
  const registry = loadActorRegistry(options.actorFiles ?? []);
  return {
    name: 'events',
    requires: ['sentences', 'mentions', 'entities', 'places', 'times', 'quantities', 'claims'],
    provides: ['events'],
    run: (doc) => ({ events: findEvents(doc, registry) }),
  };
}

interface Match {
  trigger: Trigger;
  first: number;
  last: number;
}

const VERB_LIKE = new Set([POS.VERB, POS.AUX]);
const MAX_GAP = 3;

const AGENT_HEADS = new Set(
  'agency agencies worker workers group groups organization organizations organisation organisations official officials police leader leaders helicopter helicopters aircraft jet jets plane planes organizer organizers organiser organisers committee committees movement movements unit units squad squads rifle rifles weapon weapons'.split(
    ' ',
  ),
);

/** The longest trigger starting at token i (a trigger's first word, whose readings `st` holds), if any. */
function matchAt(doc: Doc, i: number, s0: number, s1: number, titleCase: boolean, st: Start): Match | null {
  const t = doc.tokens;
  const w = t.lower[i];
  const p = t.pos[i];
  const verbs = st.verbs;
  const nouns = st.nouns;
  const participle = w.endsWith('ed') || w.endsWith('en');
  // part of a compound modifier ("OSCE-mediated ceasefire", "Turkish-backed") is no event
  const compound =
    (i > 0 && t.lower[i - 1] === '-' && t.start[i] === t.end[i - 1]) ||
    // a participle after a determiner modifies a noun ("the occupied city"), and "what it called"
    // names something rather than phoning anyone
    (i > 0 && t.pos[i - 1] === POS.DET && participle) ||
    (w.startsWith('call') && (t.lower[i - 2] === 'what' || t.lower[i - 1] === 'so'));
  let best: Match | null = null;
  // a capitalised word after a name or after "the" is part of a name, no verb: "said Dick Lynch",
  // "the Met's response" (nouns have their own test below)
  const inName =
    !titleCase &&
    i > s0 &&
    isUpper(t.first[i]) &&
    ((p === POS.PROPN && t.pos[i - 1] === POS.PROPN) || t.lower[i - 1] === 'the');
  if (verbs && !compound && !inName) {
    const verbal =
      VERB_LIKE.has(p) ||
      titleCase ||
      // participles tagged as adjectives ("were expelled") and verbs after "to"/modals
      (p === POS.ADJ && participle && isPassive(t, i, 0)) ||
      (w.endsWith('ed') &&
        i > 0 &&
        t.pos[i - 1] !== POS.DET &&
        t.pos[i - 1] !== POS.ADP &&
        t.pos[i - 1] !== POS.ADJ) ||
      (i > 0 &&
        (t.lower[i - 1] === 'to' ||
          t.pos[i - 1] === POS.AUX ||
          // (a possessive is no subject: "reiterated its demand")
          (t.pos[i - 1] === POS.PRON && !OWNERS.has(t.lower[i - 1])))) ||
      // a progressive with an adverb: "is currently striking"
      (w.endsWith('ing') && i > 1 && t.pos[i - 1] === POS.ADV && t.pos[i - 2] === POS.AUX) ||
      // "began training": an -ing complement of a verb
      (w.endsWith('ing') && i > 0 && t.pos[i - 1] === POS.VERB) ||
      // a present-tense verb mis-tagged as noun between subject and object: "the US military
      // trains Iraqi pilots", "forces arrest a person"
      (p === POS.NOUN &&
        i > s0 &&
        i + 1 < s1 &&
        (t.pos[i - 1] === POS.NOUN || t.pos[i - 1] === POS.PROPN || t.pos[i - 1] === POS.ADJ) &&
        (t.pos[i + 1] === POS.DET || t.pos[i + 1] === POS.PROPN || t.pos[i + 1] === POS.NUM));
    // a noun inside a noun phrase ("Israel's air force carried out") is no verb, whatever follows
    const inNounPhrase =
      p === POS.NOUN &&
      i > s0 &&
      (t.pos[i - 1] === POS.DET ||
        t.pos[i - 1] === POS.ADJ ||
        t.pos[i - 1] === POS.NOUN ||
        t.lower[i - 1] === "'s");
    for (const tr of verbs)
      if (verbal || (tr.tail.length > 0 && !inNounPhrase)) best = betterMatch(t, i, s1, tr, best);
  }
  if (
    nouns &&
    (p === POS.NOUN ||
      p === POS.PROPN ||
      (p === POS.ADJ && nouns[0].tail.length > 0) ||
      !verbs ||
      // a hyphenated compound ("cease-fire") whatever its first part was tagged
      nouns[0].tail[0] === '-') &&
    // a capitalised noun after a name is part of the name ("the Gulf War", "Government of
    // National Accord"), not an event
    (titleCase || i === s0 || !(t.pos[i - 1] === POS.PROPN && isUpper(t.first[i])))
  ) {
    // a noun modifying an agent noun names the agent, not an act: "aid agencies", "riot police",
    // "protest leaders", "attack helicopters"
    if (!(i + 1 < s1 && AGENT_HEADS.has(t.lower[i + 1])))
      for (const tr of nouns) best = betterMatch(t, i, s1, tr, best);
  }
  return best;
}

/** The match of `tr` at token i if it fits and beats `best` (longer, or a phrase over a word). */
function betterMatch(t: Doc['tokens'], i: number, s1: number, tr: Trigger, best: Match | null): Match | null {
  const last = matchTail(t.lower, t.pos, i, s1, tr.tail);
  if (last < 0) return best;
  if (!best || last - i > best.last - best.first || (best.trigger.tail.length === 0 && tr.tail.length > 0))
    return { trigger: tr, first: i, last };
  return best;
}

function matchTail(
  low: readonly string[],
  pos: ArrayLike<number>,
  i: number,
  s1: number,
  tail: readonly string[],
): number {
  let k = i;
  for (let j = 0; j < tail.length; j++) {
    const want = tail[j];
    if (want === '_') {
      const next = tail[j + 1];
      let found = -1;
      // a hyphenated compound ("a two-week ceasefire") counts as one word of the gap
      for (let g = 0, words = 0; words <= MAX_GAP && k + 1 + g < s1; g++) {
        const tok = low[k + 1 + g];
        if (tok === next) {
          found = k + 1 + g;
          break;
        }
        const joined = tok === '-' || (g > 0 && low[k + g] === '-');
        if (!joined) words++;
        // the gap holds modifiers, not another verb: "have refused official talks" is no talk
        if (
          tok === ',' ||
          tok === '.' ||
          tok === ';' ||
          (!joined && (pos[k + 1 + g] === POS.VERB || pos[k + 1 + g] === POS.AUX))
        )
          break;
      }
      if (found < 0) return -1;
      k = found;
      j++;
      continue;
    }
    if (k + 1 >= s1 || low[k + 1] !== want) return -1;
    k++;
  }
  return k;
}

/** (Every literal sets all fields, the optional ones to undefined, in this order: one hidden class for V8.) */
interface Draft {
  match: Match;
  sentence: number;
  actors: Chunk[];
  recipients: Chunk[];
  passive: boolean;
  /** Index of the draft whose complement this one is ("agreed to [release]"). */
  governor: number;
  factuality: Factuality;
  claim?: string;
  objectEnd: number;
  /** Actors to use when no governing event supplies them (a participle clause's own subject). */
  fallback?: Chunk[];
  /** For a noun trigger, the light verb whose object it is ("will not [begin] talks"), else -1. */
  verbAt: number;
}

/**
 * Index of the chunk that holds token i after its first word, or -1. (A function of its own, not a
 * closure in the token loop: a closure over the loop's `m` made every token allocate a context.)
 */
function chunkAround(chunks: readonly Chunk[], i: number): number {
  for (let k = 0; k < chunks.length; k++) if (chunks[k].first < i && i <= chunks[k].last) return k;
  return -1;
}

/** A sentence's chunks, chunked when first asked for. */
function chunksOf(doc: Doc, chunksBySentence: Chunk[][], si: number): Chunk[] {
  let chunks = chunksBySentence[si];
  if (chunks === undefined) {
    chunks = chunkSentence(doc.tokens, doc.sentenceTokens[si][0], doc.sentenceTokens[si][1]);
    chunksBySentence[si] = chunks;
  }
  return chunks;
}

/**
 * The first mention with an entity that overlaps [start, end), of mentions in text order (the scan
 * stops at the first that starts past the span). (This and
 * chunksOf are functions of their own, not closures made per document: under tsx each closure named
 * itself by a defineProperty.)
 */
function entityOf(mentions: readonly Mention[], start: number, end: number): Mention | undefined {
  // binary search to the mentions near the span (no mention spans more than a few words)
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < start - MENTION_REACH) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < mentions.length; k++) {
    const mm = mentions[k];
    if (mm.start >= end) break;
    if (start < mm.end && mm.entity) return mm;
  }
  return undefined;
}

/** Find, argue, place, date, count and qualify the events of a document. */
export function findEvents(doc: Doc, registry: ActorRegistry): EventRecord[] {
  const t = doc.tokens;
  const drafts: Draft[] = [];
  // a sentence is chunked when a word of it first needs the chunks
  const chunksBySentence: Chunk[][] = [];
  doc.sentenceTokens.forEach(([s0, s1], si) => {
    // case and critics too are worked out only when a word of the sentence needs them
    let titleCase: boolean | undefined;
    let firstCritic = -1;
    const sentenceDrafts: number[] = [];
    for (let i = s0; i < s1; i++) {
      const st = startAt(t, i);
      if (st === null) continue;
      titleCase ??= isTitleCase(doc, s0, s1);
      let m: Match | null = st.trigger ? matchAt(doc, i, s0, s1, titleCase, st) : null;
      if (!m && st.modal) m = obligationAt(doc, chunksOf(doc, chunksBySentence, si), i, s0, s1);
      // "critics say …": the speech verb's subject ends in a critics noun before it
      if (!m && t.pos[i] === POS.VERB && st.sayer) {
        if (firstCritic < 0) firstCritic = firstCritics(t, s0, s1);
        if (firstCritic < i) m = criticismAt(doc, chunksOf(doc, chunksBySentence, si), i, s0, s1);
      }
      if (!m) continue;
      let chunks = chunksOf(doc, chunksBySentence, si);
      // a present-tense verb mis-tagged as noun was chunked into the phrase around it ("[The US
      // military trains Iraqi pilots]", "[Forces arrest] a person"): it splits the phrase into
      // its subject and its object
      const within = m.trigger.noun ? -1 : chunkAround(chunks, m.first);
      if (within >= 0) {
        const c = chunks[within];
        const parts = [{ first: c.first, last: m.first - 1 }];
        if (m.last < c.last) parts.push({ first: m.last + 1, last: c.last });
        chunks = [...chunks.slice(0, within), ...parts, ...chunks.slice(within + 1)];
        chunksBySentence[si] = chunks;
      }
      const d =
        m.trigger === OBLIGATION
          ? argueObligation(doc, chunks, m, si, s0, s1)
          : m.trigger === CRITICISM
            ? argueCriticism(doc, chunks, m, si, s0, s1)
            : argue(doc, registry, chunks, m, si, s0, s1);
      if (d) {
        // a trigger inside the object/complement of an earlier one depends on it
        for (const g of sentenceDrafts) {
          const gd = drafts[g];
          // a weak trigger without a party object is no event, so it governs nothing ("will
          // extend the curfew")
          if (gd.match.trigger.weak && !(gd.recipients.length && isParty(t, gd.recipients[0]))) continue;
          const gt = gd.match.trigger.type;
          // "accused X of opening fire", "demanded that X apologise": the whole clause depends on it
          const wide =
            (gt === 'ACCUSE' || gt === 'REQUEST' || gt === 'THREATEN' || gt === 'REJECT') &&
            !gd.match.trigger.noun &&
            (t.lower[m.first].endsWith('ing') ||
              t.lower[m.first - 1] === 'to' ||
              hasWordBetween(t.lower, gd.match.last, m.first, 'that'));
          // "staged demonstrations to demand reforms", "blocked roads, demanding …": the purpose or
          // manner of the earlier event, not an event of its own standing
          // (", forcing hundreds to flee": a participle clause after a comma reaches further)
          // (right after a long object it is still the purpose: "donated a shipment of … and other
          // equipment to assist Ethiopia")
          const purpose =
            (m.first - gd.match.last <= (t.lower[m.first - 1] === ',' ? 30 : 12) &&
              (t.lower[m.first - 1] === 'to' ||
                (t.lower[m.first].endsWith('ing') && !m.trigger.noun && t.pos[m.first - 1] !== POS.AUX))) ||
            (t.lower[m.first - 1] === 'to' && gd.objectEnd === m.first - 2);
          if (gd.match.last < m.first && (m.first <= gd.objectEnd || wide || purpose)) {
            d.governor = g;
            // "refused to meet [the envoy]", "agreed to release [prisoners]": the governing act is
            // about the complement's party
            if (
              !gd.match.trigger.noun &&
              !m.trigger.noun &&
              t.lower[m.first - 1] === 'to' &&
              m.first - gd.match.last <= 3 &&
              d.recipients.length > 0 &&
              (gd.recipients.length === 0 || (GOVERNING.has(gt) && isParty(t, d.recipients[0])))
            ) {
              gd.recipients = d.recipients;
              gd.objectEnd = Math.max(gd.objectEnd, d.objectEnd);
            }
            if (gt === 'ACCUSE' && gd.recipients.length && t.lower[m.first].endsWith('ing'))
              d.actors = gd.recipients;
            else if (
              (d.actors.length === 0 ||
                (d.actors.length === 1 && isPronoun(t.lower[d.actors[0].first])) ||
                // a purpose infinitive after a thing given or spent is the giver's aim: "donated
                // ventilators to assist Ethiopia" (a thing acts on no one)
                (purpose &&
                  t.lower[m.first - 1] === 'to' &&
                  gd.actors.length > 0 &&
                  d.actors.every(
                    (a) =>
                      !isParty(t, a) && gd.recipients.some((r) => r.first <= a.last && a.first <= r.last),
                  ))) &&
              // the judge of a noun event is not its actor: "denied the accusations"
              !(m.trigger.noun && !gd.match.trigger.noun && judges(t.lower[gd.match.first]))
            )
              d.actors = gd.actors;
          }
        }
        if (d.actors.length === 0 && d.fallback) d.actors = d.fallback;
        sentenceDrafts.push(drafts.length);
        drafts.push(d);
      }
      i = m.last;
    }
  });
  const records: EventRecord[] = [];
  const mentions = byStart(doc.layer('mentions'));
  const entities = doc.layer('entities');
  let entityById: Map<string, (typeof entities)[number]> | null = null;
  // `arg` reads the draft being coded from these (one closure per document, not one per draft:
  // each allocated, and under tsx named itself by a defineProperty)
  let argChunks: Chunk[] = [];
  let argSentence = 0;
  let argS0 = 0;
  let argPlaced = new Set<EventArgument>();
  const arg = (c: Chunk, other: readonly Chunk[] = []): EventArgument => {
    let first = c.first;
    let last = c.last;
    // resolve a pronoun to the subject of the governing speech verb in the same sentence
    if (first === last && isPronoun(t.lower[first]) && t.text[first] !== 'US') {
      const prev = findSubject(t, argChunks, first, argS0);
      if (
        prev >= 0 &&
        !isPronoun(t.lower[argChunks[prev].first]) &&
        !other.some((o) => o.first === argChunks[prev].first)
      ) {
        first = argChunks[prev].first;
        last = argChunks[prev].last;
      } else if (OBJECT_PRONOUNS.has(t.lower[first])) {
        // "X was released after Y pardoned him": an object pronoun the clause's own subject
        // cannot bind refers back to the sentence's main subject
        const main = mainSubject(t, argChunks, argS0, first, t.lower[first] === 'them');
        if (main && !other.some((o) => o.first <= main.last && main.first <= o.last)) {
          first = main.first;
          last = main.last;
        }
      }
    }
    while (first < last && t.pos[first] === POS.DET) first++;
    const start = t.start[first];
    let end = t.end[last];
    // a known name the tagger cut short ("Red | Cross officials"): extend to the whole name
    const sentEnd = doc.sentences[argSentence].end;
    const limit = Math.min(sentEnd, end + 40);
    // only hits starting inside the phrase can stretch it: the scan stops at its end, and reads
    // on only when a stretched phrase may take in more
    const reach = end - start;
    let hits = registry.findIn(doc.text, start, limit, reach);
    let complete = false;
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h];
      if (hit.start < end - start && start + hit.end > end && hit.entry.via === 'registry') {
        let k = last;
        while (k + 1 < t.length && t.start[k + 1] < start + hit.end) k++;
        last = k;
        end = t.end[k];
      }
      // (the full reading starts with the same hits, so the loop goes on where it was)
      if (h === hits.length - 1 && end - start > reach && !complete) {
        hits = registry.findIn(doc.text, start, limit);
        complete = true;
      }
    }
    const text = doc.text.slice(start, end);
    const a: EventArgument = { start, end, text };
    const mention = entityOf(mentions, start, end);
    const code = codeActor(registry, text);
    // a place named inside the phrase locates it: "the government of Sindh province", "people
    // in Hong Kong"
    if (!code.country) code.country = countryInside(doc, start, end);
    if (!code.country) {
      code.country = countryNearby(doc, registry, argChunks, last, argSentence, code.sector);
      if (code.country) argPlaced.add(a);
    }
    if (mention?.entity) {
      a.entity = mention.entity;
      entityById ??= new Map(entities.map((e) => [e.id, e]));
      const ent = entityById.get(mention.entity);
      if (ent?.country && !code.country) code.country = ent.country;
      if (ent?.sector && !code.sector) code.sector = ent.sector;
    }
    if (code.country) a.country = code.country;
    if (code.sector) a.sector = code.sector;
    return a;
  };
  for (let n = 0; n < drafts.length; n++) {
    const d = drafts[n];
    const { match: m } = d;
    const tr = m.trigger;
    const chunks = chunksBySentence[d.sentence];
    // ambiguous words ("call", "hold", "back") count only with an object: "called the president"
    if (tr.weak && (d.recipients.length === 0 || (!tr.noun && d.actors.length === 0 && !d.passive))) continue;
    // … and that object must be a party, not a thing: "hold talks" yes, "hold weight" no
    if (
      tr.weak &&
      !isParty(t, d.recipients[0]) &&
      !(tr.type === 'ASSAULT' && armed(t, d.actors[0])) &&
      // money or relief goods given are aid whoever receives them: "gave 352.5 million euros to …"
      !(tr.type === 'AID' && gift(t, d.recipients[0]))
    )
      continue;
    const [s0] = doc.sentenceTokens[d.sentence];
    // arguments whose country comes from the sentence around them, not from their own words
    const placedNearby = new Set<EventArgument>();
    argChunks = chunks;
    argSentence = d.sentence;
    argS0 = s0;
    argPlaced = placedNearby;
    // no party acted on: the place the act is done to or in stands for it ("sent aid to Yemen",
    // "agreed to accept 1,500 people living in Greek refugee camps", "deployed troops to Liberia")
    if (!d.recipients.some((c) => isParty(t, c))) {
      const place = placeOfAct(doc, chunks, d, doc.sentenceTokens[d.sentence][1]);
      if (place) d.recipients = [...d.recipients, place];
    }
    const trigger = { start: t.start[m.first], end: t.end[m.last], text: '' };
    trigger.text = doc.text.slice(trigger.start, trigger.end);
    // (built by push onto a literal, not by map: map's result is sometimes a holey array, and the
    // arrays' several elements kinds kept deoptimising the rules that read rec.actors/recipients)
    const recipients: EventArgument[] = [];
    for (const c of d.recipients) recipients.push(arg(c, d.actors));
    // the parties named are things, people or forces no state claims ("set up field hospitals in
    // Louisiana", "food to 300,000 people in northeast Nigeria", "troops to the NATO force in
    // Afghanistan"): PLOVER codes the country where the act lands as its target
    if (
      tr.type !== 'CONSULT' &&
      recipients.length > 0 &&
      (!recipients.some((r) => r.country && !placedNearby.has(r)) ||
        HOSTED.has(t.lower[d.recipients.at(-1)!.last]))
    ) {
      const place = placeOfAct(doc, chunks, d, doc.sentenceTokens[d.sentence][1], true);
      if (place && !d.recipients.some((c) => c.first <= place.last && place.first <= c.last))
        recipients.push(arg(place, d.actors));
    }
    // (after the recipients, as before: arg notes the parties it placed)
    const actors: EventArgument[] = [];
    for (const c of d.actors) actors.push(arg(c, d.recipients));
    const rec = new WorkingRecord(
      `ev${records.length + 1}`,
      tr.type,
      actors,
      recipients,
      trigger,
      d.sentence,
      `events.${tr.noun ? 'noun' : d.passive ? 'passive' : 'verb'}:${tr.phrase}`,
    );
    if (tr.mode) rec.mode = tr.mode;
    if (tr.cameo) rec.cameo = tr.cameo;
    if (isArrest(doc, rec, m.first, m.last)) recode(rec, 'COERCE', '173', 'arrest');
    if (
      !refineByObject(doc, rec, m.first, m.last) ||
      otherSense(doc, rec, m.first, m.last) ||
      civicSense(doc, rec, m.first, m.last)
    )
      continue;
    // "Trump attacked Romney", "Clinton beat Sanders in the caucuses": words, not force
    if (rec.type === 'ASSAULT') {
      refineMode(doc, rec, m.first, m.last);
      const fig = figurativeAssault(doc, rec, tr.phrase.split(' ')[0].split('|')[0], m.first, m.last);
      if (fig === 'none') continue;
      if (fig === 'verbal') {
        recode(rec, 'ACCUSE', '111', 'disapprove');
        rec.rule = `${rec.rule}+verbal`;
      }
    }
    // factuality: own cues first (negation, modality), then the claim that carries it
    const head = d.verbAt >= 0 ? d.verbAt : m.first;
    const cue = cueFactuality(doc, head, d.actors[0]?.last ?? -1, s0);
    const claim = factualityFromClaims(doc.layer('claims'), doc.text, trigger.start, trigger.end, rec.actors);
    if (claim) {
      rec.claim = claim.id;
      rec.factuality = claim.factuality;
    }
    if (cue) rec.factuality = cue;
    if (d.governor >= 0) {
      const g = drafts[d.governor].match.trigger.type;
      if (g === 'REJECT') rec.factuality = 'negated';
      else if (g === 'ACCUSE') rec.factuality = 'uncertain';
      else if (g === 'AGREE' || g === 'THREATEN' || g === 'REQUEST') rec.factuality = 'future';
      rec.confidence = 0.5;
    }
    if (d.governor < 0 && (!tr.noun || d.verbAt >= 0)) recodeIntent(doc, rec, d, head, s0);
    if (claim && rec.rule?.includes('+intent:')) speakerActs(doc, chunks, rec, d, claim.id, arg);
    // "could not resist", "did not reject": a negated refusal is no event
    if (rec.type === 'REJECT' && rec.factuality === 'negated') continue;
    if (tr.weak) rec.confidence -= 0.2;
    // place, time, quantities from the same sentence
    const place = locateEvent(doc, d.sentence, trigger, rec.type);
    if (place) {
      rec.place = place.id;
      rec.placeBasis = place.basis;
      // an actor nothing else places acts where the event happens: "people blocked streets in Hong
      // Kong", "prisoners rioted at a jail in Dili" (the analysts' default for local actors)
      if (place.basis === 'sentence' && rec.actors.some((a) => !a.country)) {
        const where = placeByMention(doc).get(place.id);
        // (a place after the trigger, its locative; one before it may modify a name: "U.S. border
        // patrol agents")
        const a3 = where?.country && where.start >= trigger.end ? alpha3Of(where.country) : undefined;
        if (a3) for (const a of rec.actors) if (!a.country) a.country = a3;
      }
      // no party acted on at all: the place in the trigger's clause stands for the side it lands
      // on ("In Colombia, the ELN declared a ceasefire", "rebels in Deraa said they will lay down
      // their weapons"), as after the trigger; a meeting's place is only where it was held
      if (place.basis === 'sentence' && rec.recipients.length === 0 && rec.type !== 'CONSULT') {
        const where = placeByMention(doc).get(place.id);
        if (where && !rec.actors.some((a) => a.start < where.end && where.start < a.end)) {
          const r: EventArgument = { start: where.start, end: where.end, text: where.text };
          const a3 = where.country ? alpha3Of(where.country) : undefined;
          if (a3) r.country = a3;
          rec.recipients.push(r);
        }
      }
    }
    attachTime(doc, rec, claim?.content);
    if (backgroundOf(doc, rec, m.first, s0)) rec.background = true;
    rec.quantities = quantitiesFor(doc, rec);
    // the threatened act, the kind of protest: modes the trigger word alone does not give (an
    // ASSAULT's weapon was read above, before the figurative test)
    if (rec.type !== 'ASSAULT') refineMode(doc, rec, m.first, m.last, rec.rule?.split('+intent:')[1]);
    // the crosswalk follows the final type and mode (object refinements and intent recodings change them)
    const acled = acledOf(rec.type, rec.mode);
    if (acled) rec.acled = acled;
    records.push(rec.toRecord());
  }
  return dedupe(records);
}

/** A copy of the spans in text order (the layer usually is: then no sort is needed). */
function byStart<S extends Span>(spans: readonly S[]): S[] {
  for (let k = 1; k < spans.length; k++)
    if (spans[k].start < spans[k - 1].start) return [...spans].sort((a, b) => a.start - b.start);
  return [...spans];
}

const PLACE_INDEX = new WeakMap<Doc, Map<string, Place>>();
/** The places layer indexed by mention id (built once per document). */
function placeByMention(doc: Doc): Map<string, Place> {
  let m = PLACE_INDEX.get(doc);
  if (!m) {
    m = new Map();
    for (const p of doc.layer('places')) m.set(p.mention, p);
    PLACE_INDEX.set(doc, m);
  }
  return m;
}

const IN_SENTENCE = new WeakMap<Doc, Map<readonly Span[], Span[][]>>();
/**
 * The spans of a layer that lie inside sentence `si`, in layer order: the same as filtering the
 * whole layer by the sentence's bounds, bucketed once per document (asked for every event).
 */
function inSentence<S extends Span>(doc: Doc, spans: readonly S[], si: number): readonly S[] {
  let byLayer = IN_SENTENCE.get(doc);
  if (!byLayer) {
    byLayer = new Map();
    IN_SENTENCE.set(doc, byLayer);
  }
  let buckets = byLayer.get(spans);
  if (!buckets) {
    const sents = doc.sentences;
    const out: Span[][] = mapPacked(sents, () => []);
    for (const x of spans) {
      // the last sentence starting at or before the span, then back over any others that hold it
      let lo = 0;
      let hi = sents.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sents[mid].start <= x.start) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo - 1; k >= 0 && sents[k].end >= x.end; k--)
        if (sents[k].start <= x.start) out[k].push(x);
    }
    buckets = out;
    byLayer.set(spans, buckets);
  }
  return (buckets[si] ?? []) as unknown as readonly S[];
}

const NEGATORS = new Set(['not', "n't", 'never']);
/** "will not end", "won't lift", "has never accepted": a negator within three words before `i`. */
function negatedAt(t: Doc['tokens'], i: number, s0: number): boolean {
  for (let k = i - 1; k >= s0 && k >= i - 3; k--) if (NEGATORS.has(t.lower[k])) return true;
  return false;
}

const IN_ORDER = new WeakMap<readonly Span[], boolean>();
/**
 * Where a scan for the spans starting at or after `offset` may begin (the ones before it are
 * skipped by the scan anyway): the first such span when the layer is in text order, else 0.
 */
function fromOffset(spans: readonly Span[], offset: number): number {
  let inOrder = IN_ORDER.get(spans);
  if (inOrder === undefined) {
    inOrder = true;
    for (let k = 1; k < spans.length && inOrder; k++)
      if (spans[k].start < spans[k - 1].start) inOrder = false;
    IN_ORDER.set(spans, inOrder);
  }
  return inOrder ? firstSpanFrom(spans, offset) : 0;
}

/** The country of the first gazetteer place (not a demonym) inside [start, end). */
function countryInside(doc: Doc, start: number, end: number): string | undefined {
  const places = doc.layer('places');
  for (let k = fromOffset(places, start); k < places.length; k++) {
    const p = places[k];
    if (p.start >= end) break;
    if (p.start >= start && p.end <= end && p.kind === 'place' && p.country) return alpha3Of(p.country);
  }
  return undefined;
}

const CONDITIONS = new Set(['until', 'unless', 'till', 'before']);
const CONDITION_REACH = 12;

/** The first named or described party (not a pronoun) in an "until/unless" clause after `from`. */
function conditionParty(t: Doc['tokens'], chunks: Chunk[], from: number, s1: number): Chunk | null {
  let k = from;
  while (k < s1 && k < from + 6 && !CONDITIONS.has(t.lower[k])) {
    if (t.lower[k] === ';' || t.lower[k] === ',') return null;
    k++;
  }
  if (k >= s1 || !CONDITIONS.has(t.lower[k])) return null;
  const end = Math.min(s1, k + CONDITION_REACH);
  let c = 0;
  for (let j = k + 1; j < end; j++) {
    const w = t.lower[j];
    if (w === ',' || w === ';') return null;
    while (c < chunks.length && chunks[c].first < j) c++;
    if (c >= chunks.length) return null;
    const ch = chunks[c];
    if (ch.first === j && !isPronoun(t.lower[ch.last]) && isParty(t, ch)) return ch;
  }
  return null;
}

const PLACE_PREPS = new Set(['in', 'into', 'to', 'inside']);
/** Nouns for parts of a country: "Greek refugee camps", "the Thai border", "Syrian territory". */
const LOCATION_NOUNS = new Set(
  'camp camps border borders territory territories waters airspace region regions areas area province provinces villages towns cities capital coast soil'.split(
    ' ',
  ),
);
/** Forces and missions are hosted: where they serve is the party they serve (UNDERTAKINGS-like). */
const HOSTED = new Set(
  'force forces mission missions operation operations contingent deployment presence coalition'.split(' '),
);
const PLACE_REACH = 16;

/**
 * The place a recipient-less act is directed at or done in: the first "in/into/to <place>" after
 * the trigger within its clause, where the place is a gazetteer place (not a demonym).
 */
function placeOfAct(doc: Doc, chunks: Chunk[], d: Draft, s1: number, afterObject = false): Chunk | null {
  const t = doc.tokens;
  const from = d.match.last + 1;
  // past the object when there is one: the place of "set up two field hospitals and a strike team
  // of health workers in Louisiana" follows a long object
  const to = Math.min(
    s1 - 1,
    (afterObject ? Math.max(d.objectEnd, d.match.last) : d.match.last) + PLACE_REACH,
  );
  for (let k = from; k < to; k++) {
    const w = t.lower[k];
    if (w === ';' || w === ',' || w === ':' || t.pos[k] === POS.SCONJ || w === 'who' || w === 'which') break;
    if (!PLACE_PREPS.has(w)) continue;
    // ("in the north", "in northeast Nigeria": a determiner or a direction word before the name)
    const c = chunks.find(
      (ch) =>
        ch.first === k + 1 || (ch.first === k + 2 && (t.pos[k + 1] === POS.DET || t.pos[k + 1] === POS.ADV)),
    );
    if (!c) continue;
    // a named place, or a national one described: "in Greek refugee camps", "the Thai border"
    const described = LOCATION_NOUNS.has(t.lower[c.last]);
    if (t.pos[c.last] !== POS.PROPN && !described) continue;
    if (d.actors.some((a) => a.first <= c.last && c.first <= a.last)) return null;
    const cs = t.start[c.first];
    const ce = t.end[c.last];
    const places = doc.layer('places');
    for (let k = fromOffset(places, cs); k < places.length; k++) {
      const p = places[k];
      if (p.start > ce) break;
      if (p.start < cs) continue;
      if (p.kind === 'place' && p.end === ce) return c;
      if (described && p.country) return c;
    }
  }
  return null;
}

const AGENCY = /\bagenc(?:y|ies)\b/i;
const OFFICIALS_IN =
  /\b(?:diplomats?|ambassadors?|envoys?|inspectors?|observers?|monitors?|peacekeepers?|consul)\b/i;
const ADMINISTRATIVE = /^(curfew|restrictions?|ban|bans|emergency|martial|measures|blackout)$/;
const OFFICIALS =
  /^(diplomats?|ambassadors?|envoys?|inspectors?|observers?|monitors?|peacekeepers?|mission|staff|consul)$/;

/**
 * Codebook distinctions that turn on the object: lifting a curfew or a ban is CONCEDE (an
 * administrative easing), lifting sanctions is RETREAT; expelling diplomats or inspectors is
 * SANCTION:expel, expelling people is COERCE:deport.
 */
/**
 * Give an event another PLOVER type and CAMEO code. `mode`: a new mode, null to drop the trigger's
 * mode, or omitted to keep it ("withdrew observers" stays SANCTION:withdraw). The ACLED crosswalk
 * is derived from the final type when the record is complete.
 */
function recode(rec: WorkingRecord, type: PloverType, cameo: string, mode?: string | null): void {
  rec.type = type;
  rec.cameo = cameo;
  if (mode) rec.mode = mode;
  else if (mode === null) rec.unsetMode();
}

/** Marks that open a quotation (a closing one after "called X" ends a quote around it instead). */
const OPENING_QUOTES = new Set(['"', '“', '‘', "'", "''", '``']);

function refineByObject(doc: Doc, rec: WorkingRecord, first: number, last: number): boolean {
  const low = doc.tokens.lower;
  const t = doc.tokens;
  // "called the ambassador a stupid guy" names someone; it is no phone call; nor is "was called"
  const phoneCall = rec.type === 'CONSULT' && rec.mode === 'phone' && low[first].startsWith('call');
  if (phoneCall && rec.rule?.includes('passive')) return false;
  if (
    rec.type === 'CONSULT' &&
    rec.mode === 'phone' &&
    low[first].startsWith('call') &&
    rec.recipients.length
  ) {
    const after = tokenAt(t, rec.recipients.at(-1)!.end);
    if (
      after < t.length &&
      (low[after] === 'a' ||
        low[after] === 'an' ||
        t.pos[after] === POS.ADJ ||
        OPENING_QUOTES.has(low[after]))
    )
      return false;
  }
  // "a company called Sansun USA", "a class called “Perception”", "so-called": a name, not a call
  // (an indefinite noun phrase before "called" is what is named; "the president called" calls)
  if (phoneCall && low[first] === 'called' && first > 0) {
    if (low[first - 1] === 'so') return false;
    let k = first - 1;
    while (k > first - 4 && k > 0 && (t.pos[k] === POS.NOUN || t.pos[k] === POS.ADJ)) k--;
    if (k < first - 1 && (low[k] === 'a' || low[k] === 'an')) return false;
  }
  // "called the idea … a “ridiculous proposition”", "called China ''provocative''": a quoted label
  if (phoneCall && low[first] !== 'call') {
    const s1 = doc.sentenceTokens[t.sentence[first]][1];
    for (let k = last + 1; k < Math.min(s1, last + 9); k++) if (OPENING_QUOTES.has(low[k])) return false;
  }
  // "warned that …" reports a concern; a threat has a target ("warned X of", "warned against")
  if (
    rec.type === 'THREATEN' &&
    low[first].startsWith('warn') &&
    (low[last + 1] === 'that' || low[last + 2] === 'that')
  )
    return false;
  // suspending one's own campaign or plans is no sanction: SANCTION needs another party
  if (
    rec.type === 'SANCTION' &&
    rec.recipients.length === 1 &&
    /^(?:its|his|her|their|our|my)\b/i.test(rec.recipients[0].text)
  )
    return false;
  // a politician's "attack" on a rival is verbal: ACCUSE, not ASSAULT
  if (
    rec.type === 'ASSAULT' &&
    !rec.mode &&
    /^(attack|attacks|attacked|attacking|assault|hit|hits)$/.test(low[last])
  ) {
    let verbal = false;
    for (let k = Math.max(0, last - 3); k < last; k++) if (VERBAL_ATTACK.test(low[k])) verbal = true;
    const individual = rec.actors.some(
      (a) =>
        (INDIVIDUAL_TITLE.test(a.text) && a.sector !== 'MIL' && a.sector !== 'REB' && a.sector !== 'UAF') ||
        COMMUNICATION.test(a.text),
    );
    if (verbal || individual) {
      recode(rec, 'ACCUSE', '111', 'disapprove');
      return true;
    }
  }
  // fighting an epidemic, poverty or the causes of migration is no armed attack
  if (
    rec.type === 'ASSAULT' &&
    FIGHTING.test(low[first]) &&
    rec.recipients.length > 0 &&
    SCOURGES.has(headOf(rec.recipients[0]))
  )
    return false;
  // "removing the sanctions is out of the question": the act is refused
  if (rec.type !== 'REJECT' && (rec.rule?.startsWith('events.noun') || low[last].endsWith('ing'))) {
    const [, e1] = doc.sentenceTokens[rec.sentence];
    for (let k = last + 1; k + 3 < e1 && k <= last + 12; k++) {
      if (low[k] === ',' || low[k] === ';') break;
      if (
        low[k] === 'out' &&
        low[k + 1] === 'of' &&
        (low[k + 2] === 'question' || low[k + 3] === 'question')
      ) {
        rec.rule = `${rec.rule}+refused:${rec.type}`;
        recode(rec, 'REJECT', '120', null);
        return true;
      }
    }
  }
  const [r0, r1] = doc.sentenceTokens[rec.sentence];
  // receiving observers or inspectors lets them in (PLOVER RETREAT access, CAMEO 0862)
  if (rec.type === 'CONSULT' && low[first].startsWith('receiv')) {
    for (let k = last + 1; k < r1 && k <= last + 5; k++) {
      if (OBSERVERS.test(low[k])) {
        recode(rec, 'RETREAT', '0862', 'access');
        return true;
      }
      if (low[k] === ',' || low[k] === ';') break;
    }
  }
  // "protested that …", "…, a rights group protested": a spoken protest is a disapproval
  if (rec.type === 'PROTEST' && low[first].startsWith('protest') && !rec.rule?.startsWith('events.noun')) {
    const actor = rec.actors[0] ? tokenAt(t, rec.actors[0].start) : -1;
    let reporting = low[last + 1] === 'that';
    if (!reporting && actor > r0) {
      let k = actor - 1;
      while (k > r0 && (t.pos[k] === POS.DET || t.pos[k] === POS.ADJ)) k--;
      reporting = low[k] === ',';
    }
    if (reporting) {
      recode(rec, 'ACCUSE', '111', 'disapprove');
      return true;
    }
  }
  // a protest someone stops is their coercion: "police prevented the demonstration", "troops
  // broke up the rally" (COERCE restrict: restrictions on political freedoms)
  if (rec.type === 'PROTEST' && rec.rule?.startsWith('events.noun')) {
    let k = first - 1;
    while (k >= 0 && (t.pos[k] === POS.DET || t.pos[k] === POS.ADJ || t.pos[k] === POS.NUM)) k--;
    if (k >= 0 && low[k] === 'up' && k > 0) k--;
    if (k >= 0 && REPRESSING.test(low[k]) && rec.actors.length) {
      recode(rec, 'COERCE', '172', 'restrict');
      return true;
    }
  }
  // an honour awarded is praise (CAMEO 051), money awarded is aid
  if (rec.type === 'AID' && low[first].startsWith('award')) {
    for (let k = last + 1; k < r1 && k <= last + 6; k++) {
      if (HONOURS.test(low[k])) {
        recode(rec, 'SUPPORT', '051', null);
        return true;
      }
      if (low[k] === ',' || low[k] === ';' || low[k] === 'to') break;
    }
  }
  // agreeing a deal, as reaching one, finalises it: SUPPORT (sign/finalise an agreement); a
  // promise of one stays AGREE
  if (
    rec.type === 'AGREE' &&
    low[first].startsWith('agree') &&
    rec.recipients.length &&
    AGREEMENTS.test(rec.recipients[0].text)
  ) {
    recode(rec, 'SUPPORT', '057');
  }
  const [s0, s1] = doc.sentenceTokens[rec.sentence];
  // military personnel sent to keep the peace or observe are aid to the host (PLOVER AID:
  // "military and police assistance including arms and personnel")
  if (
    rec.type === 'MOBILIZE' ||
    (rec.type === 'CONSULT' && rec.mode === 'visit' && rec.rule?.includes('arrive'))
  ) {
    for (let k = Math.max(s0, first - 6); k < s1 && k <= last + 8; k++) {
      if (low[k].startsWith('peacekeep') || (k > last && OBSERVERS.test(low[k]))) {
        recode(rec, 'AID', '074', null);
        return true;
      }
    }
  }
  // withdrawing non-military resources (observers, inspectors, peacekeepers, aid workers,
  // diplomats) is SANCTION withdraw, not a military retreat
  if (rec.type === 'RETREAT' && rec.mode === 'withdraw') {
    for (let k = last + 1; k < s1 && k <= last + 6; k++) {
      if (
        OBSERVERS.test(low[k]) ||
        OFFICIALS.test(low[k]) ||
        low[k].startsWith('peacekeep') ||
        low[k] === 'workers'
      ) {
        recode(rec, 'SANCTION', '161');
        return true;
      }
    }
  }
  // accepting or conceding demands yields to them; cancelling a restriction eases it
  // (the demand or measure is the direct object, whoever the recipient: "accepted demands from rebels")
  // (the words after the trigger are read only for the two acts they decide)
  const yielding =
    (rec.type === 'AGREE' && low[first].startsWith('accept')) ||
    (rec.type === 'REJECT' && low[first].startsWith('cancel'));
  let yielded = false;
  let measure = false;
  for (let k = last + 1; yielding && k < s1 && k <= last + 4; k++) {
    if (YIELDED.test(low[k])) yielded = true;
    if (MEASURE_WORDS.test(low[k])) measure = true;
    if (t.pos[k] === POS.ADP || t.pos[k] === POS.VERB) break;
  }
  if (
    (rec.recipients.length || yielded || measure) &&
    ((rec.type === 'AGREE' &&
      low[first].startsWith('accept') &&
      (yielded || YIELDED.test(rec.recipients[0].text))) ||
      (rec.type === 'REJECT' &&
        low[first].startsWith('cancel') &&
        (measure || MEASURE_WORDS.test(rec.recipients[0].text))))
  ) {
    recode(rec, 'CONCEDE', '080', null);
    return true;
  }
  // letting refugees in is asylum: "opened its borders to refugees", "accepted 1,141 Iraqi refugees"
  if (
    ((rec.type === 'RETREAT' && rec.mode === 'access') ||
      (rec.type === 'AGREE' && low[first].startsWith('accept'))) &&
    rec.recipients.some((r) => r.sector === 'REF' || REFUGEES.test(r.text))
  ) {
    recode(rec, 'AID', '075', 'asylum');
    return true;
  }
  // (administrative words decide only a release, officials and agencies only a deportation)
  const retreat = rec.type === 'RETREAT';
  const deport = rec.type === 'COERCE' && rec.mode === 'deport';
  let admin = false;
  // the one expelled may be named before the trigger: "two inspectors … were expelled"
  let officials = deport && rec.recipients.some((r) => OFFICIALS_IN.test(r.text));
  for (let k = last + 1; (retreat || deport) && k < s1 && k <= last + 6; k++) {
    if (ADMINISTRATIVE.test(low[k])) admin = true;
    if (OFFICIALS.test(low[k])) officials = true;
  }
  // expelling an international organisation or aid agency is a sanction on it (CAMEO 1663 "expel
  // or withdraw aid agencies"): "forced the UN refugee agency out of the country"
  const agency =
    deport && rec.recipients.some((r) => r.country === 'IGO' || r.country === 'NGO' || AGENCY.test(r.text));
  if (rec.type === 'RETREAT' && admin && rec.mode !== 'release') {
    recode(rec, 'CONCEDE', '081', null);
  } else if (rec.type === 'COERCE' && rec.mode === 'deport' && (officials || agency)) {
    recode(rec, 'SANCTION', '166', 'expel');
  } else if (rec.type === 'RETREAT' && rec.mode === 'access' && PERMITTING.test(low[first])) {
    // allowing a politician, party or protest to take part is easing restrictions on political
    // freedoms (CAMEO 0811/0812: CONCEDE), not letting an outside party in
    for (let k = last + 1; k < s1 && k <= last + 10; k++) {
      if (low[k] === ';' || low[k] === '.') break;
      if (POLITICAL_FREEDOM.test(low[k])) {
        recode(rec, 'CONCEDE', '0811', null);
        break;
      }
    }
  }
  return true;
}

const FIGHTING =
  /^(?:fight|fights|fought|fighting|combat|combats|combating|combatting|battle|battles|battling)$/;
const SCOURGES = new Set(
  'epidemic epidemics pandemic disease diseases virus outbreak outbreaks poverty hunger famine corruption causes inflation unemployment fire fires wildfire wildfires malaria ebola covid-19 coronavirus cancer aids hiv'.split(
    ' ',
  ),
);
const HONOURS =
  /^(?:order|medal|medals|prize|prizes|award|awards|honou?rs?|title|decoration|citizenship|knighthood)$/;
const PERMITTING = /^(?:allow|allows|allowed|allowing|permit|permits|permitted|permitting)$/;
const POLITICAL_FREEDOM =
  /^(?:candidates?|candidacy|opposition|part(?:y|ies)|elections?|ballots?|rall(?:y|ies)|protests?|demonstrations?|campaign(?:s|ing)?|participate|contest|vote|voting)$/;
const REPRESSING =
  /^(?:prevent|prevents|prevented|preventing|ban|bans|banned|banning|disperse|disperses|dispersed|dispersing|break|breaks|broke|breaking|suppress|suppresses|suppressed|suppressing|crush|crushes|crushed|crushing|forbid|forbids|forbade|forbidden|outlaw|outlaws|outlawed|stop|stops|stopped|stopping|thwart|thwarts|thwarted|thwarting)$/;
const YIELDED = /\b(?:demands?|conditions|terms|ultimatum)$/i;
const MEASURE_WORDS = /\b(?:restrictions?|ban|bans|curfew|sanctions|embargo|blockade|measures)\b/i;
const OBSERVERS = /^(?:observers?|monitors?|inspectors?|experts?)$/;
const REFUGEES = /\b(?:refugees?|migrants?|asylum[- ]seekers?|displaced)\b/i;
const AGREEMENTS = /\b(?:agreement|deal|accord|treaty|pact|text|compromise|settlement|memorandum)s?$/i;
const VERBAL_ATTACK =
  /^(verbal|scathing|blistering|stinging|withering|bitter|personal|rhetorical|extraordinary|fierce|sharp|savage|vitriolic|scorching|furious|angry)$/;
const COMMUNICATION =
  /\b(?:tweets?|statements?|speech|speeches|ads?|advert\w*|reports?|articles?|letters?|videos?|op-eds?|editorials?|posts?|comments?|remarks?|interview|campaign)\s*$/i;
const INDIVIDUAL_TITLE =
  /\b(?:minister|president|senator|lawmaker|congressman|congresswoman|leader|premier|spokes(?:man|woman|person)|MP|governor|mayor|chairman|chairwoman|candidate|secretary|critic|critics)\b/i;

const COOPERATIVE = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'RETREAT', 'CONCEDE']);
const CONFLICTUAL = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'MOBILIZE', 'PROTEST']);

/**
 * PLOVER codes announced intentions and refusals as events of their own: "will release" is AGREE,
 * "will attack" is THREATEN, "will not release" / "refused talks" is REJECT.
 */
/** An "if"/"unless" clause right after the event's object, in the same sentence. */
function conditionFollows(doc: Doc, d: Draft): boolean {
  const s1 = doc.sentenceTokens[d.sentence][1];
  const low = doc.tokens.lower;
  for (let k = d.objectEnd + 1; k < s1 && k <= d.objectEnd + 8; k++) {
    if (low[k] === 'if' || low[k] === 'unless') return true;
    if (low[k] === ';' || low[k] === '.') return false;
  }
  return false;
}

function recodeIntent(doc: Doc, rec: WorkingRecord, d: Draft, trig: number, s0: number): void {
  const subjectEnd = d.passive ? (d.recipients.at(-1)?.last ?? -1) : (d.actors.at(-1)?.last ?? -1);
  const intent = hasIntent(doc, trig, subjectEnd, s0);
  const original = `${rec.type}${rec.mode ? `:${rec.mode}` : ''}`;
  // (a negated passive, "they were not consulted", is nobody's refusal: it stays a negated event)
  if (rec.factuality === 'negated' && !d.passive && (intent || COOPERATIVE.has(rec.type))) {
    rec.type = 'REJECT';
    rec.factuality = rec.claim ? 'reported' : 'asserted';
  } else if (
    CONFLICTUAL.has(rec.type) &&
    (rec.factuality === 'uncertain' || rec.factuality === 'future') &&
    conditionFollows(doc, d)
  ) {
    // "may halt mediation if cooperation founders": a conditional harm is a threat
    rec.type = 'THREATEN';
    rec.factuality = rec.claim ? 'reported' : 'asserted';
  } else if (intent && rec.factuality === 'future') {
    if (COOPERATIVE.has(rec.type)) rec.type = 'AGREE';
    else if (CONFLICTUAL.has(rec.type)) rec.type = 'THREATEN';
    else return;
    rec.factuality = rec.claim ? 'reported' : 'asserted';
  } else return;
  if (rec.type !== original.split(':')[0]) {
    rec.unsetMode();
    rec.rule = `${rec.rule}+intent:${original}`;
  }
}

/**
 * An intention or refusal announced for one's own side is the speaker's act (PLOVER codes who
 * makes the statement): "Putin said his country will not lift the ban" is Putin's REJECT, "the
 * prime minister announced that the government will extend the curfew" his THREATEN. Only an
 * actor that merely stands for the speaker's side is replaced: none, a pronoun, "his country", or
 * an unnamed "the government" of the speaker's own country.
 */
function speakerActs(
  doc: Doc,
  chunks: readonly Chunk[],
  rec: EventRecord,
  d: Draft,
  claimId: string,
  arg: (c: Chunk) => EventArgument,
): void {
  const t = doc.tokens;
  const src = doc.layer('claims').find((c) => c.id === claimId)?.source;
  if (!src) return;
  const sc = chunks.find((c) => t.start[c.first] <= src.start && src.start < t.end[c.last]);
  if (!sc || isPronoun(t.lower[sc.last]) || !isParty(t, sc)) return;
  if (d.actors.length > 1) return;
  const a = d.actors[0];
  if (a) {
    if (a.first <= sc.last && sc.first <= a.last) return;
    const w = t.lower[a.first];
    let unnamed = w === 'the';
    for (let k = a.first; unnamed && k <= a.last; k++) if (t.pos[k] === POS.PROPN) unnamed = false;
    // ("US" is the country, not the pronoun)
    const pronoun = a.first === a.last && isPronoun(w) && t.text[a.first] !== 'US';
    if (!pronoun && !OWNERS.has(w) && !unnamed) return;
  }
  const speaker = arg(sc);
  const own = rec.actors[0]?.country;
  if (own && speaker.country && own !== speaker.country) return;
  rec.actors = [speaker];
}

const LOCATIVE = new Set(['in', 'of', 'from', 'throughout', 'across']);
// state actors are domestic by default; non-state ones (rebels, refugees, civilians) often are not
const DOMESTIC_SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'OPP', 'PTY']);

/**
 * A country for an actor the words alone do not place: its own locative ("rebels in the Ivory
 * Coast", "police of Guinea"), else, for domestic sectors and titled people, the country of the
 * first place the sentence locates things in ("… a curfew in Abidjan") — the default analysts use.
 */
function countryNearby(
  doc: Doc,
  registry: ActorRegistry,
  chunks: readonly Chunk[],
  last: number,
  sentence: number,
  sector: string | undefined,
): string | undefined {
  const t = doc.tokens;
  // "a terror group based in Trinidad"
  const at = t.lower[last + 1] === 'based' || t.lower[last + 1] === 'operating' ? last + 1 : last;
  if (at + 1 < t.length && LOCATIVE.has(t.lower[at + 1])) {
    const c = chunks.find((ch) => ch.first === at + 2 || (t.lower[at + 2] === 'the' && ch.first === at + 3));
    if (c) {
      const code = codeActor(registry, doc.text.slice(t.start[c.first], t.end[c.last]));
      if (code.country) return code.country;
    }
  }
  // an apposition describes the actor: "Kenzo Oshima, the United Nations Emergency Relief
  // Coordinator, demanded …", "Salaheddine Sidhoum, Algeria's leading human rights activist"
  if (t.lower[last + 1] === ',') {
    const c = chunks.find((ch) => ch.first === last + 2);
    if (c && c.last + 1 < t.length && (t.lower[c.last + 1] === ',' || t.pos[c.last + 1] === POS.PUNCT)) {
      const code = codeActor(registry, doc.text.slice(t.start[c.first], t.end[c.last]));
      if (code.country) return code.country;
    }
  }
  if (!sector || !DOMESTIC_SECTORS.has(sector)) return onlyCountry(doc, registry, sentence);
  return domesticCountry(doc, registry, chunks, sentence);
}

/** "in" or "in the" right before a place. */
const IN_BEFORE = /\bin\s+(?:the\s+)?$/i;

// by the sentence's chunks (final once events are argued): the same for every actor of the sentence
const DOMESTIC = new WeakMap<readonly Chunk[], string | null>();

/** The country of the first place the sentence locates things in ("… a curfew in Abidjan"), else its only country. */
function domesticCountry(
  doc: Doc,
  registry: ActorRegistry,
  chunks: readonly Chunk[],
  sentence: number,
): string | undefined {
  const known = DOMESTIC.get(chunks);
  if (known !== undefined) return known ?? undefined;
  const found = firstLocatedCountry(doc, registry, chunks, sentence);
  DOMESTIC.set(chunks, found ?? null);
  return found;
}

function firstLocatedCountry(
  doc: Doc,
  registry: ActorRegistry,
  chunks: readonly Chunk[],
  sentence: number,
): string | undefined {
  const t = doc.tokens;
  const s = doc.sentences[sentence];
  for (const p of inSentence(doc, doc.layer('places'), sentence)) {
    if (
      p.start >= s.start &&
      p.end <= s.end &&
      p.country &&
      p.kind === 'place' &&
      IN_BEFORE.test(doc.text.slice(Math.max(s.start, p.start - 8), p.start))
    ) {
      const a3 = alpha3Of(p.country);
      if (a3) return a3;
    }
  }
  const [s0, s1] = doc.sentenceTokens[sentence];
  for (let k = s0; k + 1 < s1; k++) {
    if (t.lower[k] !== 'in') continue;
    const c = chunks.find((ch) => ch.first === k + 1);
    if (!c) continue;
    for (const hit of registry.find(doc.text.slice(t.start[c.first], t.end[c.last]))) {
      if (hit.entry.via === 'country' || hit.entry.via === 'capital') return hit.entry.country;
    }
  }
  return onlyCountry(doc, registry, sentence);
}

/**
 * The one country a sentence names (by name, demonym, capital or a registry actor), if it names
 * exactly one: the analysts' default for unnamed local actors ("prisoners rioted at a jail in
 * Dili", "Islamic fundamentalists … the Algerian president").
 */
function onlyCountry(doc: Doc, registry: ActorRegistry, sentence: number): string | undefined {
  let memo = ONLY_COUNTRY.get(doc);
  if (!memo) {
    memo = new Map();
    ONLY_COUNTRY.set(doc, memo);
  }
  if (memo.has(sentence)) return memo.get(sentence);
  const s = doc.sentences[sentence];
  let found: string | undefined;
  for (const hit of registry.findIn(doc.text, s.start, s.end)) {
    const c = hit.entry.country;
    if (c === 'IGO' || c === 'NGO') continue;
    // an ethnic group names no state: "ethnic Albanians demonstrated in Serbia"
    if (
      hit.entry.via === 'demonym' &&
      ETHNIC.test(doc.text.slice(s.start + Math.max(0, hit.start - 7), s.start + hit.start))
    )
      continue;
    if (found && found !== c) {
      found = undefined;
      break;
    }
    found = c;
  }
  memo.set(sentence, found);
  return found;
}
const ONLY_COUNTRY = new WeakMap<Doc, Map<number, string | undefined>>();
const MENTION_REACH = 120;

/**
 * The first token in [from, to) whose lower-cased word is in CRITICS, else `to`. (Asked of most
 * sentences, those with a speech verb: the first letter, c, o or d, skips the lookup for most words.)
 */
function firstCritics(t: Doc['tokens'], from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const c = t.first[k] | 32;
    if ((c === 99 || c === 111 || c === 100) && CRITICS.has(t.lower[k])) return k;
  }
  return to;
}

function hasWordBetween(low: readonly string[], a: number, b: number, word: string): boolean {
  for (let k = a + 1; k < b; k++) if (low[k] === word) return true;
  return false;
}

function isTitleCase(doc: Doc, s0: number, s1: number): boolean {
  const first = doc.tokens.first;
  let caps = 0;
  let words = 0;
  for (let i = s0; i < s1; i++) {
    const c = first[i];
    const upper = c >= 65 && c <= 90;
    if (!upper && !(c >= 97 && c <= 122)) continue;
    words++;
    if (upper) caps++;
    // (stop once even capitals in every remaining token could not reach 70%)
    else if (7 * (words - caps) >= 3 * (caps + s1 - 1 - i)) return false;
  }
  return words >= 4 && caps / words > 0.7;
}

/** "X said Y must/should do …": X demands something of Y (REQUEST), a rule over the modal. */
const OBLIGATION: Trigger = makeTrigger({
  phrase: 'say … must',
  tail: [],
  type: 'REQUEST',
  cameo: '100',
  objPreps: [],
  noObject: true,
  weak: false,
  noun: false,
  form: 'base',
});

/** Verbs that introduce what someone must do: the speech verbs and "declared/reiterated that". */
const DECLARING = new Set(
  'declare declares declared reiterate reiterates reiterated stress stresses stressed conclude concludes concluded argue argues argued emphasize emphasized emphasise emphasised'.split(
    ' ',
  ),
);
const SAYERS: ReadonlySet<string> = new Set([...SPEECH, ...DECLARING]);
const sayer = (w: string) => SAYERS.has(w);

/**
 * What a word can start: a trigger (its verb and noun readings), an obligation (`obligationAt`: a
 * modal), a criticism (`criticismAt`: a speech verb). One object per word, all of one shape, so the
 * token loop looks a word up once rather than in four sets and maps.
 */
interface Start {
  trigger: boolean;
  verbs: readonly Trigger[] | undefined;
  nouns: readonly Trigger[] | undefined;
  modal: boolean;
  sayer: boolean;
}
const STARTS = new Map<string, Start>();
for (const w of [...TRIGGERS.firsts, ...SAYERS, 'must', 'should'])
  if (!STARTS.has(w))
    STARTS.set(w, {
      trigger: TRIGGERS.firsts.has(w),
      verbs: TRIGGERS.verbs.get(w),
      nouns: TRIGGERS.nouns.get(w),
      modal: w === 'must' || w === 'should',
      sayer: SAYERS.has(w),
    });

/**
 * What token i can start (a speech verb only as a verb), or null. Most tokens start nothing, and
 * their sentence need not be chunked.
 */
function startAt(t: Doc['tokens'], i: number): Start | null {
  // (a third or more of the words are ruled out by their shape, without a lookup)
  if (!START_SHAPES.mayHold(t, i)) return null;
  const st = STARTS.get(t.lower[i]);
  if (st === undefined || !(st.trigger || st.modal || (st.sayer && t.pos[i] === POS.VERB))) return null;
  return st;
}

/** The shapes of the words startAt accepts. */
const START_SHAPES = new WordShapes(STARTS.keys());

function obligationAt(doc: Doc, chunks: Chunk[], i: number, s0: number, s1: number): Match | null {
  const w = doc.tokens.lower[i];
  if (w !== 'must' && w !== 'should') return null;
  // "should be hanged": the subject suffers the act; nobody is asked to do anything
  // (but "must be ready to", "should be able to" ask something of the subject)
  const next = doc.tokens.lower[i + 1];
  if (
    next === 'have' ||
    (next === 'be' && (doc.tokens.pos[i + 2] !== POS.ADJ || /(?:ed|en)$/.test(doc.tokens.lower[i + 2] ?? '')))
  )
    return null;
  // the complement's subject, then a speech verb before it with a subject of its own
  const subj = findSubject(doc.tokens, chunks, i, s0);
  if (subj < 0) return null;
  for (let k = chunks[subj].first - 1; k >= s0 && k >= chunks[subj].first - 10; k--) {
    if (sayer(doc.tokens.lower[k]) && findSubject(doc.tokens, chunks, k, s0) >= 0 && i + 1 < s1)
      return { trigger: OBLIGATION, first: i, last: i };
  }
  return null;
}

function argueObligation(doc: Doc, chunks: Chunk[], m: Match, si: number, s0: number, s1: number): Draft {
  const t = doc.tokens;
  const subj = findSubject(t, chunks, m.first, s0);
  let speaker = -1;
  for (let k = chunks[subj].first - 1; k >= s0; k--) {
    if (sayer(t.lower[k])) {
      speaker = findSubject(t, chunks, k, s0);
      break;
    }
  }
  return {
    match: m,
    sentence: si,
    actors: speaker >= 0 ? mapPacked(coordinatedLeft(t, chunks, speaker), (x) => chunks[x]) : [],
    recipients: mapPacked(coordinatedLeft(t, chunks, subj), (x) => chunks[x]),
    passive: false,
    governor: -1,
    factuality: 'asserted',
    // what must be done depends on the demand: "must end attacks" is not an attack
    objectEnd: Math.min(s1 - 1, m.last + 8),
    verbAt: -1,
    claim: undefined,
    fallback: undefined,
  };
}

/** "Critics say X has …": what a party's critics say of it is their accusation (ACCUSE). */
const CRITICISM: Trigger = makeTrigger({
  phrase: 'critics say …',
  tail: [],
  type: 'ACCUSE',
  mode: 'disapprove',
  cameo: '111',
  objPreps: [],
  noObject: true,
  weak: false,
  noun: false,
  form: 'base',
});
const CRITICS = new Set(['critic', 'critics', 'opponents', 'detractors']);

/** The clause's subject right after the speech verb (or its "that"), if it is a party. */
function criticised(t: Doc['tokens'], chunks: readonly Chunk[], i: number, s1: number): number {
  const at = t.lower[i + 1] === 'that' ? i + 2 : i + 1;
  if (at >= s1) return -1;
  const k = chunks.findIndex((c) => c.first === at);
  return k >= 0 && isParty(t, chunks[k]) ? k : -1;
}

function criticismAt(doc: Doc, chunks: Chunk[], i: number, s0: number, s1: number): Match | null {
  const t = doc.tokens;
  if (!sayer(t.lower[i]) || t.pos[i] !== POS.VERB) return null;
  const subj = findSubject(t, chunks, i, s0);
  if (subj < 0 || !CRITICS.has(t.lower[chunks[subj].last])) return null;
  return criticised(t, chunks, i, s1) >= 0 ? { trigger: CRITICISM, first: i, last: i } : null;
}

function argueCriticism(doc: Doc, chunks: Chunk[], m: Match, si: number, s0: number, s1: number): Draft {
  const t = doc.tokens;
  const subj = findSubject(t, chunks, m.first, s0);
  const obj = criticised(t, chunks, m.first, s1);
  return {
    match: m,
    sentence: si,
    actors: mapPacked(coordinatedLeft(t, chunks, subj), (x) => chunks[x]),
    recipients: mapPacked(coordinatedRight(t, chunks, obj, s1), (x) => chunks[x]),
    passive: false,
    governor: -1,
    factuality: 'asserted',
    objectEnd: chunks[obj].last,
    verbAt: -1,
    claim: undefined,
    fallback: undefined,
  };
}

/** Actor and recipient chunks for a trigger match. */
function argue(
  doc: Doc,
  registry: ActorRegistry,
  chunks: Chunk[],
  m: Match,
  si: number,
  s0: number,
  s1: number,
): Draft | null {
  const t = doc.tokens;
  const tr = m.trigger;
  const d: Draft = {
    match: m,
    sentence: si,
    actors: [],
    recipients: [],
    passive: false,
    governor: -1,
    factuality: 'asserted',
    objectEnd: m.last,
    verbAt: -1,
    claim: undefined,
    fallback: undefined,
  };
  // the agent's "by"-phrase (pure, and asked for up to three times below)
  const byChunk = byPhraseAfter(t, chunks, m.last, s1);
  if (tr.noun) return argueNoun(doc, registry, chunks, m, d, byChunk, s0, s1);
  // "is committed to", "is opposed to": adjectives of attitude, their subject holds it
  d.passive =
    (tr.form === 'pastpp' || tr.form === 'pp') &&
    !(tr.tail.length === 1 && tr.tail[0] === 'to') &&
    isPassive(t, m.first, s0);
  // a reduced relative with an agent: "people evacuated from Haiti by the U.S.", "warplanes
  // supported by Russia"
  if (
    !d.passive &&
    (tr.form === 'pastpp' || tr.form === 'pp') &&
    m.first > s0 &&
    (t.pos[m.first - 1] === POS.NOUN || t.pos[m.first - 1] === POS.PROPN) &&
    m.last + 1 < s1 &&
    t.pos[m.last + 1] === POS.ADP &&
    byChunk >= 0 &&
    // an agent, not a measure: "shortened by one hour"
    isParty(t, chunks[byChunk])
  )
    d.passive = true;
  const subj = findSubject(t, chunks, m.first, s0);
  if (d.passive) {
    if (subj >= 0) d.recipients = pickLeft(t, chunks, subj);
    const by = byChunk;
    if (by >= 0) d.actors = pickRight(t, chunks, s1, by);
    else if (
      (tr.type === 'MOBILIZE' || tr.type === 'AID') &&
      TRANSFER.test(t.lower[m.last]) &&
      d.recipients.length &&
      MEANS.has(t.lower[d.recipients[0].last])
    ) {
      // "Russian soldiers were deployed along the corridor": forces deployed with no one named
      // deploying them are their own side's act; where they go is the other party
      d.actors = d.recipients;
      d.recipients = [];
      d.passive = false;
      addLaterParty(t, chunks, d, s1);
      return d;
    } else if (STATE_ACTS.has(`${tr.type}:${tr.mode ?? ''}`)) {
      // "was arrested in Niger", "were expelled from North Korea": an arrest, expulsion or release
      // with no agent named is the act of the state where it happens
      const state = statePlace(doc, chunks, m.last, s1);
      if (state) d.actors = [state];
    }
  } else {
    // a participle clause after a comma shares the main clause's subject, found by the governor
    const participleClause = tr.form === 'ing' && t.lower[m.first - 1] === ',';
    if (subj >= 0 && !participleClause) d.actors = pickLeft(t, chunks, subj);
    else if (subj >= 0) d.fallback = pickLeft(t, chunks, subj);
    // a party inside a phrase's gap: "found [the regime] guilty", "gave [Canada] a deadline"
    // (a chunk the phrase's own noun heads is no party in its gap: "opened [an investigation of
    // Flynn]" — its "of"-tail is the object, found below)
    const gapChunk = tr.tail.includes('_')
      ? chunks.find(
          (c) =>
            c.first > m.first &&
            c.first < m.last &&
            isParty(t, c) &&
            !(c.last > m.last && t.lower[m.last + 1] === 'of'),
        )
      : undefined;
    // "found [Barbarin guilty]": the chunk may run into the phrase's last word
    const gapParty = gapChunk
      ? { first: gapChunk.first, last: Math.min(gapChunk.last, m.last - 1) }
      : undefined;
    // a possessor in the gap owns the thing and is the party only when no other is named:
    // "closed [Venezuela's] land borders with X", but "violated [the Philippines'] ceasefire"
    const owner = gapParty && hasWordBetween(t.lower, gapParty.first - 1, gapParty.last + 1, "'s");
    const found = !gapParty
      ? findObject(t, chunks, m.last, s1, tr.objPreps, !tr.noObject, !tr.weak, TARGETING.has(tr.type))
      : owner && tr.objPreps.length
        ? findObject(t, chunks, m.last, s1, tr.objPreps, false, false)
        : null;
    const obj = owner && found && isParty(t, found) ? found : (gapParty ?? found);
    if (obj) {
      d.recipients = pickObject(t, chunks, s1, obj);
      d.objectEnd = Math.max(m.last, d.recipients.at(-1)!.last);
    } else {
      // the complement still governs an infinitive without object: "agreed to withdraw"
      const k = m.last + 1;
      if (k < s1 && t.lower[k] === 'to') d.objectEnd = Math.min(s1 - 1, k + 2);
    }
  }
  // a refusal held "until"/"unless" someone acts is aimed at that someone: "will not end the strike
  // until the government provides …", "will not lift the embargo until Cuba undertakes reforms"
  if ((tr.type === 'REJECT' || negatedAt(t, m.first, s0)) && !d.recipients.some((c) => isParty(t, c))) {
    const party = conditionParty(t, chunks, d.objectEnd + 1, s1);
    if (party && !d.actors.some((a) => a.first === party.first)) d.recipients = [...d.recipients, party];
  }
  // what is moved may carry long modifiers before its destination: "returned a silver pendant
  // engraved with the image of Peter the Great to Russian authorities", "was returned by US
  // officials to Spanish authorities"
  if (
    TRANSFER.test(t.lower[m.last]) &&
    tr.objPreps.includes('to') &&
    !(d.recipients.length && isParty(t, d.recipients[0]) && !d.passive)
  ) {
    for (let k = m.last + 1; k + 1 < s1 && k <= m.last + 30; k++) {
      const w = t.lower[k];
      if (w === ';' || (t.pos[k] === POS.VERB && !PARTICIPLE_FORM.test(w))) break;
      if (w !== 'to') continue;
      const dest = chunks.find((c) => c.first === k + 1);
      if (dest && isParty(t, dest) && !d.actors.some((a) => a.first === dest.first)) {
        d.recipients = [dest];
        d.objectEnd = Math.max(d.objectEnd, dest.last);
      }
      break;
    }
  }
  inquiryInto(t, chunks, d, s1);
  conditionalTarget(t, chunks, d, s1);
  if (!d.passive) {
    consultPartner(t, chunks, d, s1);
    addLaterParty(t, chunks, d, s1);
  }
  return d;
}

/**
 * The parties of a noun trigger ("the attack on X", "talks between A and B"): a function of its own
 * (V8 optimises it, and recompiles it when a rare path deoptimises it, apart from the verb case).
 */
function argueNoun(
  doc: Doc,
  registry: ActorRegistry,
  chunks: Chunk[],
  m: Match,
  d: Draft,
  byChunk: number,
  s0: number,
  s1: number,
): Draft | null {
  const t = doc.tokens;
  const tr = m.trigger;
  const own = chunks.findIndex((c) => c.first <= m.first && m.last <= c.last);
  const ch = own >= 0 ? chunks[own] : { first: m.first, last: m.last };
  // a protest someone stops: "police prevented the demonstration by students" — the police act
  // on the protesters
  if (tr.type === 'PROTEST') {
    let k = ch.first - 1;
    while (k > s0 && (t.pos[k] === POS.DET || t.pos[k] === POS.ADJ || t.pos[k] === POS.NUM)) k--;
    if (k > s0 && t.lower[k] === 'up') k--;
    if (k > s0 && REPRESSING.test(t.lower[k]) && t.pos[k] === POS.VERB) {
      const subj = findSubject(t, chunks, k, s0);
      if (subj >= 0) {
        d.actors = pickLeft(t, chunks, subj);
        const by = byChunk;
        if (by >= 0) d.recipients = pickRight(t, chunks, s1, by);
        d.verbAt = k;
        return d;
      }
    }
  }
  // "Turkey's attack", "an Israeli airstrike": the modifier is the actor
  let actor = -1;
  if (ch.first < m.first) {
    const inner: Chunk = { first: ch.first, last: m.first - 1 };
    while (inner.first <= inner.last && t.pos[inner.first] === POS.DET) inner.first++;
    // only a possessive or a known state, group or demonym acts: "a Cabinet meeting" is no actor
    const modText = doc.text.slice(t.start[inner.first], t.end[inner.last]);
    if (
      inner.first <= inner.last &&
      (t.lower[inner.last] === "'s" ||
        isDemonymish(t.text[inner.last]) ||
        (t.pos[inner.last] === POS.PROPN && registry.find(modText).length > 0))
    )
      d.actors = [{ first: inner.first, last: t.lower[inner.last] === "'s" ? inner.last - 1 : inner.last }];
    // "a Syrian regime offensive", "a police crackdown": an armed or state agent noun before a
    // material act is its agent
    else if (
      inner.first <= inner.last &&
      MATERIAL.has(tr.type) &&
      t.pos[inner.last] === POS.NOUN &&
      AGENT_SECTORS.has(sectorOfWords([t.lower[inner.last]]) ?? '')
    ) {
      let a = inner.last;
      while (a > inner.first && (t.pos[a - 1] === POS.PROPN || isDemonymish(t.text[a - 1]))) a--;
      d.actors = [{ first: a, last: inner.last }];
    }
    // "Erdogan reiterated Turkey's support for X", "expressed the government's solidarity with
    // X": who states a state's stance acts for it, and is the actor
    if (d.actors.length) {
      const v = ch.first - 1;
      if (v >= s0 && t.pos[v] === POS.VERB && STATING.has(t.lower[v])) {
        const subj = findSubject(t, chunks, v, s0);
        if (subj >= 0 && isParty(t, chunks[subj])) {
          d.actors = pickLeft(t, chunks, subj);
          d.verbAt = v;
        }
      }
    }
  }
  if (d.actors.length === 0) {
    actor = byChunk;
    if (actor >= 0) d.actors = pickRight(t, chunks, s1, actor);
  }
  if (d.actors.length === 0) {
    // the object of a verb: "X held a phone conversation", "X launched what it called an attack"
    // walk back over the rest of the object phrase ("air and ground assaults", "stepped up
    // attacks", "carried out more than two dozen air strikes") to its verb
    let before = ch.first - 1;
    for (let n = 0; before >= s0 && n < 8; n++) {
      const w = t.lower[before];
      const p = t.pos[before];
      const particle = (w === 'up' || w === 'out') && before - 1 >= s0 && t.pos[before - 1] === POS.VERB;
      // a hyphenated modifier: "its long-threatened invasion", "a much-delayed visit"
      const hyphenated =
        (w === '-' && before - 1 >= s0 && t.pos[before - 1] !== POS.PUNCT) ||
        (before - 1 >= s0 && t.lower[before - 1] === '-' && PARTICIPLE_FORM.test(w));
      if (
        QUOTES.has(w) ||
        OWNERS.has(w) ||
        // "opened direct, high-level peace talks"
        (w === ',' && before - 1 >= s0 && t.pos[before - 1] === POS.ADJ) ||
        p === POS.DET ||
        p === POS.ADJ ||
        p === POS.NUM ||
        p === POS.NOUN ||
        // an adverb inside the noun phrase ("a new military operation", "a highly coordinated
        // attack"): the tagger often reads "new" as one
        (p === POS.ADV && (t.pos[before + 1] === POS.ADJ || t.pos[before + 1] === POS.NOUN)) ||
        w === 'and' ||
        w === 'than' ||
        w === 'more' ||
        particle ||
        hyphenated
      )
        before--;
      else break;
    }
    if (before >= s0 && t.pos[before] === POS.VERB && !judges(t.lower[before])) {
      const subj = findSubject(t, chunks, before, s0);
      if (subj >= 0) d.actors = pickLeft(t, chunks, subj);
      d.verbAt = before;
    } else if (before >= s0 && t.lower[before] === 'in' && before - 1 >= s0) {
      // "A and B in a phone conversation"; but an amount before "in" is what a verb gives:
      // "providing more than $5 billion in assistance", "paid $662 million in aid"
      const amount = chunks.find((c) => c.last === before - 1);
      let v = amount && amountOnly(t, amount) ? amount.first - 1 : -1;
      while (v > s0 && (APPROX_WORDS.has(t.lower[v]) || t.pos[v] === POS.SYM)) v--;
      if (v >= s0 && t.pos[v] === POS.VERB) {
        const subj = findSubject(t, chunks, v, s0);
        if (subj >= 0) d.actors = pickLeft(t, chunks, subj);
        d.verbAt = v;
      } else if (v < 0) {
        const subj = findSubject(t, chunks, before, s0);
        if (subj >= 0) d.actors = pickLeft(t, chunks, subj);
      }
    }
  }
  const obj = findObject(
    t,
    chunks,
    m.last,
    s1,
    tr.objPreps.length ? tr.objPreps : ['on', 'against', 'of'],
    false,
  );
  // "talks between X and Y", "clashes between X and Y": both sides act
  if (obj && t.lower[obj.first - 1] === 'between' && (d.actors.length === 0 || tr.type === 'ASSAULT')) {
    const both = pickObject(t, chunks, s1, obj);
    if (both.length > 1) {
      d.actors = both;
      d.objectEnd = both.at(-1)!.last;
      return d;
    }
  }
  if (obj && !d.actors.some((a) => a.first <= obj.first && obj.first <= a.last)) {
    d.recipients = pickObject(t, chunks, s1, obj);
    d.objectEnd = d.recipients.at(-1)!.last;
  } else if (!obj && SPOKEN.has(tr.type) && thatAfter(t, chunks, m.last) > 0) {
    // "its demand (today) that the US ease sanctions", "threats that X would …": the clause's
    // subject is the one addressed
    const at = thatAfter(t, chunks, m.last);
    const k = chunks.findIndex((c) => c.first === at + 1);
    const c = k >= 0 ? chunks[k] : null;
    // ("US" is the country, not the pronoun)
    if (c && isParty(t, c) && (!isPronoun(t.lower[c.first]) || t.text[c.first] === 'US')) {
      d.recipients = pickRight(t, chunks, s1, k);
      d.objectEnd = d.recipients.at(-1)!.last;
    }
  }
  inquiryInto(t, chunks, d, s1);
  conditionalTarget(t, chunks, d, s1);
  addLaterParty(t, chunks, d, s1);
  return d;
}

/** The chunk at k with those coordinated to its left, as chunks (none for -1). */
function pickLeft(t: Doc['tokens'], chunks: readonly Chunk[], k: number): Chunk[] {
  return k >= 0 ? mapPacked(coordinatedLeft(t, chunks, k), (x) => chunks[x]) : [];
}

/** The chunk at k with those coordinated to its right, as chunks (none for -1). */
function pickRight(t: Doc['tokens'], chunks: readonly Chunk[], s1: number, k: number): Chunk[] {
  return k >= 0 ? mapPacked(coordinatedRight(t, chunks, k, s1), (x) => chunks[x]) : [];
}

/** An object found with the chunks coordinated to its right. */
function pickObject(t: Doc['tokens'], chunks: readonly Chunk[], s1: number, c: Chunk | null): Chunk[] {
  if (!c) return [];
  const k = chunks.findIndex((x) => x.first === c.first && x.last === c.last);
  if (k >= 0) return pickRight(t, chunks, s1, k);
  // an "of"-tail: coordination continues after the merged chunk
  const tailOf = chunks.findIndex((x) => x.last === c.last);
  return tailOf >= 0 ? [c, ...pickRight(t, chunks, s1, tailOf).slice(1)] : [c];
}

/** The chunk of a "by"-phrase (the agent) after the trigger ending at `last` in its clause, or -1. */
function byPhraseAfter(t: Doc['tokens'], chunks: readonly Chunk[], last: number, s1: number): number {
  for (let k = last + 1; k < s1 && k <= last + 12; k++) {
    const w = t.lower[k];
    if (w === ';' || (t.pos[k] === POS.SCONJ && w !== 'by')) break;
    if (w === 'by') return chunks.findIndex((c) => c.first === k + 1);
    // a purpose clause or another finite verb starts a clause of its own: "began a hunger strike
    // to demand the property seized by X"
    if ((w === 'to' && t.pos[k + 1] === POS.VERB) || (t.pos[k] === POS.VERB && !PARTICIPLE_FORM.test(w)))
      break;
  }
  return -1;
}

const INQUIRY_CLAUSES = new Set(['whether', 'how', 'why', 'if']);

/**
 * An inquiry "into whether X did …" is into X: the subject of the question clause is the party
 * investigated ("opened an investigation into whether the former ambassador was spied on").
 */
function inquiryInto(t: Doc['tokens'], chunks: readonly Chunk[], d: Draft, s1: number): void {
  if (d.match.trigger.mode !== 'investigate' || d.recipients.length) return;
  const k = d.match.last + 1;
  if (k + 2 >= s1 || (t.lower[k] !== 'into' && t.lower[k] !== 'of') || !INQUIRY_CLAUSES.has(t.lower[k + 1]))
    return;
  const c = chunks.find((ch) => ch.first === k + 2);
  if (!c || !isParty(t, c) || isPronoun(t.lower[c.first])) return;
  d.recipients = [c];
  d.objectEnd = c.last;
}

const PARTNER_REACH = 30;

/**
 * What is discussed or negotiated is a topic; the one talked with is named in a "with" phrase after
 * it, however long the topic: "discussed the migrant crisis and the situation in Syria's enclave of
 * Idlib, with the leaders of France, Germany and Britain".
 */
function consultPartner(t: Doc['tokens'], chunks: readonly Chunk[], d: Draft, s1: number): void {
  const tr = d.match.trigger;
  if (tr.type !== 'CONSULT' || tr.noun || !tr.objPreps.includes('with')) return;
  // the direct object must be a topic, not a party met
  const first = chunks.find(
    (c) =>
      c.first === d.match.last + 1 || (c.first === d.match.last + 2 && t.pos[d.match.last + 1] === POS.DET),
  );
  if (!first || isParty(t, first)) return;
  const end = Math.min(s1, d.match.last + PARTNER_REACH);
  for (let k = first.last + 1; k < end; k++) {
    const w = t.lower[k];
    const p = t.pos[k];
    if (w === ';' || w === ':' || p === POS.SCONJ || RELATIVE.has(w)) return;
    if ((p === POS.VERB || p === POS.AUX) && !PARTICIPLE_FORM.test(w)) return;
    if (w !== 'with') continue;
    const c = chunks.find((ch) => ch.first === k + 1 || (ch.first === k + 2 && t.pos[k + 1] === POS.DET));
    if (!c || !isParty(t, c) || isPronoun(t.lower[c.first]) || d.actors.some((a) => a.first === c.first))
      return;
    d.recipients = [c];
    d.objectEnd = Math.max(d.objectEnd, c.last);
    return;
  }
}

const THREAT_CONDITIONS = new Set(['if', 'unless', 'until']);
const THREAT_REACH = 24;

/**
 * A threat with no party named is aimed at whoever must act to avert it: "threatened that if
 * Israel did not comply, …", "threats that he would open the borders unless the EU paid more".
 */
function conditionalTarget(t: Doc['tokens'], chunks: readonly Chunk[], d: Draft, s1: number): void {
  if (d.match.trigger.type !== 'THREATEN' || d.recipients.some((c) => isParty(t, c))) return;
  const end = Math.min(s1, d.match.last + THREAT_REACH);
  for (let k = d.match.last + 1; k < end; k++) {
    if (t.lower[k] === ';') return;
    if (!THREAT_CONDITIONS.has(t.lower[k])) continue;
    const c = chunks.find((ch) => ch.first === k + 1 || (ch.first === k + 2 && t.pos[k + 1] === POS.DET));
    if (c && !isPronoun(t.lower[c.last]) && isParty(t, c) && !d.actors.some((a) => a.first === c.first)) {
      d.recipients = [...d.recipients, c];
      d.objectEnd = Math.max(d.objectEnd, c.last);
    }
    return;
  }
}
const PARTICIPLE_FORM = /(?:ed|en)$/;

// (torture with no torturer named is done in someone's custody: the state's act, as an arrest)
const STATE_ACTS = new Set([
  'COERCE:arrest',
  'COERCE:deport',
  'SANCTION:expel',
  'RETREAT:release',
  'ASSAULT:torture',
]);
const STATE_REACH = 8;

/** The country named after "in"/"from" in the trigger's own clause: "arrested on Monday in Niger". */
function statePlace(doc: Doc, chunks: readonly Chunk[], last: number, s1: number): Chunk | null {
  const t = doc.tokens;
  for (let k = last + 1; k + 1 < s1 && k <= last + STATE_REACH; k++) {
    const w = t.lower[k];
    if (w === ',' || w === ';' || t.pos[k] === POS.SCONJ || RELATIVE.has(w)) return null;
    if ((t.pos[k] === POS.VERB || t.pos[k] === POS.AUX) && !PARTICIPLE_FORM.test(w)) return null;
    if (w !== 'in' && w !== 'from') continue;
    const c = chunks.find((ch) => ch.first === k + 1 || (ch.first === k + 2 && t.pos[k + 1] === POS.DET));
    if (!c || t.pos[c.last] !== POS.PROPN) continue;
    const ce = t.end[c.last];
    for (const p of doc.layer('places')) {
      // a country only: a village or a home is where it happened, not who did it
      if (
        p.kind === 'place' &&
        p.end === ce &&
        p.start >= t.start[c.first] &&
        p.featureCode?.startsWith('PCL')
      )
        return c;
      if (p.start > ce) break;
    }
  }
  return null;
}

/** Prepositions that introduce the other party of an act after its object ("returned artifacts to
 * X", "withdrew troops from X", "lifted the ban on X", "a ban by X", "had lunch with X"). */
const PARTY_PREPS = new Set(['to', 'from', 'on', 'against', 'with', 'by', 'for', 'into', 'upon']);
const LATER_REACH = 20;
const MEANS = new Set(
  'troops forces soldiers personnel units peacekeepers contingent battalion battalions brigade brigades warships ships jets aircraft'.split(
    ' ',
  ),
);

/**
 * The object found is a thing (what is given, lifted, returned, investigated): the party the act
 * concerns is often named after it, in a prepositional phrase of the same clause ("returned
 * cultural artifacts, including a krater, to the government of Italy", "completed its withdrawal
 * of troops from Iraq", "imposed sanctions over the crisis on Myanmar commanders"). The first
 * such party within the clause is added as a recipient after the thing.
 */
function addLaterParty(t: Doc['tokens'], chunks: readonly Chunk[], d: Draft, s1: number): void {
  // troops sent, deployed or withdrawn are the actor's means, not the party they go to or leave
  const tr = d.match.trigger;
  const moves = tr.type === 'MOBILIZE' || tr.type === 'AID' || tr.mode === 'withdraw';
  if (d.recipients.some((c) => isParty(t, c) && !(moves && MEANS.has(t.lower[c.last])))) return;
  let k = (d.recipients.at(-1)?.last ?? d.match.last) + 1;
  const end = Math.min(s1, k + LATER_REACH);
  for (; k < end; k++) {
    const w = t.lower[k];
    const p = t.pos[k];
    if (w === ';' || w === ':' || w === '.' || p === POS.SCONJ || p === POS.CCONJ || RELATIVE.has(w)) return;
    // "…, including a krater and a fresco, to Italy": an inserted example list is stepped over
    if (w === ',') {
      if (t.lower[k + 1] !== 'including') return;
      let j = k + 2;
      while (j < end && t.lower[j] !== ',' && t.lower[j] !== ';') j++;
      if (t.lower[j] !== ',') return;
      k = j;
      continue;
    }
    // another finite verb or a purpose infinitive starts a clause of its own (a participle before
    // its agent does not: "the threats made by X")
    if (
      (p === POS.VERB || p === POS.AUX) &&
      !PARTICIPLE_FORM.test(w) &&
      !(IRREGULAR_PAST.has(w) && t.lower[k + 1] === 'by')
    )
      return;
    if (!PARTY_PREPS.has(w)) continue;
    const c = chunks.find((ch) => ch.first === k + 1 || (ch.first === k + 2 && t.pos[k + 1] === POS.DET));
    if (!c) continue;
    if (!isParty(t, c) || isPronoun(t.lower[c.first]) || notAnArgument(t, c)) continue;
    if (d.actors.some((a) => a.first <= c.last && c.first <= a.last)) return;
    d.recipients = [...d.recipients, c];
    d.objectEnd = Math.max(d.objectEnd, c.last);
    return;
  }
}

/** Types whose direct object is the party acted on even when it is a thing ("attacked an army
 * camp", "condemned the decision"); for the others it is what is given, sought or moved. */
const TARGETING = new Set([
  'ASSAULT',
  'COERCE',
  'ACCUSE',
  'REJECT',
  'SUPPORT',
  'SANCTION',
  'THREATEN',
  'CONSULT',
  'RETREAT',
]);

/** Armed actors and weapons: with them "hit", "struck", "pounded" a place are attacks. */
const ARMS = new Set(
  'missile missiles rocket rockets warplanes warplane jets jet drone drones artillery shells shell bomb bombs airstrike airstrikes strike strikes fire forces troops army military militants rebels fighters insurgents gunmen soldiers navy'.split(
    ' ',
  ),
);
function armed(t: Doc['tokens'], c: Chunk | undefined): boolean {
  if (!c) return false;
  for (let k = c.first; k <= c.last; k++) if (ARMS.has(t.lower[k])) return true;
  return false;
}

/** Money and relief goods: what is given as aid (PLOVER AID: economic, humanitarian, material). */
const GIFTS = new Set(
  'dollars euros pounds yen yuan rupees francs $ € £ us$ medicine medicines medical food vaccines vaccine doses ventilators tents blankets supplies equipment grain rice flour funds funding aid assistance'.split(
    ' ',
  ),
);
function gift(t: Doc['tokens'], c: Chunk): boolean {
  for (let k = c.first; k <= c.last; k++) if (GIFTS.has(t.lower[k])) return true;
  return false;
}

/** The "that" opening a noun's complement clause, maybe after a time ("its demand today that"). */
function thatAfter(t: Doc['tokens'], chunks: readonly Chunk[], last: number): number {
  let k = last + 1;
  const c = chunks.find((ch) => ch.first === k);
  if (c && notAnArgument(t, c)) k = c.last + 1;
  // (a time the chunker glued to the noun: "demand today")
  else if (DAY_WORDS.has(t.lower[k])) k++;
  return t.lower[k] === 'that' ? k : -1;
}

const DAY_WORDS = new Set(['today', 'yesterday', 'tonight', 'again', 'anew']);

/** Verbs that state or renew a stance held: their subject speaks for the possessor of the stance. */
const STATING = new Set(
  'express expresses expressed expressing reiterate reiterates reiterated reiterating reaffirm reaffirms reaffirmed reaffirming voice voices voiced voicing renew renews renewed renewing pledge pledges pledged pledging promise promises promised promising extend extends extended extending declare declares declared declaring confirm confirms confirmed confirming underline underlines underlined underscore underscores underscored stress stresses stressed emphasize emphasizes emphasized emphasise emphasised convey conveys conveyed restate restates restated assure assured offer offers offered offering'.split(
    ' ',
  ),
);
const MATERIAL = new Set(['ASSAULT', 'COERCE']);
const AGENT_SECTORS = new Set(['GOV', 'MIL', 'REB', 'COP', 'UAF']);

const APPROX_WORDS = new Set([
  'than',
  'more',
  'over',
  'about',
  'nearly',
  'almost',
  'some',
  'around',
  'least',
  'at',
  'a',
  'record',
]);
/** A chunk of numbers and units only: "$5 billion", "352.5 million euros". */
function amountOnly(t: Doc['tokens'], c: Chunk): boolean {
  let num = false;
  for (let k = c.first; k <= c.last; k++) {
    if (t.pos[k] === POS.NUM) num = true;
    else if (t.pos[k] !== POS.SYM && !GIFTS.has(t.lower[k]) && t.pos[k] !== POS.DET) return false;
  }
  return num;
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them']);

/**
 * The sentence's first noun phrase if it is a party opening the main clause (not a prepositional
 * object) before `before`, agreeing in number with the pronoun that refers to it.
 */
function mainSubject(
  t: Doc['tokens'],
  chunks: readonly Chunk[],
  s0: number,
  before: number,
  plural: boolean,
): Chunk | null {
  for (const c of chunks) {
    if (c.first >= before) return null;
    if (notAnArgument(t, c)) continue;
    if (c.first > s0 && (t.pos[c.first - 1] === POS.ADP || t.lower[c.first - 1] === 'to')) continue;
    if (!isParty(t, c) || isPronoun(t.lower[c.first])) return null;
    const many = t.lower[c.last].endsWith('s') && t.pos[c.last] !== POS.PROPN;
    const coordinated = t.lower[c.last + 1] === 'and' || t.lower[c.last + 1] === ',';
    return plural === (many || coordinated) ? c : null;
  }
  return null;
}

/** Speech acts whose "that"-clause names the party they address. */
const SPOKEN = new Set(['REQUEST', 'ACCUSE', 'THREATEN']);

/** Verbs whose infinitive complement says what they are about: "refused to", "agreed to". */
const GOVERNING = new Set(['REJECT', 'AGREE', 'THREATEN']);

const isUpper = (c: number) => c >= 65 && c <= 90;

const OWNERS = new Set(['its', 'their', 'his', 'her', 'our']);

const QUOTES = new Set(['"', '“', '”', "'", '‘', '’']);

/** Types of verbs that judge or answer someone else's act: the subject of "denied the accusations",
 * "condemned the attack", "welcomed the release" is not the actor of the noun event. */
const JUDGING = new Set(['ACCUSE', 'REJECT', 'SUPPORT', 'REQUEST', 'AGREE', 'THREATEN']);
function judges(verb: string): boolean {
  const trs = TRIGGERS.verbs.get(verb);
  return !!trs && trs.some((tr) => tr.tail.length === 0 && JUDGING.has(tr.type) && !tr.weak);
}

const DEMONYM_LIKE = /^[A-Z][a-z]+(?:an|ian|ese|ish|i)$/;
const INITIALS = /^[A-Z]\.?[A-Z]\.?$/;
function isDemonymish(w: string): boolean {
  return DEMONYM_LIKE.test(w) || INITIALS.test(w);
}

const NOMINAL = new Set([POS.NOUN, POS.PROPN, POS.ADJ]);
const FOUR_DIGITS = /^\d{4}$/;
const CLAUSE_BREAK = /;|\bwhile\b|\bbut\b|\bwhereas\b/;

/**
 * The event's time: the nearest time expression in its sentence, skipping years that modify
 * another noun ("the 1994 ceasefire"). When the event is claimed ("X told Y on Monday that …"),
 * a time outside the claim's content dates the telling, so it only bounds the event from above
 * ("reported-by"). With no time at all, the publication date bounds it.
 */
function attachTime(doc: Doc, rec: EventRecord, content?: Span): void {
  const s = doc.sentences[rec.sentence];
  const t = doc.tokens;
  let best: { id: string; interval: [string, string]; dist: number } | null = null;
  let bound: { id: string; interval: [string, string]; dist: number } | null = null;
  for (const tm of inSentence(doc, doc.layer('times'), rec.sentence)) {
    if (tm.start < s.start || tm.end > s.end || !tm.interval || tm.type === 'SET') continue;
    // a duration dates an event only when it points at a day ("three days later": P3D, anchored
    // on an earlier time, its interval the day it points to); "for three days" does not
    if (tm.type === 'DURATION' && (!tm.anchor || tm.interval[0] !== tm.interval[1])) continue;
    const next = tokenAt(t, tm.end);
    // a bare year before a noun modifies that noun ("the 1994 OSCE-mediated ceasefire"); it dates
    // the event only when that noun phrase is the trigger itself
    let modifier = false;
    if (FOUR_DIGITS.test(tm.text) && next < t.length && t.start[next] < s.end && NOMINAL.has(t.pos[next])) {
      modifier = true;
      for (let k = next; k < t.length && t.start[k] <= rec.trigger.start; k++) {
        if (t.start[k] === rec.trigger.start) modifier = false;
        if (!NOMINAL.has(t.pos[k]) && t.lower[k] !== '-') break;
      }
    }
    if (modifier) continue;
    const between = doc.text.slice(Math.min(tm.end, rec.trigger.end), Math.max(tm.start, rec.trigger.start));
    // a time in another clause ("…, while another group was to depart this weekend") dates that clause
    if (CLAUSE_BREAK.test(between)) continue;
    const dist = Math.abs(tm.start - rec.trigger.start);
    const inside = !content || (tm.start >= content.start && tm.end <= content.end);
    const cand = { id: tm.id, interval: tm.interval, dist };
    if (inside) {
      if (!best || dist < best.dist) best = cand;
    } else if (!bound || dist < bound.dist) bound = cand;
  }
  if (best) {
    rec.time = best.id;
    rec.interval = best.interval;
    rec.timePrecision = 'text';
    return;
  }
  if (bound) {
    rec.time = bound.id;
    rec.interval = [bound.interval[1], bound.interval[1]];
    rec.timePrecision = 'reported-by';
    return;
  }
  const narrated = narrativeDate(doc, rec);
  if (narrated) {
    rec.time = narrated.id;
    rec.interval = narrated.interval;
    rec.timePrecision = 'text';
    return;
  }
  const pub = doc.article.published?.slice(0, 10);
  if (pub) {
    // no date in the sentence: it happened on or before the day it was reported
    rec.interval = [pub, pub];
    rec.timePrecision = 'reported-by';
  }
}

/**
 * Narrative progression: a sentence with no date of its own that goes on telling, in the simple
 * past, what the previous sentence of the same paragraph dated to one day ("… escalated on
 * September 27. Azerbaijan launched a counteroffensive …") happened that day. Only a single
 * day-precise date qualifies; a perfect ("had", "have"), a modal, a present or future verb, or an event
 * that is not asserted or reported as fact breaks the chain.
 */
function narrativeDate(doc: Doc, rec: EventRecord): { id: string; interval: [string, string] } | null {
  if (rec.sentence === 0 || (rec.factuality !== 'asserted' && rec.factuality !== 'reported')) return null;
  const t = doc.tokens;
  const s = doc.sentences[rec.sentence];
  const prev = doc.sentences[rec.sentence - 1];
  // same paragraph: no line break between the two sentences
  if (doc.text.slice(prev.end, s.start).includes('\n')) return null;
  let found: { id: string; interval: [string, string] } | null = null;
  for (const tm of inSentence(doc, doc.layer('times'), rec.sentence - 1)) {
    if (tm.start < prev.start || tm.end > prev.end) continue;
    if (tm.type !== 'DATE' || tm.granularity !== 'day' || !tm.interval) continue;
    if (found) return null; // two dates: which one the next sentence continues is not clear
    found = { id: tm.id, interval: tm.interval };
  }
  if (!found) return null;
  // the verb that carries the event: the trigger itself, else the last verb before it in the sentence
  const first = tokenAt(t, s.start);
  let v = tokenAt(t, rec.trigger.start);
  while (v >= first && t.pos[v] !== POS.VERB && t.pos[v] !== POS.AUX) v--;
  if (v < first) return null;
  const w = t.lower[v];
  if (!(IRREGULAR_PAST.has(w) || (w.length > 3 && w.endsWith('ed')))) return null;
  for (let k = Math.max(first, v - 3); k < v; k++) {
    if (PERFECT_OR_MODAL.has(t.lower[k])) return null;
  }
  return found;
}
const PERFECT_OR_MODAL = new Set([
  'had',
  'have',
  'has',
  "'ve",
  "'d",
  'would',
  'could',
  'might',
  'should',
  'will',
  'may',
  'must',
]);

const QUANTITY_TYPES: Record<string, readonly string[]> = {
  ASSAULT: ['dead', 'injured', 'missing'],
  COERCE: ['families', 'people', 'arrested', 'displaced'],
  PROTEST: ['crowd', 'people', 'injured', 'dead', 'arrested'],
  THREATEN: ['families', 'people'],
  MOBILIZE: ['people', 'other'],
  AID: ['people', 'families', 'displaced'],
  RETREAT: ['people', 'arrested'],
};

function quantitiesFor(doc: Doc, rec: EventRecord): EventQuantity[] {
  const kinds = QUANTITY_TYPES[rec.type];
  if (!kinds) return [];
  const s = doc.sentences[rec.sentence];
  const out: EventQuantity[] = [];
  for (const q of inSentence(doc, doc.layer('quantities'), rec.sentence)) {
    if (q.start < s.start || q.end > s.end || !kinds.includes(q.kind)) continue;
    const eq: EventQuantity = { start: q.start, end: q.end, kind: q.kind, value: q.value };
    if (q.vague) eq.vague = true;
    out.push(eq);
  }
  return out;
}

/** Within-document duplicates (the headline repeats the lede): same type, parties and trigger. */
function dedupe(records: EventRecord[]): EventRecord[] {
  const seen = new Map<string, number>();
  const out: EventRecord[] = [];
  for (const r of records) {
    const k = dedupeKey(r);
    const prev = seen.get(k);
    if (prev === undefined) {
      seen.set(k, out.length);
      out.push(r);
    } else if (richness(r) > richness(out[prev])) {
      out[prev] = { ...r, id: out[prev].id };
    }
  }
  return mergeRetellings(out);
}

// (dedupe's helpers are functions of their own, not closures made per call: under tsx each closure
// named itself by a defineProperty)
function dedupeKey(r: EventRecord): string {
  return `${r.type}|${r.trigger.text.toLowerCase()}|${lowerTexts(r.actors)}|${lowerTexts(r.recipients)}`;
}

function richness(r: EventRecord): number {
  return (r.place ? 1 : 0) + (r.time ? 1 : 0) + r.quantities.length + (r.claim ? 1 : 0);
}

/** The arguments' texts, lower-cased, joined by "+". */
function lowerTexts(args: readonly EventArgument[]): string {
  let out = '';
  for (let k = 0; k < args.length; k++)
    out += k === 0 ? args[k].text.toLowerCase() : `+${args[k].text.toLowerCase()}`;
  return out;
}

const MERGE_WINDOW = 3;
// the head noun: the last word before an "of"-phrase ("families of Syrian refugees" → families)
const headOf = (a: EventArgument | undefined) =>
  a?.text
    .toLowerCase()
    .split(/\s+of\s+/)[0]
    .split(/\s+/)
    .at(-1) ?? '';

/**
 * A lede's event told again a few sentences later with the details ("Families … were expelled by
 * militants" then "40 families were expelled … in the village of X"): same type, mode and trigger
 * word, compatible parties. The later telling completes the earlier one and is dropped.
 */
function mergeRetellings(records: EventRecord[]): EventRecord[] {
  const out: EventRecord[] = [];
  // the lower-cased trigger of each record kept (compared for every earlier record)
  const outTriggers: string[] = [];
  for (const r of records) {
    const trigger = r.trigger.text.toLowerCase();
    let a: EventRecord | undefined;
    for (let j = 0; j < out.length && !a; j++) {
      const e = out[j];
      if (
        e.type === r.type &&
        e.mode === r.mode &&
        r.sentence - e.sentence <= MERGE_WINDOW &&
        e.sentence !== r.sentence &&
        e.factuality === r.factuality &&
        outTriggers[j] === trigger &&
        (e.recipients.length === 0 ||
          r.recipients.length === 0 ||
          headOf(e.recipients[0]) === headOf(r.recipients[0])) &&
        (e.actors.length === 0 ||
          r.actors.length === 0 ||
          e.actors[0].text.toLowerCase() === r.actors[0].text.toLowerCase())
      )
        a = e;
    }
    if (!a) {
      out.push(r);
      outTriggers.push(trigger);
      continue;
    }
    if (a.actors.length === 0) a.actors = r.actors;
    if (a.recipients.length === 0) a.recipients = r.recipients;
    if (r.place && (!a.place || (a.placeBasis === 'article' && r.placeBasis === 'sentence'))) {
      a.place = r.place;
      a.placeBasis = r.placeBasis;
    }
    if (a.quantities.length === 0) a.quantities = r.quantities;
    if (a.timePrecision !== 'text' && r.timePrecision === 'text') {
      a.time = r.time;
      a.interval = r.interval;
      a.timePrecision = 'text';
    }
    a.rule = `${a.rule}+retold`;
  }
  return out;
}
