// Pure mapping between the app state and the URL slice: what a link carries, and how a parsed link patches the filters.
import { type IgnoredValue } from './notice';
import { type Filters } from '../model/filters';
import type { AppState } from '../state/store';
import { serializeUrl, type UrlState } from './codec';
import {
  DEFAULT_STOCKPILE,
  defaultProjectsView,
  type ProjectsView,
  type StockpileView,
} from '../model/projects-view';

/** The partner preset shown unless a link says otherwise. */
export const DEFAULT_ALLIES = 'us-japan-australia-eu';

/** The whitelisted, serialisable slice of the state that lives in the address bar. */
export function urlStateFromApp(s: AppState): UrlState {
  const f = s.filters;
  const u: UrlState = {
    minerals: [...f.minerals],
    year: f.year,
    risk: f.risk,
    kinds: [...f.kinds],
    statuses: [...f.statuses],
    reasons: [...f.reasons],
    controls: f.controls,
    product: f.product,
    role: f.role,
    min: f.minValueUsd,
    color: f.colorBy,
    width: f.widthBy,
    lanes: f.flowView === 'sea-lanes',
    all: f.showAllFlows,
    view: s.view,
    lang: s.lang,
  };
  if (f.focus) u.focus = f.focus;
  if (s.allies.preset !== DEFAULT_ALLIES) u.allies = s.allies.preset ?? [...s.allies.members];
  if (s.scenario) {
    u.scenario = s.scenario.id;
    if (s.scenario.id === 'custom') u.stop = [...s.scenario.exporters];
  }
  if (s.measure) u.measure = s.measure;
  if (s.table) u.table = true;
  const pv = s.projectsView;
  if (pv.open) u.projects = true;
  if (pv.stages.length > 0) u.pstage = [...pv.stages];
  if (pv.government) u.pgov = pv.government;
  if (pv.arrangement) u.parr = pv.arrangement;
  if (pv.selected) u.project = pv.selected;
  if (pv.capacityBy !== 'country') u.capby = pv.capacityBy;
  if (pv.capacityReading !== 'announced') u.cap = pv.capacityReading;
  if (s.scenario && s.stockpile.months !== DEFAULT_STOCKPILE.months) u.stock = s.stockpile.months;
  if (s.scenario && s.stockpile.tonnes > 0) u.stockt = s.stockpile.tonnes;
  if (s.selection?.type === 'site') u.site = s.selection.id;
  // Flow ids carry their year; the link does not repeat it (format version 2).
  if (s.selection?.type === 'flow') u.flow = s.selection.id.replace(/^\d{4}-/, '');
  return u;
}

/** Filter changes a parsed link asks for; absent keys leave the defaults. `knownCountries` guards the focus. */
export function filtersFromUrl(
  u: UrlState,
  knownCountries: ReadonlySet<string>,
  ignored: IgnoredValue[],
): Partial<Filters> {
  const patch: Partial<Filters> = {};
  if (u.minerals) patch.minerals = u.minerals;
  if (u.year !== undefined) patch.year = u.year;
  if (u.risk) patch.risk = u.risk;
  if (u.kinds) patch.kinds = u.kinds;
  if (u.statuses) patch.statuses = u.statuses;
  if (u.reasons) patch.reasons = u.reasons;
  if (u.controls) patch.controls = u.controls;
  if (u.product) patch.product = u.product;
  if (u.focus) {
    if (knownCountries.has(u.focus)) patch.focus = u.focus;
    else ignored.push({ key: 'focus', text: `unknown country "${u.focus}"` });
  }
  if (u.role) patch.role = u.role;
  if (u.min !== undefined) patch.minValueUsd = u.min;
  if (u.color) patch.colorBy = u.color;
  if (u.width) patch.widthBy = u.width;
  if (u.lanes !== undefined) patch.flowView = u.lanes ? 'sea-lanes' : 'arcs';
  if (u.all !== undefined) patch.showAllFlows = u.all;
  return patch;
}

/** The projects panel a link asks for (defaults for absent keys; `project=` opens the panel too). */
export function projectsViewFromUrl(u: UrlState): ProjectsView {
  const d = defaultProjectsView();
  return {
    open: u.projects === true || u.project !== undefined,
    stages: u.pstage ?? d.stages,
    government: u.pgov ?? d.government,
    arrangement: u.parr ?? d.arrangement,
    selected: u.project ?? null,
    capacityBy: u.capby ?? d.capacityBy,
    capacityReading: u.cap ?? d.capacityReading,
  };
}

/** The stockpile cover a link asks for. */
export function stockpileFromUrl(u: UrlState): StockpileView {
  return { months: u.stock ?? DEFAULT_STOCKPILE.months, tonnes: u.stockt ?? DEFAULT_STOCKPILE.tonnes };
}

/** The app's flow id for a link's flow key and year. */
export function flowIdFromUrl(flow: string, year: number): string {
  return `${year}-${flow}`;
}

/** Absolute link to the state's view at `base`; `fit` drops the camera and asks the map to fit the data instead. */
export function linkTo(s: AppState, base: string, opts: { fit: boolean; embed: boolean }): string {
  const u = urlStateFromApp(s);
  if (opts.fit) {
    delete u.view;
    u.fit = true;
  }
  if (opts.embed) u.embed = true;
  return `${base}?${serializeUrl(u)}`;
}
