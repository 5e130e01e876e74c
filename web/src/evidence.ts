/**
 * The evidence view of one article: its text with every coded span highlighted by kind, each event
 * record beside it with fields that point back at their words, source chains of the claims, and the
 * review actions (accept, reject, edit a field with the span picker).
 *
 * Safety: the article text is written as text nodes only (never innerHTML), so markup in an article
 * is shown as the characters it is and never runs.
 */
import { filtersToParams } from '../../src/desk/filters.js';
import { FACTUALITIES, PLOVER_TYPES } from '../../src/model/vocab.js';
import { get, post } from './api.js';
import { typeColor } from './colors.js';
import { announce, h, replace } from './dom.js';
import { currentFilters, openView, params } from './state.js';
import type {
  Claim,
  EventRecord,
  ReviewMark,
  SitrepRecord,
  StoredArticle,
  StoredEvent,
  TablePage,
} from './types.js';

interface ArticleResponse {
  article: Omit<StoredArticle, 'text'>;
  record: SitrepRecord;
  events: StoredEvent[];
}

export type SpanKind = 'place' | 'time' | 'actor' | 'trigger' | 'quantity' | 'claim' | 'source' | 'cue';
const KIND_LABEL: Record<SpanKind, string> = {
  place: 'places',
  time: 'times',
  actor: 'actors',
  trigger: 'triggers',
  quantity: 'quantities',
  claim: 'claims (quoted content)',
  source: 'claim sources',
  cue: 'attribution cues',
};

interface Mark {
  start: number;
  end: number;
  kind: SpanKind;
  key: string;
  label: string;
}

const FACTS: readonly string[] = FACTUALITIES;
const TYPES: readonly string[] = PLOVER_TYPES;

function collectMarks(rec: SitrepRecord): Mark[] {
  const out: Mark[] = [];
  const placeMentions = new Set(rec.places.map((p) => p.mention));
  for (const p of rec.places)
    out.push({
      start: p.start,
      end: p.end,
      kind: 'place',
      key: `place:${p.mention}`,
      label: `place “${p.text}” → ${p.name ?? '?'}${p.country ? `, ${p.country}` : ''} (${p.precision})`,
    });
  for (const m of rec.mentions) {
    if (m.kind === 'place' || m.kind === 'demonym') {
      if (!placeMentions.has(m.id))
        out.push({
          start: m.start,
          end: m.end,
          kind: 'place',
          key: `mention:${m.id}`,
          label: `place “${m.text}” (unresolved)`,
        });
      continue;
    }
    out.push({
      start: m.start,
      end: m.end,
      kind: 'actor',
      key: `mention:${m.id}`,
      label: `${m.kind} “${m.text}”`,
    });
  }
  for (const t of rec.times)
    out.push({
      start: t.start,
      end: t.end,
      kind: 'time',
      key: `time:${t.id}`,
      label: `time “${t.text}” = ${t.value}${t.interval ? ` (${t.interval[0]} … ${t.interval[1]})` : ''}`,
    });
  for (const q of rec.quantities)
    out.push({
      start: q.start,
      end: q.end,
      kind: 'quantity',
      key: `qty:${q.id}`,
      label: `${q.kind} = ${q.value}${q.vague ? ' (vague)' : ''}`,
    });
  for (const c of rec.claims) {
    for (const s of c.content)
      out.push({
        start: s.start,
        end: s.end,
        kind: 'claim',
        key: `claim:${c.id}`,
        label: `claim ${c.id} (${c.stance}) by “${c.source.text}”`,
      });
    out.push({
      start: c.source.start,
      end: c.source.end,
      kind: 'source',
      key: `claim:${c.id}:source`,
      label: `source of claim ${c.id}: ${c.source.kind}`,
    });
    out.push({
      start: c.cue.start,
      end: c.cue.end,
      kind: 'cue',
      key: `claim:${c.id}:cue`,
      label: `attribution cue “${c.cue.text}”`,
    });
  }
  for (const e of rec.events) {
    out.push({
      start: e.trigger.start,
      end: e.trigger.end,
      kind: 'trigger',
      key: `ev:${e.id}:trigger`,
      label: `trigger of ${e.type} (${e.id})`,
    });
    e.actors.forEach((a, i) => {
      out.push({
        start: a.start,
        end: a.end,
        kind: 'actor',
        key: `ev:${e.id}:actor:${i}`,
        label: `actor of ${e.id}`,
      });
    });
    e.recipients.forEach((a, i) => {
      out.push({
        start: a.start,
        end: a.end,
        kind: 'actor',
        key: `ev:${e.id}:recipient:${i}`,
        label: `recipient of ${e.id}`,
      });
    });
    e.quantities.forEach((q, i) => {
      out.push({
        start: q.start,
        end: q.end,
        kind: 'quantity',
        key: `ev:${e.id}:qty:${i}`,
        label: `${q.kind} ${q.value} in ${e.id}`,
      });
    });
  }
  return out.filter((m) => m.start >= 0 && m.end <= rec.text.length && m.start < m.end);
}

