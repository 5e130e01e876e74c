/**
 * Incidents: events from different articles that describe the same real-world event. Two events are
 * linked when they have the same type family, compatible actors, places within the coarser place's
 * precision radius, and overlapping date intervals; linked events form an incident (union-find, so
 * the result does not depend on input order). Every link is recorded with its reasons.
 */
import type { PloverType } from '../model/types.js';
import type { IncidentWrite } from '../store/store.js';
import { incidentId, type MergeEvent, summariseIncident } from './summarise.js';

const FAMILY: Record<PloverType, string> = {
  ASSAULT: 'violence',
  COERCE: 'coercion',
  SANCTION: 'coercion',
  PROTEST: 'protest',
  MOBILIZE: 'mobilize',
  THREATEN: 'threat',
  ACCUSE: 'verbal',
  REJECT: 'verbal',
  REQUEST: 'verbal',
  AGREE: 'cooperation',
  CONSULT: 'cooperation',
  SUPPORT: 'cooperation',
  CONCEDE: 'cooperation',
  COOPERATE: 'cooperation',
  AID: 'aid',
  RETREAT: 'retreat',
};

export function typeFamily(t: PloverType): string {
  return FAMILY[t] ?? t;
}

/** How far apart two reports of one place can be, by the coarser precision (km). */
const RADIUS_KM: Record<string, number> = {
  point: 10,
  city: 25,
  admin2: 75,
  admin1: 250,
  country: 1500,
  region: 3000,
  unresolved: 0,
};

/** Events that describe no real, past occurrence are not merged into incidents. */
const UNMERGEABLE = new Set(['future', 'hypothetical', 'negated']);

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const STOP = new Set(['the', 'and', 'of', 'forces', 'group', 'people', 'unknown', 'men', 'said']);

function actorStems(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    for (const w of n.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (w.length >= 4 && !STOP.has(w)) out.add(w.slice(0, 5));
    }
  }
  return out;
}

export interface LinkOptions {
  /** Articles in one near-duplicate cluster (article id → cluster): their events may merge without a place. */
  cluster?: Map<string, string>;
}

/** Why two events describe the same incident, or null when they do not. */
export function linkReason(a: MergeEvent, b: MergeEvent, o: LinkOptions = {}): string | null {
  if (a.articleId === b.articleId) return null;
  if (typeFamily(a.type) !== typeFamily(b.type)) return null;
  if (!a.dateStart || !b.dateStart || !a.dateEnd || !b.dateEnd) return null;
  if (a.dateStart > b.dateEnd || b.dateStart > a.dateEnd) return null;
  const reasons = [`same type family (${typeFamily(a.type)})`];
  reasons.push(
    a.dateStart === b.dateStart && a.dateEnd === b.dateEnd
      ? `same date ${a.dateStart}`
      : `dates overlap (${a.dateStart}..${a.dateEnd} / ${b.dateStart}..${b.dateEnd})`,
  );
  const sameCluster = o.cluster && o.cluster.get(a.articleId) === o.cluster.get(b.articleId);
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    const ra = RADIUS_KM[a.precision ?? 'unresolved'] ?? 0;
    const rb = RADIUS_KM[b.precision ?? 'unresolved'] ?? 0;
    const radius = Math.max(ra, rb);
    const d = distanceKm(a.lat, a.lon, b.lat, b.lon);
    if (d > radius) return null;
    if ((a.precision === 'country' || b.precision === 'country') && a.country !== b.country) return null;
    reasons.push(
      `${Math.round(d)} km apart (within ${radius} km for ${ra >= rb ? a.precision : b.precision})`,
    );
  } else if (sameCluster) {
    reasons.push('near-duplicate articles');
  } else if (a.country && a.country === b.country && (a.lat === null || b.lat === null)) {
    // One side placed only by country: the same country is compatible, but only with agreeing actors.
    reasons.push(`same country ${a.country}`);
    const sa = actorStems([...a.actors, ...a.recipients]);
    const sb = actorStems([...b.actors, ...b.recipients]);
    if (![...sa].some((s) => sb.has(s))) return null;
  } else {
    return null;
  }
  const sa = actorStems(a.actors);
  const sb = actorStems(b.actors);
  if (sa.size && sb.size) {
    const shared = [...sa].filter((s) => sb.has(s));
    if (!shared.length && !sameCluster) return null;
    if (shared.length) reasons.push(`actors agree (${shared.join(', ')}…)`);
  } else {
    reasons.push('actors compatible (one side unnamed)');
  }
  return reasons.join('; ');
}

/** Group mergeable events into incidents (singletons included), deterministically. */
export function buildIncidents(events: readonly MergeEvent[], o: LinkOptions = {}): IncidentWrite[] {
  const evs = events
    .filter((e) => !UNMERGEABLE.has(e.factuality) && e.dateStart)
    .sort((a, b) =>
      a.dateStart! < b.dateStart! ? -1 : a.dateStart! > b.dateStart! ? 1 : a.id < b.id ? -1 : 1,
    );
  const parent = evs.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const why = new Map<number, string[]>();
  // Block by type family; within a block, events sorted by start date are compared with earlier
  // events whose interval is still open.
  const blocks = new Map<string, number[]>();
  evs.forEach((e, i) => {
    const k = typeFamily(e.type);
    const l = blocks.get(k);
    if (l) l.push(i);
    else blocks.set(k, [i]);
  });
  for (const idx of blocks.values()) {
    const open: number[] = [];
    for (const i of idx) {
      const e = evs[i];
      for (let k = open.length - 1; k >= 0; k--) {
        if (evs[open[k]].dateEnd! < e.dateStart!) open.splice(k, 1);
      }
      for (let k = open.length - 1; k >= Math.max(0, open.length - 400); k--) {
        const j = open[k];
        const ri = find(i);
        const rj = find(j);
        if (ri === rj) continue;
        const reason = linkReason(evs[j], e, o);
        if (!reason) continue;
        const root = Math.min(ri, rj);
        parent[Math.max(ri, rj)] = root;
        const line = `${evs[j].id} ~ ${e.id}: ${reason}`;
        const l = [...(why.get(ri) ?? []), ...(why.get(rj) ?? []), line];
        why.delete(ri);
        why.delete(rj);
        why.set(root, l);
      }
      open.push(i);
    }
  }
  const groups = new Map<number, MergeEvent[]>();
  evs.forEach((e, i) => {
    const r = find(i);
    const l = groups.get(r);
    if (l) l.push(e);
    else groups.set(r, [e]);
  });
  const out: IncidentWrite[] = [];
  for (const [root, members] of groups) {
    const ids = members.map((m) => m.id);
    const id = incidentId(ids);
    out.push({ incident: summariseIncident(id, members, (why.get(root) ?? []).sort(), false) });
  }
  return out.sort((a, b) => (a.incident.id < b.incident.id ? -1 : 1));
}
