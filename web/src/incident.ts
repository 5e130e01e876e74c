/**
 * One incident: every contributing article and event, each field's values per independent source
 * (disagreements flagged, never averaged), why the events were merged, and merge/split actions.
 */
import { get, post } from './api.js';
import { typeColor } from './colors.js';
import { announce, h, replace } from './dom.js';
import { openView, params } from './state.js';
import type { FieldValue, Incident, StoredArticle, StoredEvent } from './types.js';

interface IncidentResponse {
  incident: Incident;
  events: StoredEvent[];
  articles: Omit<StoredArticle, 'text'>[];
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map(show).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export async function renderIncident(root: HTMLElement): Promise<void> {
  const id = params().get('id') ?? '';
  replace(root, h('p', { class: 'loading' }, 'Loading incident…'));
  let data: IncidentResponse;
  try {
    data = await get<IncidentResponse>('/incident', new URLSearchParams({ id }));
  } catch (e) {
    replace(
      root,
      h('p', { class: 'error', role: 'alert' }, `Could not load the incident: ${(e as Error).message}`),
    );
    return;
  }
  const { incident: inc, events, articles } = data;
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const sourceName = (key: string) => {
    const a = articles.find((x) => x.sourceKey === key);
    return a ? (a.credit ?? a.outlet ?? key) : key.replace(/^(wire|outlet):/, '');
  };
  const fieldRows = Object.entries(inc.fields).map(([name, values]: [string, FieldValue[]]) => {
    const disagree = values.length > 1;
    return h(
      'tr',
      { class: disagree ? 'disagree' : '' },
      h(
        'th',
        { scope: 'row' },
        name,
        disagree ? h('span', { class: 'badge warn', title: 'sources disagree' }, 'disagree') : null,
      ),
      h(
        'td',
        null,
        values.length === 0
          ? h('span', { class: 'muted' }, 'not coded by any source')
          : h(
              'ul',
              { class: 'values' },
              values.map((v, i) =>
                h(
                  'li',
                  { class: i === 0 ? 'best' : '' },
                  h('strong', null, show(v.value)),
                  ` — per ${v.sources.map(sourceName).join(', ')}`,
                  h(
                    'span',
                    { class: 'muted small' },
                    ` (${v.sources.length} source${v.sources.length === 1 ? '' : 's'}, ${v.events.length} report${v.events.length === 1 ? '' : 's'})`,
                  ),
                ),
              ),
            ),
      ),
    );
  });
  const picks = new Set<string>();
  const mergeInput = h('input', {
    type: 'text',
    class: 'merge-ids',
    placeholder: 'other incident id(s), comma separated',
  });
  const reason = h('input', {
    type: 'text',
    class: 'reason',
    placeholder: 'reason (for the audit log)',
    maxlength: 500,
  });
  const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  sw.style.background = typeColor(inc.type);
  replace(
    root,
    h(
      'div',
      { class: 'incident' },
      h(
        'header',
        { class: 'ev-head' },
        h('button', { type: 'button', class: 'secondary back', onclick: () => history.back() }, '← Back'),
        h(
          'h2',
          null,
          sw,
          ' ',
          `${inc.type} · ${inc.location ?? 'unlocated'} · ${inc.dateStart ?? '?'}${inc.dateEnd && inc.dateEnd !== inc.dateStart ? ` – ${inc.dateEnd}` : ''}`,
        ),
        h(
          'p',
          { class: 'meta' },
          `${inc.sources} independent source${inc.sources === 1 ? '' : 's'} · ${inc.events.length} event records · ${inc.articles.length} articles · `,
          h('code', null, inc.id),
          inc.locked ? h('span', { class: 'badge' }, 'analyst-locked') : null,
        ),
      ),
      h(
        'section',
        null,
        h('h3', null, 'Values by source'),
        h('table', { class: 'fields' }, h('tbody', null, fieldRows)),
      ),
      h(
        'section',
        null,
        h('h3', null, 'Contributing reports'),
        h(
          'table',
          { class: 'events' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['', 'Article', 'Source', 'Type', 'Date', 'Place', 'Dead', 'Review'].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            events.map((e) => {
              const a = articleById.get(e.articleId);
              const box = h('input', { type: 'checkbox', 'aria-label': `select ${e.id}`, class: 'pick' });
              box.addEventListener('change', () => (box.checked ? picks.add(e.id) : picks.delete(e.id)));
              return h(
                'tr',
                null,
                h('td', null, box),
                h(
                  'td',
                  null,
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'link',
                      onclick: () => openView('article', { id: e.articleId, event: e.id }),
                    },
                    a?.title ?? e.articleId.slice(0, 20),
                  ),
                ),
                h(
                  'td',
                  null,
                  a ? [a.outlet, a.credit ? `(${a.credit})` : null].filter(Boolean).join(' ') : '',
                ),
                h('td', null, e.type),
                h('td', null, e.dateStart ?? ''),
                h('td', null, e.location ?? '', e.precision ? ` · ${e.precision}` : ''),
                h('td', { class: 'num' }, e.fatalities ?? ''),
                h('td', null, e.reviewed ? 'reviewed' : 'pending'),
              );
            }),
          ),
        ),
      ),
      h(
        'section',
        { class: 'actions' },
        h('h3', null, 'Analyst actions'),
        h('div', { class: 'row' }, reason),
        h(
          'div',
          { class: 'row' },
          h(
            'button',
            {
              type: 'button',
              class: 'split',
              onclick: async () => {
                if (!picks.size) return announce('Tick the reports to move into a new incident.', 'error');
                try {
                  const out = await post<Incident>('/incidents/split', {
                    id: inc.id,
                    events: [...picks],
                    reason: reason.value,
                  });
                  announce(`Split: new incident ${out.id}.`);
                  await renderIncident(root);
                } catch (e) {
                  announce((e as Error).message, 'error');
                }
              },
            },
            'Split ticked reports into a new incident',
          ),
        ),
        h(
          'div',
          { class: 'row' },
          mergeInput,
          h(
            'button',
            {
              type: 'button',
              class: 'merge',
              onclick: async () => {
                const others = mergeInput.value
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean);
                if (!others.length) return announce('Give the id of the incident to merge in.', 'error');
                try {
                  await post<Incident>('/incidents/merge', {
                    ids: [inc.id, ...others],
                    reason: reason.value,
                  });
                  announce('Merged.');
                  await renderIncident(root);
                } catch (e) {
                  announce((e as Error).message, 'error');
                }
              },
            },
            'Merge into this incident',
          ),
        ),
      ),
      h(
        'section',
        null,
        h('h3', null, 'Why these reports were merged'),
        h(
          'ul',
          { class: 'audit-lines' },
          inc.audit.map((l) => h('li', null, l)),
        ),
      ),
    ),
  );
}
