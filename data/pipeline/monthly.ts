// China's monthly exports per product group (qennis/ChinaCriticalMineralComtrade, from UN Comtrade): one series per group.
import { join } from 'node:path';
import { z } from 'zod';
import type { MonthlySeries } from '../../src/model/measures';
import type { Source } from '../../src/model/types';
import { QENNIS_COMMIT, QENNIS_REPO } from './raw-inputs';
import { PipelineError, readCsvRows } from './read';

export const MONTHLY_FILE = 'china-critical-mineral-exports-comtrade-qennis/country_monthly_stats.csv';
/** The months the file covers (SOURCE.md): one value per month from FIRST_MONTH to LAST_MONTH. */
const FIRST_MONTH = '2017-01';
const LAST_MONTH = '2024-12';

/** A product group of the source, the measure minerals it stands for, and what SOURCE.md says it includes and misses. */
interface GroupSpec {
  id: string;
  group: string;
  minerals: string[];
  hs: string[];
  /** The caveats of SOURCE.md for this group, as a parenthesis after the codes. */
  caveat: string;
}

const GROUPS: readonly GroupSpec[] = [
  {
    id: 'chn-rare-earths',
    group: 'Rare Earths',
    minerals: ['rare-earths'],
    hs: ['280530', '284690', '850511'],
    caveat:
      'permanent magnets (850511) are 73-90% of the monthly value, 83% on average; cerium compounds 284610 are not included',
  },
  {
    id: 'chn-gallium-germanium',
    group: 'Gallium/Germanium',
    minerals: ['gallium', 'germanium'],
    hs: ['811292', '811299', '285390', '285000', '282590', '282560'],
    caveat:
      'several are catch-all codes (other inorganic compounds, hydrides, other oxides; 811292 also covers indium, ' +
      'niobium and vanadium, and before HS 2022 hafnium and rhenium), so the totals are far larger than true ' +
      'gallium and germanium trade',
  },
  {
    id: 'chn-graphite',
    group: 'Graphite',
    minerals: ['graphite'],
    hs: ['250410', '380110'],
    caveat: 'natural graphite in powder or flakes (250410) and artificial graphite (380110) only',
  },
];

const row = z.object({
  period_dt: z.string().regex(/^\d{4}-\d{2}-01$/, 'first day of a month (YYYY-MM-01)'),
  val: z.string().regex(/^\d+(\.\d+)?$/, 'USD value'),
  broad_group: z.string().min(1),
  partner_name: z.string().min(1),
});

export const MONTHLY_SOURCES: readonly Source[] = [
  {
    publisher: 'United Nations Statistics Division',
    title: 'UN Comtrade: China (reporter 156) monthly exports by partner, HS 6-digit',
    year: 2025,
    url: 'https://comtradeplus.un.org/',
  },
  {
    publisher: 'qennis (GitHub)',
    title: `ChinaCriticalMineralComtrade: data_output/tables/country_monthly_stats.csv at commit ${QENNIS_COMMIT}`,
    year: 2025,
    url: `https://github.com/${QENNIS_REPO}/blob/${QENNIS_COMMIT}/data_output/tables/country_monthly_stats.csv`,
  },
];

/** Every month from `first` to `last` (YYYY-MM), inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last; key = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The source labels Comtrade partner 490 "Taiwan". */
const TAIWAN_NOTE = '; Taiwan is Comtrade\'s "Other Asia, nes"';

/** "A, B and C". */
function joinAnd(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** The exact coverage sentence of one series. */
export function coverageText(spec: GroupSpec, partners: readonly string[]): string {
  return (
    `China's exports as reported by China to UN Comtrade, monthly, ${FIRST_MONTH} to ${LAST_MONTH}, USD (FOB), ` +
    `HS ${joinAnd(spec.hs)} (${spec.caveat}), to the source's top ${partners.length} partners for this group ` +
    `by 2017-2024 value only (${partners.join(', ')}${partners.includes('Taiwan') ? TAIWAN_NOTE : ''}); ` +
    `not China's world exports. Derived tables by ${QENNIS_REPO}.`
  );
}

/**
 * One series per group: USD per month summed over the group's partners (null for a month no partner row has);
 * partners in the order they first appear in the file. A group missing from the file, or a month outside
 * 2017-01..2024-12, stops the pipeline.
 */
export function buildMonthlySeries(rawDir: string): MonthlySeries[] {
  const file = join(rawDir, MONTHLY_FILE);
  const rows = readCsvRows(file, row);
  const months = monthsBetween(FIRST_MONTH, LAST_MONTH);
  const index = new Map(months.map((m, i) => [m, i]));
  return GROUPS.map((spec) => {
    const values: (number | null)[] = months.map(() => null);
    const partners: string[] = [];
    rows.forEach((r, i) => {
      if (r.broad_group !== spec.group) return;
      const at = index.get(r.period_dt.slice(0, 7));
      if (at === undefined)
        throw new PipelineError(
          file,
          `period_dt ${r.period_dt} outside ${FIRST_MONTH}..${LAST_MONTH}`,
          i + 1,
        );
      if (!partners.includes(r.partner_name)) partners.push(r.partner_name);
      values[at] = (values[at] ?? 0) + Number(r.val);
    });
    if (partners.length === 0) throw new PipelineError(file, `no rows for the group "${spec.group}"`);
    return {
      id: spec.id,
      exporter: 'CHN',
      label: spec.group,
      hs: spec.hs,
      minerals: spec.minerals,
      partners,
      start: FIRST_MONTH,
      // Comtrade values are whole dollars written with ".0"; rounding removes float noise from the sums.
      valueUsd: values.map((v) => (v === null ? null : Math.round(v))),
      coverage: coverageText(spec, partners),
      sources: [...MONTHLY_SOURCES],
    };
  });
}
