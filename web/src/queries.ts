/**
 * The requests the desk's first paint makes, built in one place: the views that send them (map,
 * timeline) load their code after the page starts, and the page sends the same requests ahead
 * (api.ts `prefetch`) so data and code arrive together.
 */
import { filtersToParams } from '../../src/desk/filters.js';
import { currentFilters, params } from './state.js';

/** The timeline's counts: every filter (the server leaves out the time filter, drawn as a selection). */
export function timelineQuery(p = params()): URLSearchParams {
  return filtersToParams(currentFilters(p));
}

/** The zoom of the map's framing request: the server answers world views up to zoom 4 from one grid. */
const FIT_ZOOM = 2;

/**
 * The map's first request when the URL names no map view: marks over the whole world, to frame the
 * data; `null` when the URL does name a view (the map opens there and asks for that view).
 */
export function fitQuery(p = params()): URLSearchParams | null {
  const f = currentFilters(p);
  if (f.bbox) return null;
  const q = filtersToParams(f);
  q.set('zoom', String(FIT_ZOOM));
  q.set('view', '-180,-85,180,85');
  return q;
}
