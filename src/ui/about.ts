// The About / Data dialog (a lazy chunk, opened on demand): every dataset with publisher, licence and vintage, and the gaps.
import type { StaticData } from '../state/store';
import { el, safeLink, setChildren } from './dom';
import { dataTable } from './table';

export function renderAbout(dialog: HTMLDialogElement, data: StaticData | null): void {
  const m = data?.manifest;
  setChildren(
    dialog,
    el('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×'),
    el('h2', {}, 'About the data'),
    el(
      'p',
      {},
      'Every site, share and flow on this map carries its source. Site locations show how precise they are; deposit layers are historic compilations and say so in their vintage.',
    ),
    el('h3', {}, 'Datasets'),
    m
      ? dataTable({
          attrs: { class: 'sources-table', 'data-testid': 'sources-table' },
          rows: m.datasets,
          columns: [
            { label: 'Dataset', cell: (d) => safeLink(d.url, d.title) },
            { label: 'Publisher', cell: (d) => d.publisher },
            { label: 'Licence', cell: (d) => d.licence },
            { label: 'Vintage', cell: (d) => d.vintage },
          ],
        })
      : el('p', {}, 'The sources list could not be loaded.'),
    el('h3', {}, 'Known gaps'),
    el('ul', {}, ...(m?.gaps ?? []).map((g) => el('li', {}, g))),
  );
  dialog.querySelector('button.close')?.addEventListener('click', () => dialog.close());
}
