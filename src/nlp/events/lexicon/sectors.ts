/**
 * PLOVER sector codes from the words that describe an actor ("army", "rebels", "foreign minister").
 * Written for sitrep from the sector definitions in the PLOVER codebook (CC BY-SA 4.0).
 * Sectors are listed from most to least specific: when a description has several ("rebel leaders"),
 * the most specific wins, so generic GOV words ("leader", "official") come last.
 */
const SECTOR_WORDS: [string, string][] = [
  [
    'REB',
    'rebel rebels insurgent insurgents militant militants guerrilla guerrillas guerillas jihadist jihadists ' +
      'separatist separatists terrorist terrorists extremist extremists mercenaries mercenary fighters fighter ' +
      'insurgency mujahideen',
  ],
  ['UAF', 'gunman gunmen militia militias militiamen paramilitaries paramilitary assailants attackers armed'],
  [
    'MIL',
    'army armies military troops soldiers soldier forces navy air force airforce marines commander commanders ' +
      'general generals colonel brigade battalion regiment warplanes warplane jets fighter-jets artillery ' +
      'tanks peacekeepers servicemen defence defense ministry-of-defense junta aircraft helicopters gunships ' +
      'drones gen lt maj brig',
  ],
  ['COP', 'police policemen policeman officers cops gendarmes gendarmerie security riot'],
  ['SPY', 'intelligence spy spies agents'],
  ['JUD', 'court courts judge judges judiciary prosecutor prosecutors tribunal magistrate justice'],
  [
    'LEG',
    'parliament parliamentary lawmakers lawmaker legislators legislature congress congressman senate senator ' +
      'senators mp mps assembly deputies duma knesset',
  ],
  ['OPP', 'opposition dissident dissidents'],
  ['REF', 'refugee refugees displaced asylum-seekers migrants migrant evacuees'],
  ['JRN', 'journalist journalists reporter reporters newspaper media broadcaster correspondent'],
  ['MED', 'doctors doctor nurses hospital hospitals medics medical health'],
  ['EDU', 'students student university universities school schools teachers teacher academics'],
  ['LAB', 'workers worker union unions employees strikers labor labour'],
  ['BUS', 'company companies firm firms business businesses corporation bank banks investors'],
  ['REL', 'church clerics cleric imam priest priests bishop religious mosque'],
  ['NGO', 'ngo ngos charity activists-group watchdog'],
  [
    'CVL',
    'civilians civilian residents protesters protestors demonstrators villagers people activists activist ' +
      'families family citizens crowd crowds women children farmers locals inhabitants landowners peasants ' +
      'pilgrims worshippers passengers youths',
  ],
  ['PTY', 'party parties'],
  [
    'GOV',
    'government governments president presidents vice-president vice-premier minister ministers ministry prime premier chancellor king ' +
      'queen emir sultan prince officials official authorities authority administration cabinet spokesman ' +
      'spokeswoman spokesperson ambassador ambassadors envoy diplomat diplomats embassy governor mayor regime ' +
      'leader leaders secretary state council delegation foreign mission observers monitors inspectors',
  ],
];

const SECTOR_RANK = new Map<string, number>();
const WORD_SECTOR = new Map<string, string>();
SECTOR_WORDS.forEach(([sector, words], rank) => {
  SECTOR_RANK.set(sector, rank);
  for (const w of words.split(' ')) if (!WORD_SECTOR.has(w)) WORD_SECTOR.set(w, sector);
});

/** The most specific sector among lower-cased words, or undefined. */
export function sectorOfWords(words: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const w of words) {
    const s = WORD_SECTOR.get(w);
    if (s === undefined) continue;
    const r = SECTOR_RANK.get(s)!;
    if (r < bestRank) {
      best = s;
      bestRank = r;
    }
  }
  return best;
}
