/** The event table: the API's filters, sortable columns, pages, and an export of exactly what is shown. */
import { filtersToParams, PAGE_SIZES, type SortColumn } from '../../src/desk/filters.js';
import { get } from './api.js';
import { typeColor } from './colors.js';
import { h, replace } from './dom.js';
import { currentFilters, currentOrder, navigate, openView, params } from './state.js';
import type { DeskRow, TablePage } from './types.js';

const COLUMNS: { key: string; label: string; sort?: SortColumn; cls?: string }[] = [
  { key: 'date', label: 'Date', sort: 'date' },
  { key: 'type', label: 'Type', sort: 'type' },
  { key: 'who', label: 'Actors → recipients' },
  { key: 'place', label: 'Place', sort: 'location' },
  { key: 'country', label: 'Ctry', sort: 'country' },
  { key: 'dead', label: 'Dead', sort: 'fatalities', cls: 'num' },
  { key: 'src', label: 'Srcs', sort: 'sources', cls: 'num' },
  { key: 'fact', label: 'Factuality' },
  { key: 'outlet', label: 'Outlet', sort: 'outlet' },
  { key: 'review', label: 'Review' },
];

function dateText(r: DeskRow): string {
  if (!r.dateStart) return '—';
  return r.dateEnd && r.dateEnd !== r.dateStart ? `${r.dateStart} – ${r.dateEnd}` : r.dateStart;
}

function placeCell(r: DeskRow): HTMLElement {
  if (!r.location) return h('span', { class: 'muted' }, 'unlocated');
  return h(
    'span',
    null,
    r.location,
    ' ',
    h(
      'span',
      { class: `prec prec-${r.precision ?? 'unresolved'}`, title: 'place precision' },
      r.precision ?? '?',
    ),
  );
}

export function openRow(r: DeskRow, queue = false): void {
  openView('article', { id: r.articleId, event: r.id, queue: queue ? '1' : null });
}

function row(r: DeskRow, queue: boolean): HTMLTableRowElement {
  const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  sw.style.background = typeColor(r.type);
  const tr = h(
    'tr',
    {
      tabindex: 0,
      'data-id': r.id,
      class: `review-${r.review}`,
      onclick: () => openRow(r, queue),
      onkeydown: (e: Event) => {
        const k = (e as KeyboardEvent).key;
        if (k === 'Enter') openRow(r, queue);
        else if (k === 'ArrowDown')
          ((e.currentTarget as HTMLElement).nextElementSibling as HTMLElement | null)?.focus();
        else if (k === 'ArrowUp')
          ((e.currentTarget as HTMLElement).previousElementSibling as HTMLElement | null)?.focus();
        else return;
        e.preventDefault();
      },
    },
    h('td', { class: 'nowrap' }, dateText(r)),
    h('td', { class: 'nowrap' }, sw, ' ', r.type),
    h(
      'td',
      { class: 'who' },
      r.actors.length ? r.actors.join(', ') : h('span', { class: 'muted' }, '—'),
      r.recipients.length ? [' → ', r.recipients.join(', ')] : null,
    ),
    h('td', null, placeCell(r)),
    h('td', null, r.country ?? ''),
    h('td', { class: 'num' }, r.fatalities ?? ''),
    h('td', { class: 'num' }, r.sources),
    h('td', null, r.factuality),
    h('td', null, r.outlet ?? r.credit ?? ''),
    h('td', null, h('span', { class: `badge rv-${r.review}` }, r.review)),
  );
  return tr;
}

let controller: AbortController | null = null;