/** The article text as segments; each covered segment is a <span> listing its marks. Text nodes only. */
function renderText(
  text: string,
  marks: Mark[],
  byKey: Map<string, HTMLElement[]>,
  labels: Map<string, string>,
) {
  const root = h('div', { class: 'article-text', id: 'article-text', lang: 'en' });
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
    labels.set(m.key, m.label);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: marks sorted by start; active set updated at each cut.
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  let next = 0;
  let active: Mark[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i];
    const e = points[i + 1];
    active = active.filter((m) => m.end > s);
    while (next < sorted.length && sorted[next].start <= s) {
      if (sorted[next].end > s) active.push(sorted[next]);
      next++;
    }
    const piece = text.slice(s, e);
    if (!active.length) {
      root.appendChild(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(active.map((m) => m.kind))];
    const el = h(
      'span',
      {
        class: ['ev', ...kinds.map((k) => `k-${k}`)].join(' '),
        'data-keys': active.map((m) => m.key).join(' '),
      },
      piece,
    );
    for (const m of active) {
      const l = byKey.get(m.key);
      if (l) l.push(el);
      else byKey.set(m.key, [el]);
    }
    root.appendChild(el);
  }
  return root;
}

/** Character offset of a DOM position inside the text root (its text content is the article text). */
function offsetIn(root: HTMLElement, node: Node, off: number): number {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, off);
  return r.toString().length;
}

export function selectionSpan(root: HTMLElement): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  if (!root.contains(r.startContainer) || !root.contains(r.endContainer)) return null;
  const start = offsetIn(root, r.startContainer, r.startOffset);
  const end = offsetIn(root, r.endContainer, r.endOffset);
  return start < end ? { start, end } : null;
}

function claimChain(rec: SitrepRecord, c: Claim): string {
  const byId = new Map(rec.claims.map((x) => [x.id, x]));
  const parts: string[] = [];
  const teller = rec.article.credit ?? rec.article.outlet;
  if (teller) parts.push(teller);
  let cur: Claim | undefined = c;
  const seen = new Set<string>();
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    parts.push(cur.source.kind === 'anonymous' ? `${cur.source.text} (anonymous)` : cur.source.text);
    cur = cur.via ? byId.get(cur.via) : undefined;
  }
  return parts.join(' ← ');
}

let focused: HTMLElement[] = [];
function focusKeys(keys: string[], byKey: Map<string, HTMLElement[]>, scroll = true): number {
  for (const el of focused) el.classList.remove('focus');
  focused = keys.flatMap((k) => byKey.get(k) ?? []);
  for (const el of focused) el.classList.add('focus');
  if (scroll && focused[0])
    focused[0].scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  return focused.length;
}

function eventKeys(e: EventRecord, field?: string): string[] {
  const keys: string[] = [];
  const want = (f: string) => !field || field === f;
  if (want('trigger')) keys.push(`ev:${e.id}:trigger`);
  if (want('actors')) for (let i = 0; i < e.actors.length; i++) keys.push(`ev:${e.id}:actor:${i}`);
  if (want('recipients'))
    for (let i = 0; i < e.recipients.length; i++) keys.push(`ev:${e.id}:recipient:${i}`);
  if (want('place') && e.place) keys.push(`place:${e.place}`);
  if (want('time') && e.time) keys.push(`time:${e.time}`);
  if (want('fatalities')) for (let i = 0; i < e.quantities.length; i++) keys.push(`ev:${e.id}:qty:${i}`);
  if (want('claim') && e.claim)
    keys.push(`claim:${e.claim}`, `claim:${e.claim}:source`, `claim:${e.claim}:cue`);
  return keys;
}

