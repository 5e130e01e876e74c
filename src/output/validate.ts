import { existsSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { SitrepRecord } from '../model/types.js';

let validator: ((data: unknown) => boolean) & { errors?: unknown } = null as never;

function schemaValidator() {
  if (!validator) {
    // src/output (tsx) or dist/src/output (built): the schema sits at the package root.
    const candidates = ['../../schema/sitrep-1.json', '../../../schema/sitrep-1.json'].map(
      (p) => new URL(p, import.meta.url),
    );
    const file = candidates.find((u) => existsSync(u)) ?? candidates[0];
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    validator = ajv.compile(schema);
  }
  return validator;
}

/**
 * Check a record against the JSON Schema and the span invariant (`text.slice(start, end) === text`
 * for every span that carries text; offsets within the text). Returns a list of problems (empty = valid).
 */
export function checkRecord(record: SitrepRecord): string[] {
  const problems: string[] = [];
  const v = schemaValidator();
  if (!v(record)) {
    for (const e of (v.errors as { instancePath: string; message?: string }[]) ?? []) {
      problems.push(`schema: ${e.instancePath || '/'} ${e.message ?? ''}`);
    }
  }
  const text = record.text ?? '';
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      for (const [i, x] of node.entries()) visit(x, `${path}/${i}`);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      if (o.start < 0 || o.end > text.length || o.start > o.end)
        problems.push(`span ${path}: offsets out of range`);
      else if (typeof o.text === 'string' && text.slice(o.start, o.end) !== o.text) {
        problems.push(`span ${path}: text "${o.text}" != "${text.slice(o.start, o.end)}"`);
      }
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'text') visit(x, `${path}/${k}`);
  };
  const { text: _t, article: _a, ...rest } = record;
  visit(rest, '');
  if (record.article?.dateline) visit(record.article.dateline, '/article/dateline');
  return problems;
}
