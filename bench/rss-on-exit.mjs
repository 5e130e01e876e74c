// Preloaded by the ingest benchmark into the `sitrep` CLI process it starts: on exit, the process's own
// peak resident memory (all its threads), so the figure is the CLI's and not the benchmark's.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nsitrep-bench-maxrss-kb ${process.resourceUsage().maxRSS}\n`);
});
