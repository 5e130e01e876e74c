import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createArticle } from '../../model/article.js';
import type { Place } from '../../model/types.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { createMentionsStage } from '../mentions/index.js';
import { eventLocation } from './event-location.js';
import { createPlacesStage, geoparse } from './index.js';

const pipeline = createPipeline([createMentionsStage(), createPlacesStage()]);
function run(text: string) {
  const doc = pipeline.run(createArticle({ text }));
  return { doc, places: doc.layer('places') as readonly Place[] };
}
const byText = (places: readonly Place[], t: string) => places.find((p) => p.text === t);

describe('places stage', () => {
  it('resolves countries, capitals, demonyms and admin areas', () => {
    const { places } = run(
      'Jordanian officials met their counterparts in Amman on Tuesday. Later, convoys left Homs Province for Lebanon.',
    );
    assert.equal(byText(places, 'Jordanian')?.kind, 'demonym');
    assert.equal(byText(places, 'Jordanian')?.country, 'JO');
    assert.equal(byText(places, 'Amman')?.country, 'JO');
    assert.equal(byText(places, 'Amman')?.precision, 'city');
    assert.equal(byText(places, 'Homs Province')?.precision, 'admin1');
    assert.equal(byText(places, 'Lebanon')?.precision, 'country');
    assert.ok(places.every((p) => p.mention.startsWith('p')));
    assert.equal(new Set(places.map((p) => p.mention)).size, places.length);
  });

  it('reads a place out of "X-based" and keeps hand-made regions', () => {
    const { places } = run(
      'A Nairobi-based charity said aid to the Horn of Africa and the Gaza Strip was late.',
    );
    assert.equal(byText(places, 'Nairobi')?.country, 'KE');
    assert.equal(byText(places, 'Horn of Africa')?.precision, 'region');
    assert.equal(byText(places, 'Gaza Strip')?.country, 'PS');
  });

  it('uses "X, Y" qualifiers and the document country', () => {
    const { places } = run('Flooding closed roads near Paris, Texas, the county judge said.');
    assert.equal(byText(places, 'Paris')?.country, 'US');
    assert.equal(byText(places, 'Paris')?.admin1, 'TX');
  });

  it('does not take months, particles or people for places', () => {
    const { places } = run(
      'Back in August, the commander Omar Al-Rashid said that Victoria Jones had left on Monday.',
    );
    assert.deepEqual(
      places.map((p) => p.text),
      [],
    );
  });

  it('keeps a village the gazetteer lacks, attached to its stated parent', () => {
    const { places } = run(
      'Shelling hit Idlib city on Sunday. Two families fled the village of Zarqabunat after the attack.',
    );
    const v = byText(places, 'Zarqabunat');
    assert.ok(v, 'village kept');
    assert.equal(v.precision, 'unresolved');
    assert.equal(v.geonameid, null);
    const parent = places.find((p) => p.mention === v.parent);
    assert.equal(parent?.text, 'Idlib');
    assert.equal(v.country, 'SY');
  });

  it('resolves caller-given spans (evaluation with gold spans)', () => {
    const text = 'Storms hit Georgia and Alabama overnight.';
    const doc = createPipeline([createMentionsStage()]).run(createArticle({ text }));
    const start = text.indexOf('Georgia');
    const [ga] = geoparse(doc, {
      spans: [
        { start, end: start + 7 },
        { start: text.indexOf('Alabama'), end: text.indexOf('Alabama') + 7 },
      ],
    });
    assert.equal(ga.country, 'US');
    assert.equal(ga.precision, 'admin1');
  });

  it('reads gold spans of resident nouns, county lists and bare county names', () => {
    const text =
      'Ohioans voted on Tuesday. Schools in Butler, Preble and Warren counties closed, and Avoyelles deputies made arrests.';
    const doc = createPipeline([createMentionsStage()]).run(createArticle({ text }));
    const span = (t: string) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length });
    const [ohioans, butler, preble, , avoyelles] = geoparse(doc, {
      spans: [span('Ohioans'), span('Butler'), span('Preble'), span('Warren'), span('Avoyelles')],
    });
    assert.equal(ohioans.admin1, 'OH');
    assert.equal(ohioans.precision, 'admin1');
    assert.equal(butler.precision, 'admin2');
    assert.equal(butler.admin1, 'OH');
    assert.equal(preble.featureCode, 'ADM2');
    assert.equal(avoyelles.featureCode, 'ADM2');
    assert.equal(avoyelles.admin1, 'LA');
  });

  it('takes the European Union for its seat, not the continent', () => {
    const text = 'Ministers of the European Union met in Brussels.';
    const doc = createPipeline([createMentionsStage()]).run(createArticle({ text }));
    const start = text.indexOf('European Union');
    const [eu] = geoparse(doc, { spans: [{ start, end: start + 14 }] });
    assert.equal(eu.precision, 'region');
    assert.equal(eu.geonameid, 6695072);
    assert.ok(eu.lat !== null && Math.abs(eu.lat - 50.85) < 0.5, `EU at ${eu.lat}`);
  });

  it('reads "the X government" as the area and "the city of X" as a settlement', () => {
    const { places } = run(
      'Mayors asked the Quebec government to act. Police in the city of Jordan said nobody was hurt.',
    );
    assert.equal(byText(places, 'Quebec')?.precision, 'admin1');
    const jordan = byText(places, 'Jordan');
    assert.equal(jordan?.precision, 'city', `Jordan read as ${jordan?.precision} ${jordan?.country}`);
  });

  it('reads a given "X district" span as the area called X when no district has that name', () => {
    const text = 'Gunmen attacked a patrol in the Karak district, the Jordanian statement said.';
    const doc = createPipeline([createMentionsStage()]).run(createArticle({ text }));
    const start = text.indexOf('Karak district');
    const [karak] = geoparse(doc, { spans: [{ start, end: start + 14 }] });
    assert.equal(karak.country, 'JO');
    assert.equal(karak.precision, 'admin1');
  });

  it('takes the everyday short form of a full name as an official name', () => {
    const { places } = run('Doctors in Newcastle, England, developed the technique.');
    assert.equal(byText(places, 'Newcastle')?.name, 'Newcastle upon Tyne');
  });

  it('attaches a village the gazetteer lacks to the parent named right after it', () => {
    const { places } = run('Officials in Damascus said gunmen raided the village of Qarmashiya near Aleppo.');
    const village = byText(places, 'Qarmashiya');
    assert.equal(village?.precision, 'unresolved');
    assert.equal(village?.parent, byText(places, 'Aleppo')?.mention);
    assert.equal(village?.admin1, byText(places, 'Aleppo')?.admin1);
  });

  it('reads a bare national capital named like a far province as the capital', () => {
    const capital = byText(run('Senators in Washington voted on Tuesday.').places, 'Washington');
    assert.equal(capital?.featureCode, 'PPLC');
    const state = run('Fires burned across Washington state on Monday.').places[0];
    assert.equal(state?.precision, 'admin1');
  });

  it("reads a local paper's phone area code as evidence of its province or state", () => {
    const text = 'A man was stabbed in London on Sunday. Anyone with information can call police';
    assert.equal(byText(run(`${text}.`).places, 'London')?.country, 'GB');
    const ontario = byText(run(`${text} at 519-661-5670.`).places, 'London');
    assert.equal(ontario?.country, 'CA');
    assert.equal(ontario?.admin1, '08');
  });

  it('reads a plural admin head after a list, and no object member for one', () => {
    const { places } = run('Storms hit Clarke, Madison and Oconee counties in Georgia.');
    assert.equal(byText(places, 'Oconee')?.precision, 'admin2');
    // "Madison" also names hundreds of towns: its counties must survive candidate pruning
    assert.equal(byText(places, 'Madison')?.featureCode, 'ADM2');
    assert.equal(byText(places, 'Madison')?.admin1, 'GA');
    const odd = run('Crews from Dallas constructor firms and Austin toString teams helped.').places;
    assert.ok(odd.every((p) => p.precision === 'city'));
  });

  it('does not take the name of a war for a place', () => {
    const { places } = run(
      'The Gulf War veteran rode from Norman to Dallas with other Vietnam-war veterans.',
    );
    assert.deepEqual(
      places.map((p) => p.text),
      ['Norman', 'Dallas'],
    );
  });

  it('does not take a bare county short name for a place', () => {
    const { places } = run('Carter said he would appeal. The court in Carter County disagreed.');
    assert.deepEqual(
      places.map((p) => p.text),
      ['Carter County'],
    );
  });
});

describe('eventLocation', () => {
  it('picks the place linked to the trigger in its sentence', () => {
    const text = 'Officials in Beirut said that gunmen attacked a checkpoint in Tripoli on Friday.';
    const { doc, places } = run(text);
    const at = text.indexOf('attacked');
    const loc = eventLocation(doc, places, { start: at, end: at + 8 });
    assert.equal(loc?.place.text, 'Tripoli');
    assert.equal(loc?.basis, 'sentence');
  });

  it('falls back to the article focus with lower confidence', () => {
    const text = 'Protesters gathered in Kharkiv. Police arrested twelve people.';
    const { doc, places } = run(text);
    const at = text.indexOf('arrested');
    const loc = eventLocation(doc, places, { start: at, end: at + 8 });
    assert.equal(loc?.place.text, 'Kharkiv');
    assert.equal(loc?.basis, 'article');
    assert.ok((loc?.confidence ?? 1) < 0.5);
  });
});
