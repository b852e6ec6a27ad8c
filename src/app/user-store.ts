// The reader's files kept in this browser's IndexedDB across reloads (never sent anywhere) until removed.
import type { UserFile } from '../model/user-data';

const DB_NAME = 'critical-minerals-map';
const STORE = 'user-files';

export interface UserStore {
  all(): Promise<UserFile[]>;
  put(file: UserFile): Promise<void>;
  remove(id: string): Promise<void>;
}

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

const finished = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

/** Opens the store; rejects where the browser has none (some private modes, a blocked or failing database). */
export async function openUserStore(idb: IDBFactory | undefined = globalThis.indexedDB): Promise<UserStore> {
  if (!idb) throw new Error('this browser has no IndexedDB');
  const open = idb.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE))
      open.result.createObjectStore(STORE, { keyPath: 'id' });
  };
  const db = await request(open);
  return {
    async all() {
      const files = (await request(
        db.transaction(STORE, 'readonly').objectStore(STORE).getAll(),
      )) as unknown[];
      // Files in the order they were opened; anything that is not a file of this version is skipped.
      return files
        .filter(isUserFile)
        .sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0));
    },
    async put(file) {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(file);
      await finished(tx);
    },
    async remove(id) {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(id);
      await finished(tx);
    },
  };
}

/** A saved record has the shape this version writes (the reader's browser may hold an older or damaged one). */
function isUserFile(x: unknown): x is UserFile {
  if (typeof x !== 'object' || x === null) return false;
  const f = x as Partial<UserFile>;
  return (
    typeof f.id === 'string' &&
    typeof f.name === 'string' &&
    (f.kind === 'sites' || f.kind === 'flows') &&
    typeof f.addedAt === 'string' &&
    Array.isArray(f.sites) &&
    Array.isArray(f.flows) &&
    Array.isArray(f.rejected) &&
    typeof f.rowCount === 'number' &&
    typeof f.rejectedCount === 'number'
  );
}
