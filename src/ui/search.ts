// The search box's behaviour (loaded on first use): the index, the grouped result list, keyboard moves and selecting.
import { KIND_LABELS } from '../config/app';
import {
  buildSearchIndex,
  searchIndex,
  searchItems,
  type SearchGroup,
  type SearchIndex,
  type SearchResult,
} from '../derive/search';
import { t } from '../i18n';
import { actions, type AppState, type AppStore } from '../state/store';
import { el } from './dom';
import type { SearchBox } from './search-box';

/** Results shown per group. */
const PER_GROUP = 6;
/** Camera zoom when moving to a found site or project, and to a country or a measure's country. */
const ZOOM_PLACE = 7;
const ZOOM_COUNTRY = 4;

/** Moves the camera to [lng, lat] degrees at a MapLibre zoom (nothing without a map). */
export type MoveCamera = (lng: number, lat: number, zoom: number) => void;

/** The index, rebuilt only when what it is built from changes (measures or projects arriving). */
function indexCache(store: AppStore): () => SearchIndex | null {
  let key: readonly unknown[] = [];
  let index: SearchIndex | null = null;
  return () => {
    const s = store.getState();
    if (!s.data) return null;
    const next = [s.data, s.measures, s.projects];
    if (index && next.every((v, i) => v === key[i])) return index;
    key = next;
    index = buildSearchIndex(
      searchItems({
        sites: s.data.sites,
        countries: s.data.countries,
        minerals: s.data.minerals,
        measures: s.measures?.measures ?? null,
        projects: s.projects?.projects ?? null,
        kindLabel: (k) => KIND_LABELS[k],
      }),
    );
    return index;
  };
}

/** Select a found thing in the store and move the camera to it. */
export function selectResult(store: AppStore, r: Pick<SearchResult, 'type' | 'id'>, move: MoveCamera): void {
  const s: AppState = store.getState();
  const data = s.data;
  if (!data) return;
  switch (r.type) {
    case 'site': {
      const site = data.sites.find((x) => x.id === r.id);
      if (!site) return;
      // The site must pass the filters to be drawn (derive/filter.ts sitePasses): add its first mineral, kind and
      // status where they are hidden, and drop a focus on another country.
      const f = s.filters;
      const patch: Partial<AppState['filters']> = {};
      const first = site.minerals[0];
      if (first && !site.minerals.some((m) => f.minerals.includes(m)))
        patch.minerals = [...f.minerals, first];
      if (!f.kinds.includes(site.kind)) patch.kinds = [...f.kinds, site.kind];
      if (!f.statuses.includes(site.status)) patch.statuses = [...f.statuses, site.status];
      if (f.focus !== null && f.focus !== site.country) patch.focus = null;
      if (Object.keys(patch).length > 0) actions.setFilters(store, patch);
      actions.select(store, { type: 'site', id: site.id });
      move(site.position[0], site.position[1], Math.max(ZOOM_PLACE, s.view.zoom));
      return;
    }
    case 'country': {
      const c = data.countries.get(r.id);
      if (!c) return;
      actions.setFilters(store, { focus: c.iso3 });
      move(c.anchor[0], c.anchor[1], ZOOM_COUNTRY);
      return;
    }
    case 'mineral':
      actions.setFilters(store, { minerals: [r.id] });
      return;
    case 'measure': {
      const m = s.measures?.measures.find((x) => x.id === r.id);
      if (!m) return;
      actions.selectMeasure(store, m.id);
      const c = data.countries.get(m.country);
      if (c) move(c.anchor[0], c.anchor[1], ZOOM_COUNTRY);
      return;
    }
    case 'project': {
      const p = s.projects?.projects.find((x) => x.id === r.id);
      if (!p) return;
      actions.setProjectsView(store, { open: true, selected: p.id });
      move(p.position[0], p.position[1], Math.max(ZOOM_PLACE, s.view.zoom));
      return;
    }
  }
}

/** Wire the box: results as the user types, ArrowUp/ArrowDown/Enter/Escape, click to select. */
export function bindSearch(box: SearchBox, store: AppStore, move: MoveCamera): void {
  const { input, list } = box;
  const index = indexCache(store);
  let shown: SearchResult[] = [];
  let active = -1;
  const optionId = (i: number) => `search-option-${i}`;

  function setActive(i: number): void {
    const prev = list.querySelector(`#${optionId(active)}`);
    prev?.setAttribute('aria-selected', 'false');
    active = i;
    const next = i >= 0 ? list.querySelector<HTMLElement>(`#${optionId(i)}`) : null;
    if (next) {
      next.setAttribute('aria-selected', 'true');
      next.scrollIntoView({ block: 'nearest' });
      input.setAttribute('aria-activedescendant', next.id);
    } else input.removeAttribute('aria-activedescendant');
  }

  function close(): void {
    shown = [];
    active = -1;
    list.replaceChildren();
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function render(groups: SearchGroup[]): void {
    shown = [];
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const lang = store.getState().lang;
    const m = t(lang).searchResults;
    // Labels and details come from the data (English names): marked so inside a page in another language.
    const dataLang = lang === 'en' ? undefined : 'en';
    const nodes = groups.map((g) => {
      const options = g.results.map((r) => {
        const i = shown.push(r) - 1;
        return el(
          'div',
          {
            id: optionId(i),
            role: 'option',
            'aria-selected': 'false',
            class: 'search-option',
            'data-testid': 'search-result',
            'data-type': r.type,
            'data-id': r.id,
            'data-index': String(i),
          },
          el('span', { class: 'search-label', lang: dataLang }, r.label),
          el('span', { class: 'search-detail', lang: dataLang }, r.detail),
        );
      });
      return el(
        'div',
        { role: 'group', 'aria-label': m[g.type], class: 'search-group' },
        el('div', { class: 'search-heading', 'aria-hidden': 'true' }, m[g.type]),
        ...options,
      );
    });
    if (nodes.length === 0) nodes.push(el('div', { class: 'search-empty muted' }, m.noMatches));
    list.replaceChildren(...nodes);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function update(): void {
    const idx = index();
    if (!idx || input.value.trim() === '') return close();
    render(searchIndex(idx, input.value, PER_GROUP));
  }

  function choose(i: number): void {
    const r = shown[i];
    if (!r) return;
    close();
    input.value = r.label;
    selectResult(store, r, move);
  }

  input.addEventListener('input', update);
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '' && list.hidden) update();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) update();
      if (shown.length === 0) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + shown.length) % shown.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active >= 0 ? active : 0);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      input.value = '';
      close();
    }
  });
  // Keep the focus in the box while an option is pressed, so blur does not close the list first.
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const option = (e.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    if (option) choose(Number(option.dataset.index));
  });
  // Data arriving while the box is open (the first view, measures, projects) refreshes the results.
  store.subscribe((s, prev) => {
    if (document.activeElement !== input) return;
    if (s.data !== prev.data || s.measures !== prev.measures || s.projects !== prev.projects) update();
  });
  if (document.activeElement === input) update();
  // Build the index now (once), off the keystroke: the first letter typed then only searches.
  setTimeout(index, 0);
}
