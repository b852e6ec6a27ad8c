// Selectors of the reader's own data: what the filters keep of it now, and whether there is any.
import { keepUserData, userArcs, type UserArcs, type UserKept } from '../derive/user-filter';
import type { CountryInfo } from '../model/types';
import type { FilterSpec } from '../model/filters';
import type { UserFile, UserFlow, UserSite } from '../model/user-data';
import { memo } from './memo';
import { keepSpec } from './selectors';
import type { AppState } from './store';

const keptMemo = memo((files: UserFile[], f: FilterSpec, year: number) => keepUserData(files, f, year));

/** The reader's sites and flows the filters keep (same filters as ours; see derive/user-filter.ts). */
export const selectUserKept = (s: AppState): UserKept =>
  keptMemo(s.userData.files, keepSpec(s.filters), s.filters.year);

export const selectHasUserData = (s: AppState): boolean => s.userData.files.length > 0;

const allFlowsMemo = memo((files: UserFile[]): UserFlow[] => files.flatMap((f) => f.flows));

/**
 * The reader's flows that join the scenario and allied figures: every flow of theirs (those figures take the year and
 * mineral from the filters themselves) when the reader chose to combine, none otherwise.
 */
export const selectCombinedUserFlows = (s: AppState): readonly UserFlow[] =>
  s.userData.combine ? allFlowsMemo(s.userData.files) : NO_FLOWS;
const NO_FLOWS: readonly UserFlow[] = [];

const arcsMemo = memo(
  (flows: UserFlow[], countries: ReadonlyMap<string, CountryInfo> | undefined): UserArcs =>
    userArcs(flows, (iso3) => countries?.get(iso3)?.anchor),
);

/** What the map draws of the reader's data (null without any): kept sites, and kept flows as anchor-to-anchor arcs. */
export const selectUserDrawn = (s: AppState): { sites: UserSite[]; flows: number; arcs: UserArcs } | null => {
  if (!selectHasUserData(s)) return null;
  const kept = selectUserKept(s);
  return drawnMemo(kept.sites, kept.flows.length, arcsMemo(kept.flows, s.data?.countries));
};
const drawnMemo = memo((sites: UserSite[], flows: number, arcs: UserArcs) => ({ sites, flows, arcs }));
