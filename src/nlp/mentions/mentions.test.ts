import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createArticle } from '../../model/article.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { createMentionsStage } from './index.js';

const pipeline = createPipeline([createMentionsStage()]);
function mentionsOf(text: string, meta: { outlet?: string; credit?: string } = {}) {
  const doc = pipeline.run(createArticle({ text, ...meta }));
  return { mentions: doc.layer('mentions'), entities: doc.layer('entities') };
}
const kinds = (text: string) => mentionsOf(text).mentions.map((m) => `${m.kind}:${m.text}`);

describe('mentions', () => {
  it('finds people after titles and keeps the title as a description', () => {
    const { mentions, entities } = mentionsOf(
      'Kenyan President William Ruto met Prime Minister Abiy Ahmed in Nairobi.',
    );
    assert.deepEqual(
      mentions.map((m) => `${m.kind}:${m.text}`),
      ['person:William Ruto', 'person:Abiy Ahmed'],
    );
    assert.equal(entities[0].descriptions?.[0].text, 'Kenyan President');
  });

  it('links a later surname to the full name', () => {
    const { mentions, entities } = mentionsOf(
      'Maria Lopez, the spokeswoman of the Red Cross, said aid arrived. Lopez added that more was coming.',
    );
    const lopez = mentions.filter((m) => m.text.endsWith('Lopez'));
    assert.equal(lopez.length, 2);
    assert.equal(lopez[0].entity, lopez[1].entity);
    const e = entities.find((x) => x.id === lopez[0].entity)!;
    assert.equal(e.name, 'Maria Lopez');
    assert.equal(e.descriptions?.[0].text, 'the spokeswoman of the Red Cross');
  });

  it('classifies organisations by head word and keeps place modifiers out', () => {
    assert.deepEqual(
      kinds('The Nairobi-based Kenya Human Rights Commission criticised the Interior Ministry.'),
      ['organization:Kenya Human Rights Commission', 'organization:Interior Ministry'],
    );
  });

  it('keeps long organisation names with of/for whole', () => {
    assert.deepEqual(
      kinds('Officials from the World Bank Office for the Support of Rural Affairs arrived.'),
      ['organization:World Bank Office for the Support of Rural Affairs'],
    );
  });

  it('joins aliases into one armed-group entity', () => {
    const { mentions, entities } = mentionsOf(
      'Fighters of the Northern Lions Brigade, also known as Al-Asad, shelled the town. The Al-Asad group withdrew.',
    );
    const groups = mentions.filter((m) => m.kind === 'group');
    assert.deepEqual(
      groups.map((m) => m.text),
      ['Northern Lions Brigade', 'Al-Asad', 'Al-Asad'],
    );
    assert.equal(new Set(groups.map((m) => m.entity)).size, 1);
    assert.deepEqual(entities.find((e) => e.kind === 'group')?.aliases, ['Al-Asad']);
  });

  it('marks the outlet and wire named in the metadata wherever they appear', () => {
    const { mentions } = mentionsOf('A resident told Daily Example that the road was closed.', {
      outlet: 'Daily Example',
    });
    assert.deepEqual(
      mentions.map((m) => `${m.kind}:${m.text}`),
      ['outlet:Daily Example'],
    );
  });

  it('gives no names in a headline-case line and none for sentence-initial words', () => {
    assert.deepEqual(kinds('Rebels Seize Border Town After Heavy Fighting\n\nFamilies fled on Monday.'), []);
  });

  it('does not take place-like names for people', () => {
    assert.deepEqual(kinds('Clashes spread across the Rift Valley and into Upper Nile Province.'), []);
  });

  it('skips subheadings and run-in headings, keeps hyphenated names whole', () => {
    const text =
      'Water Shortages.\n\nSlow Progress on Wells: Aid groups said little changed.\n\nPark Ji-hoon, a former envoy, spoke. Mr. Park said the Bonn Convention failed.';
    const { mentions, entities } = mentionsOf(text);
    assert.deepEqual(
      mentions.map((m) => `${m.kind}:${m.text}`),
      ['person:Park Ji-hoon', 'person:Park'],
    );
    assert.equal(entities.length, 1);
  });
});
