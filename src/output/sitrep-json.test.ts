import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createArticle } from '../model/article.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { toSitrepJson } from './sitrep-json.js';
import { checkRecord } from './validate.js';

const example = readFileSync(new URL('../../examples/dispatch.txt', import.meta.url), 'utf8');

describe('sitrep/1 output', () => {
  const pipeline = createDefaultPipeline();

  it('validates against schema/sitrep-1.json with every span matching the text', () => {
    const record = toSitrepJson(pipeline.run(createArticle({ text: example, firstLineIsTitle: true })));
    assert.deepEqual(checkRecord(record), []);
    assert.equal(record.schema, 'sitrep/1');
    assert.equal(record.article.credit, 'Example Wire');
    assert.equal(record.article.published, '2024-03-14');
    assert.ok(record.sentences.length > 5);
    assert.ok(record.mentions.some((m) => m.kind === 'person' && m.text === 'Adam Yahya'));
  });

  it('is valid for odd inputs too', () => {
    for (const text of [
      'x',
      'Only a headline',
      '"Unclosed quote and (bracket',
      'é'.repeat(50),
      '1 2 3 4 5',
    ]) {
      const record = toSitrepJson(pipeline.run(createArticle({ text, firstLineIsTitle: true })));
      assert.deepEqual(checkRecord(record), [], text);
    }
  });

  it('reports broken records', () => {
    const record = toSitrepJson(pipeline.run(createArticle({ text: example })));
    const bad = structuredClone(record);
    bad.mentions[0].start += 1;
    assert.ok(checkRecord(bad).some((p) => p.startsWith('span /mentions/0')));
    assert.ok(checkRecord({ ...record, schema: 'other' as 'sitrep/1' }).some((p) => p.startsWith('schema:')));
  });
});
