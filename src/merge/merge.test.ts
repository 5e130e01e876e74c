import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDedupSet, pairScores } from '../../eval/dedup-corpus.js';
import { sharedPath } from '../../eval/shared.js';
import { fixtureRecord } from '../store/fixtures.js';
import { openStore } from '../store/open.js';
import { createTempPostgres } from '../store/test-db.js';
import { ClusterSweep, clusterArticles, isNearDuplicate } from './dedup.js';
import {
  buildIncidents,
  IncidentSweep,
  isMergeable,
  linkReason,
  sweepOrder,
  typeFamily,
} from './incidents.js';
import { runMerge } from './index.js';
import { minhash } from './minhash.js';
import type { MergeEvent } from './summarise.js';

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

  for (const engine of ['sqlite', 'postgres'] as const) {
    test(`merge keeps every source and value (${engine})`, async () => {
      const tmp = engine === 'postgres' ? await createTempPostgres() : null;
      const store = await openStore({ db: tmp ? tmp.url : ':memory:' });
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
        // Every event points at its incident with the incident's source count.
        const rows = await store.db.selectFrom('events').select(['id', 'incident_id', 'sources']).execute();
        assert.equal(rows.length, 4);
        for (const e of rows) {
          assert.ok(e.incident_id, `${e.id} has an incident`);
          assert.equal(Number(e.sources), (await store.getIncident(e.incident_id!))!.sources);
        }
        // An event that stops being mergeable leaves its incident on the next run.
        const leaving = inc.events[0];
        await store.db
          .updateTable('events')
          .set({ factuality: 'negated' })
          .where('id', '=', leaving)
          .execute();
        const third = await runMerge(store);
        assert.equal(third.incidents, 2);
        const left = await store.db
          .selectFrom('events')
          .select(['incident_id', 'sources'])
          .where('id', '=', leaving)
          .executeTakeFirstOrThrow();
        assert.equal(left.incident_id, null);
        assert.equal(Number(left.sources), 1);
        const rest = (await store.queryIncidents({})).items.find((i) => i.events.length === 2);
        assert.ok(rest && !rest.events.includes(leaving));
        assert.ok(
          (await store.deletions('2000-01-01')).some((d) => d.kind === 'incident' && d.id === inc.id),
        );
      } finally {
        await store.close();
        await tmp?.drop();
      }
    });
  }
});

/** The former whole-list grouping (kept as the oracle the streaming sweep must agree with). */
function groupAtOnce(events: MergeEvent[]): string[][] {
  const evs = events.filter(isMergeable).sort(sweepOrder);
  const parent = evs.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : find(parent[x]));
  const blocks = new Map<string, number[]>();
  evs.forEach((e, i) => {
    blocks.set(typeFamily(e.type), [...(blocks.get(typeFamily(e.type)) ?? []), i]);
  });
  for (const idx of blocks.values()) {
    const open: number[] = [];
    for (const i of idx) {
      for (let k = open.length - 1; k >= 0; k--)
        if (evs[open[k]].dateEnd! < evs[i].dateStart!) open.splice(k, 1);
      for (let k = open.length - 1; k >= Math.max(0, open.length - 400); k--) {
        const [ri, rj] = [find(i), find(open[k])];
        if (ri !== rj && linkReason(evs[open[k]], evs[i])) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
      open.push(i);
    }
  }
  const groups = new Map<number, string[]>();
  evs.forEach((e, i) => {
    groups.set(find(i), [...(groups.get(find(i)) ?? []), e.id]);
  });
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function randomEvents(n: number, seed: number): MergeEvent[] {
  let s = seed;
  const r = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const types = ['ASSAULT', 'COERCE', 'PROTEST', 'ACCUSE'] as const;
  const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86400000).toISOString().slice(0, 10);
  const out: MergeEvent[] = [];
  for (let i = 0; i < n; i++) {
    const start = Math.floor(i / 6) + Math.floor(r() * 3);
    const long = r() < 0.05;
    out.push({
      id: `a${Math.floor(r() * n)}:e${i}`,
      articleId: `a${Math.floor(r() * n)}`,
      sourceKey: `outlet:${Math.floor(r() * 5)}`,
      type: types[Math.floor(r() * types.length)],
      dateStart: r() < 0.03 ? null : day(start),
      dateEnd: day(start + (long ? 30 : Math.floor(r() * 2))),
      country: 'ML',
      admin1: null,
      location: null,
      lat: 14 + r() * 0.4,
      lon: -4 + r() * 0.4,
      precision: r() < 0.5 ? 'city' : 'admin1',
      factuality: r() < 0.1 ? 'negated' : 'asserted',
      actors: [r() < 0.5 ? 'gunmen' : 'the army'],
      recipients: [],
      fatalities: null,
    });
  }
  return out;
}

