/**
 * Summarise the events of one incident: each field's values by independent source (never averaged),
 * the best-supported value, and the incident's place and time taken from the best-supported values.
 */
import { createHash } from 'node:crypto';
import type { FieldValue, Incident, StoredEvent } from '../store/store.js';

export type MergeEvent = Pick<
  StoredEvent,
  | 'id'
  | 'articleId'
  | 'sourceKey'
  | 'type'
  | 'dateStart'
  | 'dateEnd'
  | 'country'
  | 'admin1'
  | 'location'
  | 'lat'
  | 'lon'
  | 'precision'
  | 'factuality'
  | 'actors'
  | 'recipients'
  | 'fatalities'
> & {
  /** The article's near-duplicate cluster, when the reader knows it. */
  cluster?: string;
};

/** Stable incident id from its events (the smallest event id). */
export function incidentId(eventIds: readonly string[]): string {
  let first = eventIds[0];
  for (const e of eventIds) if (e < first) first = e;
  return `inc:${createHash('sha256').update(first).digest('hex').slice(0, 20)}`;
}

function fieldValues(events: readonly MergeEvent[], get: (e: MergeEvent) => unknown): FieldValue[] {
  const byKey = new Map<string, { value: unknown; sources: Set<string>; events: string[] }>();
  for (const e of events) {
    const v = get(e);
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    const k = JSON.stringify(v);
    let slot = byKey.get(k);
    if (!slot) {
      slot = { value: v, sources: new Set(), events: [] };
      byKey.set(k, slot);
    }
    slot.sources.add(e.sourceKey);
    slot.events.push(e.id);
  }
  return [...byKey.entries()]
    .sort(
      (a, b) =>
        b[1].sources.size - a[1].sources.size ||
        b[1].events.length - a[1].events.length ||
        (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
    )
    .map(([, s]) => ({ value: s.value, sources: [...s.sources].sort(), events: s.events.sort() }));
}

const PRECISION_RANK: Record<string, number> = {
  point: 0,
  city: 1,
  admin2: 2,
  admin1: 3,
  country: 4,
  region: 5,
  unresolved: 6,
};

export function summariseIncident(
  id: string,
  events: readonly MergeEvent[],
  audit: string[],
  locked: boolean,
): Omit<Incident, 'updatedAt'> {
  const sorted = [...events].sort((a, b) => (a.id < b.id ? -1 : 1));
  const fields: Record<string, FieldValue[]> = {
    type: fieldValues(sorted, (e) => e.type),
    date: fieldValues(sorted, (e) =>
      e.dateStart ? (e.dateStart === e.dateEnd ? e.dateStart : `${e.dateStart}/${e.dateEnd}`) : null,
    ),
    location: fieldValues(sorted, (e) => e.location),
    country: fieldValues(sorted, (e) => e.country),
    admin1: fieldValues(sorted, (e) => e.admin1),
    fatalities: fieldValues(sorted, (e) => e.fatalities),
    factuality: fieldValues(sorted, (e) => e.factuality),
    actors: fieldValues(sorted, (e) => e.actors),
    recipients: fieldValues(sorted, (e) => e.recipients),
  };
  const best: Record<string, unknown> = {};
  for (const [k, vs] of Object.entries(fields)) best[k] = vs.length ? vs[0].value : null;
  // Place: the most precise event among those giving the best-supported location.
  const bestLoc = fields.location[0];
  const placeEvents = sorted.filter((e) => (bestLoc ? bestLoc.events.includes(e.id) : e.lat !== null));
  placeEvents.sort(
    (a, b) =>
      (PRECISION_RANK[a.precision ?? 'unresolved'] ?? 9) - (PRECISION_RANK[b.precision ?? 'unresolved'] ?? 9),
  );
  const place = placeEvents[0] ?? sorted[0];
  const bestDate = fields.date[0];
  const dateEvent = bestDate ? sorted.find((e) => e.id === bestDate.events[0])! : sorted[0];
  const sources = new Set(sorted.map((e) => e.sourceKey));
  return {
    id,
    type: (best.type as Incident['type']) ?? sorted[0].type,
    dateStart: dateEvent?.dateStart ?? null,
    dateEnd: dateEvent?.dateEnd ?? null,
    country: (best.country as string | null) ?? null,
    admin1: (best.admin1 as string | null) ?? null,
    location: (best.location as string | null) ?? null,
    lat: place?.lat ?? null,
    lon: place?.lon ?? null,
    precision: place?.precision ?? null,
    sources: sources.size,
    events: sorted.map((e) => e.id),
    articles: [...new Set(sorted.map((e) => e.articleId))].sort(),
    fields,
    best,
    audit,
    locked,
  };
}
