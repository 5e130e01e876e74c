/** Helpers for the team-scale fault tests: made-up articles, CLI workers, waiting. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const CITIES = ['Nairobi', 'Lagos', 'Kampala', 'Accra', 'Dakar', 'Harare', 'Lusaka', 'Bamako'];

/** Short made-up reports, distinct by number. */
export function madeUpArticles(n: number, tag = 'r'): object[] {
  return Array.from({ length: n }, (_, i) => {
    const city = CITIES[i % CITIES.length];
    return {
      title: `Unrest in ${city} ${tag}${i}`,
      text: `${city}, June ${1 + (i % 28)} (Wire) - Police fired tear gas at protesters in ${city} on Tuesday, and ${2 + (i % 9)} people were hurt, a hospital official said. The demonstrators had marched against fuel prices. Reference ${tag}-${i}.`,
      published: `2024-06-${String(1 + (i % 28)).padStart(2, '0')}`,
      outlet: `Outlet ${i % 4}`,
    };
  });
}

export function startCliWorker(db: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--db', db], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${err.slice(-300)}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.length > 100_000) err = err.slice(-10_000);
      if (err.includes('waiting for jobs')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code}): ${err.slice(-300)}`));
    });
  });
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function until(cond: () => Promise<boolean>, ms: number, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} not met within ${ms} ms`);
}
