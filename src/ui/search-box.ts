// The search box of the first view: a plain input and its (empty) result list; src/ui/search.ts brings them to life.
import { t, type Lang } from '../i18n';
import { el } from './dom';

export interface SearchBox {
  root: HTMLElement;
  input: HTMLInputElement;
  list: HTMLElement;
}

export const SEARCH_LIST_ID = 'search-results';

/** Put `lang`'s label, placeholder and list label on the box (on start and on every language switch). */
export function labelSearchBox(box: SearchBox, lang: Lang): void {
  const m = t(lang).search;
  box.input.setAttribute('aria-label', m.label);
  box.input.placeholder = m.placeholder;
  box.list.setAttribute('aria-label', m.results);
}

export function searchBox(lang: Lang = 'en'): SearchBox {
  const input = el('input', {
    type: 'search',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': SEARCH_LIST_ID,
    'aria-autocomplete': 'list',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'search',
  });
  const list = el('div', {
    id: SEARCH_LIST_ID,
    role: 'listbox',
    class: 'search-results',
    'data-testid': 'search-results',
  });
  list.hidden = true;
  const root = el('div', { class: 'search', role: 'search' }, input, list);
  const box = { root, input, list };
  labelSearchBox(box, lang);
  return box;
}
