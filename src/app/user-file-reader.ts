// Reads a reader's file in a Web Worker (progress, cancel); on the main thread only where workers cannot start.
import type { Mapping, ReadResult, Reference, UserDataKind } from '../derive/user-data';
import type { ReadReply, ReadRequest } from '../workers/user-file.worker';
import UserFileWorker from '../workers/user-file.worker.ts?worker';

export interface ReadJob {
  /** The result; `{ ok: false }` with a message on any failure, never a rejection. Cancelled jobs resolve `null`. */
  done: Promise<ReadResult | null>;
  cancel(): void;
}

export interface ReadInput {
  file: Blob & { name: string };
  reference: Reference;
  mapping?: Mapping;
  kind?: UserDataKind;
  onProgress(fraction: number): void;
}

/** Files larger than this are refused before reading (the 50 MB, with room). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function readInWorker(input: ReadInput): ReadJob {
  let worker: Worker | null = null;
  let settle: (r: ReadResult | null) => void = () => undefined;
  const done = new Promise<ReadResult | null>((resolve) => (settle = resolve));
  let cancelled = false;
  void (async () => {
    if (input.file.size > MAX_FILE_BYTES) {
      const mb = (input.file.size / 1024 / 1024).toFixed(0);
      settle({ ok: false, message: `The file is ${mb} MB: files up to 64 MB can be opened.` });
      return;
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await input.file.arrayBuffer();
    } catch (e) {
      settle({
        ok: false,
        message: `The file could not be opened (${e instanceof Error ? e.message : String(e)}).`,
      });
      return;
    }
    if (cancelled) return;
    const request: ReadRequest = {
      bytes,
      name: input.file.name,
      reference: input.reference,
      ...(input.mapping ? { mapping: input.mapping } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
    };
    try {
      worker = new UserFileWorker();
    } catch {
      worker = null;
    }
    if (!worker) {
      // No worker on this page (a policy forbids it): read here, which blocks the page while it runs.
      const { readUserFile } = await import('../derive/user-data');
      settle(
        readUserFile(new Uint8Array(bytes), request.name, request.mapping, { reference: request.reference }),
      );
      return;
    }
    const w = worker;
    w.onmessage = (e: MessageEvent<ReadReply>) => {
      if (e.data.type === 'progress') input.onProgress(e.data.fraction);
      else {
        settle(e.data.result);
        w.terminate();
      }
    };
    w.onerror = (e) => {
      e.preventDefault();
      settle({ ok: false, message: `The file could not be read (${e.message || 'the reader stopped'}).` });
      w.terminate();
    };
    w.postMessage(request, [bytes]);
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      worker?.terminate();
      settle(null);
    },
  };
}
