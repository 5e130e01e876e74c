import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createArticle } from '../model/article.js';
import { toSitrepJson } from '../output/sitrep-json.js';
import { createDefaultPipeline } from './default.js';
import { createPipeline } from './pipeline.js';

const TEXTS = [
  'Police arrested two men in Lagos on Monday, officials said.',
  'Rebels shelled the town of Kidal overnight, killing three civilians, a local official told Reuters.',
  'The minister denied that troops had entered the village.',
];

test('a batch, coded stage by stage, gives the records of coding one article at a time', () => {
  const pipeline = createDefaultPipeline();
  const articles = TEXTS.map((text) => createArticle({ text, published: '2024-05-06' }));
  const one = articles.map((a) => JSON.stringify(toSitrepJson(pipeline.run(a))));
  const batch = pipeline.runBatch(articles).map((d) => {
    assert.ok(!(d instanceof Error));
    return JSON.stringify(toSitrepJson(d));
  });
  assert.deepEqual(batch, one);
});

test('an article whose stage throws gets its error; the rest of the batch goes on', () => {
  const pipeline = createPipeline([
    {
      name: 'picky',
      requires: [],
      provides: ['mentions'],
      run: (doc) => {
        if (doc.text.includes('boom')) throw new Error('picky stage failed');
        return { mentions: [] };
      },
    },
  ]);
  const out = pipeline.runBatch(['fine one', 'boom', 'fine two'].map((text) => createArticle({ text })));
  assert.ok(!(out[0] instanceof Error));
  assert.ok(out[1] instanceof Error && out[1].message === 'picky stage failed');
  assert.ok(!(out[2] instanceof Error) && out[2].text === 'fine two');
});
