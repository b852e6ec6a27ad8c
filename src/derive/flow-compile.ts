// A FilterSpec compiled to lookup tables over a flow table's columns, shared by the selection and the facets.
import type { FilterSpec } from '../model/filters';
import { RISK_CODE_MAX } from './risk-codes';
import { keptSeries, reasonsMask, riskPasses, type FilterIndex } from './filter';
import { NO_MINERAL } from './flow-table';

/** A FilterSpec compiled to lookup tables over the table's columns (flowPasses, without the legibility cut). */
export interface Compiled {
  mineralOk: Uint8Array;
  riskOk: Uint8Array;
  minValue: number;
  /** -1: no focus; otherwise the focus country index (-2 if the country is unknown: nothing matches). */
  focus: number;
  role: FilterSpec['role'];
}

export function compile(f: FilterSpec, index: FilterIndex): Compiled {
  const mineralOk = new Uint8Array(256);
  for (const i of keptSeries(f, index)) if (i < NO_MINERAL) mineralOk[i] = 1;
  const mask = reasonsMask(f.reasons);
  const riskOk = new Uint8Array(RISK_CODE_MAX + 1);
  for (let c = 0; c <= RISK_CODE_MAX; c++) riskOk[c] = riskPasses(c, f.risk, mask) ? 1 : 0;
  return {
    mineralOk,
    riskOk,
    minValue: Math.fround(f.minValueUsd),
    focus: f.focus === null ? -1 : (index.country.get(f.focus) ?? -2),
    role: f.role,
  };
}

export function focusOk(c: Compiled, e: number, i: number): boolean {
  if (c.focus === -1) return true;
  if (c.role === 'exporter') return e === c.focus;
  if (c.role === 'importer') return i === c.focus;
  return e === c.focus || i === c.focus;
}
