import type { Doc } from '../../../model/doc.js';
import type { EventRecord } from '../../../model/types.js';

/**
 * PLOVER modes the trigger word alone does not give (PLOVER manual, "Supplementary fields: modes"):
 * - ASSAULT: the weapon or method named near the trigger ("killed … in a car bomb explosion",
 *   "aircraft using guided missiles killed", "militiamen armed with machetes");
 * - THREATEN: the content of the threat ("threatened to shell", "to stop negotiations", "to hold a
 *   general strike"), or the act an intention was recoded from ("will extend the curfew");
 * - PROTEST: a demonstration with stones or arson is a riot; MOBILIZE: police or militia units.
 * A mode given by the trigger itself wins, except the generic "fired at / opened fire" when the
 * shooters are aircraft, tanks or artillery. Words are read in the trigger's sentence only, nearest
 * first, so nothing is stitched from another sentence.
 */

/** ASSAULT modes by weapon word (lower-case token), strongest evidence first when several. */
const WEAPON_RANK = [
  'suicide-attack',
  'unconventional',
  'drone',
  'aerial',
  'heavy-weapons',
  'explosives',
  'firearms',
  'primitive',
  'crowd-control',
] as const;
type WeaponMode = (typeof WEAPON_RANK)[number];

const WEAPONS = new Map<string, WeaponMode>();
function weapons(mode: WeaponMode, words: string): void {
  for (const w of words.trim().split(/\s+/)) WEAPONS.set(w, mode);
}
weapons('suicide-attack', 'suicide');
weapons('unconventional', 'sarin chlorine mustard nerve chemical biological radiological');
weapons('drone', 'drone drones uav uavs unmanned predator reaper');
weapons(
  'aerial',
  'aircraft airstrike airstrikes warplane warplanes jet jets helicopter helicopters gunship gunships airplanes planes',
);
weapons(
  'heavy-weapons',
  'artillery mortar mortars rocket rockets missile missiles shell shells shelling tank tanks howitzer howitzers katyusha katyushas cannon cannons gunboat gunboats warship warships rpg rpgs',
);
weapons(
  'explosives',
  'bomb bombs bombing bombings ied ieds explosive explosives explosion explosions landmine landmines minefield grenade grenades blast blasts',
);
weapons(
  'firearms',
  'gun guns gunfire gunmen gunman gunbattle gunbattles gunshot gunshots rifle rifles pistol pistols sniper snipers bullets kalashnikov kalashnikovs firefight shooting shootings',
);
weapons('primitive', 'machete machetes knife knives axe axes stabbed stabbing stabbings spears arson');
weapons('crowd-control', 'teargas batons');

/** Whether a lower-cased word names a weapon or method of attack. */
export function isWeaponWord(w: string): boolean {
  return WEAPONS.has(w);
}

/** The words isWeaponWord accepts. */
export function weaponWords(): Iterable<string> {
  return WEAPONS.keys();
}

/**
 * Two-word weapon names whose words mean little alone ("air strike", "tear gas"); the tokenizer
 * splits hyphenated words, so "tear-gas" is read as the same pair.
 */
const WEAPON_PAIRS = new Map<string, WeaponMode>([
  ['air strike', 'aerial'],
  ['air strikes', 'aerial'],
  ['air raid', 'aerial'],
  ['air raids', 'aerial'],
  ['fighter jets', 'aerial'],
  ['tear gas', 'crowd-control'],
  ['water cannon', 'crowd-control'],
  ['water cannons', 'crowd-control'],
  ['rubber bullets', 'crowd-control'],
  ['armored vehicles', 'heavy-weapons'],
  ['armoured vehicles', 'heavy-weapons'],
  ['nuclear weapons', 'unconventional'],
  ['chemical weapons', 'unconventional'],
  ['set fire', 'primitive'],
  ['land mines', 'explosives'],
  ['land mine', 'explosives'],
  ['booby trap', 'explosives'],
  ['booby trapped', 'explosives'],
  ['machine gun', 'firearms'],
  ['machine guns', 'firearms'],
]);

/** Weapon words that name a heavier force than a rifle: these re-code a generic "fired at". */
const HEAVIER: ReadonlySet<WeaponMode> = new Set(['drone', 'aerial', 'heavy-weapons', 'unconventional']);

/** How far (in tokens) from the trigger a weapon word may stand. */
const WEAPON_REACH = 14;

/** THREATEN modes by the word naming what is threatened. */
const THREAT_CONTENT = new Map<string, string>();
function threat(mode: string, words: string): void {
  for (const w of words.trim().split(/\s+/)) THREAT_CONTENT.set(w, mode);
}
threat(
  'violence',
  'attack attacks attacking kill killing shell shelling bomb bombing bombs strike strikes fight fighting war offensive retaliate retaliation retaliatory destroy annihilate wipe blows violence force military assault raid raids shoot missile missiles rockets hostilities crush terrorist terror punish revenge',
);
threat('territory', 'occupy occupation annex annexation invade invasion capture');
threat(
  'restrict',
  'curfew blockade blockades boycott boycotts close closure ban embargo martial emergency siege restrictions restrict',
);
threat('arrest', 'arrest arrests detain jail imprison prosecute');
threat('expel', 'expel expulsion deport deportation');
/** Verbs that end something: with a relation word after them, the threat is to relations. */
const STOPPING = new Set(
  'stop halt suspend end cut sever break freeze downgrade quit leave withdraw pull abandon boycott'.split(
    ' ',
  ),
);
const RELATIONS = new Set(
  'negotiations talks relations ties mediation cooperation dialogue contacts aid inspectors observers ambassador peacekeepers process'.split(
    ' ',
  ),
);
/** A strike (work stoppage) is a restriction when threatened: "a general strike". */
const STRIKE_WORDS = new Set(['strike', 'strikes']);
const WORK_STRIKE = new Set(['general', 'hunger', 'nationwide', 'national', 'labour', 'labor']);
const FIRE = /\bfire/;
const HUNGER = /\bhunger\b/;

