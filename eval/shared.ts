import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The ../shared folder beside the repository, or null (a user's clone has none). */
export const SHARED_DIR = resolve(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared'));

export function sharedPath(...parts: string[]): string | null {
  const p = join(SHARED_DIR, ...parts);
  return existsSync(p) ? p : null;
}

/** Resolve a data path argument or a default under ../shared; print one line and return null if absent. */
export function dataPathOrSkip(arg: string | undefined, ...fallback: string[]): string | null {
  const p = arg ? resolve(arg) : join(SHARED_DIR, ...fallback);
  if (!existsSync(p)) {
    console.log(`skipped: ${p} not found (evaluation data lives in ../shared, which this checkout lacks)`);
    return null;
  }
  return p;
}
