/**
 * The desk's front end: bundled (no CDN), served by `sitrep serve` under /desk/ from build/web.
 * No inline scripts or styles, so the server's Content-Security-Policy can forbid both.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The map and timeline are chunks of their own (main.ts imports them dynamically, so the table and
 * filters run without waiting for Leaflet and uPlot to parse); the page still starts downloading
 * them with the entry, from `<link rel="modulepreload">` tags, rather than one round trip later.
 */
function preloadDeskChunks(names: string[]): Plugin {
  return {
    name: 'sitrep-preload-desk-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const tags = [];
        for (const chunk of Object.values(ctx.bundle ?? {})) {
          if (chunk.type !== 'chunk' || !chunk.isDynamicEntry) continue;
          if (!names.some((n) => chunk.facadeModuleId?.endsWith(`/web/src/${n}`))) continue;
          tags.push({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/desk/${chunk.fileName}` },
            injectTo: 'head' as const,
          });
          for (const css of chunk.viteMetadata?.importedCss ?? [])
            tags.push({
              tag: 'link',
              attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/desk/${css}` },
              injectTo: 'head' as const,
            });
        }
        return tags;
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/desk/',
  plugins: [preloadDeskChunks(['map.ts', 'timeline.ts'])],
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
