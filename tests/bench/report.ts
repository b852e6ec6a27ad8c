// Statistics and the printed table: medians, ratios app/reference, targets as PASS or FAIL, chunk sizes.
import type { FileSize } from './sizes';

export function median(values: readonly number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

export type Unit = 'ms' | 'KB' | 'MB' | 'n';

/** A value to print: a number in a unit, or a reason it could not be measured. */
export type Cell = { value: number; unit: Unit } | { na: string } | null;

export interface Row {
  metric: string;
  app: Cell;
  ref: Cell;
  /** Target text and verdict, e.g. { text: '<= 1.15x ref', pass: true }. */
  target?: { text: string; pass: boolean | null };
}

export interface Block {
  title: string;
  note?: string;
  rows: Row[];
}

export const kb = (bytes: number): Cell => ({ value: bytes / 1024, unit: 'KB' });
export const mb = (bytes: number): Cell => ({ value: bytes / (1024 * 1024), unit: 'MB' });
export const ms = (v: number): Cell => ({ value: v, unit: 'ms' });

function fmt(c: Cell): string {
  if (c === null) return '—';
  if ('na' in c) return c.na;
  if (!Number.isFinite(c.value)) return 'n/a';
  const v = c.value;
  const digits = c.unit === 'n' ? 0 : Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${c.unit === 'n' ? '' : ` ${c.unit}`}`;
}

export function ratio(a: Cell, b: Cell): number {
  if (!a || !b || 'na' in a || 'na' in b || b.value === 0) return NaN;
  return a.value / b.value;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function renderBlocks(blocks: readonly Block[]): string {
  const w = { metric: 68, app: 12, ref: 12, ratio: 9, target: 30 };
  const out: string[] = [];
  const header =
    pad('  metric', w.metric) +
    lpad('app', w.app) +
    lpad('reference', w.ref) +
    lpad('app/ref', w.ratio) +
    '  ' +
    pad('target', w.target) +
    'result';
  for (const b of blocks) {
    out.push('', b.title);
    if (b.note) out.push(`  (${b.note})`);
    out.push(header);
    for (const r of b.rows) {
      const q = ratio(r.app, r.ref);
      const verdict = r.target ? (r.target.pass === null ? 'n/a' : r.target.pass ? 'PASS' : 'FAIL') : '';
      out.push(
        pad(`  ${r.metric}`, w.metric) +
          lpad(fmt(r.app), w.app) +
          lpad(fmt(r.ref), w.ref) +
          // A ratio of two figures near zero (growth, say) means nothing: shown as a dash.
          lpad(Number.isFinite(q) && q > 0 && Math.abs(q) < 1000 ? `${q.toFixed(2)}x` : '—', w.ratio) +
          '  ' +
          pad(r.target?.text ?? '', w.target) +
          verdict,
      );
    }
  }
  return out.join('\n');
}

/** Per-file gzip sizes side by side; `seen` says in how many of the visits the file was requested before ready. */
export function renderChunks(
  app: { file: FileSize; seen: number; of: number }[],
  ref: { file: FileSize; seen: number; of: number }[],
): string {
  const out: string[] = [];
  const line = (who: string, x: { file: FileSize; seen: number; of: number }) =>
    `  ${pad(who, 5)}${pad(x.file.kind, 6)}${pad(x.file.path, 52)}${lpad((x.file.gzip / 1024).toFixed(1), 9)} KB gzip${lpad((x.file.raw / 1024).toFixed(1), 10)} KB raw${x.seen < x.of ? `  (requested before ready in ${x.seen}/${x.of} visits)` : ''}`;
  for (const x of app) out.push(line('app', x));
  for (const x of ref) out.push(line('ref', x));
  return out.join('\n');
}
