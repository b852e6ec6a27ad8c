// Vite build: relative asset paths (works from any sub-path of any static host), vendor chunks split for caching.
import { defineConfig } from 'vite';

/** `BENCH=1` (npm run bench) also builds the bench-only reference page; the normal build is unchanged. */
const benchInput =
  process.env.BENCH === '1'
    ? { rolldownOptions: { input: { main: 'index.html', reference: 'tests/bench/reference.html' } } }
    : {};

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    ...benchInput,
  },
  // Scripts for MapLibre's worker (src/map/basemap-worker.ts) are ES modules named .mjs: MapLibre imports such a URL
  // with import() (allowed by the page's script-src 'self'), where other names would need eval or blob: scripts.
  worker: { format: 'es', rolldownOptions: { output: { entryFileNames: 'assets/[name]-[hash].mjs' } } },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
