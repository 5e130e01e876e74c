/**
 * ISO 3166-1 codes for exports (ACLED's `iso` column is the numeric code, its event ids start with
 * alpha-3), from the `i18n-iso-countries` package (MIT). Output: build/data/iso-countries.tsv,
 * one country a line: alpha-2, alpha-3, numeric, English name.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export function build(outDir: string): string {
  const require = createRequire(import.meta.url);
  const c = require('i18n-iso-countries') as {
    getAlpha2Codes(): Record<string, string>;
    alpha2ToAlpha3(a: string): string | undefined;
    alpha2ToNumeric(a: string): string | undefined;
    registerLocale(l: unknown): void;
    getName(a: string, lang: string): string | undefined;
  };
  c.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const lines: string[] = [];
  for (const a2 of Object.keys(c.getAlpha2Codes()).sort()) {
    lines.push(
      [a2, c.alpha2ToAlpha3(a2) ?? '', Number(c.alpha2ToNumeric(a2) ?? 0), c.getName(a2, 'en') ?? ''].join(
        '\t',
      ),
    );
  }
  writeFileSync(join(outDir, 'iso-countries.tsv'), `${lines.join('\n')}\n`);
  return `${lines.length} countries`;
}
