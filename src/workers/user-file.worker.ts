// Web Worker: reads a reader's file (bytes -> sites or flows) off the main thread, reporting progress as it goes.
import {
  readUserFile,
  type Mapping,
  type ReadResult,
  type Reference,
  type UserDataKind,
} from '../derive/user-data';

export interface ReadRequest {
  bytes: ArrayBuffer;
  name: string;
  mapping?: Mapping;
  kind?: UserDataKind;
  reference: Reference;
}

export type ReadReply = { type: 'progress'; fraction: number } | { type: 'done'; result: ReadResult };

const post = (reply: ReadReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = (e: MessageEvent<ReadRequest>) => {
  const { bytes, name, mapping, kind, reference } = e.data;
  let last = -1;
  const result = readUserFile(new Uint8Array(bytes), name, mapping, {
    reference,
    ...(kind ? { kind } : {}),
    onProgress: (fraction) => {
      // At most one message per percent: a 200,000-row file does not flood the page.
      const pct = Math.floor(fraction * 100);
      if (pct !== last) {
        last = pct;
        post({ type: 'progress', fraction });
      }
    },
  });
  post({ type: 'done', result });
};
