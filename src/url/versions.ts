// Link format versions: the current version and one migration step per older version.
import { shortText, type IgnoredValue } from './notice';

/**
 * Link format version. History:
 * - 1: first public format (flow ids carried their year: `flow=2024-rare-earths-850511-CHN-DEU`).
 * - 2: flow ids without the year, which is its own key (`year=2024&flow=rare-earths-850511-CHN-DEU`);
 *      adds `scenario`, `stop` and `fit`.
 * Links without `v` are read as the current version.
 */
export const URL_VERSION = 2;

/** One migration step per version: MIGRATIONS[n] turns a version-n query into version n+1, in place. */
export const MIGRATIONS: Readonly<Record<number, (p: URLSearchParams) => void>> = {
  1: (p) => {
    const flow = p.get('flow');
    const m = flow ? /^(\d{4})-(.+)$/.exec(flow) : null;
    if (m && m[1] && m[2]) {
      if (!p.has('year')) p.set('year', m[1]);
      p.set('flow', m[2]);
    }
  },
};

/** Bring a query of any known version up to URL_VERSION; unknown versions are read as current, with a note. */
export function migrate(params: URLSearchParams, ignored: IgnoredValue[]): URLSearchParams {
  const p = new URLSearchParams(params);
  const raw = p.get('v');
  let v = raw === null ? URL_VERSION : Number(raw);
  if (!Number.isInteger(v) || v < 1 || v > URL_VERSION) {
    ignored.push({
      key: 'v',
      text: `unknown link version "${shortText(raw ?? '')}" (read as version ${URL_VERSION})`,
    });
    v = URL_VERSION;
  }
  for (; v < URL_VERSION; v++) MIGRATIONS[v]?.(p);
  p.delete('v');
  return p;
}
