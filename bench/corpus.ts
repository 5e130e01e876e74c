import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../eval/shared.js';

/**
 * News-length texts to time the pipeline on: PolNeAR article texts from ../shared when present
 * (read at run time, never copied), else the bundled example article.
 */
export function newsTexts(limit = 500): { texts: string[]; source: string } {
  const dir = sharedPath('data', 'attribution', 'polnear', 'dev', 'text');
  const trainDir = sharedPath('data', 'attribution', 'polnear', 'train', 'text');
  const texts: string[] = [];
  for (const d of [dir, trainDir]) {
    if (!d) continue;
    for (const f of readdirSync(d).sort()) {
      if (texts.length >= limit) break;
      if (f.endsWith('.txt')) texts.push(readFileSync(join(d, f), 'utf8'));
    }
  }
  if (texts.length > 0) return { texts, source: 'polnear' };
  return {
    texts: [readFileSync(new URL('../examples/dispatch.txt', import.meta.url), 'utf8')],
    source: 'examples/dispatch.txt',
  };
}
