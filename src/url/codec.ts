// Pure URL codec: parse a query string into a validated slice of state (dropping bad values), and serialise it back.
import {
  DEFAULT_REASONS,
  FOCUS_ROLES,
  isOneOf,
  RISK_MODES,
  RISK_REASONS,
  WIDTH_BYS,
  type ColorBy,
  type FocusRole,
  type RiskMode,
  type RiskReason,
  type WidthBy,
} from '../model/filters';
import { SCENARIO_IDS, type ScenarioId } from '../model/scenario';
import type { ControlReading } from '../model/measures';
import { DEFAULT_PRODUCT, PRODUCT_CHOICES, type ProductChoice } from '../model/products';
import { parseProjectsKey, serializeProjectsKeys, type ProjectsUrlState } from './projects-keys';
import { DECIMAL, isIso3, listText } from './values';
import { YEARS } from '../config/app';
import { isLang, LANGS, type Lang } from '../i18n';
import { normaliseLng } from '../derive/geo';
import { SITE_KINDS, SITE_STATUSES, type SiteKind, type SiteStatus } from '../model/types';
import { shortText, type IgnoredValue } from './notice';
import { migrate, URL_VERSION } from './versions';

/** The slice of state that lives in the address bar. Absent keys mean "default". */
export interface UrlState extends ProjectsUrlState {
  minerals?: string[];
  year?: number;
  risk?: RiskMode;
  view?: { lng: number; lat: number; zoom: number };
  embed?: boolean;
  site?: string;
  flow?: string;
  kinds?: SiteKind[];
  statuses?: SiteStatus[];
  /** ISO3 of the focus country. */
  focus?: string;
  role?: FocusRole;
  /** Minimum flow value in USD. */
  min?: number;
  reasons?: RiskReason[];
  color?: ColorBy;
  width?: WidthBy;
  lanes?: boolean;
  all?: boolean;
  /** The table view is open. */
  table?: boolean;
  /** Supply-shock scenario. */
  scenario?: ScenarioId;
  /** Exporters that stop, for the custom scenario (ISO3). */
  stop?: string[];
  /** Which export controls count for `controlled` and the controls scenario: `today` (default) or the flow's year. */
  controls?: ControlReading;
  /** Which product group of a mineral with several (rare earths): magnets (default), compounds, metals or all. */
  product?: ProductChoice;
  /** The selected export-control measure (its id). */
  measure?: string;
  /** Open fitted to the data instead of a fixed camera. */
  fit?: boolean;
  /** Partner set: a preset id (lower case) or a custom list of ISO3 members. */
  allies?: string | string[];
  /** UI language; English (the default) is not written. */
  lang?: Lang;
}

export interface ParseResult {
  state: UrlState;
  /** Every ignored, clamped or changed value (src/url/notice.ts summarises them for people). */
  ignored: IgnoredValue[];
}

/** The largest minimum flow value a link may ask for, USD. */
const MAX_MIN_USD = 1e12;

/**
 * Parse a query string. Never throws: unknown keys, invalid or out-of-range values are dropped (or clamped) and
 * listed in `ignored`. `knownMinerals` is the closed list of mineral ids.
 */
