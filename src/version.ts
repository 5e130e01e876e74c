import { readFileSync } from 'node:fs';

function findVersion(): string {
  // src/version.ts runs from src/ (tsx) or dist/src/ (built): look up for package.json.
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'sitrep' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
}

export const VERSION = findVersion();
