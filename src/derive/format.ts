// Number and text formatting for panels and tooltips (plain strings; the UI sets them as textContent).

/** "$514 M", "$1.2 B", "$950 k"; unknown values as "unknown". */
export function formatUsd(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'unknown';
  const abs = Math.abs(v);
  if (abs >= 1e9) return `$${(v / 1e9).toFixed(abs >= 1e10 ? 0 : 1)} B`;
  if (abs >= 1e6) return `$${(v / 1e6).toFixed(abs >= 1e7 ? 0 : 1)} M`;
  if (abs >= 1e3) return `$${(v / 1e3).toFixed(0)} k`;
  return `$${v.toFixed(0)}`;
}

/** Tonnes with thousands separators; null as "unknown (not in source)". */
export function formatTonnes(t: number | null | undefined): string {
  if (t === null || t === undefined || !Number.isFinite(t)) return 'unknown (not in source)';
  return `${t.toLocaleString('en-US', { maximumFractionDigits: t < 10 ? 2 : 0 })} t`;
}

/** 0.4213 -> "42.1%". */
export function formatShare(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return 'unknown';
  return `${(s * 100).toFixed(s < 0.1 ? 1 : 0)}%`;
}
