import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { foldName, hashKey, isKey } from './fold.js';
import { ARRAY_TYPES, type ArrayName, FORMAT_VERSION, type IndexMeta } from './format.js';

export interface FeatureInput {
  geonameid: number;
  name: string;
  lat: number;
  lon: number;
  population: number;
  fcode: string;
  /** ISO alpha-2, "" when none. */
  country: string;
  /** Admin1 code as GeoNames writes it ("09"), "" when none. */
  admin1: string;
  admin2: string;
}

/**
 * Collects features and their names, then writes the columnar index. Used by the build script
 * (npm data packages) and by `sitrep gazetteer import` (a user's GeoNames dump).
 */
export class IndexWriter {
  private readonly feats: FeatureInput[] = [];
  private readonly names = new Map<string, number[]>();
  private readonly codeIds = { fcodes: new Map<string, number>(), countries: new Map<string, number>() };
  private readonly admin1 = new Map<string, number>();
  private readonly admin2 = new Map<string, number>();
  readonly counts: Record<string, number> = {};

  get size(): number {
    return this.feats.length;
  }

  addFeature(f: FeatureInput, kind: string): number {
    this.feats.push(f);
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    return this.feats.length - 1;
  }

  /** Index a name of a feature; returns false when the name folds to nothing usable. */
  addName(feature: number, name: string, nameKind: number): boolean {
    const key = foldName(name);
    if (!isKey(key)) return false;
    let list = this.names.get(key);
    if (!list) {
      list = [];
      this.names.set(key, list);
      // Prefixes of multi-word names, so the matcher knows when to keep extending a span.
      let sp = key.lastIndexOf(' ');
      while (sp > 0) {
        const prefix = key.slice(0, sp);
        if (!this.names.has(prefix)) this.names.set(prefix, []);
        sp = key.lastIndexOf(' ', sp - 1);
      }
    }
    for (let i = 0; i < list.length; i++) {
      if (list[i] >> 2 === feature) {
        if ((list[i] & 3) > nameKind) list[i] = (feature << 2) | nameKind;
        return true;
      }
    }
    list.push((feature << 2) | nameKind);
    return true;
  }

  private intern(map: Map<string, number>, v: string): number {
    let id = map.get(v);
    if (id === undefined) {
      id = map.size;
      map.set(v, id);
    }
    return id;
  }

  /** Write the index to `dir` atomically (a temp directory renamed over the old one). */
  write(dir: string, source: string, extras: Record<string, string> = {}): IndexMeta {
    const n = this.feats.length;
    const arrays: Record<string, ArrayLike<number> & { buffer: ArrayBufferLike; byteLength: number }> = {};
    const geonameid = new Int32Array(n);
    const lat = new Float32Array(n);
    const lon = new Float32Array(n);
    const population = new Float32Array(n);
    const fcode = new Uint8Array(n);
    const cc = new Uint16Array(n);
    const a1 = new Int32Array(n);
    const a2 = new Int32Array(n);
    const nameStart = new Uint32Array(n);
    const nameLen = new Uint16Array(n);
    const parts: string[] = [];
    let off = 0;
    // Offsets are in bytes of the UTF-8 blob (keys are ASCII; display names may not be).
    const push = (s: string) => {
      const at = off;
      parts.push(s);
      off += Buffer.byteLength(s, 'utf8');
      return at;
    };
    this.intern(this.codeIds.countries, '');
    for (let i = 0; i < n; i++) {
      const f = this.feats[i];
      geonameid[i] = f.geonameid;
      lat[i] = f.lat;
      lon[i] = f.lon;
      population[i] = f.population;
      fcode[i] = this.intern(this.codeIds.fcodes, f.fcode);
      if (this.codeIds.fcodes.size > 255) throw new Error('too many feature codes');
      cc[i] = this.intern(this.codeIds.countries, f.country);
      a1[i] = f.admin1 ? this.intern(this.admin1, `${f.country}.${f.admin1}`) : -1;
      a2[i] = f.admin2 ? this.intern(this.admin2, `${f.country}.${f.admin1}.${f.admin2}`) : -1;
      const name = f.name.slice(0, 200);
      nameStart[i] = push(name);
      nameLen[i] = Buffer.byteLength(name, 'utf8');
    }
    const keys = [...this.names.keys()];
    const k = keys.length;
    let slotsN = 1;
    // load factor ≤ 0.65 keeps linear probing short while the table stays small to read
    while (slotsN * 0.65 < k) slotsN <<= 1;
    const slots = new Int32Array(slotsN);
    const keyStart = new Uint32Array(k);
    const keyLen = new Uint16Array(k);
    const postStart = new Uint32Array(k);
    const postCount = new Uint16Array(k);
    let totalPostings = 0;
    for (const l of this.names.values()) totalPostings += l.length;
    const postings = new Int32Array(totalPostings);
    let p = 0;
    for (let i = 0; i < k; i++) {
      const key = keys[i];
      keyStart[i] = push(key);
      keyLen[i] = key.length;
      const list = this.names.get(key)!;
      postStart[i] = p;
      if (list.length > 65535) list.length = 65535;
      postCount[i] = list.length;
      for (const v of list) postings[p++] = v;
      let h = hashKey(key) & (slotsN - 1);
      while (slots[h] !== 0) h = (h + 1) & (slotsN - 1);
      slots[h] = i + 1;
    }
    Object.assign(arrays, {
      geonameid,
      lat,
      lon,
      population,
      fcode,
      cc,
      a1,
      a2,
      nameStart,
      nameLen,
      keyStart,
      keyLen,
      postStart,
      postCount,
      slots,
      postings,
    });
    const layout: Record<string, [number, number]> = {};
    const chunks: Buffer[] = [];
    let byteOff = 0;
    for (const name of Object.keys(ARRAY_TYPES) as ArrayName[]) {
      const a = arrays[name];
      const buf = Buffer.from(a.buffer, 0, a.byteLength);
      layout[name] = [byteOff, a.length];
      chunks.push(buf);
      byteOff += buf.length;
      const pad = (8 - (byteOff % 8)) % 8;
      if (pad) {
        chunks.push(Buffer.alloc(pad));
        byteOff += pad;
      }
    }
    const meta: IndexMeta = {
      format: FORMAT_VERSION,
      source,
      built: new Date().toISOString(),
      features: n,
      keys: k,
      postings: totalPostings,
      slots: slotsN,
      fcodes: [...this.codeIds.fcodes.keys()],
      countries: [...this.codeIds.countries.keys()],
      admin1: [...this.admin1.keys()],
      admin2: [...this.admin2.keys()],
      arrays: layout,
      counts: this.counts,
    };
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    writeFileSync(`${tmp}/arrays.bin`, Buffer.concat(chunks));
    writeFileSync(`${tmp}/strings.txt`, parts.join(''), 'utf8');
    for (const [name, body] of Object.entries(extras)) writeFileSync(`${tmp}/${name}`, body);
    // meta last: a directory without meta.json is never loaded
    writeFileSync(`${tmp}/meta.json`, JSON.stringify(meta));
    const old = `${dir}.old-${process.pid}`;
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
    rmSync(old, { recursive: true, force: true });
    return meta;
  }
}
