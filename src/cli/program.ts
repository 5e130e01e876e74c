import { readdirSync } from 'node:fs';
import { Command } from 'commander';
import { VERSION } from '../version.js';
import { reportError } from './errors.js';

/** Commands listed first in help, in this order; any others follow alphabetically. */
const ORDER = ['code', 'ingest', 'serve', 'export', 'gazetteer', 'worker', 'jobs', 'backfill'];

/**
 * Build the program. Each module in ./commands registers its command; command modules import only
 * commander at load time and `await import()` their heavy parts when they run (keeps --help fast),
 * so discovering them costs little and adding a command touches no shared file.
 */
export async function buildProgram(): Promise<Command> {
  const program = new Command('sitrep')
    .description(
      'Turn news articles into event data with evidence: who did what to whom, where, when, per whom.',
    )
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  const dir = new URL('./commands/', import.meta.url);
  const names = readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('.test.'))
    .map((f) => f.replace(/\.(ts|js)$/, ''));
  const rank = (n: string) => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  for (const name of names) {
    const mod = (await import(new URL(`${name}.${ext}`, dir).href)) as { register?: (p: Command) => void };
    mod.register?.(program);
  }
  for (const c of program.commands) c.exitOverride();
  return program;
}

export async function run(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram();
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  }
}
