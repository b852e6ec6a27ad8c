// The side panel's layout: title, search box, toolbar, counts, filters, legend, chart, export controls and scenario sections.
import { t, type Lang } from '../i18n';
import type { AppStore } from '../state/store';
import { bindCounts } from './counts';
import { el } from './dom';
import { panelHeader } from './panel-header';
import { mountSheet } from './sheet';
import { bindFilters } from './filters';
import { labelSearchBox, searchBox, type SearchBox } from './search-box';
import { labelToolbar, toolbar, type ToolbarHandlers } from './toolbar';

export interface PanelRefs {
  filters: HTMLElement;
  counts: HTMLElement;
  legend: HTMLElement;
  chart: HTMLElement;
  scenario: HTMLElement;
  measures: HTMLElement;
  projects: HTMLElement;
  /** "Your data": filled by src/app/user-data.ts after the first view. */
  user: HTMLElement;
  search: SearchBox;
  /** Relabel the panel's fixed parts (header, toolbar, search, sheet) in `lang`; the sections re-render themselves. */
  setLang(lang: Lang): void;
}

export interface PanelHandlers extends ToolbarHandlers {
  /** Open the projects layer and panel. */
  onProjects(): void;
  /** Another language's text could not be loaded (the UI stays in the language it is in). */
  onLangFailed(error: unknown): void;
}

export function mountPanel(root: HTMLElement, store: AppStore, handlers: PanelHandlers): PanelRefs {
  // Labels are set by setLang below (called at once, and on every language switch).
  const filters = el('section', { 'data-testid': 'filter-panel', class: 'filters' });
  const counts = el('section', { class: 'counts', 'aria-live': 'polite' });
  const legend = el('section', { 'data-testid': 'legend', class: 'legend' });
  const chart = el('section', { class: 'chart', 'data-testid': 'share-chart' });
  const scenario = el('section', { class: 'scenario', 'data-testid': 'scenario-panel' });
  // The placeholders below are relabelled by setLang (the measures and projects panels replace them once loaded).
  const measuresTitle = el('h2', {});
  const measuresLoading = el('p', { class: 'muted' });
  const measures = el(
    'section',
    { class: 'measures', 'data-testid': 'measures-panel' },
    measuresTitle,
    measuresLoading,
  );
  const projectsTitle = el('h2', {});
  const projectsToggle = el('button', {
    type: 'button',
    'data-action': 'open-projects',
    'data-testid': 'projects-toggle',
  });
  const projects = el(
    'section',
    { class: 'projects', 'data-testid': 'projects-panel' },
    projectsTitle,
    projectsToggle,
  );
  projects.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('[data-action="open-projects"]')) handlers.onProjects();
  });
  const user = el('section', { class: 'user-data', 'data-testid': 'user-data' });
  const about = el('button', { type: 'button', class: 'link', 'data-testid': 'about-button' });
  about.addEventListener('click', () => handlers.onAbout());
  const search = searchBox();
  const header = panelHeader(store, handlers.onLangFailed);
  const bar = toolbar(handlers);
  root.append(
    header.root,
    search.root,
    bar,
    counts,
    filters,
    legend,
    chart,
    measures,
    projects,
    scenario,
    user,
    about,
  );
  const sheet = mountSheet(root);
  bindFilters(filters, store);
  bindCounts(counts, store);
  const setLang = (lang: Lang) => {
    header.setLang(lang);
    labelToolbar(bar, lang);
    labelSearchBox(search, lang);
    sheet.setLang(lang);
    filters.setAttribute('aria-label', t(lang).app.filtersLabel);
    legend.setAttribute('aria-label', t(lang).app.legendLabel);
    const m = t(lang).sections;
    chart.setAttribute('aria-label', m.chart);
    scenario.setAttribute('aria-label', m.scenario);
    measures.setAttribute('aria-label', m.measures);
    measuresTitle.textContent = m.measures;
    measuresLoading.textContent = m.measuresLoading;
    projects.setAttribute('aria-label', m.projects);
    projectsTitle.textContent = m.projects;
    projectsToggle.textContent = m.projectsShow;
    about.textContent = m.about;
  };
  setLang(store.getState().lang);
  return { filters, counts, legend, chart, scenario, measures, projects, user, search, setLang };
}
