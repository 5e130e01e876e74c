/** The audit log: who changed what, when (analyst actions by default). */
import { get } from './api.js';
import { h, replace } from './dom.js';
import { articleOfEvent, openView } from './state.js';
import type { AuditRow } from './types.js';

function detailText(d: unknown): string {
  if (d === null || d === undefined) return '';
  if (typeof d !== 'object') return String(d);
  const o = d as Record<string, unknown>;
  if ('field' in o)
    return `${o.field}: ${JSON.stringify(o.before)} → ${JSON.stringify(o.after)}${o.note ? ` — ${o.note}` : ''}`;
  if ('before' in o && 'after' in o) return `${o.before} → ${o.after}${o.note ? ` — ${o.note}` : ''}`;
  return JSON.stringify(d).slice(0, 300);
}

export async function renderAudit(root: HTMLElement): Promise<void> {
  replace(root, h('p', { class: 'loading' }, 'Loading audit log…'));
  let rows: AuditRow[];
  try {
    rows = await get<AuditRow[]>('/audit', new URLSearchParams({ limit: '200' }));
  } catch (e) {
    replace(root, h('p', { class: 'error', role: 'alert' }, (e as Error).message));
    return;
  }
  replace(
    root,
    h('h2', null, 'Audit log'),
    h(
      'p',
      { class: 'muted' },
      'Analyst actions, newest first. Every review, edit, merge and split is recorded with who, when and what.',
    ),
    h(
      'table',
      { class: 'events audit' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['When', 'Who', 'Action', 'Record', 'What'].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((r) =>
          h(
            'tr',
            null,
            h('td', { class: 'nowrap' }, r.at.replace('T', ' ').slice(0, 19)),
            h('td', null, r.actor),
            h('td', null, r.action),
            h(
              'td',
              null,
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  onclick: () =>
                    r.kind === 'incident'
                      ? openView('incident', { id: r.target })
                      : r.kind === 'event'
                        ? openView('article', {
                            id: articleOfEvent(r.target),
                            event: r.target,
                          })
                        : openView('article', { id: r.target }),
                },
                r.target.length > 40 ? `…${r.target.slice(-28)}` : r.target,
              ),
            ),
            h('td', null, detailText(r.detail)),
          ),
        ),
      ),
    ),
    rows.length ? null : h('p', { class: 'empty' }, 'No analyst actions yet.'),
  );
}
