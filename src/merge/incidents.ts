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

/** Actor stems of an event, and of all its parties, worked out once per event (a sweep compares each event with hundreds). */
const STEMS = new WeakMap<MergeEvent, { actors: Set<string>; parties: Set<string> }>();
function stemsOf(e: MergeEvent): { actors: Set<string>; parties: Set<string> } {
  let s = STEMS.get(e);
  if (!s) {
    s = { actors: actorStems(e.actors), parties: actorStems([...e.actors, ...e.recipients]) };
    STEMS.set(e, s);
  }
  return s;
}

function sharesAny(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * Why two events describe the same incident, or null when they do not. Every test runs before any
 * reason is written: most pairs a sweep tries do not link.
 */
export function linkReason(a: MergeEvent, b: MergeEvent, o: LinkOptions = {}): string | null {
  if (a.articleId === b.articleId) return null;
  const family = typeFamily(a.type);
  if (family !== typeFamily(b.type)) return null;
  if (!a.dateStart || !b.dateStart || !a.dateEnd || !b.dateEnd) return null;
  if (a.dateStart > b.dateEnd || b.dateStart > a.dateEnd) return null;
  const ca = a.cluster ?? o.cluster?.get(a.articleId);
  const sameCluster = ca !== undefined && ca === (b.cluster ?? o.cluster?.get(b.articleId));
  const placed = a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null;
  let where: string;
  if (placed) {
    const ra = RADIUS_KM[a.precision ?? 'unresolved'] ?? 0;
    const rb = RADIUS_KM[b.precision ?? 'unresolved'] ?? 0;
    const radius = Math.max(ra, rb);
    // a degree of latitude is ~111.2 km on the great circle: too far north or south is decided
    // without the trigonometry (most pairs a sweep tries)
    if (Math.abs(a.lat! - b.lat!) * 111 > radius) return null;
    const d = distanceKm(a.lat!, a.lon!, b.lat!, b.lon!);
    if (d > radius) return null;
    if ((a.precision === 'country' || b.precision === 'country') && a.country !== b.country) return null;
    where = `${Math.round(d)} km apart (within ${radius} km for ${ra >= rb ? a.precision : b.precision})`;
  } else if (sameCluster) {
    where = 'near-duplicate articles';
  } else if (a.country && a.country === b.country && (a.lat === null || b.lat === null)) {
    // One side placed only by country: the same country is compatible, but only with agreeing actors.
    if (!sharesAny(stemsOf(a).parties, stemsOf(b).parties)) return null;
    where = `same country ${a.country}`;
  } else {
    return null;
  }
  const sa = stemsOf(a).actors;
  const sb = stemsOf(b).actors;
  let actors: string;
  if (sa.size && sb.size) {
    const shared: string[] = [];
    for (const x of sa) if (sb.has(x)) shared.push(x);
    if (!shared.length && !sameCluster) return null;
    actors = shared.length ? `actors agree (${shared.join(', ')}…)` : '';
  } else {
    actors = 'actors compatible (one side unnamed)';
  }
  const reasons = [
    `same type family (${family})`,
    a.dateStart === b.dateStart && a.dateEnd === b.dateEnd
      ? `same date ${a.dateStart}`
      : `dates overlap (${a.dateStart}..${a.dateEnd} / ${b.dateStart}..${b.dateEnd})`,
    where,
  ];
  if (actors) reasons.push(actors);
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

/** Numbers kept per open event: hashes of its article, country and cluster (0: none), and whether it is placed. */
const KEYS = 4;

interface Family {
  open: number[];
  /** KEYS numbers per open event, aligned with `open`. */
  keys: number[];
  closedAt: string;
  dirty: boolean;
}

/** FNV-1a of a string, never 0 (0 stands for "none" in the keys). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}

/**
 * Incidents from events fed in `sweepOrder`, with memory bounded by the events whose date interval
 * is still open: an incident is emitted as soon as none of its events can link to a later one.
 * Within a type family, a new event is compared with the latest open events of that family (union-find;
 * the root is the earliest member, so the result is the same as grouping the whole list at once).
 */
export class IncidentSweep {
  /** Per type family: its open events, the start date they were last closed at, and whether one ended before it. */
  private readonly families = new Map<string, Family>();
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
    let fam = this.families.get(family);
    if (!fam) {
      fam = { open: [], keys: [], closedAt: '', dirty: false };
      this.families.set(family, fam);
    }
    const open = fam.open;
    // closing again at the same start date finds nothing new to close, unless an event that ends
    // before its own start (a malformed interval) came in since
    if (e.dateStart !== fam.closedAt || fam.dirty) {
      this.close(fam, e.dateStart!);
      fam.closedAt = e.dateStart!;
      fam.dirty = false;
    }
    const cluster = e.cluster ?? this.o.cluster?.get(e.articleId);
    const hArt = hash(e.articleId);
    const hCountry = e.country ? hash(e.country) : 0;
    const hCluster = cluster !== undefined ? hash(cluster) : 0;
    const placed = e.lat !== null && e.lon !== null ? 1 : 0;
    const keys = fam.keys;
    for (let k = open.length - 1; k >= Math.max(0, open.length - COMPARE_LAST); k--) {
      const j = open[k];
      // linkReason's first conditions on hashes (strings compared only when the hashes agree): another
      // article, and a way to be in one place (both placed, one country, one near-duplicate cluster)
      const q = k * KEYS;
      if (keys[q] === hArt && this.event.get(j)!.articleId === e.articleId) continue;
      if (
        !(placed && keys[q + 3]) &&
        !(hCountry && keys[q + 1] === hCountry) &&
        !(hCluster && keys[q + 2] === hCluster)
      )
        continue;
      const other = this.event.get(j)!;
      const ri = this.find(i);
      const rj = this.find(j);
      if (ri === rj) continue;
      const reason = linkReason(other, e, this.o);
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
    keys.push(hArt, hCountry, hCluster, placed);
    if (e.dateEnd! < fam.closedAt) fam.dirty = true;
  }

  /** Close the family's events that ended before `start`; emit incidents left with no open event. */
  private close(fam: Family, start: string): void {
    const { open, keys } = fam;
    let kept = 0;
    for (let k = 0; k < open.length; k++) {
      const j = open[k];
      if (this.event.get(j)!.dateEnd! >= start) {
        for (let x = 0; x < KEYS; x++) keys[kept * KEYS + x] = keys[k * KEYS + x];
        open[kept++] = j;
        continue;
      }
      const root = this.find(j);
      const g = this.groups.get(root)!;
      if (--g.open === 0) this.flush(root, g);
    }
    open.length = kept;
    keys.length = kept * KEYS;
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
    for (const fam of this.families.values()) this.close(fam, '\uffff');
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
