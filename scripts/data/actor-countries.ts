/**
 * Country names, demonyms and capitals for actor coding (events stage), from the `world-countries`
 * package (ODbL 1.0, © Mohammed Le Doze; see NOTICE.md). Output: build/data/actor-countries.tsv,
 * one country a line: alpha-3, names, demonyms, capitals (lists separated by "|"), alpha-2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings?: string[];
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  independent?: boolean;
  area?: number;
}

/**
 * Demonyms and people names the package lacks or spells as one phrase, written for sitrep: nations
 * and peoples news names as actors ("Serb forces", "Kyrgyz officials", "Yoruba leaders"). Only
 * names that point to one country; shared ones (Kurdish, Hutu, Albanian…) stay with their state or
 * are left out.
 */
const EXTRA_DEMONYMS: Record<string, string[]> = {
  SRB: ['Serb'],
  HRV: ['Croat'],
  BIH: ['Bosniak', 'Bosnian'],
  KGZ: ['Kyrgyz'],
  NGA: ['Yoruba', 'Igbo', 'Ibo', 'Hausa'],
  RUS: ['Chechen', 'Soviet'],
  CHN: ['Uighur', 'Uyghur', 'Tibetan'],
  MMR: ['Rohingya', 'Burmese', 'Kachin'],
  AFG: ['Pashtun', 'Hazara'],
  PAK: ['Baloch', 'Baluch'],
  ESH: ['Sahrawi'],
  SDN: ['Darfuri'],
  ARE: ['Emirati'],
  GBR: ['English', 'Scottish', 'Welsh'],
  ESP: ['Basque', 'Catalan'],
  BEL: ['Flemish', 'Walloon'],
  ZAF: ['Zulu', 'Afrikaner'],
  ZWE: ['Shona', 'Ndebele'],
  ETH: ['Amhara', 'Oromo', 'Tigrayan'],
  SSD: ['Dinka', 'Nuer'],
  YEM: ['Houthi'],
  GEO: ['Abkhaz', 'Abkhazian'],
  IRQ: ['Yazidi'],
  LKA: ['Sinhalese'],
  NLD: ['Dutch'],
  PHL: ['Filipino'],
  NZL: ['Kiwi'],
};

export function build(outDir: string): string {
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-countries/countries.json');
  const countries = JSON.parse(readFileSync(file, 'utf8')) as WorldCountry[];
  // a demonym several countries share ("Indian", "American", "Dominican", "Congolese") names the
  // independent state before a dependency, else the larger one
  const rank = (c: WorldCountry) => (c.independent === false ? 0 : 1e9) + (c.area ?? 0);
  const owner = new Map<string, WorldCountry>();
  for (const c of countries)
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f])
      for (const part of (d ?? '').split(/\s*[,/]\s*/)) {
        if (!part) continue;
        const prev = owner.get(part);
        if (!prev || rank(c) > rank(prev)) owner.set(part, c);
      }
  const lines: string[] = [];
  for (const c of countries) {
    const names = new Set<string>([c.name.common]);
    // official names that are plain English ("Republic of Korea"); skip codes and native spellings
    if (/^[A-Za-z ,.'-]+$/.test(c.name.official) && c.name.official.length < 40) names.add(c.name.official);
    for (const a of c.altSpellings ?? []) if (/^[A-Z][A-Za-z .'-]{3,30}$/.test(a)) names.add(a);
    const demonyms = new Set<string>();
    // the package sometimes lists two demonyms as one ("Bosnian, Herzegovinian")
    if (c.demonyms?.eng)
      for (const d of [c.demonyms.eng.m, c.demonyms.eng.f])
        for (const part of (d ?? '').split(/\s*[,/]\s*/))
          if (part && owner.get(part) === c) demonyms.add(part);
    for (const d of EXTRA_DEMONYMS[c.cca3] ?? []) demonyms.add(d);
    const capitals = (c.capital ?? []).filter((x) => /^[A-Za-z .'-]+$/.test(x));
    lines.push(
      [c.cca3, [...names].join('|'), [...demonyms].join('|'), capitals.join('|'), c.cca2].join('\t'),
    );
  }
  writeFileSync(join(outDir, 'actor-countries.tsv'), `${lines.join('\n')}\n`);
  return `${lines.length} countries`;
}
