import { run } from './program.js';

// Stdout closed early (`sitrep code … | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});

process.exitCode = await run(process.argv.slice(2));
