// The "Your data" controller (loaded after the first view): files read in a worker, kept in IndexedDB, in the store.
import { more } from '../i18n/more';
import { userFileCsv } from '../derive/user-data/export';
import { toUserFile } from '../derive/user-data/file';
import type { Mapping, ReadResult, Reference, UserDataKind } from '../derive/user-data';
import { formatCount, mineralName } from '../i18n';
import { countryLabel } from '../i18n/countries';
import { actions, type AppState } from '../state/store';
import { chooseColumns } from '../ui/column-dialog';
import { mountUserPanel, type UserPanelStatus } from '../ui/user-data-panel';
import type { App } from './context';
import { readInWorker, type ReadJob } from './user-file-reader';
import { openUserStore, type UserStore } from './user-store';
import { measure } from './timing';
import { watch } from './watch';

/** The last file read: what the column dialog needs to read it again with other columns. */
interface LastRead {
  file: File;
  headers: string[];
  mapping: Mapping;
  kind: UserDataKind;
  /** The file already added from this read (replaced when it is read again), if any. */
  addedId: string | null;
}

/**
 * What cells are matched to: our minerals and countries by id, English name and Japanese name (the glossary's and
 * CLDR's), so a Japanese reader's file may write 中国 or レアアース.
 */
const reference = (s: AppState): Reference => {
  const minerals = s.data?.minerals ?? [];
  const countries = [...(s.data?.countries.values() ?? [])];
  return {
    minerals: [
      ...minerals.map((m) => ({ id: m.id, name: m.name })),
      ...minerals.map((m) => ({ id: m.id, name: mineralName('ja', m.id, m.name) })),
    ],
    countries: [
      ...countries.map((c) => ({ iso3: c.iso3, name: c.name })),
      ...countries.map((c) => ({ iso3: c.iso3, name: countryLabel('ja', c).text })),
    ],
  };
};

export async function startUserData(app: App, root: HTMLElement): Promise<void> {
  const { store } = app;
  let status: UserPanelStatus = { busy: null, outcome: null };
  let job: ReadJob | null = null;
  let last: LastRead | null = null;
  let saved: UserStore | null = null;

  const panel = mountUserPanel(root, {
    open: (file) => void read(file),
    cancel: () => job?.cancel(),
    chooseColumns: () => void pickColumns(),
    remove: (id) => void remove(id),
    download,
    combine: (on) => actions.setUserCombine(store, on),
  });
  const render = () => {
    const s = store.getState();
    panel.render({
      lang: s.lang,
      files: s.userData.files,
      combine: s.userData.combine,
      storage: s.userData.storage,
      status,
    });
  };
  const setStatus = (next: Partial<UserPanelStatus>) => {
    status = { ...status, ...next };
    render();
  };
  watch(store, (s) => [s.userData, s.lang] as const, render);
  render();

  async function read(file: File, mapping?: Mapping, kind?: UserDataKind): Promise<void> {
    if (job) return;
    const t0 = performance.now();
    const m = () => more(store.getState().lang).userData;
    setStatus({ busy: { name: file.name, fraction: 0 }, outcome: null });
    job = readInWorker({
      file,
      reference: reference(store.getState()),
      ...(mapping ? { mapping } : {}),
      ...(kind ? { kind } : {}),
      onProgress: (fraction) => setStatus({ busy: { name: file.name, fraction } }),
    });
    const result: ReadResult | null = await job.done;
    job = null;
    if (result === null) {
      setStatus({ busy: null, outcome: { kind: 'info', text: m().cancelled(file.name) } });
      return;
    }
    if (!result.ok) {
      if (result.headers && result.mapping)
        last = {
          file,
          headers: result.headers,
          mapping: result.mapping,
          kind: kind ?? 'sites',
          addedId: mapping ? (last?.addedId ?? null) : null,
        };
      fail(file.name, result.message, Boolean(result.headers));
      return;
    }
    if (result.items.length === 0) {
      const first = result.rejected[0];
      const why = first ? ` (${result.rowUnit} ${first.row}: ${first.reason})` : '';
      last = { file, headers: result.headers, mapping: result.mapping, kind: result.kind, addedId: null };
      fail(file.name, `None of its ${formatCount('en', result.rowCount)} rows could be used${why}.`, true);
      return;
    }
    const userFile = toUserFile(file.name, result);
    // Read again with other columns: the new reading replaces the one it corrects.
    const replaced = mapping && last?.file === file ? last.addedId : null;
    last = {
      file,
      headers: result.headers,
      mapping: result.mapping,
      kind: result.kind,
      addedId: userFile.id,
    };
    if (replaced) await remove(replaced, true);
    actions.addUserFile(store, userFile);
    setStatus({ busy: null, outcome: { kind: 'added', file: userFile } });
    // File picked to file on the map and in the panel (the benchmark and the browser tests read it).
    measure('cmm:user-file', t0);
    if (saved) {
      try {
        await saved.put(userFile);
      } catch {
        actions.notify(store, 'warning', m().saveFailed(file.name));
      }
    }
  }

  function fail(name: string, reason: string, canChooseColumns: boolean): void {
    const m = more(store.getState().lang).userData;
    setStatus({ busy: null, outcome: { kind: 'error', name, reason, canChooseColumns } });
    actions.notify(store, 'warning', `${m.failed(name)} ${reason} ${m.unchanged}`);
  }

  async function pickColumns(): Promise<void> {
    if (!last || job) return;
    const s = store.getState();
    const choice = await chooseColumns(
      document.body,
      s.lang,
      last.file.name,
      last.headers,
      last.mapping,
      last.kind,
    );
    if (choice) await read(last.file, choice.mapping, choice.kind);
  }

  async function remove(id: string, quiet = false): Promise<void> {
    const file = store.getState().userData.files.find((f) => f.id === id);
    if (!file) return;
    actions.removeUserFile(store, id);
    if (!quiet)
      setStatus({ outcome: { kind: 'info', text: more(store.getState().lang).userData.removed(file.name) } });
    try {
      await saved?.remove(id);
    } catch {
      // Gone from the map; the browser's copy is removed on the next successful write.
    }
  }

  function download(id: string): void {
    const file = store.getState().userData.files.find((f) => f.id === id);
    if (!file) return;
    const stem = file.name.replace(/\.[^.]*$/, '') || 'your-data';
    void import('../ui/export').then((mod) =>
      mod.download(`${stem}-as-read.csv`, new Blob([userFileCsv(file)], { type: 'text/csv;charset=utf-8' })),
    );
  }

  // Files kept from earlier visits: shown as soon as they are read back; a browser without a store says so.
  try {
    saved = await openUserStore();
    const files = await saved.all();
    actions.userFilesRestored(store, files, 'ready');
  } catch {
    saved = null;
    actions.userFilesRestored(store, [], 'unavailable');
  }
}
