import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InputError, UsageError } from '../errors.js';

interface ServeOptions {
  db?: string;
  host: string;
  port: number;
  maxBody: number;
  auth: boolean;
  anonymous: string;
  rate: number;
  processes: number;
}

/** What a server process tells the primary (multi-process serving). */
interface ServerMessage {
  sitrepListening?: number;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (OpenAPI at /openapi.json, docs at /docs)')
    .option('--db <db>', 'SQLite file or postgres:// URL (default: $SITREP_DB or sitrep.db)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--port <port>',
      'port',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port: not a port: ${v}`);
        return n;
      },
      8080,
    )
    .option(
      '--max-body <bytes>',
      'largest request body',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--max-body: not a byte count: ${v}`);
        return n;
      },
      5 * 1024 * 1024,
    )
    .option('--no-auth', 'no accounts: anyone who can reach the port reads and writes (local use only)')
    .option(
      '--anonymous <access>',
      'none, or read: callers without a token may read (sensitive fields withheld)',
      'none',
    )
    .option(
      '--rate <n>',
      'requests a minute per token',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1)
          throw new UsageError(`--rate: expected a positive integer, got "${v}"`);
        return n;
      },
      6000,
    )
    .option(
      '--processes <n>',
      'server processes sharing the port (auto: one per core); rate limits are split between them',
      (v) => {
        if (v === 'auto') return availableParallelism();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 64)
          throw new UsageError(`--processes: expected 1-64 or auto, got "${v}"`);
        return n;
      },
      1,
    )
    .action(async (opts: ServeOptions) => {
      if (opts.anonymous !== 'none' && opts.anonymous !== 'read')
        throw new UsageError('--anonymous: none or read');
      if (opts.processes > 1 && cluster.isPrimary) return supervise(opts);
      const [{ openStore, StoreError }, { createApp }, { serve }] = await Promise.all([
        import('../../store/index.js'),
        import('../../api/app.js'),
        import('@hono/node-server'),
      ]);
      let store: Awaited<ReturnType<typeof openStore>>;
      try {
        store = await openStore({ db: opts.db, mapped: true });
      } catch (e) {
        if (e instanceof StoreError) throw new InputError(e.message);
        throw e;
      }
      const { withAuth } = await import('../../api/auth.js');
      const makeApp = (s: typeof store) => createApp(s, { maxBodyBytes: opts.maxBody });
      const app = opts.auth
        ? withAuth(store, makeApp, {
            anonymous: opts.anonymous as 'none' | 'read',
            ratePerMin: opts.rate,
            // each process keeps its own token buckets: withAuth divides every limit between them
            rateShare: cluster.isWorker ? opts.processes : 1,
          })
        : makeApp(store);
      await new Promise<void>((resolve, reject) => {
        const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, (info) => {
          if (cluster.isWorker) process.send?.({ sitrepListening: info.port } satisfies ServerMessage);
          else announce(opts, info.port);
        });
        server.on('error', (e: NodeJS.ErrnoException) => {
          reject(new InputError(e.code === 'EADDRINUSE' ? `port ${opts.port} is in use` : e.message));
        });
        const stop = () => {
          server.close(() => {
            store.close().then(resolve, resolve);
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

function announce(opts: ServeOptions, port: number): void {
  const procs = opts.processes > 1 ? ` (${opts.processes} processes)` : '';
  process.stderr.write(
    `sitrep: serving on http://${opts.host}:${port}${procs} (desk at /desk/, API docs at /docs)\n`,
  );
}

/**
 * The primary of a multi-process server (node:cluster): N server processes answer on one port, so
 * the server uses every core where one Node process answers on one.
 * The store is opened (and migrated) once here before the processes start, so they do not race to
 * migrate it; each process then opens its own connection. A process that dies is replaced; one that
 * fails before it ever listened (port in use, store unreadable) stops the whole server with its error.
 */
async function supervise(opts: ServeOptions): Promise<void> {
  const { openStore, StoreError } = await import('../../store/index.js');
  try {
    await (await openStore({ db: opts.db })).close();
  } catch (e) {
    if (e instanceof StoreError) throw new InputError(e.message);
    throw e;
  }
  // Each process accepts its own connections from the shared socket when its event loop is free to
  // (SCHED_NONE). Node's default on Linux, round-robin, has the primary accept and hand each
  // connection to a process by message, one at a time with an acknowledgement: a busy process
  // acknowledges slowly and new connections wait behind it (under the varied 200-client load of
  // `npm run bench -- api-load`, 30 s on a loaded host: 243 timed-out requests with round-robin, 15
  // without). NODE_CLUSTER_SCHED_POLICY=rr still chooses round-robin.
  if (!process.env.NODE_CLUSTER_SCHED_POLICY) cluster.schedulingPolicy = cluster.SCHED_NONE;
  let stopping = false;
  let announced = false;
  let listening = 0;
  await new Promise<void>((resolve, reject) => {
    const start = () => {
      const w = cluster.fork();
      let ready = false;
      w.on('message', (m: ServerMessage) => {
        if (typeof m?.sitrepListening !== 'number' || ready) return;
        ready = true;
        listening++;
        if (!announced && listening === opts.processes) {
          announced = true;
          announce(opts, m.sitrepListening);
        }
      });
      w.on('exit', (code, signal) => {
        if (ready) listening--;
        if (stopping) {
          if (Object.keys(cluster.workers ?? {}).length === 0) resolve();
          return;
        }
        if (!ready) {
          // failed before listening: its own one-line error is on stderr already
          stopAll();
          reject(new InputError(`a server process stopped before it could listen (exit ${code ?? signal})`));
          return;
        }
        process.stderr.write(
          `sitrep: server process ${w.process.pid} ended (${code ?? signal}); starting another\n`,
        );
        start();
      });
    };
    const stopAll = () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      if (Object.keys(cluster.workers ?? {}).length === 0) resolve();
    };
    process.once('SIGINT', stopAll);
    process.once('SIGTERM', stopAll);
    for (let i = 0; i < opts.processes; i++) start();
  });
}