/** What an intention to do `type:mode` threatens, when it was recoded to THREATEN. */
export function threatOfIntent(original: string): string | undefined {
  const [type, mode] = original.split(':');
  switch (type) {
    case 'ASSAULT':
      return 'violence';
    case 'SANCTION':
      return mode === 'expel' ? 'expel' : 'relations';
    case 'PROTEST':
      return 'restrict';
    case 'COERCE':
      if (mode === 'arrest') return 'arrest';
      if (mode === 'deport') return 'expel';
      if (mode === 'seize') return undefined;
      return mode ? 'restrict' : undefined;
    default:
      return undefined;
  }
}

const RIOT_WORDS = new Set(
  'stones rocks petrol molotov looted looting smashed smashing torched torching vandalised vandalized rioted rioting'.split(
    ' ',
  ),
);
const MOBILIZED = new Map<string, string>([
  ['police', 'police'],
  ['policemen', 'police'],
  ['gendarmes', 'police'],
  ['gendarmerie', 'police'],
  ['paramilitary', 'police'],
  ['paramilitaries', 'police'],
  ['militia', 'militia'],
  ['militias', 'militia'],
  ['militiamen', 'militia'],
  ['missiles', 'weapons'],
  ['warships', 'weapons'],
  ['warheads', 'weapons'],
]);

/** Add or correct `rec.mode` from the words around its trigger (tokens `first..last`). */
export function refineMode(doc: Doc, rec: EventRecord, first: number, last: number, original?: string): void {
  switch (rec.type) {
    case 'ASSAULT':
      assaultMode(doc, rec, first, last);
      return;
    case 'THREATEN': {
      const m = (original && threatOfIntent(original)) ?? threatContent(doc, first, last);
      if (m) rec.mode = m;
      return;
    }
    case 'PROTEST':
      if (rec.mode === 'demo' && sentenceHas(doc, first, RIOT_WORDS)) rec.mode = 'riot';
      else if (rec.mode === 'strike' && HUNGER.test(rec.trigger.text.toLowerCase())) rec.mode = 'hunger';
      return;
    case 'MOBILIZE': {
      const t = doc.tokens;
      const end = Math.min(doc.sentenceTokens[t.sentence[first]][1], last + 8);
      for (let k = last + 1; k < end; k++) {
        const m = MOBILIZED.get(t.lower[k]);
        if (m) {
          rec.mode = m;
          return;
        }
      }
      return;
    }
    default:
      return;
  }
}

function assaultMode(doc: Doc, rec: EventRecord, first: number, last: number): void {
  const generic = !rec.mode;
  // "opened fire", "fired at": the shooters may be tanks or helicopters
  const fire = rec.mode === 'firearms' && FIRE.test(rec.trigger.text.toLowerCase());
  if (!generic && !fire) return;
  const found = nearestWeapon(doc, first, last);
  if (!found) return;
  if (generic || HEAVIER.has(found)) rec.mode = found;
}

/** The best-ranked weapon named near tokens first..last in their sentence (ties: nearest). */
function nearestWeapon(doc: Doc, first: number, last: number): WeaponMode | undefined {
  const t = doc.tokens;
  const [s0, s1] = doc.sentenceTokens[t.sentence[first]];
  const from = Math.max(s0, first - WEAPON_REACH);
  const to = Math.min(s1, last + WEAPON_REACH + 1);
  let best: WeaponMode | undefined;
  let bestRank: number = WEAPON_RANK.length;
  for (let k = from; k < to; k++) {
    const w = t.lower[k];
    let m = WEAPONS.get(w);
    const next = k + 2 < to && t.lower[k + 1] === '-' ? k + 2 : k + 1;
    if (next < to) {
      const pair = WEAPON_PAIRS.get(`${w} ${t.lower[next]}`);
      if (pair) m = pair;
    }
    if (!m) continue;
    const rank = WEAPON_RANK.indexOf(m);
    if (rank < bestRank) {
      best = m;
      bestRank = rank;
    }
  }
  return best;
}

/** The threatened act in the words after the trigger (its own words included: "threat of war"). */
function threatContent(doc: Doc, first: number, last: number): string | undefined {
  const t = doc.tokens;
  const s1 = doc.sentenceTokens[t.sentence[first]][1];
  const to = Math.min(s1, last + 12);
  for (let k = first; k < to; k++) {
    const w = t.lower[k];
    if (STOPPING.has(w)) {
      for (let j = k + 1; j < Math.min(to, k + 5); j++) if (RELATIONS.has(t.lower[j])) return 'relations';
    }
    if (STRIKE_WORDS.has(w) && k > 0 && WORK_STRIKE.has(t.lower[k - 1])) return 'restrict';
    const m = THREAT_CONTENT.get(w);
    if (m) return m;
  }
  return undefined;
}

function sentenceHas(doc: Doc, tok: number, words: ReadonlySet<string>): boolean {
  const t = doc.tokens;
  const [s0, s1] = doc.sentenceTokens[t.sentence[tok]];
  for (let k = s0; k < s1; k++) if (words.has(t.lower[k])) return true;
  return false;
}
