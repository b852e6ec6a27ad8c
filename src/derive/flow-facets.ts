// Facet counts over a year's flow table: per mineral, per risk mode and per reason, with the other filters as set.
import { RISK_REASONS, type FilterSpec } from '../model/filters';
import { RISK_BITS, RISK_CODE_MAX } from './risk-codes';
import { reasonsMask, type FilterIndex } from './filter';
import { compile, focusOk } from './flow-compile';
import { countAtLeast, NO_MINERAL, type FlowTable } from './flow-table';

/** Flow facet counts: per mineral (every other filter as set), per risk mode and per reason (selected minerals). */
export interface FlowFacets {
  /** By FilterIndex.mineral. */
  mineralFlows: Uint32Array;
  risk: { all: number; china: number; 'no-china': number };
  /** In RISK_REASONS order. */
  reasons: number[];
}

/** One pass over the rows above the minimum value (the same predicates as selectFlowRows). */
export function flowFacets(t: FlowTable, f: FilterSpec, index: FilterIndex): FlowFacets {
  const c = compile(f, index);
  const end = countAtLeast(t.value, c.minValue);
  const mask = reasonsMask(f.reasons);
  const mineralFlows = new Uint32Array(index.mineral.size);
  const byCode = new Uint32Array(RISK_CODE_MAX + 1);
  const { mineral, risk, exporter, importer } = t;
  for (let r = 0; r < end; r++) {
    if (c.focus !== -1 && !focusOk(c, exporter[r] as number, importer[r] as number)) continue;
    const m = mineral[r] as number;
    const code = risk[r] as number;
    if (c.riskOk[code] === 1 && m !== NO_MINERAL) mineralFlows[m] = (mineralFlows[m] as number) + 1;
    if (c.mineralOk[m] === 1) byCode[code] = (byCode[code] as number) + 1;
  }
  const out = { all: 0, china: 0, 'no-china': 0 };
  const reasons = RISK_REASONS.map(() => 0);
  for (let code = 0; code <= RISK_CODE_MAX; code++) {
    const n = byCode[code] as number;
    if (n === 0) continue;
    out.all += n;
    if ((code & mask) !== 0) out.china += n;
    else out['no-china'] += n;
    RISK_REASONS.forEach((reason, k) => {
      if ((code & RISK_BITS[reason]) !== 0) reasons[k] = (reasons[k] ?? 0) + n;
    });
  }
  return { mineralFlows, risk: out, reasons };
}
