// A read result as a file the app keeps: ids unique across files, rejections capped, the count kept exact.
import { MAX_KEPT_REJECTIONS, type UserFile } from '../../model/user-data';
import type { ReadResult } from './index';

let serial = 0;

/**
 * A read result as a file the app keeps: ids prefixed with the file's id (unique across files), rejections capped at
 * MAX_KEPT_REJECTIONS (the count stays exact).
 */
export function toUserFile(
  name: string,
  result: Extract<ReadResult, { ok: true }>,
  now = new Date(),
): UserFile {
  const id = `file-${now.getTime().toString(36)}-${(serial++).toString(36)}`;
  return {
    id,
    name,
    kind: result.kind,
    addedAt: now.toISOString(),
    rowCount: result.rowCount,
    rowUnit: result.rowUnit,
    rejected: result.rejected.slice(0, MAX_KEPT_REJECTIONS),
    rejectedCount: result.rejected.length,
    sites: result.kind === 'sites' ? result.items.map((s) => ({ ...s, id: `${id}:${s.id}` })) : [],
    flows: result.kind === 'flows' ? result.items.map((f) => ({ ...f, id: `${id}:${f.id}` })) : [],
  };
}
