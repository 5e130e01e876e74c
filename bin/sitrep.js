#!/usr/bin/env node
// Thin shim: the CLI is built to dist/ by `npm run build` (run by `npm install` through `prepare`).
import('../dist/src/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/src/cli/main.js')) {
    process.stderr.write('sitrep: not built yet; run `npm run build` in the package folder\n');
    process.exit(1);
  }
  throw err;
});
