/**
 * Hand-built `sitrep/1` records for tests of the store, merge, API and exports (no pipeline needed).
 * Texts are written for the tests.
 */
import { createArticle } from '../model/article.js';
import type { EventRecord, Place, PloverType, SitrepRecord } from '../model/types.js';
import { VERSION } from '../version.js';

export interface FixtureEvent {
  type?: PloverType;
  trigger: string;
  place?: {
    text: string;
    name?: string;
    country: string;
    admin1?: string;
    lat: number;
    lon: number;
    precision?: Place['precision'];
  };
  date?: string;
  /** Last day of a multi-day event (its interval is [date, until]). */
  until?: string;
  dead?: number;
  actor?: string;
  factuality?: EventRecord['factuality'];
}

export interface FixtureOptions {
  text: string;
  title?: string;
  url?: string;
  outlet?: string;
  credit?: string;
  published?: string;
  events?: FixtureEvent[];
}

function spanOf(text: string, needle: string, from = 0) {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length, text: needle };
}

export function fixtureRecord(o: FixtureOptions): SitrepRecord {
  const a = createArticle({
    text: o.text,
    title: o.title ?? null,
    url: o.url ?? null,
    outlet: o.outlet ?? null,
    credit: o.credit ?? null,
    published: o.published ?? null,
  });
  const { text, ...article } = a;
  const places: Place[] = [];
  const events: EventRecord[] = [];
  (o.events ?? []).forEach((e, i) => {
    let placeId: string | undefined;
    if (e.place) {
      placeId = `m${i + 1}`;
      places.push({
        ...spanOf(text, e.place.text),
        mention: placeId,
        kind: 'place',
        geonameid: null,
        name: e.place.name ?? e.place.text,
        lat: e.place.lat,
        lon: e.place.lon,
        country: e.place.country,
        admin1: e.place.admin1 ?? null,
        admin2: null,
        featureCode: null,
        precision: e.place.precision ?? 'city',
      });
    }
    const day = e.date ?? o.published?.slice(0, 10);
    events.push({
      id: `e${i + 1}`,
      type: e.type ?? 'ASSAULT',
      actors: e.actor ? [{ ...spanOf(text, e.actor) }] : [],
      recipients: [],
      ...(placeId ? { place: placeId } : {}),
      ...(day ? { interval: [day, e.until ?? day] as [string, string] } : {}),
      quantities:
        e.dead !== undefined ? [{ ...spanOf(text, String(e.dead)), kind: 'dead', value: e.dead }] : [],
      factuality: e.factuality ?? 'asserted',
      trigger: spanOf(text, e.trigger),
      sentence: 0,
      confidence: 0.9,
    });
  });
  return {
    schema: 'sitrep/1',
    article,
    text,
    sentences: [[0, text.length]],
    mentions: places.map((p) => ({
      id: p.mention,
      start: p.start,
      end: p.end,
      text: p.text,
      kind: 'place' as const,
    })),
    entities: [],
    places,
    times: [],
    quantities: [],
    claims: [],
    events,
    meta: { version: VERSION },
  };
}
