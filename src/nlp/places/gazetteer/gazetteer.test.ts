import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { foldName } from './fold.js';
import { ImportError, importGeoNames } from './import.js';
import { builtinIndexDir, openGazetteer } from './load.js';

const tmp = mkdtempSync(join(tmpdir(), 'sitrep-gaz-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const row = (
  id: number,
  name: string,
  alt: string,
  lat: number,
  lon: number,
  fcode: string,
  cc: string,
  a1: string,
  pop: number,
) =>
  [
    id,
    name,
    name,
    alt,
    lat,
    lon,
    fcode.startsWith('P') ? 'P' : 'A',
    fcode,
    cc,
    '',
    a1,
    '',
    '',
    '',
    pop,
    '',
    '100',
    'Asia/Damascus',
    '2020-01-01',
  ].join('\t');

describe('name folding', () => {
  it('folds accents, apostrophes, hyphens and full stops', () => {
    assert.equal(foldName("Ra's al-'Ayn"), 'ras al ayn');
    assert.equal(foldName('‘Afrīn'), 'afrin');
    assert.equal(foldName('St. Louis'), 'st louis');
    assert.equal(foldName('Łódź'), 'lodz');
  });
});

describe('gazetteer', () => {
  it('looks names up in the built-in index', () => {
    const g = openGazetteer({ builtin: builtinIndexDir(), overlays: [] });
    const out: number[] = [];
    assert.ok(g.lookup('damascus', out) > 0);
    assert.ok(out.some((p) => g.feature(p >> 2).fcode === 'PPLC'));
    assert.equal(g.lookup('nagorno', null), 0, 'prefix of a longer name');
    assert.equal(g.lookup('zzqx village', null), -1);
    assert.equal(g.demonyms.get('syrian'), 'SY');
  });

  it('imports a GeoNames dump as an overlay, skipping broken rows', async () => {
    const dump = join(tmp, 'SY.txt');
    writeFileSync(
      dump,
      [
        row(9000001, 'Tell Zarqabunat', 'Zarqabunat', 36.1, 37.0, 'PPL', 'SY', '09', 0),
        'this is not a GeoNames row',
        row(9000002, 'Khirbat Umm Qasr', '', 35.9, 36.7, 'PPL', 'SY', '07', 120),
        '9000003\tBroken\tBroken\t\tnorth\teast\tP\tPPL\tSY',
      ].join('\n'),
    );
    const out = join(tmp, 'overlay');
    const r = await importGeoNames(dump, out);
    assert.equal(r.broken, 2);
    assert.equal(r.features, 2);
    const g = openGazetteer({ builtin: builtinIndexDir(), overlays: [out] });
    const hits: number[] = [];
    assert.ok(g.lookup('zarqabunat', hits) > 0);
    const f = g.feature(hits[0] >> 2);
    assert.equal(f.geonameid, 9000001);
    assert.equal(f.country, 'SY');
    assert.equal(f.admin1, 'SY.09');

    // a failed import (empty dump, wrong encoding) leaves the overlay as it was
    const empty = join(tmp, 'empty.txt');
    writeFileSync(empty, '');
    await assert.rejects(importGeoNames(empty, out), ImportError);
    const latin1 = join(tmp, 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x31, 0x09, 0xe9, 0xe9, 0x0a]));
    await assert.rejects(importGeoNames(latin1, out), /not UTF-8/);
    const again = openGazetteer({ builtin: builtinIndexDir(), overlays: [out] });
    assert.ok(again.lookup('khirbat umm qasr', null) > 0);
  });
});
