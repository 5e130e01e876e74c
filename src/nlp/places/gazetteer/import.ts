import { createReadStream, existsSync, statSync } from 'node:fs';
import { addGeoNamesRow, type GeoNamesRow, parseGeoNamesRow, USEFUL_CLASSES } from './geonames.js';
import { IndexWriter } from './writer.js';

export class ImportError extends Error {}

export interface ImportResult {
  dir: string;
  rows: number;
  broken: number;
  skipped: number;
  features: number;
  names: number;
  alternateNames: number;
}

/** Lines of a UTF-8 file; throws ImportError on bytes that are not UTF-8. */
async function* utf8Lines(file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  let lineNo = 0;
  for await (const chunk of createReadStream(file)) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch {
      throw new ImportError(`${file}: not UTF-8 text near line ${lineNo + 1} (GeoNames dumps are UTF-8)`);
    }
    const parts = (rest + text).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) {
      lineNo++;
      yield p.endsWith('\r') ? p.slice(0, -1) : p;
    }
  }
  if (rest) yield rest;
}

function checkFile(file: string, what: string): void {
  if (!existsSync(file)) throw new ImportError(`${what} ${file} not found`);
  const st = statSync(file);
  if (!st.isFile()) throw new ImportError(`${what} ${file} is not a file`);
  if (st.size === 0) throw new ImportError(`${what} ${file} is empty`);
}

/**
 * Build a user overlay index from a GeoNames dump (allCountries.txt or a per-country file, plus
 * alternateNamesV2.txt if given). Broken rows are counted and skipped. The index is written to a
 * temporary directory and renamed into place only when complete, so a failed import leaves the
 * existing index usable.
 */
export async function importGeoNames(
  file: string,
  outDir: string,
  opts: { alternateNames?: string; onProgress?: (rows: number) => void } = {},
): Promise<ImportResult> {
  checkFile(file, 'GeoNames dump');
  if (opts.alternateNames) checkFile(opts.alternateNames, 'alternate names file');
  const rows: GeoNamesRow[] = [];
  let total = 0;
  let broken = 0;
  let skipped = 0;
  for await (const line of utf8Lines(file)) {
    if (!line || line.startsWith('#')) continue;
    total++;
    const r = parseGeoNamesRow(line);
    if (!r) {
      broken++;
      continue;
    }
    if (!USEFUL_CLASSES.has(r.fclass)) {
      skipped++;
      continue;
    }
    rows.push(r);
    if (opts.onProgress && total % 500_000 === 0) opts.onProgress(total);
  }
  if (rows.length === 0) {
    throw new ImportError(
      total === 0
        ? `${file}: no rows (empty dump)`
        : `${file}: none of ${total} rows is a valid GeoNames row`,
    );
  }
  // alternateNamesV2: id, geonameid, language, name, preferred, short, colloquial, historic, from, to
  const extra = new Map<number, string[]>();
  let altCount = 0;
  if (opts.alternateNames) {
    const wanted = new Set(rows.map((r) => r.geonameid));
    for await (const line of utf8Lines(opts.alternateNames)) {
      const c = line.split('\t');
      if (c.length < 4) continue;
      const gid = Number(c[1]);
      const lang = c[2];
      if (!wanted.has(gid) || c[7] === '1' || c[6] === '1') continue;
      if (lang !== '' && lang !== 'en' && lang !== 'abbr') continue;
      let list = extra.get(gid);
      if (!list) {
        list = [];
        extra.set(gid, list);
      }
      list.push(c[3]);
      altCount++;
    }
  }
  const w = new IndexWriter();
  for (const r of rows)
    addGeoNamesRow(w, r, r.fclass === 'P' ? 'place' : `class ${r.fclass}`, extra.get(r.geonameid));
  const meta = w.write(
    outDir,
    `user import of ${file}${opts.alternateNames ? ` + ${opts.alternateNames}` : ''}`,
  );
  return {
    dir: outDir,
    rows: total,
    broken,
    skipped,
    features: meta.features,
    names: meta.keys,
    alternateNames: altCount,
  };
}
