import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editEvent } from '../desk/review.js';
import { createArticle } from '../model/article.js';
import { toSitrepJson } from '../output/sitrep-json.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { openStore } from '../store/open.js';
import { redactingStore } from './sensitive.js';

test('a reader sees a victim withheld as soon as an editor names them (no stale redaction)', async () => {
  const store = await openStore({ db: ':memory:' });
  try {
    const text =
      'Gunmen attacked a convoy near Kora on Monday, officials said. Ahmad Kazem, a teacher, was among the passengers.';
    const record = toSitrepJson(
      createDefaultPipeline().run(createArticle({ text, published: '2024-03-10' })),
    );
    await store.putRecords([{ record }]);
    const reader = redactingStore(store);
    const id = record.article.id;
    // before: no person is anyone's target, so the name is shown
    assert.match((await reader.getArticle(id))!.text, /Ahmad Kazem/);
    const attack = (await store.queryEvents({})).items.find((e) => e.type === 'ASSAULT');
    assert.ok(attack, 'the attack is coded');
    const start = text.indexOf('Ahmad Kazem');
    await editEvent(
      store,
      attack.id,
      { field: 'recipients', spans: [{ start, end: start + 'Ahmad Kazem'.length }] },
      'user:editor',
    );
    // after: the same reader (same cache) must withhold the name
    const after = (await reader.getArticle(id))!.text;
    // the page of events a reader gets as text is the redacted page, not the store's own text
    assert.match(await store.queryEventsJson({}), /Ahmad Kazem/);
    const page = await reader.queryEventsJson({});
    assert.doesNotMatch(page, /Ahmad Kazem/);
    assert.equal(page, JSON.stringify(await reader.queryEvents({})));
    assert.doesNotMatch(after, /Ahmad Kazem/);
    assert.equal(after.length, text.length, 'offsets preserved');
  } finally {
    await store.close();
  }
});
