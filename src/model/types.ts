import type { FACTUALITIES, PLACE_PRECISIONS, PLOVER_TYPES } from './vocab.js';

/**
 * The sitrep document model and output contract (`sitrep/1`).
 *
 * The article text is immutable; everything sitrep finds is a span with character offsets into it.
 * Offsets are JavaScript string indices (UTF-16 code units), `end` exclusive, so
 * `text.slice(start, end) === span.text` always holds.
 */

export const SCHEMA_ID = 'sitrep/1';

export type PloverType = (typeof PLOVER_TYPES)[number];
export type Factuality = (typeof FACTUALITIES)[number];
export type PlacePrecision = (typeof PLACE_PRECISIONS)[number];

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

/** Where the publication date came from. */
export type PublishedSource = 'option' | 'field' | 'dateline' | 'none';

export interface ArticleMeta {
  /** `sha256:` + first 32 hex digits of the SHA-256 of the normalised text. */
  id: string;
  title: string | null;
  url: string | null;
  /** The publisher the text was taken from (e.g. "Pakistan Point News"). */
  outlet: string | null;
  /** The wire or agency the story is credited to (e.g. "Sputnik"). */
  credit: string | null;
  /** Dateline place as written ("BEIRUT"), with its span in the text. */
  dateline: TextSpan | null;
  /** ISO 8601 date or date-time of publication; null when unknown. */
  published: string | null;
  publishedSource: PublishedSource;
  language: string;
}

export interface Article extends ArticleMeta {
  readonly text: string;
}

export type MentionKind = 'person' | 'organization' | 'group' | 'place' | 'demonym' | 'outlet' | 'facility';

export interface Mention extends TextSpan {
  id: string;
  kind: MentionKind;
  /** Id of the entity this mention refers to (within-document coreference). */
  entity?: string;
  /** The rule that produced the mention, for explanations. */
  rule?: string;
}

/** A within-document entity: the mentions that name the same person, organisation or group. */
export interface Entity {
  id: string;
  kind: MentionKind;
  /** Longest/most complete name seen. */
  name: string;
  aliases: string[];
  mentions: string[];
  /** ISO 3166-1 alpha-3 (or IGO code) when known. */
  country?: string;
  /** PLOVER sector code (GOV, MIL, REB, …) when known. */
  sector?: string;
  /** Descriptions the text gives (appositions, titles): "head of the Syrian Human Rights Network". */
  descriptions?: TextSpan[];
  /** Registry id when the entity matched the built-in or a user actor registry. */
  registry?: string;
}

