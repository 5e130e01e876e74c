import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createArticle } from '../../model/article.js';
import { MutableDoc } from '../../model/doc.js';
import type { TimeExpression } from '../../model/types.js';
import { tokenize } from '../../text/tokenize.js';
import { findTimes, timePrecision } from './index.js';

function times(text: string, published: string | null): TimeExpression[] {
  const a = createArticle({ text, published });
  return findTimes(new MutableDoc(a, tokenize(a.text)));
}

describe('time stage', () => {
  it('normalises a wire story against its publication day', () => {
    const text =
      'The mayor told reporters on Monday that the bridge was closed last week. ' +
      'Engineers began repairs back in August, after the storm of September 27. ' +
      'The council met this past Friday and said the 1994 agreement still held.';
    const ts = times(text, '2020-10-05');
    const v = Object.fromEntries(ts.map((t) => [t.text, t.value]));
    assert.equal(v.Monday, '2020-10-05');
    assert.equal(v['last week'], '2020-W40');
    assert.equal(v.August, '2020-08');
    assert.equal(v['September 27'], '2020-09-27');
    assert.equal(v['this past Friday'], '2020-10-02');
    assert.equal(v['1994'], '1994');
    const week = ts.find((t) => t.text === 'last week')!;
    assert.deepEqual(week.interval, ['2020-09-28', '2020-10-04']);
    assert.equal(week.granularity, 'week');
    assert.equal(timePrecision(week), 2);
    for (const t of ts) assert.equal(text.slice(t.start, t.end), t.text);
  });
});
