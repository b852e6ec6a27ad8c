// The "Your data" section: open or drop a file, progress and cancel, what was kept and rejected, the files kept here.
import { more } from '../i18n/more';
import { formatCount, LOCALES, type Lang } from '../i18n';
import type { Rejected, UserFile } from '../model/user-data';
import { el, setChildren } from './dom';

/** What the section shows besides the files: a read in progress, and the last outcome. */
export interface UserPanelStatus {
  busy: { name: string; fraction: number } | null;
  outcome:
    | { kind: 'added'; file: UserFile }
    | { kind: 'error'; name: string; reason: string; canChooseColumns: boolean }
    | { kind: 'info'; text: string }
    | null;
}

export interface UserPanelHandlers {
  open(file: File): void;
  cancel(): void;
  chooseColumns(): void;
  remove(id: string): void;
  download(id: string): void;
  combine(on: boolean): void;
}

export interface UserPanelInput {
  lang: Lang;
  files: readonly UserFile[];
  combine: boolean;
  storage: 'idle' | 'ready' | 'unavailable';
  status: UserPanelStatus;
}

/** Rejected rows listed at most (the rest counted). */
const LIST_REJECTED = 100;

/** Mounts the section's controls in `root` (once) and returns a render for its changing part. */
export function mountUserPanel(root: HTMLElement, handlers: UserPanelHandlers) {
  const input = el('input', {
    type: 'file',
    accept: '.csv,.tsv,.txt,.geojson,.json,text/csv,application/geo+json,application/json',
    'data-testid': 'user-file-input',
    class: 'visually-hidden',
  });
  const openButton = el('button', { type: 'button', 'data-testid': 'user-file-open' });
  const dropNote = el('span', { class: 'muted' });
  const body = el('div', { class: 'user-data-body' });
  const heading = el('h2', {});
  const intro = el('p', { class: 'muted' });
  root.replaceChildren(
    heading,
    intro,
    el('div', { class: 'user-data-open' }, openButton, dropNote, input),
    body,
  );

  openButton.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be opened again
    if (file) handlers.open(file);
  });
  // The whole section is a drop target; the page itself never navigates to a dropped file.
  root.addEventListener('dragover', (e) => {
    e.preventDefault();
    root.classList.add('dropping');
  });
  root.addEventListener('dragleave', () => root.classList.remove('dropping'));
  root.addEventListener('drop', (e) => {
    e.preventDefault();
    root.classList.remove('dropping');
    const file = e.dataTransfer?.files[0];
    if (file) handlers.open(file);
  });
  body.addEventListener('click', (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const id = button.dataset.file ?? '';
    if (button.dataset.action === 'cancel') handlers.cancel();
    else if (button.dataset.action === 'columns') handlers.chooseColumns();
    else if (button.dataset.action === 'remove') handlers.remove(id);
    else if (button.dataset.action === 'download') handlers.download(id);
  });
  body.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    if (box.dataset.testid === 'user-combine') handlers.combine(box.checked);
  });

  return {
    render(p: UserPanelInput): void {
      const m = more(p.lang).userData;
      // Whether the files saved in this browser have been read back yet (`idle` until then): a hook for tests.
      root.dataset.storage = p.storage;
      heading.textContent = m.title;
      intro.textContent = m.intro;
      openButton.textContent = m.open;
      openButton.disabled = p.status.busy !== null;
      input.setAttribute('aria-label', m.fileLabel);
      dropNote.textContent = m.drop;
      const date = new Intl.DateTimeFormat(LOCALES[p.lang], { dateStyle: 'medium' });
      const hasFlows = p.files.some((f) => f.kind === 'flows');
      setChildren(
        body,
        progress(p),
        outcome(p),
        p.files.length > 0 &&
          el(
            'ul',
            { class: 'user-files', 'data-testid': 'user-files' },
            ...p.files.map((f) =>
              el(
                'li',
                { 'data-testid': 'user-file', 'data-id': f.id, 'data-kind': f.kind },
                el('strong', {}, f.name),
                ' ',
                el(
                  'span',
                  { class: 'muted' },
                  m.fileSummary(
                    formatCount(p.lang, f.kind === 'sites' ? f.sites.length : f.flows.length),
                    f.kind === 'sites' ? m.sites : m.flows,
                    date.format(new Date(f.addedAt)),
                  ),
                ),
                ' ',
                el(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    'data-action': 'download',
                    'data-file': f.id,
                    'data-testid': 'user-file-download',
                    'aria-label': m.downloadTitle(f.name),
                  },
                  m.download,
                ),
                ' ',
                el(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    'data-action': 'remove',
                    'data-file': f.id,
                    'data-testid': 'user-file-remove',
                    'aria-label': m.removeTitle(f.name),
                  },
                  m.remove,
                ),
              ),
            ),
          ),
        hasFlows &&
          el(
            'label',
            { class: 'user-combine' },
            el('input', {
              type: 'checkbox',
              'data-testid': 'user-combine',
              ...(p.combine ? { checked: '' } : {}),
            }),
            ` ${m.combine}`,
          ),
        hasFlows && p.combine && el('p', { class: 'muted' }, m.combineNote),
        p.files.length > 0 && el('p', { class: 'muted' }, m.local),
        p.storage === 'unavailable' &&
          el('p', { class: 'muted', 'data-testid': 'user-no-storage' }, m.noStorage),
      );
    },
  };
}

