import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlacePrecision } from '../../../model/types.js';
import { hashKey } from './fold.js';
import { ARRAY_TYPES, type ArrayName, FORMAT_VERSION, type IndexArrays, type IndexMeta } from './format.js';

/** One loaded index directory (the built-in one or a user overlay). */
export class IndexPart {
  readonly meta: IndexMeta;
  readonly a: IndexArrays;
  /** UTF-8 blob of keys (ASCII) and display names; decoded piecewise, never whole. */
  readonly strings: Buffer;
  private readonly mask: number;

  constructor(readonly dir: string) {
    this.meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as IndexMeta;
    if (this.meta.format !== FORMAT_VERSION) {
      throw new Error(`gazetteer index ${dir} has format ${this.meta.format}, expected ${FORMAT_VERSION}`);
    }
    const bin = readFileSync(join(dir, 'arrays.bin'));
    // A large file read gets its own ArrayBuffer: view it in place rather than copy 30 MB.
    const ab =
      bin.byteOffset === 0 && bin.byteLength === bin.buffer.byteLength
        ? bin.buffer
        : bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
    const a: Partial<Record<ArrayName, unknown>> = {};
    for (const name of Object.keys(ARRAY_TYPES) as ArrayName[]) {
      const [off, len] = this.meta.arrays[name];
      a[name] = new ARRAY_TYPES[name](ab, off, len);
    }
    this.a = a as IndexArrays;
    this.strings = readFileSync(join(dir, 'strings.txt'));
    this.mask = this.meta.slots - 1;
    // per feature-code tables, so hot paths index an array instead of comparing code strings
    this.precisionOfCode = this.meta.fcodes.map(precisionOf);
    this.rankOfCode = Uint8Array.from(this.precisionOfCode, rankOfPrecision);
    const dem = join(dir, 'demonyms.json');
    this.demonyms = existsSync(dem) ? (JSON.parse(readFileSync(dem, 'utf8')) as Record<string, string>) : {};
    const ac = join(dir, 'area-codes.json');
    this.areaCodes = existsSync(ac) ? (JSON.parse(readFileSync(ac, 'utf8')) as Record<string, string>) : {};
  }
  /** Folded demonym → ISO alpha-2 or region name. */
  readonly demonyms: Record<string, string>;
  /** North American phone area code ("519") → admin1 code ("CA.08") or ISO alpha-2. */
  readonly areaCodes: Record<string, string>;
  /** Precision of each feature code (indexed like `meta.fcodes`). */
  readonly precisionOfCode: PlacePrecision[];
  /** Rank of each feature code: 3 country/region, 2 admin1, 1 admin2, 0 other. */
  readonly rankOfCode: Uint8Array;

