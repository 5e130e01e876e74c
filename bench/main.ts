/**
 * `npm run bench [-- name…]`: speed benchmarks. Each module in bench/ (other than this one and
 * helpers) exports `run()`; results go to bench/results/<name>.json. Default: all of them.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const HELPERS = new Set(['main', 'corpus']);
const all = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((n) => !HELPERS.has(n))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(', ')}; available: ${all.join(', ')}`);
  process.exit(2);
}
mkdirSync(join(here, 'results'), { recursive: true });
for (const name of wanted.length ? wanted : all) {
  console.log(`\n== bench ${name}`);
  const mod = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as { run(): Promise<unknown> };
  const result = await mod.run();
  writeFileSync(join(here, 'results', `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}
