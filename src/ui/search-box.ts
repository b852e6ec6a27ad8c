// The search box of the first view: a plain input and its (empty) result list; src/ui/search.ts brings them to life.
import { el } from './dom';

export interface SearchBox {
  root: HTMLElement;
  input: HTMLInputElement;
  list: HTMLElement;
}

export const SEARCH_LIST_ID = 'search-results';

export function searchBox(): SearchBox {
  const input = el('input', {
    type: 'search',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': SEARCH_LIST_ID,
    'aria-autocomplete': 'list',
    'aria-label': 'Search sites, countries, minerals, measures and projects',
    placeholder: 'Search (press /)',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'search',
  });
  const list = el('div', {
    id: SEARCH_LIST_ID,
    role: 'listbox',
    class: 'search-results',
    'aria-label': 'Search results',
    'data-testid': 'search-results',
  });
  list.hidden = true;
  const root = el('div', { class: 'search', role: 'search' }, input, list);
  return { root, input, list };
}
