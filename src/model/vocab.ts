/**
 * The closed vocabularies of the `sitrep/1` contract as runtime lists (for validation, filters and
 * forms). Plain data, no Node or DOM dependencies: the browser bundle imports it too.
 */

/** PLOVER event types, in the codebook's order. */
export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;

export const FACTUALITIES = [
  'asserted',
  'reported',
  'denied',
  'uncertain',
  'future',
  'hypothetical',
  'negated',
] as const;

export const PLACE_PRECISIONS = [
  'point',
  'city',
  'admin2',
  'admin1',
  'country',
  'region',
  'unresolved',
] as const;
