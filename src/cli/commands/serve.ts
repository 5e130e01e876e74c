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
    .action(async (opts: ServeOptions) => {
      if (opts.anonymous !== 'none' && opts.anonymous !== 'read')
        throw new UsageError('--anonymous: none or read');
      const [{ openStore, StoreError }, { createApp }, { serve }] = await Promise.all([
        import('../../store/index.js'),
        import('../../api/app.js'),
        import('@hono/node-server'),
      ]);
      let store: Awaited<ReturnType<typeof openStore>>;
      try {
        store = await openStore({ db: opts.db });
      } catch (e) {
        if (e instanceof StoreError) throw new InputError(e.message);
        throw e;
      }
      const { withAuth } = await import('../../api/auth.js');
      const makeApp = (s: typeof store) => createApp(s, { maxBodyBytes: opts.maxBody });
      const app = opts.auth
        ? withAuth(store, makeApp, { anonymous: opts.anonymous as 'none' | 'read', ratePerMin: opts.rate })
        : makeApp(store);
      await new Promise<void>((resolve, reject) => {
        const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, (info) => {
          process.stderr.write(
            `sitrep: serving on http://${opts.host}:${info.port} (desk at /desk/, API docs at /docs)\n`,
          );
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
