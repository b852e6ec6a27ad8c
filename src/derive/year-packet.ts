// A year's flows and flow table as transferable typed arrays: built in the year worker, rebuilt as objects on the page.
import { flowRecord } from '../data/load';
import type { FlowCodes } from '../data/flow-columns';
import type { ControlReading } from '../model/measures';
import type { Flow, Source } from '../model/types';
import type { FilterIndex } from './filter';
import { buildFlowTable, type FlowTable } from './flow-table';

/** A parsed year file (data/load.ts parseFlows). */
export interface ParsedYear {
  year: number;
  flows: Flow[];
  complete: Record<string, boolean>;
  sources: Source[];
  codes: FlowCodes;
}

/**
 * Everything the page needs of a year, with no per-flow object: the flows as codes into their file's dictionaries
 * plus their numbers, and the value-sorted table's columns. Only typed arrays (moved, not copied, by postMessage)
 * and a few small objects.
 */
export interface YearPacket {
  year: number;
  complete: Record<string, boolean>;
  sources: Source[];
  codes: FlowCodes;
  /** Per flow (file order): valueUsd, tonnes (NaN for unknown), risk code as published. */
  valueUsd: Float64Array;
  tonnes: Float64Array;
  risk: Int32Array;
  /** The table's row r is flow order[r]. */
  order: Uint32Array;
  reading: ControlReading;
  table: Omit<FlowTable, 'flows'>;
}

/** Build the year's table (as the main thread would) and pack both; runs in the worker. */
export function packYear(parsed: ParsedYear, index: FilterIndex, reading: ControlReading): YearPacket {
  const { flows } = parsed;
  const n = flows.length;
  const table = buildFlowTable(flows, index, parsed.codes, reading);
  const valueUsd = new Float64Array(n);
  const tonnes = new Float64Array(n);
  const risk = new Int32Array(n);
  const position = new Map<Flow, number>();
  for (let i = 0; i < n; i++) {
    const f = flows[i] as Flow;
    valueUsd[i] = f.valueUsd;
    tonnes[i] = f.tonnes ?? NaN;
    risk[i] = f.risk;
    position.set(f, i);
  }
  const order = new Uint32Array(n);
  for (let r = 0; r < n; r++) order[r] = position.get(table.flows[r] as Flow) as number;
  const { flows: _objects, ...columns } = table;
  return {
    year: parsed.year,
    complete: parsed.complete,
    sources: parsed.sources,
    codes: parsed.codes,
    valueUsd,
    tonnes,
    risk,
    order,
    reading,
    table: columns,
  };
}

/** The buffers a packet moves to the page (every typed array in it). */
export function packetTransfer(p: YearPacket): ArrayBuffer[] {
  const t = p.table;
  const arrays = [
    p.codes.exporter,
    p.codes.importer,
    p.codes.mineral,
    p.codes.hs,
    p.valueUsd,
    p.tonnes,
    p.risk,
    p.order,
    t.value,
    t.usd,
    t.mineral,
    t.risk,
    t.exporter,
    t.importer,
    t.exporterShare,
    t.importerDependence,
    ...t.byMineral,
  ];
  // Subarrays of one buffer (the loader's codes) are moved once.
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** The page's side: the flow records (file order) and the table over them, for the index the packet was built for. */
export function unpackYear(p: YearPacket): { year: ParsedYear; table: FlowTable } {
  const n = p.valueUsd.length;
  const { codes } = p;
  const d = codes.dictionaries;
  const flows = new Array<Flow>(n);
  for (let i = 0; i < n; i++) {
    const t = p.tonnes[i] as number;
    flows[i] = flowRecord(
      p.year,
      d.country[codes.exporter[i] as number] as string,
      d.country[codes.importer[i] as number] as string,
      d.mineral[codes.mineral[i] as number] as string,
      d.hs[codes.hs[i] as number] as string,
      p.valueUsd[i] as number,
      Number.isNaN(t) ? null : t,
      p.risk[i] as number,
    );
  }
  const sorted = new Array<Flow>(n);
  for (let r = 0; r < n; r++) sorted[r] = flows[p.order[r] as number] as Flow;
  return {
    year: { year: p.year, flows, complete: p.complete, sources: p.sources, codes },
    table: { ...p.table, flows: sorted },
  };
}
