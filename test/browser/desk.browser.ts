/**
 * End-to-end tests of the analyst's desk in headless Chromium over real HTTP and a real SQLite
 * store coded from the test corpus. Run with `npm run test:browser` (needs `npm run build` first and
 * Debian's chromium). Screenshots of the main views go to artifacts/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launch, type Session, shot } from './browser.js';
import { XSS_MARK } from './corpus.js';
import { type RunningDesk, startDesk } from './harness.js';

let desk: RunningDesk;
let s: Session;
let page: Page;

async function api<T>(path: string): Promise<T> {
  const r = await fetch(`${desk.url}/desk/api${path}`);
  assert.equal(r.status, 200, `${path}: ${r.status}`);
  return (await r.json()) as T;
}

async function tableCount(): Promise<number> {
  const t = (await page.textContent('.table-bar .count')) ?? '';
  const m = t.match(/of ([\d,]+) events/);
  assert.ok(m, `count text: ${t}`);
  return Number(m[1].replace(/,/g, ''));
}

async function waitCount(expected: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      new RegExp(`of ${n.toLocaleString('en')} events`).test(
        document.querySelector('.table-bar .count')?.textContent ?? '',
      ),
    expected,
    { timeout: 10_000 },
  );
}

async function openDesk(query = ''): Promise<void> {
  await page.goto(`${desk.url}/desk/${query}`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
  await page.waitForSelector('table.events tbody tr, .table-wrap .empty');
}

describe('analyst desk in Chromium', () => {
  before(async () => {
    assert.ok(hasChromium(), `no Chromium at ${CHROMIUM}: apt-get install -y chromium (see .ci/slow)`);
    desk = await startDesk();
    s = await launch();
    page = s.page;
  });
  after(async () => {
    await s?.close();
    await desk?.close();
  });

  it('serves the desk with a strict CSP and loads without console errors', async () => {
    const r = await fetch(`${desk.url}/desk/`);
    const csp = r.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    await openDesk();
    const stats = await api<{ events: number }>('/stats');
    assert.equal(await tableCount(), stats.events);
    assert.ok((await page.$$('.leaflet-interactive')).length > 0, 'map marks drawn');
    // Drawn where they can be seen and clicked: at each mark's centre the topmost element is a mark
    // (not the basemap's canvas, say).
    const covered = await page.$$eval(
      'path.mark',
      (marks) =>
        marks.filter((m) => {
          const r = m.getBoundingClientRect();
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return !top?.classList.contains('leaflet-interactive');
        }).length,
    );
    assert.equal(covered, 0, 'no map mark is covered');
    assert.ok(await page.$('.timeline-canvas canvas'), 'timeline drawn');
    await shot(page, 'desk-1280');
    assert.deepEqual(s.problems, []);
  });

  it('filters by the map view (pan/zoom) and the back button undoes filters', async () => {
    await openDesk();
    const before = await tableCount();
    // Zoom in around Baghdad: only the Iraqi report stays in view.
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = (await page.$('#map'))!;
    const bb = (await box.boundingBox())!;
    for (let i = 0; i < 3; i++) {
      await page.click('.leaflet-control-zoom-in');
      await page.waitForTimeout(400);
    }
    await page.waitForFunction(() => new URLSearchParams(location.search).has('bbox'), null, {
      timeout: 10_000,
    });
    const bbox = new URL(page.url()).searchParams.get('bbox')!;
    const expected = (await api<{ total: number }>(`/events?bbox=${bbox}`)).total;
    await waitCount(expected);
    assert.ok(expected < before, `map filter narrows the table (${expected} < ${before})`);
    assert.ok(bb.width > 300);
    // A filter change is a history step: back restores the previous table.
    await page.check('input[name="type"][value="ASSAULT"]');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('type') === 'ASSAULT');
    const assaults = (await api<{ total: number }>(`/events?bbox=${bbox}&type=ASSAULT`)).total;
    await waitCount(assaults);
    await page.goBack();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('type'));
    await waitCount(expected);
    assert.deepEqual(s.problems, []);
  });

  it('filters by brushing the timeline', async () => {
    await openDesk();
    const over = (await page.$('.timeline-canvas .u-over'))!;
    const b = (await over.boundingBox())!;
    await page.mouse.move(b.x + 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width * 0.3, b.y + b.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => new URLSearchParams(location.search).has('from'), null, {
      timeout: 10_000,
    });
    const q = new URL(page.url()).searchParams;
    const from = q.get('from')!;
    const to = q.get('to')!;
    assert.match(from, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(to >= from);
    const expected = (await api<{ total: number }>(`/events?from=${from}&to=${to}`)).total;
    await waitCount(expected);
    assert.ok(expected > 0 && expected < (await api<{ events: number }>('/stats')).events);
    await shot(page, 'desk-time-brushed');
    assert.deepEqual(s.problems, []);
  });

  it('shows an article with highlighted evidence and focuses a field’s words', async () => {
    await openDesk('?q=Haddad');
    await page.click('table.events tbody tr');
    await page.waitForSelector('.article-text');
    const id = new URL(page.url()).searchParams.get('id')!;
    const data = await api<{ record: { text: string; events: { trigger: { text: string } }[] } }>(
      `/article?id=${encodeURIComponent(id)}`,
    );
    // The rendered text is exactly the stored text: highlights add no characters.
    assert.equal(await page.textContent('.article-text'), data.record.text);
    for (const kind of ['trigger', 'actor', 'claim', 'source', 'quantity'])
      assert.ok((await page.$$(`.article-text .k-${kind}`)).length > 0, `highlights of kind ${kind}`);
    const card = (await page.$('.event-card.current')) ?? (await page.$('.event-card'))!;
    await (await card.$('button.fieldval[data-field="trigger"]'))!.click();
    const focused = await page.$$eval('.article-text .ev.focus', (els) =>
      els.map((e) => e.textContent).join(''),
    );
    const trig = (await (await card.$('button.fieldval[data-field="trigger"]'))!.textContent())!.replace(
      /[“”]/g,
      '',
    );
    assert.equal(focused, trig);
    // Source chains name who said it, through whom.
    assert.match((await page.textContent('.claims')) ?? '', /Northline News Agency ← /);
    await shot(page, 'evidence-article');
    assert.deepEqual(s.problems, []);
  });

  it('accepts and edits records with the span picker; the audit log shows who, when, what', async () => {
    await openDesk('?q=Haddad');
    await page.fill('input.analyst', 'tester');
    await page.press('input.analyst', 'Enter');
    await page.click('table.events tbody tr');
    await page.waitForSelector('.event-card');
    const cards = await page.$$('.event-card');
    assert.ok(cards.length >= 2);
    const firstId = await cards[0].getAttribute('data-event');
    await (await cards[0].$('button.accept'))!.click();
    await page.waitForSelector(`.event-card[data-event="${firstId}"] .badge.rv-accepted`);
    // Edit the actors of the second event: select words in the text, "Use selection", save.
    const secondId = (await (await page.$$('.event-card'))[1].getAttribute('data-event'))!;
    const second = (await page.$(`.event-card[data-event="${secondId}"]`))!;
    await (await second.$('button.edit'))!.click();
    await (await second.$('select.edit-field'))!.selectOption('actors');
    await page.evaluate(() => {
      const root = document.getElementById('article-text')!;
      const text = root.textContent ?? '';
      const at = text.indexOf('Omar Haddad');
      // Walk text nodes to the offsets, as a mouse selection would.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let pos = 0;
      const range = document.createRange();
      let set = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = (n.textContent ?? '').length;
        if (!set && at < pos + len) {
          range.setStart(n, at - pos);
          set = 1;
        }
        if (set === 1 && at + 11 <= pos + len) {
          range.setEnd(n, at + 11 - pos);
          set = 2;
          break;
        }
        pos += len;
      }
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    });
    await (await second.$('button.use-selection'))!.click();
    await page.fill(
      `.event-card[data-event="${secondId}"] input.edit-note`,
      'the monitor is the source of the report',
    );
    await (await second.$('button.save'))!.click();
    await page.waitForFunction(
      (id) =>
        document.querySelector(`.event-card[data-event="${id}"] button.fieldval[data-field="actors"]`)
          ?.textContent === 'Omar Haddad',
      secondId,
      { timeout: 10_000 },
    );
    const ev = await api<{ reviewed: boolean; actors: string[] }>(
      `/event?id=${encodeURIComponent(secondId)}`,
    );
    assert.equal(ev.reviewed, true);
    assert.deepEqual(ev.actors, ['omar haddad']);
    await shot(page, 'evidence-edited');
    await page.click('a.tab[data-view="audit"]');
    await page.waitForSelector('table.audit tbody tr');
    const rows = await page.$$eval('table.audit tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    assert.ok(
      rows.some((r) => r.includes('user:tester') && r.includes('event.edit') && r.includes('Omar Haddad')),
      rows.join('\n'),
    );
    assert.ok(rows.some((r) => r.includes('user:tester') && r.includes('event.accept')));
    await shot(page, 'audit-log');
    assert.deepEqual(s.problems, []);
  });

  it('exports exactly what the table shows (CSV and GeoJSON), optionally reviewed only', async () => {
    await openDesk('?type=ASSAULT&sort=fatalities&dir=desc');
    const shown = await tableCount();
    const firstRowId = await page.getAttribute('table.events tbody tr', 'data-id');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('a.export')]);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .trim()
      .split('\n');
    assert.equal(lines.length - 1, shown);
    assert.ok(lines[1].startsWith(`${firstRowId},`), 'same order as the table');
    await page.selectOption('select.export-format', 'geojson');
    const [geo] = await Promise.all([page.waitForEvent('download'), page.click('a.export')]);
    const fc = JSON.parse(readFileSync((await geo.path())!, 'utf8'));
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(fc.features.length, shown);
    await page.check('input.export-reviewed');
    const [rev] = await Promise.all([page.waitForEvent('download'), page.click('a.export')]);
    const reviewed = JSON.parse(readFileSync((await rev.path())!, 'utf8'));
    assert.ok(
      reviewed.features.every((f: { properties: { review: string } }) => f.properties.review !== 'pending'),
    );
    assert.ok(reviewed.features.length < shown);
    assert.deepEqual(s.problems, []);
  });

  it('shows an incident with values per source and disagreements', async () => {
    await openDesk('?q=bakery');
    await page.click('table.events tbody tr');
    await page.waitForSelector('.event-card button.link');
    await page.click('.event-card button.link');
    await page.waitForSelector('.incident');
    const fat = (await page.textContent('table.fields')) ?? '';
    assert.match(fat, /disagree/);
    assert.match(fat, /7 — per/);
    assert.match(fat, /9 — per/);
    assert.equal((await page.$$('.incident table.events tbody tr')).length, 2);
    await shot(page, 'incident');
    assert.deepEqual(s.problems, []);
  });

  it('never runs script or handler payloads from article text, title or outlet', async () => {
    await openDesk('?q=checkpoint');
    await page.click('table.events tbody tr');
    await page.waitForSelector('.article-text');
    await page.waitForTimeout(300);
    assert.equal(
      await page.evaluate((k) => (window as unknown as Record<string, unknown>)[k], XSS_MARK),
      undefined,
    );
    assert.equal(
      await page.$$eval(
        '.evidence script, .evidence img, .evidence svg, .evidence a[href^="javascript"]',
        (x) => x.length,
      ),
      0,
    );
    assert.match((await page.textContent('.ev-head h2')) ?? '', /<img src=x onerror=/);
    assert.match(
      (await page.textContent('.article-text')) ?? '',
      /<script>window\.__sitrepPwned=3<\/script>/,
    );
    // The same through the browser's own ingest form.
    await page.goto(`${desk.url}/desk/?view=ingest`);
    await page.fill(
      'textarea.paste',
      `Raid reported <img src=x onerror="window.${XSS_MARK}=7">\n\nPolice raided a house in Hama on Monday <script>window.${XSS_MARK}=8</script>, residents said.`,
    );
    await page.fill('input.meta-published', '2024-04-20');
    await page.click('button.code-text');
    await page.waitForSelector('.ingest-results li button.link', { timeout: 30_000 });
    assert.match((await page.textContent('.ingest-count')) ?? '', /1 \/ 1 done · 1 stored/);
    await page.click('.ingest-results li button.link');
    await page.waitForSelector('.article-text');
    assert.match((await page.textContent('.article-text')) ?? '', /onerror=/);
    await page.waitForTimeout(300);
    assert.equal(
      await page.evaluate((k) => (window as unknown as Record<string, unknown>)[k], XSS_MARK),
      undefined,
    );
    await shot(page, 'xss-article');
    assert.deepEqual(s.problems, []);
  });

  it('works from the keyboard and on a narrow screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openDesk('?view=review&review=pending');
    await shot(page, 'review-queue-narrow');
    await page.focus('table.events tbody tr');
    await page.keyboard.press('ArrowDown');
    const focusedId = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.article-text');
    assert.equal(new URL(page.url()).searchParams.get('event'), focusedId);
    assert.equal(new URL(page.url()).searchParams.get('queue'), '1');
    const pending = (await api<{ pending: number }>('/stats')).pending;
    await page.keyboard.press('a');
    await page.waitForFunction(
      (n) =>
        /to review/.test(document.querySelector('.stats')?.textContent ?? '') &&
        !document.querySelector('.stats')?.textContent?.includes(`${n} to review`),
      pending,
      { timeout: 10_000 },
    );
    assert.equal((await api<{ pending: number }>('/stats')).pending, pending - 1);
    await shot(page, 'evidence-narrow');
    await openDesk();
    await shot(page, 'desk-narrow');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal page overflow (${overflow}px)`);
    assert.deepEqual(s.problems, []);
  });
});
