import type { QuantityKind } from '../../model/types.js';

/** Counted nouns that name people; the governing verb decides whether they died, were hurt, etc. */
export const PERSON_NOUNS: ReadonlySet<string> = new Set(
  (
    'people persons person civilians civilian residents inhabitants villagers men women children kids ' +
    'boys girls soldiers troops servicemen officers policemen police militants fighters rebels insurgents ' +
    'mercenaries gunmen attackers terrorists jihadists militiamen members supporters workers students ' +
    'journalists reporters activists protesters protestors demonstrators marchers refugees migrants ' +
    'asylum-seekers prisoners detainees inmates hostages captives suspects passengers pilgrims worshippers ' +
    'farmers miners doctors nurses patients victims bodies casualties individuals adults teenagers youths ' +
    'citizens nationals settlers tourists employees staff guards officials diplomats lawmakers deputies ' +
    'candidates voters sailors crew crewmen peacekeepers volunteers herders fishermen them others dead ' +
    'wounded injured family members'
  ).split(' '),
);

const NOUN_KIND: ReadonlyMap<string, QuantityKind> = new Map<string, QuantityKind>([
  ['families', 'families'],
  ['family', 'families'],
  ['households', 'families'],
  ['household', 'families'],
  ['protesters', 'crowd'],
  ['protestors', 'crowd'],
  ['demonstrators', 'crowd'],
  ['marchers', 'crowd'],
  ['rioters', 'crowd'],
  ['refugees', 'displaced'],
  ['evacuees', 'displaced'],
  ['displaced', 'displaced'],
  ['dead', 'dead'],
  ['bodies', 'dead'],
  ['deaths', 'dead'],
  ['fatalities', 'dead'],
  ['wounded', 'injured'],
  ['injured', 'injured'],
  ['injuries', 'injured'],
  ['casualties', 'dead'],
  ['detainees', 'arrested'],
  ['arrests', 'arrested'],
  ['missing', 'missing'],
]);

/** Units that are not counts of people or things an event analyst tracks: skip them. */
export const NON_COUNT_UNITS: ReadonlySet<string> = new Set(
  (
    'years year months month weeks week days day hours hour minutes minute seconds percent per cent % ' +
    'km kilometers kilometres miles mile meters metres feet tons tonnes kg kilograms dollars euros pounds ' +
    'rubles yuan yen rupees liras lira usd eur times points votes seats am pm a.m. p.m. st nd rd th ' +
    'degrees cents billion million trillion barrels acres hectares'
  ).split(' '),
);

/** Kind implied by the counted noun alone (e.g. "40 dead", "three families"), if any. */
export function kindOfNoun(noun: string): QuantityKind | undefined {
  return NOUN_KIND.get(noun);
}

/** Verb and adjective cues near the count: "were killed", "died", "injuring", "were detained". */
const CUE_KIND: ReadonlyMap<string, QuantityKind> = new Map<string, QuantityKind>();
{
  const add = (kind: QuantityKind, words: string) => {
    for (const w of words.split(' ')) (CUE_KIND as Map<string, QuantityKind>).set(w, kind);
  };
  add(
    'dead',
    'killed kill killing kills died die dies dead slain massacred executed murdered perished shot beheaded ' +
      'death deaths toll lives drowned',
  );
  add('injured', 'injured injuring injures wounded wounding wounds hurt hospitalized hospitalised maimed');
  add(
    'arrested',
    'arrested arresting detained detaining held rounded jailed imprisoned apprehended captured',
  );
  add(
    'displaced',
    'displaced displacing fled fleeing evacuated evacuating expelled expelling evicted evicting uprooted ' +
      'deported deporting homeless',
  );
  add('missing', 'missing disappeared abducted kidnapped');
  add('crowd', 'rallied marched protested gathered demonstrated protesting marching rallying gathering took');
}

export function kindOfCue(word: string): QuantityKind | undefined {
  return CUE_KIND.get(word);
}
