/** The filter sidebar: every API filter, applied on change, mirrored from and into the URL. */
import { type DeskFilters, FACTUALITIES, PLOVER_TYPES, PRECISIONS } from '../../src/desk/filters.js';
import { typeColor } from './colors.js';
import { h } from './dom.js';
import { currentFilters, setFilters } from './state.js';

function field(label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h(
    'label',
    { class: 'field' },
    h('span', { class: 'label' }, label),
    input,
    hint ? h('small', null, hint) : null,
  );
}

function checks(name: string, values: readonly string[], selected: string[] | undefined, swatch = false) {
  return h(
    'fieldset',
    { class: `checks ${name}` },
    h('legend', null, name === 'type' ? 'Event type' : name[0].toUpperCase() + name.slice(1)),
    values.map((v) =>
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'checkbox', name, value: v, checked: !!selected?.includes(v) }),
        swatch ? h('span', { class: `swatch t-${v}`, 'aria-hidden': 'true' }) : null,
        v.toLowerCase(),
      ),
    ),
  );
}

export function renderFilters(root: HTMLElement): void {
  const f = currentFilters();
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filters' },
    field(
      'Full text',
      h('input', { type: 'search', name: 'q', value: f.q ?? '', placeholder: 'words in the article' }),
    ),
    field('From', h('input', { type: 'date', name: 'from', value: f.from ?? '' })),
    field('To', h('input', { type: 'date', name: 'to', value: f.to ?? '' })),
    field(
      'Actor',
      h('input', { type: 'text', name: 'actor', value: f.actor ?? '', placeholder: 'name contains' }),
    ),
    field(
      'Source',
      h('input', { type: 'text', name: 'source', value: f.source ?? '', placeholder: 'outlet or wire' }),
    ),
    h(
      'div',
      { class: 'row2' },
      field(
        'Country',
        h('input', {
          type: 'text',
          name: 'country',
          value: f.country ?? '',
          maxlength: 2,
          placeholder: 'ISO-2',
        }),
      ),
      field('Admin1', h('input', { type: 'text', name: 'admin1', value: f.admin1 ?? '' })),
    ),
    h(
      'div',
      { class: 'row2' },
      field(
        'Min. sources',
        h('input', { type: 'number', name: 'minSources', min: 1, value: f.minSources ?? '' }),
      ),
      field(
        'Review',
        h(
          'select',
          { name: 'review' },
          h('option', { value: '' }, 'any'),
          ['pending', 'reviewed', 'rejected'].map((r) =>
            h('option', { value: r, selected: f.review === r }, r),
          ),
        ),
      ),
    ),
    checks('type', PLOVER_TYPES, f.type, true),
    checks('factuality', FACTUALITIES, f.factuality),
    checks('precision', PRECISIONS, f.precision),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'submit' }, 'Apply'),
      h('button', { type: 'reset', class: 'secondary' }, 'Clear'),
    ),
  );
  form.querySelectorAll<HTMLElement>('.swatch').forEach((s) => {
    const t = [...s.classList].find((c) => c.startsWith('t-'))?.slice(2) ?? '';
    s.style.background = typeColor(t);
  });
  // The map may have moved since the form was drawn: take its bbox from the URL at apply time.
  const apply = () => setFilters(readForm(form, currentFilters()));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  form.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.type === 'checkbox' || t.tagName === 'SELECT' || t.type === 'date') apply();
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    const bbox = currentFilters().bbox;
    setFilters(bbox ? { bbox } : {});
  });
  root.replaceChildren(form);
}

function readForm(form: HTMLFormElement, prev: DeskFilters): DeskFilters {
  const d = new FormData(form);
  const s = (k: string) => {
    const v = d.get(k);
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const all = (k: string) => d.getAll(k).map(String);
  const ms = Number(s('minSources'));
  const review = s('review');
  const country = s('country');
  return {
    ...(prev.bbox ? { bbox: prev.bbox } : {}),
    from: s('from'),
    to: s('to'),
    q: s('q'),
    actor: s('actor'),
    source: s('source'),
    country: country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : undefined,
    admin1: s('admin1'),
    minSources: Number.isInteger(ms) && ms > 1 ? ms : undefined,
    review: review as DeskFilters['review'],
    type: all('type'),
    factuality: all('factuality'),
    precision: all('precision'),
  };
}
