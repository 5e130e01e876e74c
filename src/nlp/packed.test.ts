import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapPacked } from './packed.js';

test('mapPacked gives what map gives, index included', () => {
  const xs = [{ a: 3 }, { a: 1 }, { a: 2 }];
  assert.deepEqual(
    mapPacked(xs, (x, k) => [x.a, k]),
    xs.map((x, k) => [x.a, k]),
  );
  assert.deepEqual(
    mapPacked([], () => 1),
    [],
  );
});
