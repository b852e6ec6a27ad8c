// Web Worker: a year's flow file (bytes) -> validated flows and their value-sorted table, moved back as typed arrays.
import { DataFileError, parseFlows, type DataProblem } from '../data/load';
import type { FilterIndex } from '../derive/filter';
import { packYear, packetTransfer, type YearPacket } from '../derive/year-packet';
import type { ControlReading } from '../model/measures';

export interface YearRequest {
  id: number;
  bytes: ArrayBuffer;
  file: string;
  /** Countries with an anchor (flows naming others are reported and skipped, as on the page). */
  known: string[];
  index: FilterIndex;
  reading: ControlReading;
}

export type YearReply = { id: number } & (
  | { ok: true; packet: YearPacket; problems: DataProblem[] }
  | { ok: false; file: string | null; message: string }
);

const post = (reply: YearReply, transfer: ArrayBuffer[] = []) =>
  (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = async (e: MessageEvent<YearRequest>) => {
  const { id, bytes, file, known, index, reading } = e.data;
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    post({ id, ok: false, file, message: 'is not valid JSON' });
    return;
  }
  try {
    const problems: DataProblem[] = [];
    const parsed = await parseFlows(raw, file, new Set(known), problems);
    const packet = packYear(parsed, index, reading);
    post({ id, ok: true, packet, problems }, packetTransfer(packet));
  } catch (error) {
    post(
      error instanceof DataFileError
        ? { id, ok: false, file: error.file, message: error.message }
        : { id, ok: false, file: null, message: error instanceof Error ? error.message : String(error) },
    );
  }
};