describe('incident sweep', () => {
  test('streaming gives the same incidents as grouping the whole list', () => {
    for (const seed of [1, 2, 3]) {
      const events = randomEvents(1500, seed);
      const got = buildIncidents(events)
        .map((w) => [...w.incident.events].sort())
        .sort((a, b) => (a[0] < b[0] ? -1 : 1));
      const want = groupAtOnce(events);
      assert.ok(
        want.some((g) => g.length > 1),
        'the random set has multi-event incidents',
      );
      assert.deepEqual(got, want);
    }
  });

  test('memory is bounded by the open intervals, not the input', () => {
    const events = randomEvents(6000, 7).filter(isMergeable).sort(sweepOrder);
    let emitted = 0;
    let peak = 0;
    const sweep = new IncidentSweep(() => emitted++);
    for (const e of events) {
      sweep.add(e);
      peak = Math.max(peak, sweep.held);
    }
    sweep.finish();
    assert.equal(sweep.held, 0);
    assert.ok(emitted > 0);
    // Six events a day, intervals of up to 30 days: far fewer than the 6,000 are ever held at once.
    assert.ok(peak < 1500, `peak ${peak} events held`);
  });

  test('events out of order are a bug, not silently mis-merged', () => {
    const [a, b] = randomEvents(40, 9)
      .filter(isMergeable)
      .sort(sweepOrder)
      .filter((e, i, all) => i === 0 || e.dateStart !== all[0].dateStart);
    const sweep = new IncidentSweep(() => {});
    sweep.add(b);
    assert.throws(() => sweep.add(a), /out of sweep order/);
  });
});

describe('near-duplicate sweep', () => {
  const paras = STORY.split('\n\n');
  const sig = (id: string, text: string, published: string | null) => ({
    id,
    signature: minhash(text),
    outlet: 'Hill Post',
    credit: null,
    published,
  });

  test('copies are compared within the window only', () => {
    const sigs = [
      sig('a', STORY, '2026-01-01T08:00:00Z'),
      sig('b', paras.slice(0, 4).join('\n\n'), '2026-01-03T08:00:00Z'),
      sig('c', paras.slice(1).join('\n\n'), '2026-02-20T08:00:00Z'),
    ];
    const month = clusterArticles(sigs, { windowDays: 30 });
    assert.equal(month.cluster.get('b'), 'a');
    assert.equal(month.cluster.get('c'), 'c', 'seven weeks later: a new story, not a copy');
    const longer = clusterArticles(sigs, { windowDays: 60 });
    assert.equal(longer.cluster.get('c'), 'a');
  });

  test('holds only the window, and refuses articles out of order', () => {
    const sweep = new ClusterSweep({ windowDays: 2 });
    let peak = 0;
    for (let d = 0; d < 60; d++) {
      const day = new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString();
      sweep.add(sig(`x${String(d).padStart(2, '0')}`, `${OTHER} Item ${d} of the series, day ${day}.`, day));
      peak = Math.max(peak, sweep.heldSignatures);
    }
    assert.ok(peak <= 3, `held ${peak}`);
    assert.equal(sweep.result().multi, 1, 'near-identical daily items within the window form one cluster');
    assert.throws(() => sweep.add(sig('early', OTHER, '2025-12-01T00:00:00Z')), /out of order/);
  });
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
