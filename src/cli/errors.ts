/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

/** Input that could not be processed: exit code 1, one line on stderr. */
export class InputError extends Error {}

export const EXIT = { ok: 0, processing: 1, usage: 2 } as const;

/** Print one line for an expected failure, and a stack only for bugs (or with SITREP_DEBUG=1). */
export function reportError(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`sitrep: ${err.message}\n`);
    return EXIT.usage;
  }
  if (err instanceof InputError) {
    process.stderr.write(`sitrep: ${err.message}\n`);
    return EXIT.processing;
  }
  const e = err as { code?: string; message?: string };
  if (
    e?.code === 'commander.help' ||
    e?.code === 'commander.helpDisplayed' ||
    e?.code === 'commander.version'
  ) {
    return EXIT.ok;
  }
  if (typeof e?.code === 'string' && e.code.startsWith('commander.')) return EXIT.usage;
  const msg = e?.message?.split('\n')[0] ?? String(err);
  process.stderr.write(`sitrep: internal error: ${msg}\n`);
  if (process.env.SITREP_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
  return EXIT.processing;
}
