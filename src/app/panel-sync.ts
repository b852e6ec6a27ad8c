// Store -> panels: embed chrome, notices, filters, counts, legend, details, chart and scenario panels, each when its
// inputs change.
import { LANGS, switchLang } from '../i18n';
import { labelResetView } from '../map/controls';
import { selectDrawnFlows, selectViewTitle, selectVisibleSites } from '../state/selectors';
import { actions, type AppState } from '../state/store';
import { selectCombinedUserFlows, selectUserDrawn } from '../state/user-data';
import { renderNotices } from '../ui/chrome';
import { renderEmbed } from '../ui/embed';
import { renderCounts } from '../ui/counts';
import { buildFilters, updateFilters } from '../ui/filters';
import { renderLegend } from '../ui/legend';
import type { PanelRefs } from '../ui/panels';
import { $, type App } from './context';
import { watch, type Watch } from './watch';

export interface PanelSync {
  /** Re-check the panels that depend on a lazy chunk (it has just arrived). */
  check(): void;
}

const yearLoading = (s: AppState) => s.yearStatus[s.filters.year] === 'loading';

/** `loadDetails` fetches the details panel's chunk (the watch below asks for it when something is selected). */
export function syncPanels(app: App, panel: PanelRefs, loadDetails: () => Promise<void>): PanelSync {
  const { store } = app;
  /** Every panel follows a change after the frame that shows it on the map (src/app/after-frame.ts). */
  const later = <T>(select: (s: AppState) => T, react: (picked: T, s: AppState) => void): Watch =>
    watch(store, select, react, app.afterFrame);
  if (app.embedded) {
    const title = $('#embed-title');
    const bar = $('#embed-bar');
    bar.addEventListener('change', (e) => {
      const target = e.target as HTMLSelectElement;
      const lang = LANGS.find((l) => l === target.value);
      if (target.dataset.testid === 'lang-select' && lang)
        switchLang(
          lang,
          () => actions.setLang(store, lang),
          (error) => {
            target.value = store.getState().lang;
            app.loaders.fileFailed(error, 'Japanese text');
          },
        );
    });
    later(
      (s) => [s.filters, s.data, s.years, s.scenario, s.view, s.selection, s.lang] as const,
      (_, s) =>
        s.data && renderEmbed(title, bar, s, selectViewTitle(s), `${location.origin}${location.pathname}`),
    );
  }
  // The language: the page's `lang` (assistive technology, fonts) and the panel's fixed labels; sections follow below.
  later(
    (s) => s.lang,
    (lang) => {
      document.documentElement.lang = lang;
      panel.setLang(lang);
      labelResetView(document, lang);
    },
  );
  const loading = $('#loading');
  later(
    (s) => s.status,
    (status) => void (loading.hidden = status !== 'loading'),
  );
  const notices = $('[data-testid="notice"]');
  later(
    (s) => [s.notices, s.lang] as const,
    (_, s) => renderNotices(notices, s, store),
  );
  later(
    // Rebuilt for another language too; the update below sets it from the filters again (the view stays).
    (s) => [s.data, s.lang] as const,
    (_, s) => buildFilters(panel.filters, s),
  );
  later(
    (s) => [s.data, s.filters, s.years, s.playing, s.lang] as const,
    (_, s) => updateFilters(panel.filters, s),
  );
  later(
    (s) =>
      [
        selectVisibleSites(s),
        selectDrawnFlows(s),
        s.yearStatus,
        s.routesStatus,
        s.filters,
        s.measures,
        s.measure,
        s.scenario,
        s.lang,
        selectUserDrawn(s),
      ] as const,
    (_, s) => {
      renderCounts(panel.counts, s);
      renderLegend(panel.legend, s);
    },
  );
  const details = $('[data-testid="details"]');
  const detailsWatch = later(
    (s) =>
      [
        s.selection,
        s.years,
        s.data,
        s.routes,
        app.chunks.details,
        s.measures,
        s.filters.controls,
        s.lang,
      ] as const,
    ([selection, , , , chunk], s) => {
      if (chunk) chunk.renderDetails(details, s, () => actions.select(store, null));
      else if (selection) void loadDetails();
      else details.hidden = true;
    },
  );
  // The scenario and the chart work on the year's flows: drawn once they have arrived, not for the loading state.
  const lazy: Watch[] = [
    later(
      (s) =>
        [
          app.chunks.scenario,
          yearLoading(s),
          // The scenario works on all flows of the first mineral and year: other filters do not change it.
          s.filters.minerals[0],
          s.filters.year,
          s.filters.controls,
          s.measures,
          s.scenario,
          s.stockpile,
          s.allies,
          s.years,
          s.shares,
          s.data,
          s.lang,
          selectCombinedUserFlows(s),
        ] as const,
      ([chunk, loadingYear], s) => {
        if (!chunk || loadingYear) return;
        scenarioPanels?.scenario.render(s);
        scenarioPanels?.allies.render(s);
      },
    ),
    later(
      (s) => [app.chunks.chart, yearLoading(s), s.filters, s.shares, s.years, s.lang] as const,
      ([chunk, loadingYear], s) => {
        if (chunk && !loadingYear) chunk.renderChart(panel.chart, s);
      },
    ),
  ];
  let measuresPanel: { render(s: AppState): void } | null = null;
  lazy.push(
    later(
      (s) =>
        [
          app.chunks.measures,
          s.measures,
          s.measure,
          s.filters.minerals,
          s.filters.controls,
          s.filters.year,
          s.years,
          s.data,
          // The filter form is rebuilt for another language: the slider's ticks are filled again.
          s.lang,
        ] as const,
      ([chunk], s) => {
        if (!chunk) return;
        measuresPanel ??= chunk.mountMeasuresPanel(panel.measures, store);
        measuresPanel.render(s);
      },
    ),
  );
  let projectsPanel: { render(s: AppState): void } | null = null;
  const projectsClosed = [...panel.projects.childNodes];
  lazy.push(
    later(
      (s) =>
        [
          app.chunks.projects,
          s.projects,
          s.projectsView,
          s.filters.minerals,
          s.shares,
          s.data,
          s.lang,
        ] as const,
      ([chunk], s) => {
        if (!s.projectsView.open) {
          if (projectsPanel) panel.projects.replaceChildren(...projectsClosed);
          return;
        }
        if (!chunk) return;
        projectsPanel ??= chunk.mountProjectsPanel(panel.projects, store);
        projectsPanel.render(s);
      },
    ),
  );
  let tableView: { render(s: AppState): void } | null = null;
  const tableRoot = $('#table-view');
  lazy.push(
    later(
      (s) =>
        [
          app.chunks.table,
          s.table,
          selectVisibleSites(s),
          selectDrawnFlows(s),
          s.filters.controls,
          s.measures,
          s.scenario,
          s.years,
          s.data,
          s.selection,
          selectUserDrawn(s),
          s.lang,
        ] as const,
      ([chunk, open], s) => {
        document.querySelector('[data-testid="table-toggle"]')?.setAttribute('aria-pressed', String(open));
        tableRoot.hidden = !open || !chunk || app.embedded;
        // A class, not a :has() rule: :has() makes the browser re-check #app on every change of the panel's DOM.
        tableRoot.parentElement?.classList.toggle('table-open', !tableRoot.hidden);
        if (!open || !chunk || app.embedded) return;
        tableView ??= chunk.mountTableView(tableRoot, store);
        tableView.render(s);
      },
    ),
  );
  let scenarioPanels: ReturnType<typeof mountScenarioPanels> | null = null;
  const mountScenarioPanels = () => {
    const chunk = app.chunks.scenario;
    if (!chunk) return null;
    const shock = document.createElement('div');
    const allies = document.createElement('div');
    panel.scenario.replaceChildren(shock, allies);
    return {
      scenario: chunk.mountScenarioPanel(
        shock,
        store,
        (name, csv) =>
          void import('../ui/export').then((m) =>
            m.download(name, new Blob([csv], { type: 'text/csv;charset=utf-8' })),
          ),
      ),
      allies: chunk.mountAlliesPanel(allies, store),
    };
  };
  return {
    check() {
      if (!scenarioPanels) scenarioPanels = mountScenarioPanels();
      for (const w of lazy) w.check();
      detailsWatch.check();
    },
  };
}
