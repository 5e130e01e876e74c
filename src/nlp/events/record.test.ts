import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../model/types.js';
import { WorkingRecord } from './record.js';

const trigger = { start: 4, end: 12, text: 'attacked' };
const make = () => new WorkingRecord('ev1', 'ASSAULT', [], [], trigger, 0, 'events.verb:attack');

/** The same steps on a plain object, as findEvents did them before records had a class. */
function plain(): EventRecord {
  return {
    id: 'ev1',
    type: 'ASSAULT',
    actors: [],
    recipients: [],
    quantities: [],
    factuality: 'asserted',
    trigger,
    sentence: 0,
    confidence: 0.8,
    rule: 'events.verb:attack',
  };
}

test('toRecord keeps the key order a plain object would have had, so JSON is unchanged', () => {
  const w = make();
  const p = plain();
  for (const r of [w, p] as EventRecord[]) {
    r.cameo = '190';
    r.mode = 'shelling';
    r.claim = 'c2';
    r.place = 'm3';
    r.placeBasis = 'sentence';
    r.cameo = '195';
  }
  const out = w.toRecord();
  assert.deepEqual(Object.keys(out), Object.keys(p));
  assert.equal(JSON.stringify(out), JSON.stringify(p));
  assert.deepEqual(Object.keys(out).slice(10), ['cameo', 'mode', 'claim', 'place', 'placeBasis']);
});

test('unsetMode is delete: the mode is gone, and set again it comes after the fields set meanwhile', () => {
  const w = make();
  const p = plain();
  w.mode = 'riot';
  p.mode = 'riot';
  w.cameo = '145';
  p.cameo = '145';
  w.unsetMode();
  delete p.mode;
  assert.equal(w.mode, undefined);
  assert.equal('mode' in w.toRecord(), false);
  w.interval = ['2016-10-01', '2016-10-01'];
  p.interval = ['2016-10-01', '2016-10-01'];
  w.mode = 'demo';
  p.mode = 'demo';
  assert.equal(JSON.stringify(w.toRecord()), JSON.stringify(p));
  assert.deepEqual(Object.keys(w.toRecord()).slice(10), ['cameo', 'interval', 'mode']);
});

test('setting optional fields adds no own property (the record keeps its hidden class)', () => {
  const a = make();
  const b = make();
  b.mode = 'x';
  b.background = true;
  assert.deepEqual(Object.keys(a), Object.keys(b));
  assert.equal(a.toRecord().confidence, 0.8);
});