async function nextInQueue(current: string): Promise<void> {
  const q = filtersToParams({ ...currentFilters(), review: 'pending' });
  q.set('pageSize', '25');
  const page = await get<TablePage>('/events', q);
  const next = page.rows.find((r) => r.id !== current);
  if (next) openView('article', { id: next.articleId, event: next.id, queue: '1' });
  else {
    openView('review');
    announce('Review queue is empty for these filters.');
  }
}

export async function renderArticle(root: HTMLElement): Promise<void> {
  const p = params();
  const id = p.get('id') ?? '';
  const focusEvent = p.get('event');
  const queue = p.get('queue') === '1';
  replace(root, h('p', { class: 'loading' }, 'Loading article…'));
  let data: ArticleResponse;
  try {
    data = await get<ArticleResponse>('/article', new URLSearchParams({ id }));
  } catch (e) {
    replace(
      root,
      h('p', { class: 'error', role: 'alert' }, `Could not load the article: ${(e as Error).message}`),
    );
    return;
  }
  const { record: rec, article, events } = data;
  // Stored events by their local id within the record (the store's id format is its own business).
  const stored = new Map(events.map((e) => [e.record.id, e]));
  const byKey = new Map<string, HTMLElement[]>();
  const labels = new Map<string, string>();
  const marks = collectMarks(rec);
  const textRoot = renderText(rec.text, marks, byKey, labels);
  const inspector = h(
    'div',
    { class: 'inspector', 'aria-live': 'polite' },
    'Click a highlighted span to see what was coded from it.',
  );
  textRoot.addEventListener('click', (ev) => {
    const t = (ev.target as HTMLElement).closest('.ev') as HTMLElement | null;
    if (!t) return;
    const keys = (t.dataset.keys ?? '').split(' ');
    replace(
      inspector,
      h(
        'ul',
        null,
        keys.map((k) => h('li', null, labels.get(k) ?? k)),
      ),
    );
  });

  const legend = h(
    'fieldset',
    { class: 'legend' },
    h('legend', null, 'Highlights'),
    (Object.keys(KIND_LABEL) as SpanKind[]).map((k) =>
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          checked: true,
          onchange: (e: Event) =>
            textRoot.classList.toggle(`hide-${k}`, !(e.target as HTMLInputElement).checked),
        }),
        h('span', { class: `ev k-${k} sample` }, KIND_LABEL[k]),
      ),
    ),
  );

  const cards = rec.events.map((e) => eventCard(e));
  function eventCard(e: EventRecord): HTMLElement {
    const se = stored.get(e.id);
    const sid = se?.id ?? `${article.id}:${e.id}`;
    const review = (se?.record as EventRecord & { review?: ReviewMark })?.review;
    const status = !se?.reviewed ? 'pending' : (review?.status ?? 'accepted');
    const place = e.place ? rec.places.find((x) => x.mention === e.place) : undefined;
    const time = e.time ? rec.times.find((x) => x.id === e.time) : undefined;
    const claim = e.claim ? rec.claims.find((c) => c.id === e.claim) : undefined;
    const fieldBtn = (field: string, label: string, value: string | HTMLElement) =>
      h(
        'div',
        { class: 'fieldrow' },
        h('span', { class: 'fname' }, label),
        h(
          'button',
          {
            type: 'button',
            class: 'fieldval',
            'data-field': field,
            onclick: () => {
              const n = focusKeys(eventKeys(e, field), byKey);
              announce(n ? `${label}: evidence highlighted` : `${label}: no span in the text`);
            },
          },
          value,
        ),
      );
    const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    sw.style.background = typeColor(e.type);
    const qty = e.quantities.map((q) => `${q.kind} ${q.value}${q.vague ? ' (vague)' : ''}`).join(', ');
    const card = h(
      'article',
      {
        class: `event-card rv-${status}`,
        id: `card-${e.id}`,
        'data-event': sid,
        tabindex: -1,
        'aria-label': `${e.type} event ${e.id}`,
      },
      h(
        'header',
        null,
        h(
          'button',
          { type: 'button', class: 'etype', onclick: () => focusKeys(eventKeys(e), byKey) },
          sw,
          ' ',
          e.type,
          e.mode ? ` · ${e.mode}` : '',
        ),
        h('span', { class: `badge fact-${e.factuality}` }, e.factuality),
        h('span', { class: `badge rv-${status}` }, status),
      ),
      fieldBtn('trigger', 'Trigger', `“${e.trigger.text}”`),
      fieldBtn('actors', 'Actors', e.actors.map((a) => a.text).join(', ') || '—'),
      fieldBtn('recipients', 'Recipients', e.recipients.map((a) => a.text).join(', ') || '—'),
      fieldBtn(
        'place',
        'Place',
        place
          ? `${place.name ?? place.text}${place.country ? `, ${place.country}` : ''} · ${place.precision}`
          : se?.location
            ? `${se.location} · ${se.precision ?? '?'}`
            : '—',
      ),
      fieldBtn(
        'time',
        'When',
        `${e.interval ? (e.interval[0] === e.interval[1] ? e.interval[0] : `${e.interval[0]} … ${e.interval[1]}`) : '—'}${time ? ` (“${time.text}”)` : e.timePrecision === 'reported-by' ? ' (by publication)' : ''}`,
      ),
      fieldBtn('fatalities', 'Counts', qty || '—'),
      claim
        ? fieldBtn('claim', 'According to', claimChain(rec, claim))
        : fieldBtn('claim', 'Voice', 'reporter (own voice)'),
      se?.incidentId
        ? h(
            'div',
            { class: 'fieldrow' },
            h('span', { class: 'fname' }, 'Incident'),
            h(
              'button',
              { type: 'button', class: 'link', onclick: () => openView('incident', { id: se.incidentId! }) },
              `${se.incidentId.slice(0, 16)}… · open`,
            ),
          )
        : null,
      review
        ? h(
            'p',
            { class: 'muted small' },
            `${review.status} by ${review.by} at ${review.at}${review.note ? ` — ${review.note}` : ''}`,
          )
        : null,
      reviewBar(sid, e),
    );
    return card;
  }

  function reviewBar(sid: string, e: EventRecord): HTMLElement {
    const editBox = h('div', { class: 'edit-box', hidden: true });
    const act = async (action: 'accept' | 'reject' | 'reopen') => {
      try {
        await post('/review', { id: sid, action });
        announce(
          `Event ${action === 'accept' ? 'accepted' : action === 'reject' ? 'rejected' : 'reopened'}.`,
        );
        if (queue && action !== 'reopen') await nextInQueue(sid);
        else await renderArticle(root);
      } catch (err) {
        announce((err as Error).message, 'error');
      }
    };
    return h(
      'div',
      { class: 'review-bar' },
      h(
        'button',
        { type: 'button', class: 'accept', onclick: () => act('accept'), title: 'Accept (a)' },
        'Accept',
      ),
      h(
        'button',
        { type: 'button', class: 'reject', onclick: () => act('reject'), title: 'Reject (r)' },
        'Reject',
      ),
      h('button', { type: 'button', class: 'secondary', onclick: () => act('reopen') }, 'Reopen'),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary edit',
          onclick: () => {
            editBox.hidden = !editBox.hidden;
            if (!editBox.hidden) renderEdit(editBox, sid, e);
          },
        },
        'Edit field…',
      ),
      editBox,
    );
  }

  function renderEdit(box: HTMLElement, sid: string, e: EventRecord): void {
    const field = h(
      'select',
      { 'aria-label': 'Field to edit', class: 'edit-field' },
      ['type', 'factuality', 'actors', 'recipients', 'trigger', 'place', 'time', 'fatalities'].map((f) =>
        h('option', { value: f }, f),
      ),
    );
    const area = h('div', { class: 'edit-area' });
    const msg = h('p', { class: 'small', 'aria-live': 'polite' });
    let picked: { start: number; end: number }[] = [];
    const showPicked = () =>
      replace(
        msg,
        picked.length
          ? `Evidence: ${picked.map((s) => `“${rec.text.slice(s.start, s.end)}” [${s.start}–${s.end}]`).join(', ')}`
          : 'Select words in the article text, then press “Use selection” (or type the words).',
      );
    const words = h('input', { type: 'text', class: 'edit-words', placeholder: 'or type the exact words' });
    const draw = () => {
      picked = [];
      const f = field.value;
      if (f === 'type' || f === 'factuality') {
        const opts = f === 'type' ? TYPES : FACTS;
        const cur = f === 'type' ? e.type : e.factuality;
        replace(
          area,
          h(
            'select',
            { class: 'edit-value', 'aria-label': `New ${f}` },
            opts.map((o) => h('option', { value: o, selected: o === cur }, o)),
          ),
        );
        replace(msg, '');
        return;
      }
      replace(
        area,
        h(
          'div',
          { class: 'picker' },
          h(
            'button',
            {
              type: 'button',
              class: 'use-selection',
              onclick: () => {
                const s = selectionSpan(textRoot);
                if (!s) return announce('Select words in the article text first.', 'error');
                if (f === 'actors' || f === 'recipients') picked.push(s);
                else picked = [s];
                showPicked();
              },
            },
            'Use selection',
          ),
          words,
          h(
            'button',
            {
              type: 'button',
              class: 'find-words',
              onclick: () => {
                const w = words.value.trim();
                if (!w) return;
                // The occurrence nearest the event's trigger: the likeliest to be meant.
                let best = -1;
                for (let i = rec.text.indexOf(w); i >= 0; i = rec.text.indexOf(w, i + 1))
                  if (best < 0 || Math.abs(i - e.trigger.start) < Math.abs(best - e.trigger.start)) best = i;
                if (best < 0) return announce(`“${w}” is not in the article text.`, 'error');
                const s = { start: best, end: best + w.length };
                if (f === 'actors' || f === 'recipients') picked.push(s);
                else picked = [s];
                showPicked();
              },
            },
            'Find',
          ),
          f === 'time' ? h('input', { type: 'date', class: 'edit-date', 'aria-label': 'or a date' }) : null,
          f === 'fatalities'
            ? h('input', { type: 'number', min: 0, class: 'edit-number', 'aria-label': 'or a number' })
            : null,
        ),
      );
      showPicked();
    };
    field.addEventListener('change', draw);
    const note = h('input', {
      type: 'text',
      class: 'edit-note',
      placeholder: 'note (optional)',
      maxlength: 500,
    });
    const save = async () => {
      const f = field.value;
      const body: Record<string, unknown> = { id: sid, field: f, note: note.value };
      if (f === 'type' || f === 'factuality')
        body.value = (area.querySelector('.edit-value') as HTMLSelectElement).value;
      else if (picked.length) body.spans = picked;
      else {
        const d = (area.querySelector('.edit-date') as HTMLInputElement | null)?.value;
        const n = (area.querySelector('.edit-number') as HTMLInputElement | null)?.value;
        if (f === 'time' && d) body.value = d;
        else if (f === 'fatalities' && n) body.value = Number(n);
        else return announce('Pick the evidence first.', 'error');
      }
      try {
        await post('/edit', body);
        announce(`Saved ${f}.`);
        await renderArticle(root);
      } catch (err) {
        announce((err as Error).message, 'error');
      }
    };
    replace(
      box,
      h('div', { class: 'row' }, field, area),
      msg,
      h(
        'div',
        { class: 'row' },
        note,
        h('button', { type: 'button', class: 'save', onclick: save }, 'Save'),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => {
              box.hidden = true;
            },
          },
          'Cancel',
        ),
      ),
    );
    draw();
  }

  const claimList = rec.claims.length
    ? h(
        'section',
        { class: 'claims', 'aria-label': 'Claims and sources' },
        h('h3', null, 'Claims and their sources'),
        h(
          'ul',
          null,
          rec.claims.map((c) =>
            h(
              'li',
              { id: `claim-${c.id}` },
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  onclick: () =>
                    focusKeys([`claim:${c.id}`, `claim:${c.id}:source`, `claim:${c.id}:cue`], byKey),
                },
                claimChain(rec, c),
              ),
              ' ',
              h('span', { class: `badge stance-${c.stance}` }, c.stance),
              c.direct ? h('span', { class: 'badge' }, 'quote') : null,
              c.addressee ? h('span', { class: 'muted small' }, ` told ${c.addressee.text}`) : null,
              (c.confirms ?? []).map((x) => [
                ' ',
                h(
                  'button',
                  { type: 'button', class: 'link confirm', onclick: () => focusKeys([`claim:${x}`], byKey) },
                  `confirms ${x}`,
                ),
              ]),
              (c.denies ?? []).map((x) => [
                ' ',
                h(
                  'button',
                  { type: 'button', class: 'link deny', onclick: () => focusKeys([`claim:${x}`], byKey) },
                  `denies ${x}`,
                ),
              ]),
            ),
          ),
        ),
      )
    : null;

  const url = article.url && /^https?:\/\//i.test(article.url) ? article.url : null;
  replace(
    root,
    h(
      'div',
      { class: 'evidence' },
      h(
        'header',
        { class: 'ev-head' },
        h('button', { type: 'button', class: 'secondary back', onclick: () => history.back() }, '← Back'),
        h('h2', null, article.title ?? '(untitled article)'),
        h(
          'p',
          { class: 'meta' },
          [
            article.outlet,
            article.credit ? `credited to ${article.credit}` : null,
            article.published ? `published ${article.published}` : null,
          ]
            .filter(Boolean)
            .join(' · '),
          url
            ? [
                ' · ',
                h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original'),
              ]
            : null,
          article.cluster !== article.id
            ? h('span', { class: 'muted' }, ` · near-duplicate of ${article.cluster.slice(0, 18)}…`)
            : null,
        ),
        queue
          ? h('p', { class: 'queue-hint' }, 'Review queue: a = accept, r = reject, n = skip to next.')
          : null,
      ),
      h(
        'div',
        { class: 'ev-body' },
        h('div', { class: 'ev-text' }, legend, textRoot, inspector),
        h(
          'aside',
          { class: 'ev-side' },
          h('h3', null, `${rec.events.length} event record${rec.events.length === 1 ? '' : 's'}`),
          cards,
          claimList,
        ),
      ),
    ),
  );
  if (focusEvent) {
    const local = events.find((x) => x.id === focusEvent)?.record.id ?? '';
    const ev = rec.events.find((x) => x.id === local);
    const card = document.getElementById(`card-${local}`);
    if (ev && card) {
      card.classList.add('current');
      focusKeys(eventKeys(ev), byKey, false);
      const first = byKey.get(`ev:${ev.id}:trigger`)?.[0];
      if (first)
        window.scrollTo({ top: Math.max(0, first.getBoundingClientRect().top + window.scrollY - 160) });
      // Scroll the side panel to the card (not the window): the text's focus stays in view.
      const side = card.closest('.ev-side') as HTMLElement | null;
      if (side && side.scrollHeight > side.clientHeight) side.scrollTop = card.offsetTop - side.offsetTop - 8;
      card.focus({ preventScroll: true });
    }
  }
  if (queueKeys) document.removeEventListener('keydown', queueKeys);
  queueKeys = null;
  if (queue) {
    const onKey = (ev: KeyboardEvent) => {
      if (!root.querySelector('.evidence')) return;
      const t = ev.target as HTMLElement;
      if (t.closest('input, select, textarea')) return;
      const card = root.querySelector('.event-card.current') ?? root.querySelector('.event-card');
      if (!card) return;
      if (ev.key === 'a') (card.querySelector('button.accept') as HTMLButtonElement)?.click();
      else if (ev.key === 'r') (card.querySelector('button.reject') as HTMLButtonElement)?.click();
      else if (ev.key === 'n') void nextInQueue((card as HTMLElement).dataset.event ?? '');
    };
    queueKeys = onKey;
    document.addEventListener('keydown', onKey);
  }
}

let queueKeys: ((ev: KeyboardEvent) => void) | null = null;
