/**
 * Test and bench harness: a store in a temp directory filled from the test corpus (coded by the real
 * pipeline, merged into incidents), and the desk served over real HTTP on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/api/app.js';
import { codeArticles } from '../../src/ingest/coder.js';
import { runMerge } from '../../src/merge/index.js';
import { createArticle } from '../../src/model/article.js';
import { fixtureRecord } from '../../src/store/fixtures.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { CORPUS, type CorpusArticle } from './corpus.js';

export interface RunningDesk {
  url: string;
  store: Store;
  dir: string;
  close(): Promise<void>;
}

/**
 * Located reports, built by hand so the map has places at every precision whatever the gazetteer
 * resolves: a city, a point, a province-level and a country-level record.
 */
export function locatedRecords() {
  return [
    fixtureRecord({
      text: 'ALEPPO - Two rockets struck a bakery in Aleppo on Sunday, killing 7 people, medics said.',
      title: 'Rockets strike Aleppo bakery',
      outlet: 'Levant Daily Wire',
      published: '2024-03-17',
      events: [
        {
          trigger: 'struck',
          actor: 'Two rockets',
          dead: 7,
          place: {
            text: 'Aleppo',
            country: 'SY',
            admin1: 'Aleppo',
            lat: 36.2,
            lon: 37.16,
            precision: 'city',
          },
        },
      ],
    }),
    fixtureRecord({
      text: 'A rocket attack on a bakery in Aleppo on Sunday killed 9 people, a civil defence official said.',
      title: 'Nine dead in Aleppo bakery attack',
      outlet: 'Orient Herald',
      published: '2024-03-17',
      events: [
        {
          trigger: 'attack',
          actor: 'A rocket',
          dead: 9,
          place: {
            text: 'Aleppo',
            country: 'SY',
            admin1: 'Aleppo',
            lat: 36.21,
            lon: 37.15,
            precision: 'city',
          },
        },
      ],
    }),
    fixtureRecord({
      text: 'Clashes broke out in Idlib province on Wednesday between rival factions, 3 fighters died.',
      title: 'Factions clash in Idlib province',
      outlet: 'Orient Herald',
      published: '2024-03-27',
      events: [
        {
          trigger: 'Clashes',
          actor: 'rival factions',
          dead: 3,
          place: {
            text: 'Idlib province',
            name: 'Idlib',
            country: 'SY',
            admin1: 'Idlib',
            lat: 35.8,
            lon: 36.6,
            precision: 'admin1',
          },
        },
      ],
    }),
    fixtureRecord({
      text: 'Protests spread across Syria on Friday as fuel shortages worsened, activists said.',
      title: 'Protests across Syria',
      outlet: 'Southern Courier',
      published: '2024-04-12',
      events: [
        {
          type: 'PROTEST',
          trigger: 'Protests',
          actor: 'activists',
          place: { text: 'Syria', country: 'SY', lat: 35, lon: 38.5, precision: 'country' },
        },
      ],
    }),
    fixtureRecord({
      text: 'BAGHDAD - A roadside bomb hit a convoy near Baghdad airport on Monday, police said.',
      title: 'Bomb hits convoy near Baghdad airport',
      outlet: 'Tigris Times',
      published: '2024-04-15',
      events: [
        {
          trigger: 'hit',
          actor: 'A roadside bomb',
          place: {
            text: 'Baghdad',
            country: 'IQ',
            admin1: 'Baghdad',
            lat: 33.26,
            lon: 44.23,
            precision: 'point',
          },
        },
      ],
    }),
  ];
}

export async function fillStore(store: Store, articles: CorpusArticle[]): Promise<void> {
  const coded = codeArticles(articles.map((a) => createArticle(a)));
  const records = [
    ...coded.flatMap((c) => (c.ok ? [{ record: c.record, origin: 'test' }] : [])),
    ...locatedRecords().map((record) => ({ record, origin: 'test' })),
  ];
  await store.putRecords(records, 'test');
  await runMerge(store, 'test');
}

export async function serveDesk(store: Store, dir: string): Promise<RunningDesk> {
  // The real API app (the desk is mounted in it), as `sitrep serve` runs it.
  const app = createApp(store);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    dir,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startDesk(articles: CorpusArticle[] = CORPUS): Promise<RunningDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-desk-'));
  const store = await openStore({ db: join(dir, 'desk.db') });
  await fillStore(store, articles);
  return serveDesk(store, dir);
}
