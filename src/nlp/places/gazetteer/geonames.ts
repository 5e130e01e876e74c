import { foldName } from './fold.js';
import { NAME_ABBREV, NAME_ALTERNATE, NAME_MAIN, NAME_OFFICIAL } from './format.js';
import type { FeatureInput, IndexWriter } from './writer.js';

/** One row of a GeoNames dump (allCountries.txt, cities500.txt, a per-country file). */
export interface GeoNamesRow extends FeatureInput {
  asciiname: string;
  alternates: string[];
  fclass: string;
}

const INT = /^-?\d+$/;
const NUM = /^-?\d+(\.\d+)?$/;

/** Parse a tab-separated GeoNames row (19 columns); null when it is broken. */
export function parseGeoNamesRow(line: string): GeoNamesRow | null {
  const c = line.split('\t');
  if (c.length < 15) return null;
  if (!INT.test(c[0]) || !NUM.test(c[4]) || !NUM.test(c[5])) return null;
  const lat = Number(c[4]);
  const lon = Number(c[5]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || !c[1]) return null;
  if (c[14] && !INT.test(c[14])) return null;
  return {
    geonameid: Number(c[0]),
    name: c[1],
    asciiname: c[2],
    alternates: c[3] ? c[3].split(',') : [],
    lat,
    lon,
    fclass: c[6],
    fcode: c[7] || c[6],
    country: c[8] ?? '',
    admin1: c[10] ?? '',
    admin2: c[11] ?? '',
    population: c[14] ? Number(c[14]) : 0,
  };
}

const LATINISH = /^[\p{Script=Latin}0-9 .,'’‘`ʻʼ()\-–/&]+$/u;
const UPPER_ABBREV = /^[A-Z.]{2,5}$/;

/** Words after which the rest of a place's full name is usually dropped ("Newcastle upon Tyne"). */
const SHORT_FORM_TAILS = /^(?:upon|on|am|an|im|sur|under) /;

/**
 * The everyday short form of a full name ("Newcastle" of "Newcastle upon Tyne", "Frankfurt" of
 * "Frankfurt am Main"): as good as an official name, not a rare alias. ("X City" → "X" is not:
 * "Kansas", "New York" mostly mean the state; tried, LGL and GeoVirus got worse.)
 */
function isShortForm(main: string, alt: string): boolean {
  return (
    main.length > alt.length + 1 &&
    main.startsWith(`${alt} `) &&
    SHORT_FORM_TAILS.test(`${main.slice(alt.length + 1)} `)
  );
}

/** Feature classes worth indexing from a user dump (populated places, admin areas, regions, spots). */
export const USEFUL_CLASSES = new Set(['P', 'A', 'L', 'T', 'H', 'S', 'V']);

/** Add a row and its Latin-script names to the writer; returns the feature index. */
export function addGeoNamesRow(
  w: IndexWriter,
  r: GeoNamesRow,
  kind: string,
  extraNames: string[] = [],
): number {
  const id = w.addFeature(r, kind);
  w.addName(id, r.name, NAME_MAIN);
  if (r.asciiname && r.asciiname !== r.name) w.addName(id, r.asciiname, NAME_OFFICIAL);
  const main = foldName(r.name);
  for (const alt of [...r.alternates, ...extraNames]) {
    if (alt.length < 2 || alt.length > 60 || !LATINISH.test(alt)) continue;
    const kind = UPPER_ABBREV.test(alt)
      ? NAME_ABBREV
      : isShortForm(main, foldName(alt))
        ? NAME_OFFICIAL
        : NAME_ALTERNATE;
    w.addName(id, alt, kind);
  }
  return id;
}
