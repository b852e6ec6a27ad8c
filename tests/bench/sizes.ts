// Gzip sizes (node:zlib, level 9) of the built files a page requested, grouped as JS, CSS, data and HTML.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export type Kind = 'js' | 'css' | 'data' | 'html' | 'other';

export interface FileSize {
  /** Path relative to the served root, e.g. `assets/index-abc.js`. */
  path: string;
  kind: Kind;
  raw: number;
  gzip: number;
}

const cache = new Map<string, { raw: number; gzip: number; mtime: number }>();

export function kindOf(path: string): Kind {
  const ext = extname(path);
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.json' || ext === '.geojson') return 'data';
  if (ext === '.html') return 'html';
  return 'other';
}

/** Size of one file under `root` (cached by path and mtime: synthetic data files are swapped between scales). */
export function fileSize(root: string, rel: string): FileSize | null {
  const file = normalize(join(root, rel));
  if (!file.startsWith(normalize(root)) || !existsSync(file) || !statSync(file).isFile()) return null;
  const mtime = statSync(file).mtimeMs;
  let hit = cache.get(file);
  if (!hit || hit.mtime !== mtime) {
    const buf = readFileSync(file);
    hit = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, mtime };
    cache.set(file, hit);
  }
  return { path: rel, kind: kindOf(rel), raw: hit.raw, gzip: hit.gzip };
}

/**
 * Sizes of the requested URLs that are files under `root` served at `baseUrl` (a directory URL ending in "/").
 * A URL naming a directory maps to its index.html, as the static server does. Other URLs are skipped.
 */
export function requestedSizes(root: string, baseUrl: string, urls: readonly string[]): FileSize[] {
  const out: FileSize[] = [];
  const seen = new Set<string>();
  for (const u of urls) {
    const url = new URL(u);
    const base = new URL(baseUrl);
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) continue;
    let rel = decodeURIComponent(url.pathname.slice(base.pathname.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    if (seen.has(rel)) continue;
    seen.add(rel);
    const size = fileSize(root, rel);
    if (size) out.push(size);
  }
  return out;
}

export function totals(sizes: readonly FileSize[]): Record<Kind, number> {
  const t: Record<Kind, number> = { js: 0, css: 0, data: 0, html: 0, other: 0 };
  for (const s of sizes) t[s.kind] += s.gzip;
  return t;
}