function progress(p: UserPanelInput): HTMLElement | null {
  const busy = p.status.busy;
  if (!busy) return null;
  const m = more(p.lang).userData;
  const pct = new Intl.NumberFormat(LOCALES[p.lang], { style: 'percent' }).format(busy.fraction);
  return el(
    'div',
    { class: 'user-progress', 'data-testid': 'user-progress', role: 'status' },
    el('progress', { max: '1', value: String(busy.fraction), 'aria-label': m.reading(busy.name, pct) }),
    el('span', {}, m.reading(busy.name, pct)),
    ' ',
    el('button', { type: 'button', 'data-action': 'cancel', 'data-testid': 'user-file-cancel' }, m.cancel),
  );
}

function outcome(p: UserPanelInput): HTMLElement | null {
  const o = p.status.outcome;
  if (!o) return null;
  const m = more(p.lang).userData;
  if (o.kind === 'error')
    return el(
      'div',
      { class: 'user-error', role: 'alert', 'data-testid': 'user-error' },
      el(
        'p',
        {},
        `${m.failed(o.name)} `,
        // The reader's words (English): marked so on a Japanese page.
        el('span', { lang: p.lang === 'en' ? undefined : 'en' }, o.reason),
        ` ${m.unchanged}`,
      ),
      o.canChooseColumns &&
        el(
          'button',
          { type: 'button', 'data-action': 'columns', 'data-testid': 'user-choose-columns' },
          m.chooseColumns,
        ),
    );
  if (o.kind === 'info') return el('p', { role: 'status', 'data-testid': 'user-status' }, o.text);
  const f = o.file;
  return el(
    'div',
    { role: 'status', 'data-testid': 'user-status' },
    el(
      'p',
      {},
      m.added(
        f.name,
        formatCount(p.lang, f.kind === 'sites' ? f.sites.length : f.flows.length),
        f.kind === 'sites' ? m.sites : m.flows,
        formatCount(p.lang, f.rejectedCount),
      ),
      ' ',
      el('button', { type: 'button', class: 'link', 'data-action': 'columns' }, m.chooseColumns),
    ),
    f.rejectedCount > 0 && rejectedList(p.lang, f.rejected, f.rejectedCount, f.rowUnit),
  );
}

function rejectedList(lang: Lang, rejected: readonly Rejected[], total: number, unit: 'line' | 'feature') {
  const m = more(lang).userData;
  const shown = rejected.slice(0, LIST_REJECTED);
  return el(
    'details',
    { class: 'user-rejected', 'data-testid': 'user-rejected', open: '' },
    el('summary', {}, m.rejectedTitle(formatCount(lang, total))),
    el(
      'ol',
      {},
      ...shown.map((r) =>
        // The reason quotes the file's cell: shown as text, in English (the validator's words).
        el(
          'li',
          { 'data-row': String(r.row) },
          m.rejectedRow(unit, String(r.row)),
          el('span', { lang: lang === 'en' ? undefined : 'en' }, r.reason),
        ),
      ),
    ),
    total > shown.length &&
      el('p', { class: 'muted' }, m.rejectedMore(formatCount(lang, total - shown.length))),
  );
}
