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
  /**
   * Articles in one near-duplicate cluster (article id → cluster): their events may merge without a
   * place. Events that carry their own `cluster` (read from the store) need no map.
   */
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
  const ca = a.cluster ?? o.cluster?.get(a.articleId);
  const sameCluster = ca !== undefined && ca === (b.cluster ?? o.cluster?.get(b.articleId));
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

/** Events in the order the sweep needs: start date, then id (plain code-unit order, as the store's). */
export function sweepOrder(a: MergeEvent, b: MergeEvent): number {
  return a.dateStart! < b.dateStart! ? -1 : a.dateStart! > b.dateStart! ? 1 : a.id < b.id ? -1 : 1;
}

/** Whether an event can join an incident at all (a real, dated, past occurrence). */
export function isMergeable(e: MergeEvent): boolean {
  return !UNMERGEABLE.has(e.factuality) && !!e.dateStart;
}

/** How many of the latest still-open events of a family a new event is compared with. */
const COMPARE_LAST = 400;

interface Group {
  /** [sweep index, event] pairs; sorted by index when the group is emitted. */
  members: [number, MergeEvent][];
  /** Members whose interval is still open (not yet past the sweep's current start date). */
  open: number;
  why: string[];
}

/**
 * Incidents from events fed in `sweepOrder`, with memory bounded by the events whose date interval
 * is still open: an incident is emitted as soon as none of its events can link to a later one.
 * Within a type family, a new event is compared with the latest open events of that family (union-find;
 * the root is the earliest member, so the result is the same as grouping the whole list at once).
 */
export class IncidentSweep {
  private readonly families = new Map<string, number[]>();
  private readonly parent = new Map<number, number>();
  private readonly event = new Map<number, MergeEvent>();
  private readonly groups = new Map<number, Group>();
  private next = 0;
  private last: MergeEvent | null = null;

  constructor(
    private readonly emit: (w: IncidentWrite) => void,
    private readonly o: LinkOptions = {},
  ) {}

  private find(x: number): number {
    let r = x;
    while (this.parent.get(r) !== r) r = this.parent.get(r)!;
    while (x !== r) {
      const up = this.parent.get(x)!;
      this.parent.set(x, r);
      x = up;
    }
    return r;
  }

  /** Add the next event; unmergeable events are ignored. Throws if events arrive out of order (a bug). */
  add(e: MergeEvent): void {
    if (!isMergeable(e)) return;
    if (this.last && sweepOrder(this.last, e) > 0) throw new Error(`events out of sweep order at ${e.id}`);
    this.last = e;
    const i = this.next++;
    this.parent.set(i, i);
    this.event.set(i, e);
    this.groups.set(i, { members: [[i, e]], open: 1, why: [] });
    const family = typeFamily(e.type);
    let open = this.families.get(family);
    if (!open) {
      open = [];
      this.families.set(family, open);
    }
    this.close(open, e.dateStart!);
    for (let k = open.length - 1; k >= Math.max(0, open.length - COMPARE_LAST); k--) {
      const j = open[k];
      const ri = this.find(i);
      const rj = this.find(j);
      if (ri === rj) continue;
      const reason = linkReason(this.event.get(j)!, e, this.o);
      if (!reason) continue;
      const root = Math.min(ri, rj);
      const child = Math.max(ri, rj);
      this.parent.set(child, root);
      const a = this.groups.get(root)!;
      const b = this.groups.get(child)!;
      this.groups.delete(child);
      for (const m of b.members) a.members.push(m);
      a.open += b.open;
      for (const w of b.why) a.why.push(w);
      a.why.push(`${this.event.get(j)!.id} ~ ${e.id}: ${reason}`);
    }
    open.push(i);
  }

  /** Close the family's events that ended before `start`; emit incidents left with no open event. */
  private close(open: number[], start: string): void {
    let kept = 0;
    for (let k = 0; k < open.length; k++) {
      const j = open[k];
      if (this.event.get(j)!.dateEnd! >= start) {
        open[kept++] = j;
        continue;
      }
      const root = this.find(j);
      const g = this.groups.get(root)!;
      if (--g.open === 0) this.flush(root, g);
    }
    open.length = kept;
  }

  private flush(root: number, g: Group): void {
    this.groups.delete(root);
    g.members.sort((a, b) => a[0] - b[0]);
    for (const [idx] of g.members) {
      this.parent.delete(idx);
      this.event.delete(idx);
    }
    const members = g.members.map((m) => m[1]);
    const id = incidentId(members.map((m) => m.id));
    this.emit({ incident: summariseIncident(id, members, g.why.sort(), false) });
  }

  /** Emit every incident still open (end of input). */
  finish(): void {
    for (const open of this.families.values()) this.close(open, '\uffff');
    this.families.clear();
  }

  /** Events held in memory now (for tests and progress reports). */
  get held(): number {
    return this.event.size;
  }
}

/** Group mergeable events into incidents (singletons included), deterministically. */
export function buildIncidents(events: readonly MergeEvent[], o: LinkOptions = {}): IncidentWrite[] {
  const out: IncidentWrite[] = [];
  const sweep = new IncidentSweep((w) => out.push(w), o);
  for (const e of events.filter(isMergeable).sort(sweepOrder)) sweep.add(e);
  sweep.finish();
  return out.sort((a, b) => (a.incident.id < b.incident.id ? -1 : 1));
}
