// Link keys of the projects panel and the stockpile cover: their slice of the URL state, parsing and writing.
import { isOneOf } from '../model/filters';
import { ARRANGEMENTS, PROJECT_STAGES, type Arrangement, type ProjectStage } from '../model/projects';
import {
  CAPACITY_GROUPINGS,
  CAPACITY_READINGS,
  MAX_STOCKPILE_MONTHS,
  type CapacityGroupingId,
  type CapacityReadingId,
} from '../model/projects-view';
import { shortText } from './notice';
import { DECIMAL, isIso3, listText } from './values';

export interface ProjectsUrlState {
  /** The projects layer and panel (`projects=1`). */
  projects?: boolean;
  /** Project stages shown (default all). */
  pstage?: ProjectStage[];
  /** Projects supported by this government (ISO3, or EU). */
  pgov?: string;
  /** Projects tied to this arrangement. */
  parr?: Arrangement;
  /** The selected project id. */
  project?: string;
  capby?: CapacityGroupingId;
  cap?: CapacityReadingId;
  /** Months of lost imports a stockpile should cover (scenario panel). */
  stock?: number;
  /** A stockpile (tonnes) whose months of cover are shown. */
  stockt?: number;
}

/** The comma-separated values `ok` accepts, once each; every other value is said with `why` (codec.ts parseUrl). */
type Pick = <T extends string>(ok: (x: string) => x is T, why: (x: string) => string) => T[];

/** Read one projects or stockpile key into `state`; false when `key` is not one of them. */
export function parseProjectsKey(
  key: string,
  value: string,
  state: ProjectsUrlState,
  ignore: (text: string) => void,
  pick: Pick,
): boolean {
  switch (key) {
    case 'projects':
      if (value === '1' || value === '0') state.projects = value === '1';
      else ignore(`projects "${shortText(value)}" is not 0 or 1`);
      break;
    case 'pstage': {
      const good = pick(
        (x) => isOneOf(PROJECT_STAGES, x),
        (x) => `unknown project stage "${shortText(x)}"`,
      );
      if (good.length > 0) state.pstage = good;
      break;
    }
    case 'pgov':
      if (isIso3(value) || value === 'EU') state.pgov = value;
      else ignore(`pgov "${shortText(value)}" is not a country code or EU`);
      break;
    case 'parr':
      if (isOneOf(ARRANGEMENTS, value)) state.parr = value;
      else ignore(`parr "${shortText(value)}" is not ${listText(ARRANGEMENTS)}`);
      break;
    case 'project':
      if (/^[a-z0-9][a-z0-9-]{0,80}$/.test(value)) state.project = value;
      else ignore(`project id "${shortText(value)}" is not valid`);
      break;
    case 'capby':
      if (isOneOf(CAPACITY_GROUPINGS, value)) state.capby = value;
      else ignore(`capby "${shortText(value)}" is not ${listText(CAPACITY_GROUPINGS)}`);
      break;
    case 'cap':
      if (isOneOf(CAPACITY_READINGS, value)) state.cap = value;
      else ignore(`cap "${shortText(value)}" is not ${listText(CAPACITY_READINGS)}`);
      break;
    case 'stock':
    case 'stockt': {
      const max = key === 'stock' ? MAX_STOCKPILE_MONTHS : 1e9;
      if (!DECIMAL.test(value) || value.startsWith('-')) {
        ignore(`${key} "${shortText(value)}" is not a plain positive number`);
        break;
      }
      const n = Number(value);
      if (n > max) ignore(`${key} ${shortText(value)} is above ${max}; showing ${max}`);
      state[key] = Math.min(n, max);
      break;
    }
    default:
      return false;
  }
  return true;
}

/** Write the projects and stockpile keys that differ from their defaults. */
export function serializeProjectsKeys(state: ProjectsUrlState, p: URLSearchParams): void {
  if (state.projects) p.set('projects', '1');
  if (state.pstage && state.pstage.length > 0) p.set('pstage', state.pstage.join(','));
  if (state.pgov) p.set('pgov', state.pgov);
  if (state.parr) p.set('parr', state.parr);
  if (state.project) p.set('project', state.project);
  if (state.capby && state.capby !== 'country') p.set('capby', state.capby);
  if (state.cap && state.cap !== 'announced') p.set('cap', state.cap);
  if (state.stock !== undefined) p.set('stock', String(state.stock));
  if (state.stockt) p.set('stockt', String(state.stockt));
}
