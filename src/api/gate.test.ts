import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Gate } from './gate.js';

test('the gate lets `width` requests work at once and the rest in arrival order', async () => {
  const gate = new Gate(2);
  const started: number[] = [];
  let running = 0;
  let most = 0;
  const releases: (() => void)[] = [];
  const jobs = Array.from({ length: 6 }, (_, i) =>
    gate.run(async () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await new Promise<void>((r) => releases.push(r));
      running--;
      return i;
    }),
  );
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(started, [0, 1]);
  assert.equal(gate.queued, 4);
  // finish them out of order: places still go to the waiting ones first come, first served
  while (started.length < 6 || releases.length) {
    const next = releases.splice(releases.length - 1, 1)[0];
    next?.();
    await new Promise((r) => setImmediate(r));
  }
  assert.deepEqual(started, [0, 1, 2, 3, 4, 5]);
  assert.equal(most, 2);
  assert.deepEqual(await Promise.all(jobs), [0, 1, 2, 3, 4, 5]);
  assert.equal(gate.queued, 0);
});

test('a failing request frees its place', async () => {
  const gate = new Gate(1);
  await assert.rejects(
    gate.run(async () => {
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.equal(await gate.run(async () => 7), 7);
  assert.throws(() => new Gate(0), /at least 1/);
});
