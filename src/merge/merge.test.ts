import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDedupSet, pairScores } from '../../eval/dedup-corpus.js';
import { sharedPath } from '../../eval/shared.js';
import { fixtureRecord } from '../store/fixtures.js';
import { openStore } from '../store/open.js';
import { clusterArticles, isNearDuplicate } from './dedup.js';
import { runMerge } from './index.js';
import { minhash } from './minhash.js';

const STORY = [
  'Heavy rain swept across the northern hills on Sunday night, sending torrents of mud into three farming villages and cutting the only road to the district town, local officials said on Monday.',
  'Emergency crews worked through the night to reach families trapped on rooftops, using fishing boats borrowed from a nearby lake. At least forty homes were destroyed and hundreds of goats were lost, according to the district administrator.',
  'The regional meteorological office said more than 180 millimetres of rain had fallen in twelve hours, the highest figure recorded there in two decades. Forecasters expect further storms later in the week.',
  'Aid groups appealed for tents, clean water and medicine, warning that the risk of disease would rise as floodwater stood in low-lying fields. A school in the valley has been turned into a temporary shelter.',
  'Residents said warnings came too late. One farmer said the water rose to his waist within minutes and that his family escaped only because a neighbour banged on their door.',
].join('\n\n');

const OTHER = [
  'Parliament approved a revised budget on Tuesday after a long debate over fuel subsidies and public sector wages, with the finance minister promising new audits of state companies.',
  'Opposition members walked out before the vote, saying the plan would raise the cost of living for poor households. The minister said the subsidy reform would be phased in over two years.',
  'Economists said the changes would narrow the deficit but warned that growth remained weak. The central bank is expected to hold interest rates steady at its meeting next month.',
].join('\n\n');

describe('near-duplicates', () => {
  test('syndication edits stay near-duplicates; a different story does not', () => {
    const base = minhash(STORY);
    const paras = STORY.split('\n\n');
    const trimmed = `Villages cut off by mudslides after record rain\n\n${paras.slice(0, 3).join('\n\n')}\n\nCopyright 2026 Example Wire. All rights reserved. Sign up for our newsletter.`;
    const rewrapped = paras.join(' ').replace(/\. /g, '.\n');
    assert.ok(isNearDuplicate(base, minhash(trimmed)));
    assert.ok(isNearDuplicate(base, minhash(rewrapped)));
    assert.ok(!isNearDuplicate(base, minhash(OTHER)));
    assert.ok(!isNearDuplicate(minhash('Short text.'), minhash('Short text.')), 'too short to judge');
  });

  test('clusters are deterministic and share one source key', () => {
    const paras = STORY.split('\n\n');
    const sigs = [
      {
        id: 'b',
        signature: minhash(paras.slice(0, 4).join('\n\n')),
        outlet: 'Hill Post',
        credit: null,
        published: '2026-04-02',
      },
      {
        id: 'a',
        signature: minhash(STORY),
        outlet: 'Valley Wire',
        credit: 'Valley Wire',
        published: '2026-04-01',
      },
      { id: 'c', signature: minhash(OTHER), outlet: 'Hill Post', credit: null, published: '2026-04-01' },
    ];
    const one = clusterArticles(sigs);
    const two = clusterArticles([...sigs].reverse());
    assert.deepEqual([...one.cluster].sort(), [...two.cluster].sort());
    assert.equal(one.cluster.get('b'), 'a');
    assert.equal(one.cluster.get('c'), 'c');
    assert.equal(one.sourceKey.get('b'), 'wire:valley wire');
    assert.equal(one.sourceKey.get('c'), 'outlet:hill post');
    assert.equal(one.multi, 1);
  });
});

describe('incidents', () => {
  const place = { text: 'Kora', country: 'ML', admin1: 'Mopti', lat: 14.5, lon: -4.2 };
  const near = { text: 'Kora', country: 'ML', admin1: 'Mopti', lat: 14.55, lon: -4.25 };
  const far = { text: 'Kora', country: 'ML', admin1: 'Kayes', lat: 13.4, lon: -10.1 };
  const recs = () => [
    fixtureRecord({
      text: 'Gunmen attacked the market in Kora on Friday and 93 people were killed, officials said.',
      outlet: 'Sahel Daily',
      published: '2026-05-08',
      events: [{ trigger: 'attacked', actor: 'Gunmen', dead: 93, place }],
    }),
    fixtureRecord({
      text: 'Armed gunmen stormed Kora market on Friday, killing 80, a hospital source said.',
      outlet: 'River News',
      published: '2026-05-08',
      events: [{ trigger: 'stormed', actor: 'Armed gunmen', dead: 80, place: near }],
    }),
    fixtureRecord({
      text: 'Gunmen attacked the market in Kora on Friday and 93 people were killed, officials said. Subscribe.',
      outlet: 'Other Site',
      credit: 'Sahel Daily',
      published: '2026-05-08',
      events: [{ trigger: 'attacked', actor: 'Gunmen', dead: 93, place }],
    }),
    fixtureRecord({
      text: 'Gunmen attacked a convoy near Kora on Friday, killing 4, the army said.',
      outlet: 'West Times',
      published: '2026-05-08',
      events: [{ trigger: 'attacked', actor: 'Gunmen', dead: 4, place: far }],
    }),
  ];

  for (const engine of ['sqlite']) {
    test(`merge keeps every source and value (${engine})`, async () => {
      const store = await openStore({ db: ':memory:' });
      try {
        await store.putRecords(recs().map((record) => ({ record })));
        const first = await runMerge(store);
        assert.equal(first.events, 4);
        const page = await store.queryIncidents({ minSources: 2 });
        assert.equal(page.items.length, 1);
        const inc = page.items[0];
        assert.equal(inc.events.length, 3);
        assert.equal(inc.articles.length, 3);
        // The credited copy counts with its wire: 2 independent sources, not 3.
        assert.equal(inc.sources, 2);
        const fat = inc.fields.fatalities.map((f) => [f.value, f.sources.length]);
        // Never averaged: each value with its sources; ties go to the value more articles carry.
        assert.deepEqual(fat, [
          [93, 1],
          [80, 1],
        ]);
        assert.equal(inc.best.fatalities, 93);
        assert.ok(inc.audit.length >= 2);
        assert.match(inc.audit.join('\n'), /km apart/);
        // The far event stays on its own.
        assert.equal((await store.queryIncidents({})).items.length, 2);
        // Re-running changes nothing.
        const before = await store.getIncident(inc.id);
        await runMerge(store);
        assert.deepEqual(await store.getIncident(inc.id), before);
      } finally {
        await store.close();
      }
    });
  }
});

describe('near-duplicates on a generated syndication set', () => {
  const dir = sharedPath('data', 'attribution', 'polnear', 'dev', 'text');
  test('precision and recall ≥ 0.95', { skip: dir ? false : 'no ../shared data in this checkout' }, () => {
    const docs = buildDedupSet([dir!], 80);
    const sigs = docs.map((d) => ({
      id: d.id,
      signature: minhash(d.text),
      outlet: d.outlet,
      credit: null,
      published: null,
    }));
    const s = pairScores(docs, clusterArticles(sigs).cluster);
    assert.ok(s.p >= 0.95, `precision ${s.p}`);
    assert.ok(s.r >= 0.95, `recall ${s.r}`);
  });
});
