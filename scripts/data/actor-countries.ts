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
}

export function build(outDir: string): string {
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-countries/countries.json');
  const countries = JSON.parse(readFileSync(file, 'utf8')) as WorldCountry[];
  const lines: string[] = [];
  for (const c of countries) {
    const names = new Set<string>([c.name.common]);
    // official names that are plain English ("Republic of Korea"); skip codes and native spellings
    if (/^[A-Za-z ,.'-]+$/.test(c.name.official) && c.name.official.length < 40) names.add(c.name.official);
    for (const a of c.altSpellings ?? []) if (/^[A-Z][A-Za-z .'-]{3,30}$/.test(a)) names.add(a);
    const demonyms = new Set<string>();
    if (c.demonyms?.eng) for (const d of [c.demonyms.eng.m, c.demonyms.eng.f]) if (d) demonyms.add(d);
    const capitals = (c.capital ?? []).filter((x) => /^[A-Za-z .'-]+$/.test(x));
    lines.push(
      [c.cca3, [...names].join('|'), [...demonyms].join('|'), capitals.join('|'), c.cca2].join('\t'),
    );
  }
  writeFileSync(join(outDir, 'actor-countries.tsv'), `${lines.join('\n')}\n`);
  return `${lines.length} countries`;
}
