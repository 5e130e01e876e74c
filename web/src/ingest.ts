/** Ingest from the browser: paste text, give a URL, or drop files; each is coded and stored, with progress. */
import { post } from './api.js';
import { announce, h, replace } from './dom.js';
import { openView } from './state.js';

interface IngestResult {
  id: string;
  status: 'inserted' | 'duplicate';
  events: number;
  title: string | null;
}

const MAX_FILE = 2 * 1024 * 1024;

export function renderIngest(root: HTMLElement): void {
  const results = h('ul', { class: 'ingest-results', 'aria-live': 'polite' });
  const bar = h('progress', { max: 1, value: 0, class: 'ingest-progress' });
  const counter = h('span', { class: 'ingest-count' }, '');
  const tally = { stored: 0, duplicate: 0, failed: 0 };
  const resultLine = (name: string, r: IngestResult | Error) =>
    r instanceof Error
      ? h('li', { class: 'failed' }, `${name}: failed — ${r.message}`)
      : h(
          'li',
          { class: r.status },
          `${name}: ${r.status === 'inserted' ? 'stored' : 'already stored'}, ${r.events} event${r.events === 1 ? '' : 's'} `,
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => openView('article', { id: r.id }) },
            'open evidence',
          ),
        );
  async function runAll(items: { name: string; body: Record<string, unknown> }[]) {
    bar.max = items.length;
    bar.value = 0;
    let done = 0;
    for (const it of items) {
      counter.textContent = `${done} / ${items.length} · coding ${it.name}…`;
      try {
        const r = await post<IngestResult>('/ingest', it.body);
        if (r.status === 'inserted') tally.stored++;
        else tally.duplicate++;
        results.prepend(resultLine(it.name, r));
      } catch (e) {
        tally.failed++;
        results.prepend(resultLine(it.name, e as Error));
      }
      done++;
      bar.value = done;
      counter.textContent = `${done} / ${items.length} done · ${tally.stored} stored, ${tally.duplicate} duplicate, ${tally.failed} failed`;
    }
    announce(
      `Ingest finished: ${tally.stored} stored, ${tally.duplicate} duplicate, ${tally.failed} failed.`,
    );
  }
  const text = h('textarea', {
    rows: 10,
    class: 'paste',
    'aria-label': 'Article text',
    placeholder: 'Paste the article text here (first line is the headline).',
  });
  const title = h('input', { type: 'text', class: 'meta-title', placeholder: 'headline (optional)' });
  const outlet = h('input', { type: 'text', class: 'meta-outlet', placeholder: 'outlet (optional)' });
  const published = h('input', { type: 'date', class: 'meta-published', 'aria-label': 'Publication date' });
  const url = h('input', {
    type: 'url',
    class: 'url',
    placeholder: 'https://…',
    'aria-label': 'Article URL',
  });
  const files = h('input', {
    type: 'file',
    multiple: true,
    accept: '.txt,.html,.htm,.md,.jsonl,text/plain,text/html',
    class: 'files',
  });
  const meta = () => ({
    title: title.value || undefined,
    outlet: outlet.value || undefined,
    published: published.value || undefined,
  });
  async function fromFiles(list: FileList | File[]) {
    const items: { name: string; body: Record<string, unknown> }[] = [];
    for (const f of Array.from(list)) {
      if (f.size > MAX_FILE) {
        results.prepend(h('li', { class: 'failed' }, `${f.name}: larger than 2 MB, skipped`));
        continue;
      }
      const content = await f.text();
      if (/\.jsonl$/i.test(f.name)) {
        content.split('\n').forEach((line, i) => {
          if (!line.trim()) return;
          try {
            const o = JSON.parse(line);
            items.push({ name: `${f.name}:${i + 1}`, body: { ...o, filename: f.name } });
          } catch {
            results.prepend(h('li', { class: 'failed' }, `${f.name}:${i + 1}: not JSON`));
          }
        });
      } else items.push({ name: f.name, body: { text: content, filename: f.name, ...meta() } });
    }
    await runAll(items);
  }
  const drop = h(
    'div',
    {
      class: 'dropzone',
      tabindex: 0,
      role: 'button',
      'aria-label': 'Drop files here or press Enter to choose files',
    },
    'Drop .txt, .html or .jsonl files here, or press to choose files',
  );
  drop.addEventListener('click', () => files.click());
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      files.click();
    }
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer?.files.length) void fromFiles(e.dataTransfer.files);
  });
  files.addEventListener('change', () => {
    if (files.files?.length) void fromFiles(files.files);
  });
  replace(
    root,
    h('h2', null, 'Ingest articles'),
    h(
      'section',
      { class: 'ingest-paste' },
      h('h3', null, 'Paste text'),
      text,
      h('div', { class: 'row' }, title, outlet, published),
      h(
        'button',
        {
          type: 'button',
          class: 'code-text',
          onclick: () => {
            if (!text.value.trim()) return announce('Paste an article first.', 'error');
            void runAll([{ name: title.value || 'pasted text', body: { text: text.value, ...meta() } }]);
          },
        },
        'Code and store',
      ),
    ),
    h(
      'section',
      null,
      h('h3', null, 'From a URL'),
      h(
        'div',
        { class: 'row' },
        url,
        h(
          'button',
          {
            type: 'button',
            class: 'code-url',
            onclick: () => {
              if (!url.value) return announce('Give a URL first.', 'error');
              void runAll([{ name: url.value, body: { url: url.value, ...meta() } }]);
            },
          },
          'Fetch, code and store',
        ),
      ),
    ),
    h('section', null, h('h3', null, 'Files'), drop, files),
    h('section', null, h('h3', null, 'Progress'), bar, ' ', counter, results),
  );
}