export interface Place extends TextSpan {
  /** Id of the mention (kind place or demonym) this place resolves. */
  mention: string;
  kind: 'place' | 'demonym';
  geonameid: number | null;
  name: string | null;
  lat: number | null;
  lon: number | null;
  /** ISO 3166-1 alpha-2, as GeoNames gives it. */
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  featureCode: string | null;
  precision: PlacePrecision;
  /** For a place the gazetteer lacks: the mention id of its stated parent ("village of Akhur" in Afrin). */
  parent?: string;
  score?: number;
  rule?: string;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type Granularity =
  | 'minute'
  | 'hour'
  | 'day'
  | 'week'
  | 'weekend'
  | 'month'
  | 'quarter'
  | 'season'
  | 'year'
  | 'decade'
  | 'century'
  | 'unknown';

export interface TimeExpression extends TextSpan {
  id: string;
  type: TimeType;
  /** TimeML TIMEX3 value: 2020-10-05, 2020-W40, 2020-08, P3D, PAST_REF, XXXX-WXX-1 … */
  value: string;
  mod?: 'START' | 'END' | 'MID' | 'APPROX' | 'BEFORE' | 'AFTER' | 'ON_OR_BEFORE' | 'ON_OR_AFTER';
  /** Inclusive ISO dates; null when the value cannot be placed on the calendar. */
  interval: [string, string] | null;
  granularity: Granularity;
  /** What the value was computed from: "dct", "text", or the id of another time. */
  anchor?: string;
  /** For one end of a range ("from March to May", "1990-95"): the joint inclusive interval. */
  range?: [string, string];
  rule?: string;
}

export type QuantityKind =
  | 'dead'
  | 'injured'
  | 'people'
  | 'families'
  | 'arrested'
  | 'displaced'
  | 'crowd'
  | 'missing'
  | 'other';

export interface Quantity extends TextSpan {
  id: string;
  kind: QuantityKind;
  value: number;
  /** True for ACLED-style vague numbers ("dozens" = 12, "hundreds" = 100). */
  vague?: boolean;
  /** The noun counted ("families", "mercenaries"). */
  unit?: string;
}

export type SourceKind = 'named_person' | 'organization' | 'anonymous' | 'media' | 'document' | 'unspecified';
export type Stance = 'assert' | 'confirm' | 'deny' | 'accuse' | 'allege' | 'concern' | 'demand';

export interface ClaimSource extends TextSpan {
  kind: SourceKind;
  /** Entity id the source resolves to (through coreference when it is "he", "the activist"). */
  entity?: string;
  /** For a pronoun or description ("he", "the activist", "the source", "both leaders"): the earlier name it refers to. */
  antecedent?: TextSpan;
}

export interface Claim {
  id: string;
  source: ClaimSource;
  cue: TextSpan;
  content: Span[];
  stance: Stance;
  /** Id of the claim this one relays ("X, citing Y"), i.e. X's claim rests on Y's. */
  via?: string;
  /** The party the claim was told to ("told Sputnik"). */
  addressee?: TextSpan;
  /** Ids of earlier claims this one confirms or denies. */
  confirms?: string[];
  denies?: string[];
  direct?: boolean;
  rule?: string;
}

export interface EventArgument extends TextSpan {
  entity?: string;
  country?: string;
  sector?: string;
}

export interface EventQuantity extends Span {
  kind: QuantityKind;
  value: number;
  vague?: boolean;
}

export interface EventRecord {
  id: string;
  type: PloverType;
  mode?: string;
  context?: string[];
  cameo?: string;
  acled?: { eventType: string; subEventType: string };
  actors: EventArgument[];
  recipients: EventArgument[];
  /** Index into `places` (the place id is the place's mention id). */
  place?: string;
  /** How the place was chosen: linked to the trigger in its sentence, or the article's focus place. */
  placeBasis?: 'sentence' | 'article';
  /** Id of a time expression. */
  time?: string;
  /** Inclusive ISO dates the event happened within (from the time, else the publication date). */
  interval?: [string, string];
  /** Where `interval` came from: a time expression in the text, or only the publication date
   * (the event happened on or before the day it was reported). */
  timePrecision?: 'text' | 'reported-by';
  quantities: EventQuantity[];
  factuality: Factuality;
  /** Id of the claim that carries it; absent when asserted in the reporter's own voice. */
  claim?: string;
  /** Background: clearly before the reporting window ("the 1994 ceasefire"). */
  background?: boolean;
  trigger: TextSpan;
  /** Index of the sentence in `sentences`. */
  sentence: number;
  confidence: number;
  rule?: string;
}

/** The layers a document can carry; each pipeline stage provides some of them. */
export interface Layers {
  sentences: Span[];
  mentions: Mention[];
  entities: Entity[];
  places: Place[];
  times: TimeExpression[];
  quantities: Quantity[];
  claims: Claim[];
  events: EventRecord[];
}

export type LayerName = keyof Layers;

/** One JSON object per article: the stable output contract. */
export interface SitrepRecord {
  schema: typeof SCHEMA_ID;
  article: ArticleMeta;
  text: string;
  sentences: [number, number][];
  mentions: Mention[];
  entities: Entity[];
  places: Place[];
  times: TimeExpression[];
  quantities: Quantity[];
  claims: Claim[];
  events: EventRecord[];
  meta: { version: string; resources?: Record<string, string>; warnings?: string[] };
}
