/** ISO 3166-1 lookups for exports, from build/data/iso-countries.tsv (built by `npm run build:data`). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CountryCodes {
  alpha3: string;
  numeric: number;
  name: string;
}

let table: Map<string, CountryCodes> | null = null;
const displayNames = new Intl.DisplayNames(['en'], { type: 'region' });

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dir;
}

function load(): Map<string, CountryCodes> {
  const m = new Map<string, CountryCodes>();
  const file = join(packageRoot(), 'build', 'data', 'iso-countries.tsv');
  if (!existsSync(file)) return m; // not built: exports fall back to alpha-2 codes and Intl names
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [a2, alpha3, numeric, name] = line.split('\t');
    if (a2) m.set(a2, { alpha3, numeric: Number(numeric), name });
  }
  return m;
}

/** Codes and English name of an ISO alpha-2 country code. */
export function country(alpha2: string | null): CountryCodes | null {
  if (!alpha2) return null;
  table ??= load();
  const code = alpha2.toUpperCase();
  const hit = table.get(code);
  let name = code;
  try {
    name = displayNames.of(code) ?? code;
  } catch {
    // not a region code
  }
  // Intl's short names ("Syria") read better than ISO's formal ones ("Syrian Arab Republic").
  return hit ? { ...hit, name } : { alpha3: code, numeric: 0, name };
}