/** Render the table for the current URL; `queue` opens records in review mode. */
export async function renderTable(root: HTMLElement, queue = false): Promise<TablePage | null> {
  const p = params();
  const f = currentFilters(p);
  const o = currentOrder(p);
  const q = filtersToParams(f);
  q.set('sort', o.sort);
  q.set('dir', o.dir);
  q.set('page', String(o.page));
  q.set('pageSize', String(o.pageSize));
  controller?.abort();
  controller = new AbortController();
  let data: TablePage;
  try {
    data = await get<TablePage>('/events', q, controller.signal);
  } catch (e) {
    if ((e as Error).name === 'AbortError') return null;
    replace(
      root,
      h('p', { class: 'error', role: 'alert' }, `Could not load events: ${(e as Error).message}`),
    );
    return null;
  }
  const sortBy = (col: SortColumn) => {
    const np = params();
    const dir = o.sort === col && o.dir === 'desc' ? 'asc' : 'desc';
    np.set('sort', col);
    np.set('dir', dir);
    np.delete('page');
    navigate(np);
  };
  const head = h(
    'tr',
    null,
    COLUMNS.map((c) =>
      h(
        'th',
        {
          scope: 'col',
          class: c.cls,
          'aria-sort': c.sort && o.sort === c.sort ? (o.dir === 'asc' ? 'ascending' : 'descending') : null,
        },
        c.sort
          ? h(
              'button',
              { type: 'button', class: 'sort', onclick: () => sortBy(c.sort!) },
              c.label,
              o.sort === c.sort ? (o.dir === 'asc' ? ' ▲' : ' ▼') : '',
            )
          : c.label,
      ),
    ),
  );
  const first = data.total ? data.page * data.pageSize + 1 : 0;
  const last = Math.min(data.total, (data.page + 1) * data.pageSize);
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const goPage = (n: number) => {
    const np = params();
    if (n) np.set('page', String(n));
    else np.delete('page');
    navigate(np);
  };
  const exportQ = new URLSearchParams(q);
  exportQ.delete('page');
  exportQ.delete('pageSize');
  const fmt = h(
    'select',
    { 'aria-label': 'Export format', class: 'export-format' },
    h('option', { value: 'csv' }, 'CSV'),
    h('option', { value: 'geojson' }, 'GeoJSON'),
    h('option', { value: 'jsonl' }, 'JSON Lines'),
  );
  const reviewedOnly = h('input', { type: 'checkbox', class: 'export-reviewed' });
  const exportLink = h('a', { class: 'button export', download: '' }, 'Export');
  const setHref = () => {
    const eq = new URLSearchParams(exportQ);
    eq.set('format', fmt.value);
    if (reviewedOnly.checked) eq.set('review', 'reviewed');
    exportLink.setAttribute('href', `/desk/api/export?${eq}`);
    exportLink.setAttribute('download', `sitrep-events.${fmt.value}`);
  };
  fmt.addEventListener('change', setHref);
  reviewedOnly.addEventListener('change', setHref);
  setHref();
  const size = h(
    'select',
    {
      'aria-label': 'Rows per page',
      onchange: (e: Event) => {
        const np = params();
        np.set('pageSize', (e.target as HTMLSelectElement).value);
        np.delete('page');
        navigate(np);
      },
    },
    PAGE_SIZES.map((n) => h('option', { value: n, selected: n === o.pageSize }, `${n} rows`)),
  );
  replace(
    root,
    h(
      'div',
      { class: 'table-bar' },
      h(
        'span',
        { class: 'count', 'aria-live': 'polite' },
        `${first}–${last} of ${data.total.toLocaleString('en')} events`,
      ),
      h(
        'span',
        { class: 'pager' },
        h(
          'button',
          { type: 'button', disabled: data.page === 0, onclick: () => goPage(data.page - 1) },
          '‹ Prev',
        ),
        h('span', null, ` page ${data.page + 1} / ${pages} `),
        h(
          'button',
          { type: 'button', disabled: data.page + 1 >= pages, onclick: () => goPage(data.page + 1) },
          'Next ›',
        ),
        size,
      ),
      h(
        'span',
        { class: 'export-box' },
        fmt,
        h('label', { class: 'check' }, reviewedOnly, 'reviewed only'),
        exportLink,
      ),
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'events' },
        h('caption', { class: 'sr-only' }, 'Events matching the filters'),
        h('thead', null, head),
        h(
          'tbody',
          null,
          data.rows.map((r) => row(r, queue)),
        ),
      ),
      data.rows.length ? null : h('p', { class: 'empty' }, 'No events match these filters.'),
    ),
  );
  return data;
}
