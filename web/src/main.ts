/**
 * The analyst's desk. Plain TypeScript and the DOM, no framework: the views are few, and writing
 * every article character through text nodes (see dom.ts) keeps the safety argument one file long.
 */
import './style.css';
import { analyst, dropPrefetched, get, prefetch, setAnalyst } from './api.js';
import { announce, h } from './dom.js';
import { renderFilters } from './filters-form.js';
import { fitQuery, timelineQuery } from './queries.js';
import { currentView, navigate, onNavigate, params, type View } from './state.js';
import { renderTable } from './table.js';

/*
 * The map (Leaflet and the country outlines) and the timeline (uPlot) are most of the code: they
 * load as their own chunks, in parallel with the first paint's requests, so the page, filters and
 * table do not wait for them; the other views load when opened.
 */
let mapCode: Promise<typeof import('./map.js')> | null = null;
let timelineCode: Promise<typeof import('./timeline.js')> | null = null;
const loadMap = () => (mapCode ??= import('./map.js'));
const loadTimeline = () => (timelineCode ??= import('./timeline.js'));

if (currentView() === 'desk') {
  const fit = fitQuery();
  if (fit) prefetch('/map', fit);
  prefetch('/timeline', timelineQuery());
  void loadMap();
  void loadTimeline();
}

interface Stats {
  articles: number;
  events: number;
  pending: number;
}

const app = document.getElementById('app')!;
const stats = h('span', { class: 'stats', 'aria-live': 'polite' });
const who = h('input', {
  type: 'text',
  class: 'analyst',
  value: analyst(),
  placeholder: 'your name',
  'aria-label': 'Analyst name (for the audit log)',
  maxlength: 64,
});
who.addEventListener('change', () => {
  setAnalyst(who.value.trim());
  announce(
    who.value.trim() ? `Changes will be logged as ${who.value.trim()}.` : 'Changes will be logged as "desk".',
  );
});

function tab(view: View, label: string, extra: Record<string, string> = {}): HTMLElement {
  return h(
    'a',
    {
      href: '#',
      class: 'tab',
      'data-view': view,
      onclick: (e: Event) => {
        e.preventDefault();
        const p = params();
        for (const k of ['view', 'id', 'event', 'queue']) p.delete(k);
        if (view !== 'desk') p.set('view', view);
        if (view === 'desk' && p.get('review') === 'pending') p.delete('review');
        for (const [k, v] of Object.entries(extra)) p.set(k, v);
        navigate(p);
      },
    },
    label,
  );
}

const filtersBox = h('aside', { class: 'sidebar', id: 'filters' });
// Until their code arrives, the map and timeline hold their place (same sizes: no layout shift).
const mapPanel = h(
  'section',
  { class: 'panel map-panel', 'aria-label': 'Map' },
  h('div', { class: 'panel-bar' }, h('h2', null, 'Map')),
  h('div', { class: 'map-canvas' }),
);
const timelinePanel = h(
  'section',
  { class: 'panel timeline-panel', 'aria-label': 'Timeline' },
  h('div', { class: 'panel-bar' }, h('h2', null, 'Timeline')),
  h('div', { class: 'timeline-canvas' }),
);
const tablePanel = h('section', { class: 'panel table-panel', 'aria-label': 'Events table' });
const deskView = h(
  'div',
  { class: 'desk' },
  h('div', { class: 'desk-main' }, mapPanel, timelinePanel, tablePanel),
);
const otherView = h('div', { class: 'other', hidden: true });
const filterToggle = h(
  'button',
  { type: 'button', class: 'secondary filter-toggle', 'aria-expanded': 'false', 'aria-controls': 'filters' },
  'Filters',
);
filterToggle.addEventListener('click', () => {
  const open = filtersBox.classList.toggle('open');
  filterToggle.setAttribute('aria-expanded', String(open));
});

