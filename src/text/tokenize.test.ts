import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { POS, sentenceAt, tokenAt, tokenize, winkDocData } from './tokenize.js';
import { winkFast } from './wink-fast.js';

describe('tokenize', () => {
  const text = 'Storm Hits Town\n\nThe mayor said it wasn’t over. “We’re ready,” she added — at 10:30 a.m.';
  const { tokens, sentences } = tokenize(text);

  it('gives every token offsets that reproduce its text', () => {
    for (let i = 0; i < tokens.length; i++) {
      assert.equal(text.slice(tokens.start[i], tokens.end[i]), tokens.text[i]);
      assert.equal(tokens.lower[i], tokens.text[i].toLowerCase());
    }
  });

  it('splits sentences at full stops and at line breaks', () => {
    const got = sentences.map((s) => text.slice(s.start, s.end));
    assert.equal(got[0], 'Storm Hits Town');
    assert.equal(got[1], 'The mayor said it wasn’t over.');
    assert.ok(got[2].startsWith('“We’re ready,”'));
  });

  it('keeps a title abbreviation with its full stop before a name, in one sentence', () => {
    const t = 'The prayer was led by the Rev. Ann Cole and Adm. Joe Park. They left.';
    const r = tokenize(t);
    assert.deepEqual(
      r.sentences.map((s) => t.slice(s.start, s.end)),
      ['The prayer was led by the Rev. Ann Cole and Adm. Joe Park.', 'They left.'],
    );
    assert.ok(r.tokens.text.includes('Rev.') && r.tokens.text.includes('Adm.'));
    for (let i = 0; i < r.tokens.length; i++)
      assert.equal(t.slice(r.tokens.start[i], r.tokens.end[i]), r.tokens.text[i]);
  });

  it('tags parts of speech', () => {
    const i = tokens.text.indexOf('mayor');
    assert.equal(tokens.pos[i], POS.NOUN);
  });

  it('finds the token and the sentence at an offset', () => {
    const off = text.indexOf('mayor');
    assert.equal(tokens.text[tokenAt(tokens, off)], 'mayor');
    assert.equal(sentenceAt(sentences, off), 1);
  });

  it('copes with empty and odd text', () => {
    assert.equal(tokenize('').tokens.length, 0);
    const t = tokenize('\u0000\u0001 ### ??? ééé');
    for (let i = 0; i < t.tokens.length; i++) assert.ok(t.tokens.end[i] >= t.tokens.start[i]);
  });
});

it('an article is tokenised the same whatever was read before it', () => {
  const text = "Do you know where your candidate's tax returns are?";
  const alone = tokenize(text).tokens.text.join(' ');
  // wink learns "candidate's" whole from a word before a comma; that must not change later articles
  tokenize("It was the candidate's, not the party's, idea.");
  assert.equal(tokenize(text).tokens.text.join(' '), alone);
  assert.ok(alone.includes("candidate 's"), alone);
});

it("reads wink's documents through src/text/wink-fast.ts's wrappers, the same each time", () => {
  if (process.env.SITREP_WINK_PLAIN !== '1')
    assert.deepEqual(winkFast, { tokenizer: true, automaton: true, mappers: true });
  // an unknown piece is tokenised by wink the first time and from its recording after that, after
  // plain, non-breaking or no spaces
  const text = "Zqxwy's, Zqxwy's.\u00a0Zqxwy's,\n(Zqxwy's) can't\u2009can't";
  const once = winkDocData(text);
  const twice = winkDocData(text);
  assert.deepEqual(twice.tokens, once.tokens);
  assert.deepEqual(twice.nonBreakingSpaces, once.nonBreakingSpaces);
  const t = tokenize(text).tokens;
  // (as wink-nlp's own modules tokenise it: SITREP_WINK_PLAIN=1)
  assert.deepEqual(t.text, [
    "Zqxwy's",
    ',',
    "Zqxwy's",
    '.',
    "Zqxwy's",
    ',',
    '(',
    'Zqxwy',
    "'s",
    ')',
    'ca',
    "n't",
    'ca',
    "n't",
  ]);
  for (let i = 0; i < t.length; i++) assert.equal(text.slice(t.start[i], t.end[i]), t.text[i]);
});
