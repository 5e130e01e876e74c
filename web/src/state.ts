/**
 * All desk state that matters lives in the URL query: filters, table order, the open view and
 * record. Changing a filter pushes a history entry, so the back button undoes it; map moves replace
 * the current entry (a pan is not worth a back-button step).
 */
import {
  type DeskFilters,
  filtersToParams,
  parseFilters,
  parseOrder,
  type TableOrder,
} from '../../src/desk/filters.js';

export type View = 'desk' | 'article' | 'incident' | 'review' | 'ingest' | 'audit';
const VIEWS: View[] = ['desk', 'article', 'incident', 'review', 'ingest', 'audit'];

export function params(): URLSearchParams {
  return new URLSearchParams(location.search);
}

export function currentView(p = params()): View {
  const v = p.get('view') as View | null;
  return v && VIEWS.includes(v) ? v : 'desk';
}

export function currentFilters(p = params()): DeskFilters {
  return parseFilters(p).filters;
}

export function currentOrder(p = params()): TableOrder {
  return parseOrder(p);
}

type Listener = () => void;
const listeners: Listener[] = [];

export function onNavigate(fn: Listener): void {
  listeners.push(fn);
}

function emit(): void {
  for (const fn of listeners) fn();
}

window.addEventListener('popstate', emit);

export function navigate(p: URLSearchParams, opts: { replace?: boolean; silent?: boolean } = {}): void {
  const q = p.toString();
  const url = `${location.pathname}${q ? `?${q}` : ''}`;
  if (url === `${location.pathname}${location.search}`) {
    if (!opts.silent) emit();
    return;
  }
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  if (!opts.silent) emit();
}

/** Set filters (page back to 0) and navigate. */
export function setFilters(f: DeskFilters, opts: { replace?: boolean; silent?: boolean } = {}): void {
  const p = filtersToParams(f, params());
  p.delete('page');
  navigate(p, opts);
}

/** Open a view, keeping the filters. */
export function openView(view: View, extra: Record<string, string | null> = {}): void {
  const p = params();
  for (const k of ['view', 'id', 'event', 'queue']) p.delete(k);
  if (view !== 'desk') p.set('view', view);
  for (const [k, v] of Object.entries(extra)) if (v !== null) p.set(k, v);
  navigate(p);
}

export function setParam(k: string, v: string | null, opts: { replace?: boolean } = {}): void {
  const p = params();
  if (v === null) p.delete(k);
  else p.set(k, v);
  navigate(p, opts);
}

/** The article an event id belongs to: event ids are `<article id><separator><local id>`. */
export function articleOfEvent(eventId: string): string {
  const m = eventId.match(/^sha256:[0-9a-f]+/);
  if (m) return m[0];
  return eventId.slice(0, Math.max(eventId.lastIndexOf('/'), eventId.lastIndexOf(':')));
}