app.replaceChildren(
  h(
    'header',
    { class: 'top' },
    h('h1', null, 'sitrep', h('span', { class: 'muted' }, ' desk')),
    h(
      'nav',
      { 'aria-label': 'Views' },
      tab('desk', 'Desk'),
      tab('review', 'Review queue', { review: 'pending' }),
      tab('ingest', 'Ingest'),
      tab('audit', 'Audit log'),
    ),
    stats,
    filterToggle,
    h('label', { class: 'who' }, 'Analyst ', who),
  ),
  h('div', { id: 'status', class: 'status', role: 'status' }),
  h('main', { id: 'main', tabindex: -1 }, h('div', { class: 'layout' }, filtersBox, deskView, otherView)),
);

async function refreshStats(): Promise<void> {
  try {
    const s = await get<Stats>('/stats');
    stats.textContent = `${s.articles.toLocaleString('en')} articles · ${s.events.toLocaleString('en')} events · ${s.pending.toLocaleString('en')} to review`;
  } catch {
    stats.textContent = '';
  }
}

let firstPaint = true;

async function render(): Promise<void> {
  const view = currentView();
  for (const t of document.querySelectorAll('.tab'))
    t.setAttribute('aria-current', (t as HTMLElement).dataset.view === view ? 'page' : 'false');
  const withFilters = view === 'desk' || view === 'review';
  filtersBox.hidden = !withFilters;
  filterToggle.hidden = !withFilters;
  if (withFilters) renderFilters(filtersBox);
  deskView.hidden = view !== 'desk';
  otherView.hidden = view === 'desk';
  document.title = `sitrep desk — ${view}`;
  void refreshStats();
  if (view === 'desk') {
    // Each part of the first paint marks when it is drawn (performance marks: the bench reads them).
    const first = firstPaint;
    const part = (name: string) => () => {
      if (first) performance.mark(`desk-${name}`);
    };
    // The map's or chart's code failed to load (server gone, a newer build): say so in its place.
    const failed = (panel: HTMLElement, what: string) => (e: unknown) => {
      panel.append(
        h('p', { class: 'error', role: 'alert' }, `Could not load the ${what}: ${(e as Error).message}`),
      );
    };
    const jobs = [
      loadMap()
        .then((m) => {
          const drawn = m.mountMap(mapPanel, () => {
            void renderTable(tablePanel);
            void loadTimeline().then((t) => t.refreshTimeline());
          });
          m.invalidateMapSize();
          return drawn;
        })
        .then(part('map'), failed(mapPanel, 'map')),
      loadTimeline()
        .then((t) => t.mountTimeline(timelinePanel))
        .then(part('timeline'), failed(timelinePanel, 'timeline')),
      renderTable(tablePanel).then(part('table')),
    ];
    if (firstPaint) {
      firstPaint = false;
      await Promise.all(jobs);
      dropPrefetched();
      performance.mark('desk-ready');
      document.body.dataset.ready = '1';
    }
    return;
  }
  firstPaint = false;
  dropPrefetched();
  document.body.dataset.ready = '1';
  otherView.className = `other view-${view}`;
  if (view === 'article') await (await import('./evidence.js')).renderArticle(otherView);
  else if (view === 'incident') await (await import('./incident.js')).renderIncident(otherView);
  else if (view === 'ingest') (await import('./ingest.js')).renderIngest(otherView);
  else if (view === 'audit') await (await import('./audit.js')).renderAudit(otherView);
  else if (view === 'review') {
    const box = h('div', { class: 'panel table-panel' });
    otherView.replaceChildren(
      h('h2', null, 'Review queue'),
      h(
        'p',
        { class: 'muted' },
        'Machine-coded events awaiting review, with the filters on the left. Open one (Enter), then a = accept, r = reject, n = next.',
      ),
      box,
    );
    await renderTable(box, true);
  }
}

onNavigate(() => void render());
let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => {
    void mapCode?.then((m) => m.invalidateMapSize());
    void timelineCode?.then((t) => t.resizeTimeline());
  }, 150);
});
void render();
