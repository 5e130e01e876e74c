import { Command } from 'commander';
import { VERSION } from '../version.js';
import { register as registerAccounts } from './commands/accounts.js';
import { register as registerBackfill } from './commands/backfill.js';
import { register as registerCode } from './commands/code.js';
import { register as registerExport } from './commands/export.js';
import { register as registerIngest } from './commands/ingest.js';
import { register as registerJobs } from './commands/jobs.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerWorker } from './commands/worker.js';
import { reportError } from './errors.js';

/** Build the program: each command module registers itself; heavy modules load lazily on use. */
export function buildProgram(): Command {
  const program = new Command('sitrep')
    .description(
      'Turn news articles into event data with evidence: who did what to whom, where, when, per whom.',
    )
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  registerCode(program);
  registerIngest(program);
  registerWorker(program);
  registerJobs(program);
  registerBackfill(program);
  registerAccounts(program);
  registerServe(program);
  registerExport(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

export async function run(argv: string[]): Promise<number> {
  try {
    const program = buildProgram();
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  }
}
