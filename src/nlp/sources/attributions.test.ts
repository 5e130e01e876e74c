/** Attribution relations as the rules return them, before they become claims. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createArticle } from '../../model/article.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { findAttributions } from './rules/attributions.js';

const pipeline = createPipeline([]);

test('a relation that shares an earlier speaker points at that relation in the order returned', () => {
  // the quotation's relation is found first (quotations are read before cue verbs) but comes last
  const text = 'The mayor denied it, adding that the army never came. “We are safe,” the general said.';
  const doc = pipeline.run(createArticle({ text }));
  const atts = findAttributions(doc.text, doc.tokens, doc.sentenceTokens);
  for (let k = 1; k < atts.length; k++) assert.ok(atts[k - 1].cue[0] <= atts[k].cue[0], 'ordered by cue');
  const shared = atts.filter((a) => a.sharesSourceWith !== undefined);
  assert.ok(shared.length > 0, 'the text has relations that share a speaker');
  for (const a of shared) {
    const k = a.sharesSourceWith as number;
    assert.notEqual(atts[k], a);
    assert.ok(atts[k].cue[0] < a.cue[0], 'the speaker was named before');
    assert.deepEqual(atts[k].source, a.source);
  }
});
