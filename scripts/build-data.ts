/**
 * Compiles the lexicons and the gazetteer into compact indexes under build/data/ at install/build
 * time, so that nothing big is parsed at start-up. Each builder is a module in scripts/data/ that
 * exports `build(outDir)`; they run in order and report what they wrote.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'build', 'data');
mkdirSync(outDir, { recursive: true });

const buildersDir = join(root, 'scripts', 'data');
let names: string[] = [];
try {
  names = readdirSync(buildersDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
} catch {
  names = [];
}
for (const name of names) {
  const t0 = performance.now();
  const mod = (await import(pathToFileURL(join(buildersDir, name)).href)) as {
    build(outDir: string): Promise<string> | string;
  };
  const summary = await mod.build(outDir);
  console.log(
    `build-data: ${name.replace(/\.ts$/, '')}: ${summary} (${Math.round(performance.now() - t0)} ms)`,
  );
}
