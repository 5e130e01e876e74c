import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { SitrepRecord } from '../model/types.js';
import { checkRecord } from '../output/validate.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function sitrep(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function file(name: string, data: string | Buffer) {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}
/** One line on stderr, no stack trace. */
function oneLine(err: string) {
  const lines = err.trim().split('\n');
  assert.equal(lines.length, 1, err);
  assert.doesNotMatch(err, /\n\s+at /);
  return lines[0];
}

describe('sitrep CLI', () => {
  it('codes the bundled example into valid sitrep/1 JSON', () => {
    const r = sitrep(['code', 'examples/dispatch.txt', '--pretty']);
    assert.equal(r.code, 0, r.err);
    const rec = JSON.parse(r.out) as SitrepRecord;
    assert.deepEqual(checkRecord(rec), []);
    assert.equal(rec.article.title, 'Militia Accused of Burning Homes Near El Geneina, Monitor Says');
  });

  it('prints help and version, and exits 2 on usage errors', () => {
    assert.equal(sitrep(['--help']).code, 0);
    assert.match(sitrep(['--version']).out, /^\d+\.\d+\.\d+/);
    assert.equal(sitrep(['nonsense']).code, 2);
    assert.equal(sitrep(['code']).code, 2);
    const r = sitrep(['code', 'examples/dispatch.txt', '--published', 'yesterday']);
    assert.equal(r.code, 2);
    assert.match(oneLine(r.err), /--published/);
  });

  it('reads stdin with --published and says where the date came from', () => {
    const r = sitrep(['code', '-', '--published', '2021-06-01'], 'Title\n\nTroops left the town on Monday.');
    assert.equal(r.code, 0, r.err);
    const rec = JSON.parse(r.out) as SitrepRecord;
    assert.equal(rec.article.published, '2021-06-01');
    assert.equal(rec.article.publishedSource, 'option');
  });

  it('warns when no publication date is known', () => {
    const r = sitrep(['code', '-'], 'Title\n\nTroops left the town on Monday.');
    assert.equal(r.code, 0);
    const rec = JSON.parse(r.out) as SitrepRecord;
    assert.equal(rec.article.publishedSource, 'none');
    assert.ok(rec.meta.warnings?.some((w) => w.includes('publication date')));
  });

  it('refuses a missing file, an empty file and binary data with one line and exit 1', () => {
    for (const [path, msg] of [
      [join(dir, 'missing.txt'), /no such file/],
      [file('empty.txt', ''), /empty|no article text/],
      [file('blank.txt', '  \n\n '), /empty|no article text/],
      [file('binary.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0xff])), /binary data/],
    ] as const) {
      const r = sitrep(['code', path]);
      assert.equal(r.code, 1, path);
      assert.match(oneLine(r.err), msg);
      assert.equal(r.out, '');
    }
  });

  it('refuses a file over the size limit without reading it whole', () => {
    const big = file('big.txt', Buffer.alloc(50 * 1024 * 1024, 'word '));
    const r = sitrep(['code', big]);
    assert.equal(r.code, 1);
    assert.match(oneLine(r.err), /larger than 20 MB/);
  });

  it('decodes Windows-1252 text', () => {
    const cp = file(
      'cp1252.txt',
      Buffer.from('Caf\xe9 owners protest\n\nThey said \x93no\x94 to the tax.', 'latin1'),
    );
    const r = sitrep(['code', cp]);
    assert.equal(r.code, 0, r.err);
    const rec = JSON.parse(r.out) as SitrepRecord;
    assert.ok(rec.text.startsWith('Café owners protest'));
    assert.ok(rec.text.includes('“no”'));
  });

  it('reports a broken JSON Lines record by line number and codes the rest', () => {
    const p = file(
      'batch.jsonl',
      [
        JSON.stringify({ title: 'One', text: 'Police arrested two men in Lagos.', published: '2022-01-02' }),
        '{"title": "broken", "text": ',
        JSON.stringify({ title: 'Three', text: 'Protesters marched in Accra on Friday.' }),
        JSON.stringify({ title: 'No text' }),
      ].join('\n'),
    );
    const r = sitrep(['code', p]);
    assert.equal(r.code, 1);
    assert.match(r.err, /batch\.jsonl:2: invalid JSON/);
    assert.match(r.err, /batch\.jsonl:4: no article text/);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.equal((JSON.parse(lines[0]) as SitrepRecord).article.published, '2022-01-02');

    const strict = sitrep(['code', p, '--strict']);
    assert.equal(strict.code, 1);
    assert.equal(strict.out, '');
    assert.match(oneLine(strict.err), /batch\.jsonl:2/);
  });
});
