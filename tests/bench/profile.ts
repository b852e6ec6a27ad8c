// Attribute sampled CPU-profile time to parts of the app (panels, layers, other) through the build's source maps.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a V8 CPU profile (CDP Profiler.Profile) used here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

export type Part = 'panels' | 'layers' | 'other';

interface SourceMapFile {
  sources: string[];
  sourcesContent?: (string | null)[];
  mappings: string;
}

/** Decoded mapping of one generated line: [generated column, source index, source line], sorted by column. */
type Line = [number, number, number][];

interface Decoded {
  sources: string[];
  lines: Line[];
  /** Per source: for each line, the name of the top-level function it belongs to (or ''). */
  enclosing: string[][];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Decode a source map v3 `mappings` string (base64 VLQ) into per-line segments. */
export function decodeMappings(mappings: string): Line[] {
  const lines: Line[] = [];
  let line: Line = [];
  let col = 0;
  let src = 0;
  let srcLine = 0;
  let srcCol = 0;
  let name = 0;
  let fields: number[] = [];
  let value = 0;
  let shift = 0;
  const flushSegment = () => {
    if (fields.length >= 4) {
      col += fields[0] ?? 0;
      src += fields[1] ?? 0;
      srcLine += fields[2] ?? 0;
      srcCol += fields[3] ?? 0;
      if (fields.length >= 5) name += fields[4] ?? 0;
      line.push([col, src, srcLine]);
    } else if (fields.length >= 1) col += fields[0] ?? 0;
    fields = [];
  };
  for (let i = 0; i <= mappings.length; i++) {
    const c = mappings[i];
    if (c === undefined || c === ';') {
      flushSegment();
      lines.push(line);
      line = [];
      col = 0;
      continue;
    }
    if (c === ',') {
      flushSegment();
      continue;
    }
    const digit = B64_INDEX.get(c) ?? 0;
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  void srcCol;
  void name;
  return lines;
}

/** For each line of a source file, the name of the top-level function (or method-less arrow const) it lies in. */
function enclosingFunctions(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const l of text.split('\n')) {
    const m =
      /^(?:export )?(?:async )?function\*? ?([\w$]+)/.exec(l) ?? /^(?:export )?const ([\w$]+) = /.exec(l);
    if (m?.[1]) current = m[1];
    else if (/^\S/.test(l) && !/^[})\]]/.test(l)) current = '';
    out.push(current);
  }
  return out;
}

export class SourceMaps {
  private readonly maps = new Map<string, Decoded | null>();
  constructor(
    /** The served root (the build's outDir). */
    private readonly root: string,
    /** The URL the root is served at, ending in "/". */
    private readonly baseUrl: string,
  ) {}

  private load(url: string): Decoded | null {
    if (this.maps.has(url)) return this.maps.get(url) ?? null;
    let decoded: Decoded | null = null;
    if (url.startsWith(this.baseUrl)) {
      const file = join(this.root, `${url.slice(this.baseUrl.length).split('?')[0] ?? ''}.map`);
      if (existsSync(file)) {
        const map = JSON.parse(readFileSync(file, 'utf8')) as SourceMapFile;
        decoded = {
          sources: map.sources,
          lines: decodeMappings(map.mappings),
          enclosing: map.sources.map((_, i) => enclosingFunctions(map.sourcesContent?.[i] ?? '')),
        };
      }
    }
    this.maps.set(url, decoded);
    return decoded;
  }

  /** Original source path (as written in the map, e.g. `../../src/ui/panels.ts`) and enclosing function. */
  locate(url: string, line: number, col: number): { source: string; fn: string } | null {
    const d = this.load(url);
    const segs = d?.lines[line];
    if (!d || !segs || segs.length === 0) return null;
    let lo = 0;
    let hi = segs.length - 1;
    if ((segs[0]?.[0] ?? 0) > col) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segs[mid]?.[0] ?? 0) <= col) lo = mid;
      else hi = mid - 1;
    }
    const seg = segs[lo];
    if (!seg) return null;
    return { source: d.sources[seg[1]] ?? '', fn: d.enclosing[seg[1]]?.[seg[2]] ?? '' };
  }
}

/**
 * Milliseconds of sampled time per part. Each sample is classified by the frame nearest to the leaf that decides:
 * src/ui/ or src/app/panel-sync.ts -> `panels` (the panel renderers and the selectors they compute first);
 * src/app/map-sync.ts, src/layers/ or src/map/ -> `layers` (the map's reactions, layer factories and the deck.gl work
 * they start synchronously); any other src/app/ file or main.ts -> `other` (the watches' and the timer's plumbing).
 * Frames in src/state, src/derive, src/url and libraries do not decide; a stack with no deciding frame is `other`.
 * Idle and program samples count nowhere; `gc` is garbage collection.
 */
export function attribute(profile: CpuProfile, maps: SourceMaps): Record<Part | 'gc', number> {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** The part decided by the frame nearest to the leaf that decides; 'other' when none does. */
  const stackPart = (id: number): Part => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)?.callFrame;
      const loc = f?.url ? maps.locate(f.url, f.lineNumber, f.columnNumber) : null;
      if (!loc) continue;
      if (
        loc.source.includes('src/layers/') ||
        loc.source.includes('src/map/') ||
        loc.source.endsWith('src/app/map-sync.ts')
      )
        return 'layers';
      if (loc.source.includes('src/ui/') || loc.source.endsWith('src/app/panel-sync.ts')) return 'panels';
      if (loc.source.endsWith('src/main.ts') || loc.source.includes('src/app/')) return 'other';
    }
    return 'other';
  };
  const partOf = new Map<number, Part | 'gc' | null>();
  const classify = (id: number): Part | 'gc' | null => {
    const cached = partOf.get(id);
    if (cached !== undefined) return cached;
    const name = byId.get(id)?.callFrame.functionName ?? '';
    const result =
      name === '(garbage collector)'
        ? 'gc'
        : name === '(idle)' || name === '(program)' || name === '(root)'
          ? null
          : stackPart(id);
    partOf.set(id, result);
    return result;
  };
  const out: Record<Part | 'gc', number> = { panels: 0, layers: 0, other: 0, gc: 0 };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const part = classify(samples[i] ?? 0);
    // A sample's time is the gap to the next sample (the last one gets the mean interval).
    const dt = deltas[i + 1] ?? deltas[i] ?? 0;
    if (part) out[part] += dt / 1000;
  }
  return out;
}
