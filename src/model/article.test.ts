import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { articleId, createArticle, findDateline, normaliseText, parseDatelineDate } from './article.js';

describe('article', () => {
  it('normalises line ends, BOM and trailing space, and is frozen', () => {
    const a = createArticle({ text: '\ufeffTitle here\r\n\r\nBody text.  \r\n' });
    assert.equal(a.text, 'Title here\n\nBody text.');
    assert.ok(Object.isFrozen(a));
  });

  it('derives the id from the text with white space folded', () => {
    assert.equal(articleId('A  story\nabout x.'), articleId('A story about x.'));
    assert.notEqual(articleId('A story.'), articleId('B story.'));
    assert.match(articleId('x'), /^sha256:[0-9a-f]{32}$/);
  });

  it('folds white space as /\\s+/g to one space does, in articleId and createArticle alike', () => {
    const fold = (t: string) =>
      `sha256:${createHash('sha256').update(t.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 32)}`;
    for (const t of [
      'a b',
      'a\tb',
      'a \t\n b',
      'a\u00a0b',
      'a\u00a0 b',
      ' a  b\n\nc \u2028d ',
      'Cafe\u0301 x\r\ny',
    ]) {
      assert.equal(articleId(t), fold(t), JSON.stringify(t));
      const a = createArticle({ text: t });
      assert.equal(a.id, articleId(a.text), JSON.stringify(t));
    }
  });

  it('takes the first line as the title for plain text', () => {
    const a = createArticle({ text: 'Floods hit the coast\n\nRain fell for days.', firstLineIsTitle: true });
    assert.equal(a.title, 'Floods hit the coast');
  });

  it('reads outlet, credit, place and date from a wire dateline', () => {
    const text =
      'Headline\n\nLAGOS (Daily Example / Wire Service - 03rd March, 2021) Police said on Tuesday ...';
    const a = createArticle({ text, firstLineIsTitle: true });
    assert.equal(a.dateline?.text, 'LAGOS');
    assert.equal(text.slice(a.dateline!.start, a.dateline!.end), 'LAGOS');
    assert.equal(a.outlet, 'Daily Example');
    assert.equal(a.credit, 'Wire Service');
    assert.equal(a.published, '2021-03-03');
    assert.equal(a.publishedSource, 'dateline');
  });

  it('handles the common dateline shapes', () => {
    assert.equal(findDateline('NAIROBI (Reuters) - Kenya said ...')?.credit, 'Reuters');
    const d = findDateline('KYIV, Ukraine, March 3, 2022 (AP) — Shelling ...');
    assert.equal(d?.place.text, 'KYIV');
    assert.equal(d?.date, '2022-03-03');
    assert.equal(findDateline('No dateline here. (It said) something.'), null);
  });

  it('prefers an explicit publication date and rejects impossible ones', () => {
    const a = createArticle({
      text: 'X (Wire - 1 May 2020) y',
      published: '2021-02-03',
      publishedSource: 'option',
    });
    assert.equal(a.published, '2021-02-03');
    assert.equal(a.publishedSource, 'option');
    const b = createArticle({ text: 'Nothing dated.', published: '2021-02-30' });
    assert.equal(b.published, null);
    assert.equal(b.publishedSource, 'none');
    assert.equal(parseDatelineDate('30th February, 2021'), null);
    assert.equal(parseDatelineDate('Oct. 5, 2020'), '2020-10-05');
  });

  it('keeps text exactly as normalised (NFC)', () => {
    assert.equal(normaliseText('Cafe\u0301'), 'Café');
    assert.equal(normaliseText('a \u00a0\n\u2028 \t'), 'a');
  });
});
