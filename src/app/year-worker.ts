// The page's side of the year worker: one long-lived worker, a promise per year file; null where none can start.
import type { YearReply, YearRequest } from '../workers/year.worker';
import YearWorker from '../workers/year.worker.ts?worker';

export type YearBuild = (request: Omit<YearRequest, 'id'>) => Promise<YearReply>;

/**
 * A function that sends a year file's bytes to the worker (moved, not copied) and resolves with its reply; null when
 * this page cannot start a worker (a policy forbids it): the loader then parses and builds on the page, as before.
 * A worker that fails later (it cannot load its script) rejects every request it holds, and the next one is tried on
 * the page by the caller.
 */
export function yearWorker(): YearBuild | null {
  let worker: Worker;
  try {
    worker = new YearWorker();
  } catch {
    return null;
  }
  let next = 1;
  const pending = new Map<number, { ok: (r: YearReply) => void; fail: (e: unknown) => void }>();
  worker.onmessage = (e: MessageEvent<YearReply>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    p?.ok(e.data);
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.fail(new Error(e.message || 'the year worker stopped'));
    pending.clear();
  };
  return (request) =>
    new Promise<YearReply>((ok, fail) => {
      const id = next++;
      pending.set(id, { ok, fail });
      worker.postMessage({ ...request, id } satisfies YearRequest, [request.bytes]);
    });
}