  private sameKey(key: string, at: number): boolean {
    const b = this.strings;
    for (let i = 0; i < key.length; i++) if (b[at + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** Display name of a feature. */
  name(i: number): string {
    const s = this.a.nameStart[i];
    return this.strings.toString('utf8', s, s + this.a.nameLen[i]);
  }

  /** Key index of a folded key, or -1. */
  findKey(key: string): number {
    const { slots, keyStart, keyLen } = this.a;
    let h = hashKey(key) & this.mask;
    for (;;) {
      const s = slots[h];
      if (s === 0) return -1;
      const k = s - 1;
      if (keyLen[k] === key.length && this.sameKey(key, keyStart[k])) return k;
      h = (h + 1) & this.mask;
    }
  }
}

export interface FeatureView {
  /** Global feature index (across the built-in index and overlays). */
  id: number;
  geonameid: number;
  name: string;
  lat: number;
  lon: number;
  population: number;
  fcode: string;
  country: string;
  /** "CC.A1" or "" */
  admin1: string;
  /** "CC.A1.A2" or "" */
  admin2: string;
}

/** A feature view whose display name is decoded only when read (most candidates never are). */
class View implements FeatureView {
  private decoded: string | null = null;
  constructor(
    readonly id: number,
    readonly geonameid: number,
    readonly lat: number,
    readonly lon: number,
    readonly population: number,
    readonly fcode: string,
    readonly country: string,
    readonly admin1: string,
    readonly admin2: string,
    private readonly part: IndexPart,
    private readonly index: number,
  ) {}
  get name(): string {
    if (this.decoded === null) this.decoded = this.part.name(this.index);
    return this.decoded;
  }
}

const COUNTRY_CODES = new Set(['PCLI', 'PCLD', 'PCLF', 'PCLS', 'PCLIX', 'PCL', 'TERR', 'PCLH']);
const REGION_CODES = new Set([
  'CONT',
  'RGN',
  'RGNE',
  'AREA',
  'ZN',
  'SEA',
  'GULF',
  'OCN',
  'STRT',
  'PEN',
  'DSRT',
]);

/** Precision a feature code implies. */
export function precisionOf(fcode: string): PlacePrecision {
  if (COUNTRY_CODES.has(fcode)) return 'country';
  if (fcode === 'ADM1') return 'admin1';
  if (fcode === 'ADM2' || fcode === 'ADM3' || fcode === 'ADMD') return 'admin2';
  if (REGION_CODES.has(fcode)) return 'region';
  if (fcode.startsWith('PPL')) return 'city';
  return 'point';
}

function rankOfPrecision(pr: PlacePrecision): number {
  return pr === 'country' || pr === 'region' ? 3 : pr === 'admin1' ? 2 : pr === 'admin2' ? 1 : 0;
}

/** Lookups remembered per gazetteer before the memo is emptied (a few MB at most). */
const MEMO_MAX = 50_000;
const NO_POSTINGS = new Int32Array(0);

/**
 * The gazetteer: the built-in index plus any user overlays, looked up by folded name. Feature ids
 * are global: part `i` owns ids [base_i, base_i + features_i).
 */
export class Gazetteer {
  private readonly bases: number[] = [];
  readonly total: number;
  private readonly admin1Feature = new Map<string, number>();
  private readonly countryFeature = new Map<string, number>();
  /** Folded demonym ("syrian") → ISO alpha-2 or a region name. */
  readonly demonyms = new Map<string, string>();
  /** Phone area code ("519") → admin1 code ("CA.08") or ISO alpha-2 (see data/nanp-area-codes.tsv). */
  readonly areaCodes = new Map<string, string>();

  constructor(readonly parts: IndexPart[]) {
    let base = 0;
    for (const p of parts) {
      this.bases.push(base);
      base += p.meta.features;
    }
    this.total = base;
    for (const p of parts) for (const [k, v] of Object.entries(p.demonyms)) this.demonyms.set(k, v);
    for (const p of parts) for (const [k, v] of Object.entries(p.areaCodes)) this.areaCodes.set(k, v);
    for (let pi = 0; pi < parts.length; pi++) {
      const p = parts[pi];
      const { fcode, a1, cc } = p.a;
      // compare small integer codes in the loop, not strings
      const adm1 = p.meta.fcodes.indexOf('ADM1');
      const isCountry = new Uint8Array(256);
      p.meta.fcodes.forEach((c, i) => {
        if (COUNTRY_CODES.has(c)) isCountry[i] = 1;
      });
      for (let i = 0; i < p.meta.features; i++) {
        const fc = fcode[i];
        if (fc === adm1 && a1[i] >= 0) {
          const k = p.meta.admin1[a1[i]];
          if (!this.admin1Feature.has(k)) this.admin1Feature.set(k, this.bases[pi] + i);
        } else if (isCountry[fc] === 1) {
          const c = p.meta.countries[cc[i]];
          if (c && !this.countryFeature.has(c)) this.countryFeature.set(c, this.bases[pi] + i);
        }
      }
    }
  }

  private part(id: number): number {
    let pi = this.parts.length - 1;
    while (pi > 0 && this.bases[pi] > id) pi--;
    return pi;
  }

  /**
   * Postings for a folded key appended to `out` as global `id << 2 | nameKind`. Returns -1 when
   * the key is unknown, else the number of postings (0 = only a prefix of longer names).
   */
  lookup(key: string, out: number[] | null): number {
    const post = this.postings(key);
    if (post === null) return -1;
    if (out) for (let j = 0; j < post.length; j++) out.push(post[j]);
    return post.length;
  }

  /**
   * The postings of a folded key as `lookup` appends them (empty: only a prefix of longer names),
   * or null when the key is unknown. Shared: read them, never write them.
   */
  postings(key: string): Int32Array | null {
    // News repeats its names, and inside a pipeline the index arrays are mostly out of the CPU
    // caches: a small map of the keys seen so far answers most lookups.
    let post = this.memo.get(key);
    if (post === undefined) {
      post = this.lookupIndex(key);
      if (this.memo.size >= MEMO_MAX) this.memo.clear();
      this.memo.set(key, post);
    }
    return post;
  }

  private readonly memo = new Map<string, Int32Array | null>();

  /** Postings of a key from the index parts (null when no part knows the key). */
  private lookupIndex(key: string): Int32Array | null {
    const out: number[] = [];
    let found = -1;
    for (let pi = 0; pi < this.parts.length; pi++) {
      const p = this.parts[pi];
      const k = p.findKey(key);
      if (k < 0) continue;
      if (found < 0) found = 0;
      const start = p.a.postStart[k];
      const n = p.a.postCount[k];
      found += n;
      const base = this.bases[pi] << 2;
      for (let j = 0; j < n; j++) out.push(base + p.a.postings[start + j]);
    }
    if (found < 0) return null;
    return found === 0 ? NO_POSTINGS : Int32Array.from(out);
  }

  feature(id: number): FeatureView {
    const pi = this.part(id);
    const p = this.parts[pi];
    const i = id - this.bases[pi];
    const a = p.a;
    return new View(
      id,
      a.geonameid[i],
      Math.round(a.lat[i] * 1e5) / 1e5,
      Math.round(a.lon[i] * 1e5) / 1e5,
      a.population[i],
      p.meta.fcodes[a.fcode[i]],
      p.meta.countries[a.cc[i]],
      a.a1[i] >= 0 ? p.meta.admin1[a.a1[i]] : '',
      a.a2[i] >= 0 ? p.meta.admin2[a.a2[i]] : '',
      p,
      i,
    );
  }

  private readonly scratch = { rank: 0, population: 0 };
  /**
   * Cheap look at a feature without building a view: rank 3 country/region, 2 admin1, 1 admin2,
   * 0 other; and its population. Returns a shared object (read it before the next call).
   */
  fcodeAndPop(id: number): { rank: number; population: number } {
    const pi = this.part(id);
    const p = this.parts[pi];
    const i = id - this.bases[pi];
    this.scratch.rank = p.rankOfCode[p.a.fcode[i]];
    this.scratch.population = p.a.population[i];
    return this.scratch;
  }

  /** Feature code of a feature, without building a view. */
  fcodeAt(id: number): string {
    const pi = this.part(id);
    const p = this.parts[pi];
    return p.meta.fcodes[p.a.fcode[id - this.bases[pi]]];
  }

  /** Precision of a feature (as precisionOf its feature code), without building a view. */
  precisionAt(id: number): PlacePrecision {
    const pi = this.part(id);
    const p = this.parts[pi];
    return p.precisionOfCode[p.a.fcode[id - this.bases[pi]]];
  }

  /** Population of a feature, without building a view. */
  populationAt(id: number): number {
    const pi = this.part(id);
    return this.parts[pi].a.population[id - this.bases[pi]];
  }

  /** Feature id of the ADM1 feature with code "CC.A1", or -1. */
  admin1Of(code: string): number {
    return this.admin1Feature.get(code) ?? -1;
  }

  /** Feature id of a country by ISO alpha-2, or -1. */
  countryOf(cc: string): number {
    return this.countryFeature.get(cc) ?? -1;
  }

  stats(): {
    dir: string;
    source: string;
    built: string;
    features: number;
    names: number;
    counts: Record<string, number>;
  }[] {
    return this.parts.map((p) => ({
      dir: p.dir,
      source: p.meta.source,
      built: p.meta.built,
      features: p.meta.features,
      names: p.meta.keys,
      counts: p.meta.counts,
    }));
  }
}

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the sitrep package root');
    dir = up;
  }
}

/** Where the built-in index lives (build/data/gazetteer under the package root). */
export function builtinIndexDir(): string {
  return join(packageRoot(), 'build', 'data', 'gazetteer');
}

/** Where `sitrep gazetteer import` writes the user overlay: $SITREP_DATA_DIR or ~/.sitrep. */
export function userIndexDir(): string {
  const base = process.env.SITREP_DATA_DIR || join(homedir(), '.sitrep');
  return join(base, 'gazetteer-user');
}

export class GazetteerMissingError extends Error {}

/** Load the built-in index and the user overlay (when present). */
export function openGazetteer(dirs?: { builtin?: string; overlays?: string[] }): Gazetteer {
  const builtin = dirs?.builtin ?? builtinIndexDir();
  if (!existsSync(join(builtin, 'meta.json'))) {
    throw new GazetteerMissingError(`gazetteer index not found at ${builtin}; run "npm run build:data"`);
  }
  const parts = [new IndexPart(builtin)];
  for (const o of dirs?.overlays ?? [userIndexDir()]) {
    if (existsSync(join(o, 'meta.json'))) parts.push(new IndexPart(o));
  }
  return new Gazetteer(parts);
}

let cached: Gazetteer | null = null;
/** The process-wide gazetteer, loaded once on first use. */
export function gazetteer(): Gazetteer {
  cached ??= openGazetteer();
  return cached;
}
/** Forget the cached gazetteer (after an import). */
export function resetGazetteer(): void {
  cached = null;
}
