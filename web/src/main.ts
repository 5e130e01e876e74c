/**
 * The analyst's desk. Plain TypeScript and the DOM, no framework: the views are few, and writing
 * every article character through text nodes (see dom.ts) keeps the safety argument one file long.
 */
import './style.css';
import { analyst, get, setAnalyst } from './api.js';
import { renderAudit } from './audit.js';
import { announce, h } from './dom.js';
import { renderArticle } from './evidence.js';
import { renderFilters } from './filters-form.js';
import { renderIncident } from './incident.js';
import { renderIngest } from './ingest.js';
import { invalidateMapSize, mountMap } from './map.js';
import { currentView, navigate, onNavigate, params, type View } from './state.js';
import { renderTable } from './table.js';
import { mountTimeline, refreshTimeline, resizeTimeline } from './timeline.js';

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
const mapPanel = h('section', { class: 'panel map-panel', 'aria-label': 'Map' });
const timelinePanel = h('section', { class: 'panel timeline-panel', 'aria-label': 'Timeline' });
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
    const jobs = [
      mountMap(mapPanel, () => {
        void renderTable(tablePanel);
        void refreshTimeline();
      }),
      mountTimeline(timelinePanel),
      renderTable(tablePanel),
    ];
    invalidateMapSize();
    if (firstPaint) {
      firstPaint = false;
      await Promise.all(jobs);
      performance.mark('desk-ready');
      document.body.dataset.ready = '1';
    }
    return;
  }
  firstPaint = false;
  document.body.dataset.ready = '1';
  otherView.className = `other view-${view}`;
  if (view === 'article') await renderArticle(otherView);
  else if (view === 'incident') await renderIncident(otherView);
  else if (view === 'ingest') renderIngest(otherView);
  else if (view === 'audit') await renderAudit(otherView);
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
    invalidateMapSize();
    resizeTimeline();
  }, 150);
});
void render();
