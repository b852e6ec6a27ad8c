// Vite build: relative asset paths (works from any sub-path of any static host), vendor chunks split for caching.
import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server (`npm start`) injects CSS as <style> elements (hot reload), which the shipped policy (style-src
 * 'self', no inline styles) blocks: only there, the page's policy also allows inline styles. Builds are unchanged.
 */
const devStylePolicy: Plugin = {
  name: 'dev-style-policy',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"),
};

/** `BENCH=1` (npm run bench) also builds the bench-only reference page; the normal build is unchanged. */
const benchInput =
  process.env.BENCH === '1'
    ? { rolldownOptions: { input: { main: 'index.html', reference: 'tests/bench/reference.html' } } }
    : {};

export default defineConfig({
  base: './',
  plugins: [devStylePolicy],
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
