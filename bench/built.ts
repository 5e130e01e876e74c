/**
 * Which code a benchmark runs: the built JavaScript in dist/ that users run (`bin/sitrep.js`), unless
 * BENCH_FROM=src, or dist/ is missing or older than a source file; then src/ through tsx, which is
 * slower: its transform names every closure a function creates (~10% of the pipeline).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Newest modification time of the TypeScript sources under a folder (tests left out). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

let chosen: { base: string; label: string; built: boolean } | undefined;

/** Where the code is imported from (`base`, relative to bench/), and a label saying which. */
export function codeRoot(): { base: string; label: string; built: boolean } {
  if (chosen) return chosen;
  if (process.env.BENCH_FROM === 'src') {
    chosen = { base: '../src/', label: 'src/ (BENCH_FROM=src, through tsx)', built: false };
    return chosen;
  }
  let built = 0;
  try {
    built = statSync(join(ROOT, 'dist', 'src', 'cli', 'main.js')).mtimeMs;
  } catch {
    // not built
  }
  chosen =
    built && built >= newestSource(join(ROOT, 'src'))
      ? { base: '../dist/src/', label: 'dist/ (built)', built: true }
      : {
          base: '../src/',
          label: `src/ through tsx (dist/ is ${built ? 'older than src/' : 'not built'}: run \`npm run build\`)`,
          built: false,
        };
  return chosen;
}

/** Node arguments that start the `sitrep` CLI from the chosen code. */
export function cliArgs(): string[] {
  return codeRoot().built
    ? [join(ROOT, 'bin', 'sitrep.js')]
    : ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];
}
