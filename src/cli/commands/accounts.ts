import type { Command } from 'commander';
import { InputError, UsageError } from '../errors.js';

type StoreT = import('../../store/store.js').Store;

async function withStore<T>(db: string | undefined, f: (s: StoreT) => Promise<T>): Promise<T> {
  const [{ openStore, StoreError }, { AccountError }] = await Promise.all([
    import('../../store/index.js'),
    import('../../accounts/accounts.js'),
  ]);
  let store: StoreT;
  try {
    store = await openStore({ db });
  } catch (e) {
    if (e instanceof StoreError) throw new InputError(e.message);
    throw e;
  }
  try {
    return await f(store);
  } catch (e) {
    if (e instanceof AccountError) throw new UsageError(e.message);
    throw e;
  } finally {
    await store.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const dbOption = ['--db <db>', 'SQLite file or postgres:// URL (default: $SITREP_DB or sitrep.db)'] as const;

export function register(program: Command): void {
  const user = program.command('user').description('accounts for `sitrep serve`: admin, editor, reader');
  user
    .command('add')
    .description(
      'add a user; the password is read from standard input or $SITREP_PASSWORD (none: token-only user)',
    )
    .argument('<name>', 'user name (a-z 0-9 . _ -)')
    .requiredOption('--role <role>', 'admin, editor or reader')
    .option('--password-stdin', 'read the password from standard input')
    .option(...dbOption)
    .action(async (name: string, opts: { role: string; passwordStdin?: boolean; db?: string }) => {
      const { addUser, ROLES } = await import('../../accounts/accounts.js');
      if (!(ROLES as string[]).includes(opts.role))
        throw new UsageError(`--role: expected ${ROLES.join(', ')}`);
      const password = opts.passwordStdin ? await readStdin() : process.env.SITREP_PASSWORD;
      const u = await withStore(opts.db, (s) => addUser(s, name, opts.role as never, password || undefined));
      process.stderr.write(`added ${u.role} ${u.id}${password ? ' with a password' : ' (token-only)'}\n`);
    });
  user
    .command('list')
    .description('list users')
    .option(...dbOption)
    .action(async (opts: { db?: string }) => {
      const { listUsers } = await import('../../accounts/accounts.js');
      const users = await withStore(opts.db, (s) => listUsers(s));
      for (const u of users)
        process.stdout.write(`${u.id}\t${u.role}${u.disabled ? '\tdisabled' : ''}\t${u.createdAt}\n`);
    });

  const token = program
    .command('token')
    .description('API tokens (hashed at rest, revocable, scoped read or write)');
  token
    .command('create')
    .description('create a token for a user; it is printed once')
    .argument('<user>', 'user name')
    .option('--scope <scope>', 'read or write (default: write for editors and admins, read for readers)')
    .option('--name <name>', 'what the token is for', 'token')
    .option('--rate <n>', 'requests a minute (default: the server setting)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1)
        throw new UsageError(`--rate: expected a positive integer, got "${v}"`);
      return n;
    })
    .option(...dbOption)
    .action(async (name: string, opts: { scope?: string; name: string; rate?: number; db?: string }) => {
      if (opts.scope && opts.scope !== 'read' && opts.scope !== 'write')
        throw new UsageError('--scope: read or write');
      const { createToken } = await import('../../accounts/accounts.js');
      const t = await withStore(opts.db, (s) =>
        createToken(s, name, {
          name: opts.name,
          ...(opts.scope ? { scope: opts.scope as 'read' | 'write' } : {}),
          ...(opts.rate ? { ratePerMin: opts.rate } : {}),
        }),
      );
      process.stdout.write(`${t.token}\n`);
      process.stderr.write(
        `token ${t.info.id} for ${t.info.user} (${t.info.scope}); shown once, store it now\n`,
      );
    });
  token
    .command('list')
    .description('list API tokens (ids, never secrets)')
    .argument('[user]', 'only this user’s tokens')
    .option(...dbOption)
    .action(async (name: string | undefined, opts: { db?: string }) => {
      const { listTokens } = await import('../../accounts/accounts.js');
      const tokens = await withStore(opts.db, (s) => listTokens(s, name));
      for (const t of tokens)
        process.stdout.write(
          `${t.id}\t${t.user}\t${t.scope}\t${t.name}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}\tlast used ${t.lastUsedAt ?? 'never'}\n`,
        );
    });
  token
    .command('revoke')
    .description('revoke a token (by id or the token itself)')
    .argument('<id>', 'token id from `sitrep token list`')
    .option(...dbOption)
    .action(async (id: string, opts: { db?: string }) => {
      const { revokeToken } = await import('../../accounts/accounts.js');
      const ok = await withStore(opts.db, (s) => revokeToken(s, id));
      if (!ok) throw new InputError(`no active token ${id}`);
      process.stderr.write(`revoked ${id}\n`);
    });
}
