// The About / Data dialog (a lazy chunk, opened on demand): every dataset with publisher, licence and vintage, and the gaps.
import { more } from '../i18n/more';
import { type Lang } from '../i18n';
import type { StaticData } from '../state/store';
import { el, safeLink, setChildren } from './dom';
import { dataTable } from './table';

export function renderAbout(dialog: HTMLDialogElement, data: StaticData | null, lang: Lang): void {
  const m = data?.manifest;
  const msg = more(lang).about;
  // The datasets' titles, publishers, licences, vintages and the gaps are the data's (English) text.
  const dataLang = lang === 'en' ? undefined : 'en';
  const dataText = (text: string): Node | string => (dataLang ? el('span', { lang: dataLang }, text) : text);
  setChildren(
    dialog,
    el('button', { type: 'button', class: 'close', 'aria-label': msg.close }, '×'),
    el('h2', {}, msg.title),
    el('p', {}, msg.intro),
    el('h3', {}, msg.datasets),
    m
      ? dataTable({
          attrs: { class: 'sources-table', 'data-testid': 'sources-table' },
          rows: m.datasets,
          columns: [
            {
              label: msg.dataset,
              cell: (d) =>
                dataLang
                  ? el('span', { lang: dataLang }, safeLink(d.url, d.title))
                  : safeLink(d.url, d.title),
            },
            { label: msg.publisher, cell: (d) => dataText(d.publisher) },
            { label: msg.licence, cell: (d) => dataText(d.licence) },
            { label: msg.vintage, cell: (d) => dataText(d.vintage) },
          ],
        })
      : el('p', {}, msg.noSources),
    el('h3', {}, msg.gaps),
    el('ul', {}, ...(m?.gaps ?? []).map((g) => el('li', { lang: dataLang }, g))),
  );
  dialog.querySelector('button.close')?.addEventListener('click', () => dialog.close());
}
