/**
 * The desk's front end: bundled (no CDN), served by `sitrep serve` under /desk/ from build/web.
 * No inline scripts or styles, so the server's Content-Security-Policy can forbid both.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/desk/',
  build: {
    outDir: fileURLToPath(new URL('../build/web', import.meta.url)),
    emptyOutDir: true,
    // Leaflet's small images stay files: a strict CSP allows data: images, but files are simpler to audit.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
});
