/**
 * On-disk layout of a gazetteer index (a directory): `meta.json` (counts and small code tables),
 * `arrays.bin` (typed arrays, concatenated, 8-byte aligned) and `strings.txt` (one string blob with
 * every folded key and display name). Loading is a few `readFileSync` calls and typed-array views:
 * no per-name parsing at start-up.
 */
export const FORMAT_VERSION = 3;

export interface IndexMeta {
  format: number;
  /** What the index was built from, for `gazetteer stats`. */
  source: string;
  built: string;
  features: number;
  keys: number;
  postings: number;
  slots: number;
  /** Feature codes (PPL, ADM1, PCLI, RGN …), indexed by `fcode`. */
  fcodes: string[];
  /** ISO alpha-2 codes (and "" for none), indexed by `cc`. */
  countries: string[];
  /** "CC.A1" admin1 codes, indexed by `a1`. */
  admin1: string[];
  /** "CC.A1.A2" admin2 codes, indexed by `a2`. */
  admin2: string[];
  /** Byte offset and element count of each typed array in arrays.bin. */
  arrays: Record<string, [number, number]>;
  /** Counts by kind, for stats. */
  counts: Record<string, number>;
}

/** The typed arrays of an index, by name. */
export interface IndexArrays {
  /** Per feature. */
  geonameid: Int32Array;
  lat: Float32Array;
  lon: Float32Array;
  population: Float32Array;
  fcode: Uint8Array;
  cc: Uint16Array;
  a1: Int32Array;
  a2: Int32Array;
  nameStart: Uint32Array;
  nameLen: Uint16Array;
  /** Per key. */
  keyStart: Uint32Array;
  keyLen: Uint16Array;
  postStart: Uint32Array;
  postCount: Uint16Array;
  /** Hash slots: key index + 1, 0 = empty. */
  slots: Int32Array;
  /** Postings: feature index << 2 | name kind (0 main, 1 ascii/official, 2 alternate, 3 abbreviation). */
  postings: Int32Array;
}

export const ARRAY_TYPES = {
  geonameid: Int32Array,
  lat: Float32Array,
  lon: Float32Array,
  population: Float32Array,
  fcode: Uint8Array,
  cc: Uint16Array,
  a1: Int32Array,
  a2: Int32Array,
  nameStart: Uint32Array,
  nameLen: Uint16Array,
  keyStart: Uint32Array,
  keyLen: Uint16Array,
  postStart: Uint32Array,
  postCount: Uint16Array,
  slots: Int32Array,
  postings: Int32Array,
} as const;

export type ArrayName = keyof typeof ARRAY_TYPES;

/** Name kinds stored in the low two bits of a posting. */
export const NAME_MAIN = 0;
export const NAME_OFFICIAL = 1;
export const NAME_ALTERNATE = 2;
export const NAME_ABBREV = 3;