export function parseUrl(search: string, knownMinerals: ReadonlySet<string>): ParseResult {
  const state: UrlState = {};
  const ignored: IgnoredValue[] = [];
  let params: URLSearchParams;
  try {
    params = migrate(new URLSearchParams(search), ignored);
  } catch {
    return { state, ignored: [{ key: 'link', text: 'the link could not be read' }] };
  }
  for (const [key, raw] of params) {
    const value = raw.trim();
    const ignore = (text: string, k: string = key) => void ignored.push({ key: k, text });
    /** The comma-separated values `ok` accepts, once each; every other value is said with `why`. */
    const pick = <T extends string>(ok: (x: string) => x is T, why: (x: string) => string): T[] => {
      const items = value
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      for (const x of items) if (!ok(x)) ignore(why(x));
      return [...new Set(items.filter(ok))];
    };
    switch (key) {
      case 'mineral': {
        const good = pick(
          (x): x is string => knownMinerals.has(x),
          (x) => `unknown mineral "${shortText(x)}"`,
        );
        if (good.length > 0) state.minerals = good;
        break;
      }
      case 'year': {
        const y = Number(value);
        if (!/^\d{4}$/.test(value)) ignore(`year "${shortText(value)}" is not a year`);
        else {
          const first: number = YEARS[0];
          const last: number = YEARS[YEARS.length - 1] ?? first;
          const clamped = Math.min(last, Math.max(first, y));
          if (clamped !== y) ignore(`year ${y} is outside ${first}-${last}; showing ${clamped}`);
          state.year = clamped;
        }
        break;
      }
      case 'risk':
        if (isOneOf(RISK_MODES, value)) state.risk = value;
        else ignore(`risk "${shortText(value)}" is not one of ${RISK_MODES.join(', ')}`);
        break;
      case 'view': {
        const parts = value.split(',').map((x) => x.trim());
        const nums = parts.map((x) => (DECIMAL.test(x) ? Number(x) : NaN));
        const [lng, lat, zoom] = nums;
        if (
          nums.length !== 3 ||
          lng === undefined ||
          lat === undefined ||
          zoom === undefined ||
          nums.some(Number.isNaN)
        ) {
          ignore(`view "${shortText(value)}" is not lng,lat,zoom in plain decimal numbers`);
          break;
        }
        const view = {
          lng: normaliseLng(lng),
          lat: Math.min(85, Math.max(-85, lat)),
          zoom: Math.min(12, Math.max(0, zoom)),
        };
        if (view.lng !== lng) ignore(`view longitude ${lng} read as ${view.lng}`);
        if (view.lat !== lat) ignore(`view latitude ${lat} is outside -85 to 85; showing ${view.lat}`);
        if (view.zoom !== zoom) ignore(`view zoom ${zoom} is outside 0 to 12; showing ${view.zoom}`);
        state.view = view;
        break;
      }
      case 'embed':
        if (value === '1') state.embed = true;
        else if (value !== '0') ignore(`embed "${shortText(value)}" is not 0 or 1`);
        break;
      case 'site':
        if (/^[a-z0-9][a-z0-9-]{0,80}$/.test(value)) state.site = value;
        else ignore(`site id "${shortText(value)}" is not valid`);
        break;
      case 'flow':
        if (/^[a-z0-9-]{1,40}-\d{6}-[A-Z]{3}-[A-Z]{3}$/.test(value)) state.flow = value;
        else ignore(`flow id "${shortText(value)}" is not valid`);
        break;
      case 'scenario':
        if (isOneOf(SCENARIO_IDS, value)) state.scenario = value;
        else ignore(`scenario "${shortText(value)}" is not ${listText(SCENARIO_IDS)}`);
        break;
      case 'stop': {
        const good = pick(isIso3, (x) => `stop "${shortText(x)}" is not a country code`);
        if (good.length > 0) state.stop = good;
        break;
      }
      case 'allies':
        if (/^[a-z0-9-]{1,40}$/.test(value)) state.allies = value;
        else {
          const good = pick(isIso3, (x) => `partner "${shortText(x)}" is not a country code`);
          if (good.length > 0) state.allies = good;
        }
        break;
      case 'controls':
        // Links say `year` for the flow-year reading (shorter, and what people type).
        if (value === 'today' || value === 'year') state.controls = value === 'year' ? 'flow-year' : 'today';
        else ignore(`controls "${shortText(value)}" is not today or year`);
        break;
      case 'product':
        if (isOneOf(PRODUCT_CHOICES, value)) state.product = value;
        else ignore(`product "${shortText(value)}" is not ${listText(PRODUCT_CHOICES)}`);
        break;
      case 'measure':
        if (/^[a-z0-9][a-z0-9-]{0,80}$/.test(value)) state.measure = value;
        else ignore(`measure id "${shortText(value)}" is not valid`);
        break;
      case 'lang':
        if (isLang(value)) state.lang = value;
        else ignore(`language "${shortText(value)}" is not ${listText(LANGS)}`);
        break;
      case 'fit':
        if (value === '1') state.fit = true;
        else if (value !== '0') ignore(`fit "${shortText(value)}" is not 0 or 1`);
        break;
      case 'kind': {
        const good = pick(
          (x) => isOneOf(SITE_KINDS, x),
          (x) => `unknown site kind "${shortText(x)}"`,
        );
        if (good.length > 0) state.kinds = good;
        break;
      }
      case 'status': {
        const good = pick(
          (x) => isOneOf(SITE_STATUSES, x),
          (x) => `unknown site status "${shortText(x)}"`,
        );
        if (good.length > 0) state.statuses = good;
        break;
      }
      case 'focus':
        if (isIso3(value)) state.focus = value;
        else ignore(`focus "${shortText(value)}" is not a country code`);
        break;
      case 'role':
        if (isOneOf(FOCUS_ROLES, value)) state.role = value;
        else ignore(`role "${shortText(value)}" is not ${listText(FOCUS_ROLES)}`);
        break;
      case 'min': {
        if (!DECIMAL.test(value) || value.startsWith('-')) {
          ignore(`minimum value "${shortText(value)}" is not a plain positive number`);
          break;
        }
        const n = Number(value);
        if (n > MAX_MIN_USD)
          ignore(`minimum value ${shortText(value)} is above ${MAX_MIN_USD}; showing ${MAX_MIN_USD}`);
        state.min = Math.min(n, MAX_MIN_USD);
        break;
      }
      case 'reasons': {
        const ids = value === '' ? [] : value.split(',').map((x) => x.trim());
        for (const bad of ids.filter((id) => !isOneOf(RISK_REASONS, id)))
          ignore(`unknown risk reason "${shortText(bad)}"`);
        state.reasons = RISK_REASONS.filter((r) => ids.includes(r));
        break;
      }
      case 'color':
        if (value === 'exporter' || value === 'importer')
          state.color = value === 'exporter' ? 'exporter-share' : 'importer-dependence';
        else ignore(`colour "${shortText(value)}" is not exporter or importer`);
        break;
      case 'width':
        if (isOneOf(WIDTH_BYS, value)) state.width = value;
        else ignore(`width "${shortText(value)}" is not ${listText(WIDTH_BYS)}`);
        break;
      case 'lanes':
      case 'all':
      case 'table':
        if (value === '1' || value === '0') state[key] = value === '1';
        else ignore(`${key} "${shortText(value)}" is not 0 or 1`);
        break;
      default:
        if (!parseProjectsKey(key, value, state, ignore, pick))
          ignore(`unknown setting "${shortText(key)}"`, 'unknown');
    }
  }
  // Keys that only mean something with another key.
  if (state.stop && state.scenario !== 'custom') {
    ignored.push({ key: 'stop', text: 'stop is read only with scenario=custom' });
    delete state.stop;
  }
  if (state.role && !state.focus) {
    ignored.push({ key: 'role', text: 'role is read only with a focus country' });
    delete state.role;
  }
  return { state, ignored };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Serialise a URL state slice; keys in a fixed order so equal states give equal links. */
export function serializeUrl(state: UrlState): string {
  const p = new URLSearchParams();
  p.set('v', String(URL_VERSION));
  if (state.minerals && state.minerals.length > 0) p.set('mineral', state.minerals.join(','));
  if (state.year !== undefined) p.set('year', String(state.year));
  if (state.risk && state.risk !== 'all') p.set('risk', state.risk);
  if (state.kinds && state.kinds.length < SITE_KINDS.length) p.set('kind', state.kinds.join(','));
  if (state.statuses && state.statuses.length < SITE_STATUSES.length)
    p.set('status', state.statuses.join(','));
  if (state.focus) p.set('focus', state.focus);
  if (state.focus && state.role && state.role !== 'either') p.set('role', state.role);
  if (state.min) p.set('min', String(state.min));
  if (state.reasons && !sameSet(state.reasons, DEFAULT_REASONS)) p.set('reasons', state.reasons.join(','));
  if (state.controls === 'flow-year') p.set('controls', 'year');
  if (state.product && state.product !== DEFAULT_PRODUCT) p.set('product', state.product);
  if (state.color === 'importer-dependence') p.set('color', 'importer');
  if (state.width === 'tonnes') p.set('width', 'tonnes');
  if (state.lanes) p.set('lanes', '1');
  if (state.all) p.set('all', '1');
  if (state.table) p.set('table', '1');
  if (state.scenario) p.set('scenario', state.scenario);
  if (state.scenario === 'custom' && state.stop && state.stop.length > 0) p.set('stop', state.stop.join(','));
  if (state.allies) p.set('allies', typeof state.allies === 'string' ? state.allies : state.allies.join(','));
  if (state.measure) p.set('measure', state.measure);
  serializeProjectsKeys(state, p);
  if (state.site) p.set('site', state.site);
  if (state.flow) p.set('flow', state.flow);
  if (state.view)
    p.set('view', `${round(state.view.lng, 3)},${round(state.view.lat, 3)},${round(state.view.zoom, 2)}`);
  if (state.embed) p.set('embed', '1');
  if (state.fit) p.set('fit', '1');
  if (state.lang && state.lang !== 'en') p.set('lang', state.lang);
  return p.toString().replace(/%2C/g, ',');
}
