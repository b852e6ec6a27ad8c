// Applying a link to the store (on start and on back/forward): the view it names replaces the current one.
import { type ViewState } from '../model/view';
import { partnerPreset } from '../config/partners';
import { actions, defaultAllies, defaultFilters, type AppStore, type StaticData } from '../state/store';
import { langLoaded, loadLang } from '../i18n';
import { parseUrl } from './codec';
import { linkNotice } from './notice';
import { filtersFromUrl, flowIdFromUrl, projectsViewFromUrl, stockpileFromUrl } from './state';

export interface ApplyDeps {
  store: AppStore;
  /** Move the camera (no-op without a map). */
  jumpTo(view: ViewState): void;
  /** Fit the camera to what the filters keep. */
  fitToData(): void;
  /** Frame the world view (config/app.ts WORLD_FRAME) beside the panel: a link without a camera opens there. */
  frameWorld(): void;
  /** Load a year's flows; resolves when loaded (or failed). */
  loadYear(year: number): Promise<void>;
  /** Static data to put in the store with the link's view (on start); otherwise the store's data is used. */
  data?: StaticData;
  /** Run store changes without writing them back to the address bar as new history entries. */
  quietly(fn: () => void): void;
}

/** Parse and apply `search`; unknown or invalid values are dropped and listed in one notice. Never throws. */
export async function applyLink(search: string, deps: ApplyDeps): Promise<void> {
  const { store } = deps;
  const data = deps.data ?? store.getState().data;
  if (!data) return;
  const { state: u, ignored } = parseUrl(search, new Set(data.minerals.map((m) => m.id)));
  const patch = filtersFromUrl(u, new Set(data.countries.keys()), ignored);
  // One store update for the whole link: one render, one address-bar write.
  const view: Parameters<typeof actions.applyView>[1] = {
    filters: { ...defaultFilters(), ...patch },
    scenario: u.scenario
      ? { id: u.scenario, exporters: u.scenario === 'custom' ? (u.stop ?? []) : [] }
      : null,
  };
  if (typeof u.allies === 'string') {
    const preset = partnerPreset(u.allies);
    if (preset) view.allies = { preset: preset.id, members: [...preset.members] };
    else ignored.push({ key: 'allies', text: `unknown partner set "${u.allies}"` });
  } else if (u.allies) {
    const known = u.allies.filter((c) => data.countries.has(c));
    for (const c of u.allies.filter((x) => !data.countries.has(x)))
      ignored.push({ key: 'allies', text: `unknown partner "${c}"` });
    view.allies = { preset: null, members: known };
  } else view.allies = defaultAllies();
  if (u.view) view.view = u.view;
  // Checked against the measure table when it arrives (src/app/measures.ts), which a link naming one loads at once.
  view.measure = u.measure ?? null;
  // A project id is checked when the projects file arrives (src/app/lazy.ts), like a measure.
  view.projectsView = projectsViewFromUrl(u);
  view.stockpile = stockpileFromUrl(u);
  view.table = u.table === true;
  // A link without `lang` keeps the language in use (the browser's on start).
  // Another language's text is a lazy chunk: the view switches once it is there (and stays as it is if it cannot be).
  if (u.lang) {
    await loadLang(u.lang).catch(() => undefined);
    if (langLoaded(u.lang)) view.lang = u.lang;
  }
  if (u.site) {
    if (data.sites.some((x) => x.id === u.site)) view.selection = { type: 'site', id: u.site };
    else ignored.push({ key: 'site', text: `the linked site "${u.site}" is not in the data` });
  } else if (!u.flow) view.selection = null;
  // On start the data arrives in the same update: the first panels are built once, for the linked view.
  if (deps.data) Object.assign(view, { data: deps.data, status: 'ready' as const });
  deps.quietly(() => {
    actions.applyView(store, view);
    if (u.view) deps.jumpTo(u.view);
    else if (!u.fit) deps.frameWorld();
  });
  const year = store.getState().filters.year;
  await deps.loadYear(year);
  if (u.flow) {
    const id = flowIdFromUrl(u.flow, year);
    if (store.getState().years[year]?.flows.some((f) => f.id === id))
      deps.quietly(() => actions.select(store, { type: 'flow', id }));
    else ignored.push({ key: 'flow', text: `the linked flow "${u.flow}" is not in the data for ${year}` });
  }
  if (u.fit && !u.view) deps.fitToData();
  if (ignored.length > 0) actions.notify(store, 'warning', linkNotice(ignored, store.getState().lang));
}
