/**
 * `npm run eval -- <task> [data path] [options]`: accuracy on a data set. Each task is a module in
 * eval/tasks/ exporting `run(args)`; it prints a small table and returns a machine-readable report,
 * which is written to eval/results/<task>.json.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface EvalReport {
  task: string;
  data: string;
  metrics: Record<string, number | string | null>;
  [k: string]: unknown;
}

const here = dirname(fileURLToPath(import.meta.url));
const tasks = readdirSync(join(here, 'tasks'))
  .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const [task, ...args] = process.argv.slice(2);
if (!task || !tasks.includes(task)) {
  console.error(`usage: npm run eval -- <task> [data path] [options]; tasks: ${tasks.join(', ')}`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(join(here, 'tasks', `${task}.ts`)).href)) as {
  run(args: string[]): Promise<EvalReport | null>;
};
const report = await mod.run(args);
if (report) {
  const dir = join(here, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${task}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${file}`);
}
