import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../text/tokenize.js';
import { WordShapes } from './word-shapes.js';

test('WordShapes: never rules out a word of its set, rules out most others', () => {
  const words = ['attack', 'said', "'s", '3-1', 'goal'];
  const shapes = new WordShapes(words);
  const { tokens: t } = tokenize(
    "Rebels ATTACKED? No: they Attack, the coach's team won 3-1 and Said so. Éclair goals",
  );
  for (let k = 0; k < t.length; k++) {
    if (words.includes(t.lower[k])) assert.ok(shapes.mayHold(t, k), t.text[k]);
  }
  const shape = (k: number) => shapes.mayHold(t, k);
  const at = (w: string) => t.text.indexOf(w);
  assert.equal(shape(at('Attack')), true);
  assert.equal(shape(at('Said')), true);
  assert.equal(shape(at('3-1')), true);
  assert.equal(shape(at('Rebels')), false);
  assert.equal(shape(at('ATTACKED')), false);
  assert.equal(shape(at('team')), false);
  assert.equal(shape(at('goals')), false, 'same first letter, another length');
  assert.equal(shape(at('Éclair')), true, 'a non-ASCII first letter always passes');
});
