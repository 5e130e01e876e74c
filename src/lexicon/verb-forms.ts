/** Verb forms shared by stages that read tense from word forms (wink's tags carry no tense). */

/**
 * Irregular past-tense forms (regular ones end in -ed). Used by the time stage (is the verb governing a
 * bare "Friday" past?) and the events stage (does a clause narrate past events?).
 */
export const IRREGULAR_PAST = new Set(
  (
    'was were had did said told went came took made gave got began saw knew thought found left felt kept held ' +
    'brought bought stood lost paid met ran sent built fell fought spent won sold led rose struck hit shot quit ' +
    'spoke broke chose drove wrote ate fled threw drew grew flew hung lay laid sat slept spread swore understood ' +
    'woke wore withdrew arose became forgot forgave overtook undertook meant dealt sought taught caught bound ' +
    'heard became began bore beat bit blew burnt burst dug dove fed forbade froze hid hurt knelt lit overcame ' +
    'rode rang sank shook shrank shut sang slid stole stuck stung strode strove swam swept swung tore upheld ' +
    'wept wound wrung withheld overthrew rebuilt reopened sped split cast cost set put let read'
  ).split(' '),
);

/** Irregular pasts spelt like their base form ("hit", "put"): the form alone does not tell the tense. */
export const PAST_SAME_AS_BASE = new Set(
  'hit quit set put let read cast cost split shut hurt burst spread'.split(' '),
);
