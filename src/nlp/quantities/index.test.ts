import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createArticle } from '../../model/article.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { createQuantitiesStage } from './index.js';

const pipeline = createPipeline([createQuantitiesStage()]);
const quantities = (text: string) =>
  pipeline
    .run(createArticle({ text }))
    .layer('quantities')
    .map((q) => [q.text, q.kind, q.value, q.vague ?? false]);

test('counts in digits and words with the kind from the noun', () => {
  assert.deepEqual(quantities('Officials said 12 households and four families left the town.'), [
    ['12 households', 'families', 12, false],
    ['four families', 'families', 4, false],
  ]);
});

test('the governing verb decides dead, injured, arrested', () => {
  assert.deepEqual(
    quantities('Five of them were killed and 30 villagers were wounded. Police detained 7 students.'),
    [
      ['Five of them', 'dead', 5, false],
      ['30 villagers', 'injured', 30, false],
      ['7 students', 'arrested', 7, false],
    ],
  );
});

test('vague numbers follow ACLED conventions', () => {
  assert.deepEqual(quantities('Dozens of protesters rallied while hundreds of residents fled.'), [
    ['Dozens of protesters', 'crowd', 12, true],
    ['hundreds of residents', 'displaced', 100, true],
  ]);
});

test('dates, years, money and percentages are not counts', () => {
  assert.deepEqual(quantities('On March 3, 2019, prices rose 20 percent to $5 million in 1998.'), []);
});
