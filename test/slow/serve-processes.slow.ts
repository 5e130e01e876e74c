/**
 * `sitrep serve --processes 2`: two server processes behind one port. A write answered by one process
 * is seen by reads from both (each keeps its own read cache, keyed by the store's data version); a
 * server process killed with -9 is replaced and requests keep succeeding; SIGTERM stops them all.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startServer } from '../../bench/api-load.js';
import { madeUpArticles, stopChild, until } from './team-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-procs-'));
let server: ChildProcess | null = null;
after(async () => {
  if (server) await stopChild(server);
  rmSync(dir, { recursive: true, force: true });
});

/** One request on a new connection (no keep-alive), so that successive calls reach different processes. */
function call(url: string, method = 'GET', body?: object): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const data = body ? JSON.stringify(body) : undefined;
    const req = request(
      url,
      {
        method,
        agent: false,
        headers: { connection: 'close', ...(data ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

function children(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

test('two server processes share the port, see each other’s writes, survive a kill -9', async () => {
  const db = join(dir, 's.db');
  const started = await startServer(db, ['--processes', '2', '--no-auth']);
  server = started.child;
  const child = started.child;
  const base = started.url;
  assert.match(started.stderr(), /\(2 processes\)/);
  const primary = child.pid!;
  const procs = children(primary);
  assert.equal(procs.length, 2, 'two server processes');

  // Every process has answered (and cached) the empty list before the write.
  for (let i = 0; i < 6; i++) {
    const r = await call(`${base}/articles?limit=5`);
    assert.equal(r.status, 200);
    assert.deepEqual((r.json as { items: unknown[] }).items, []);
  }
  const [article] = madeUpArticles(1, 'procs');
  const posted = await call(`${base}/articles`, 'POST', article);
  assert.equal(posted.status, 201);
  const id = (posted.json as { id: string }).id;
  for (let i = 0; i < 6; i++) {
    const r = await call(`${base}/articles?limit=5`);
    assert.deepEqual(
      (r.json as { items: { id: string }[] }).items.map((a) => a.id),
      [id],
      `read ${i} sees the write`,
    );
  }

  // kill -9 one server process: it is replaced, and the port keeps answering meanwhile.
  process.kill(procs[0], 'SIGKILL');
  await until(
    async () => {
      const now = children(primary);
      return now.length === 2 && !now.includes(procs[0]);
    },
    60_000,
    'a replacement server process',
  );
  await until(
    async () => {
      for (let i = 0; i < 6; i++) if ((await call(`${base}/health`)).status !== 200) return false;
      return true;
    },
    60_000,
    'both processes answering',
  );
  assert.match(started.stderr(), /ended \(SIGKILL\); starting another/);

  // SIGTERM to the primary stops every process, exit code 0.
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
  server = null;
  const gone = children(primary);
  assert.deepEqual(gone, []);
  for (const pid of procs.slice(1)) assert.throws(() => process.kill(pid, 0), 'server process ended');
});
