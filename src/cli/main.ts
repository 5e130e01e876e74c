import { run } from './program.js';

// Stdout closed early (`sitrep code … | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});

process.exitCode = await run(process.argv.slice(2));
// A server process of `sitrep serve --processes N` ends here too, on an error as well: its channel
// to the primary would otherwise keep it alive.
// (Disconnecting would make node:cluster end it with code 0 and lose the error's exit code.)
if (process.connected) process.exit(process.exitCode);
