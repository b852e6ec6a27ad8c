// Stage data/REPORT.md: every fix, exclusion and merge the pipeline made, and counts per mineral, kind and country.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FlowRow } from '../../../src/data/schema';
import { CONTROL_BIT_IN_YEAR, CONTROL_BIT_TODAY } from '../../../src/derive/risk-codes';
import type { Measure } from '../../../src/model/measures';
import type { Site } from '../../../src/model/types';
import type { ReportEntry } from '../sites';

export interface ReportInput {
  rawSiteCount: number;
  sites: readonly Site[];
  /** Flow rows per year. */
  flowCounts: Readonly<Record<string, number>>;
  /** The measures table and each year's flow rows with their risk codes filled (stages/flows.ts). */
  controls: { measures: readonly Measure[]; years: readonly { year: number; rows: readonly FlowRow[] }[] };
  /** In the order the stages added them. */
  entries: readonly ReportEntry[];
}

const ACTIONS = [
  'fixed',
  'excluded',
  'kept-coastal',
  'resolved-by-location',
  'merged',
  'project-linked',
  'project-not-linked',
] as const;

/** The report's Markdown text. */
export function reportText({ rawSiteCount, sites, flowCounts, controls, entries }: ReportInput): string {
  const byAction = (a: ReportEntry['action']) => entries.filter((r) => r.action === a);
  const tally = (key: (s: Site) => string[]) => {
    const m = new Map<string, number>();
    for (const s of sites) for (const k of key(s)) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  const table = (rows: [string, number][]) => rows.map(([k, n]) => `| ${k} | ${n} |`).join('\n');
  return [
    '# Pipeline report',
    '',
    'Written by `npm run data`. Every fix, exclusion and merge the pipeline made to the raw site layers, and the counts.',
    '',
    `- raw site records read: ${rawSiteCount}`,
    `- sites published: ${sites.length}`,
    `- fixed: ${byAction('fixed').length}; excluded: ${byAction('excluded').length}; kept as coastal: ${byAction('kept-coastal').length}; resolved by location: ${byAction('resolved-by-location').length}; merge groups: ${byAction('merged').length}`,
    ...Object.entries(flowCounts).map(([y, n]) => `- flows ${y}: ${n}`),
    '',
    '## Sites per mineral',
    '',
    '| mineral | sites |',
    '| --- | --- |',
    table(tally((s) => s.minerals)),
    '',
    '## Sites per kind',
    '',
    '| kind | sites |',
    '| --- | --- |',
    table(tally((s) => [s.kind])),
    '',
    '## Sites per country (top 40)',
    '',
    '| country | sites |',
    '| --- | --- |',
    table(tally((s) => [s.country]).slice(0, 40)),
    '',
    ...processingText(sites),
    ...controlsText(controls),
    ...ACTIONS.flatMap((a) => [`## ${a}`, '', ...byAction(a).map((r) => `- ${r.ref}: ${r.detail}`), '']),
  ].join('\n');
}

/** Code-unit order (ids and ISO3 codes are ASCII). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The site kinds that are processing plants (issue 15), in the report's column order. */
const PROCESSING_KINDS = [
  'separation',
  'metal-alloy',
  'magnet',
  'recycling',
  'processing',
  'refinery',
  'battery-materials',
] as const satisfies readonly Site['kind'][];

/**
 * Processing sites per kind and per country, rare earths apart from the other minerals: a site whose minerals
 * include rare earths counts under rare earths, any other processing site under the other minerals.
 */
function processingText(sites: readonly Site[]): string[] {
  const kinds: readonly string[] = PROCESSING_KINDS;
  const processing = sites.filter((s) => kinds.includes(s.kind));
  const groups = [
    ['rare earths', processing.filter((s) => s.minerals.includes('rare-earths'))],
    ['other minerals', processing.filter((s) => !s.minerals.includes('rare-earths'))],
  ] as const;
  return groups.flatMap(([label, group]) => {
    const perCountry = new Map<string, number[]>();
    for (const s of group) {
      const row = perCountry.get(s.country) ?? PROCESSING_KINDS.map(() => 0);
      row[kinds.indexOf(s.kind)] = (row[kinds.indexOf(s.kind)] ?? 0) + 1;
      perCountry.set(s.country, row);
    }
    const total = (row: number[]) => row.reduce((a, b) => a + b, 0);
    const perKind = PROCESSING_KINDS.map((k) => group.filter((s) => s.kind === k).length);
    return [
      `## Processing sites, ${label}`,
      '',
      `${group.length} published sites of the processing kinds in ${perCountry.size} countries (curated and USGS facility layers).`,
      '',
      `| country | ${PROCESSING_KINDS.join(' | ')} | total |`,
      `| --- | ${PROCESSING_KINDS.map(() => '---').join(' | ')} | --- |`,
      `| all | ${perKind.join(' | ')} | ${group.length} |`,
      ...[...perCountry]
        .sort(([a, x], [b, y]) => total(y) - total(x) || byText(a, b))
        .map(([c, row]) => `| ${c} | ${row.join(' | ')} | ${total(row)} |`),
      '',
    ];
  });
}

/** Measures per country and form; per year and mineral, the flows and USD controlled under each reading. */
function controlsText({ measures, years }: ReportInput['controls']): string[] {
  const perCountryForm = new Map<string, number>();
  for (const m of measures) {
    const key = `| ${m.country} | ${m.form} |`;
    perCountryForm.set(key, (perCountryForm.get(key) ?? 0) + 1);
  }
  const flowLines = years.flatMap(({ year, rows }) => {
    const acc = new Map<string, [number, number, number, number, number]>();
    for (const r of rows) {
      const a = acc.get(r[2]) ?? [0, 0, 0, 0, 0];
      a[0] += 1;
      if ((r[6] & CONTROL_BIT_IN_YEAR) !== 0) [a[1], a[2]] = [a[1] + 1, a[2] + r[4]];
      if ((r[6] & CONTROL_BIT_TODAY) !== 0) [a[3], a[4]] = [a[3] + 1, a[4] + r[4]];
      acc.set(r[2], a);
    }
    return [...acc]
      .filter(([, a]) => a[1] + a[3] > 0)
      .sort(([x], [y]) => byText(x, y))
      .map(([mineral, [n, fy, fyUsd, td, tdUsd]]) =>
        [year, mineral, n, fy, Math.round(fyUsd), td, Math.round(tdUsd)].join(' | '),
      )
      .map((line) => `| ${line} |`);
  });
  return [
    '## Export-control measures per country and form',
    '',
    `${measures.length} measures in data/curated/measures.csv.`,
    '',
    '| country | form | measures |',
    '| --- | --- | --- |',
    ...[...perCountryForm].sort(([a], [b]) => byText(a, b)).map(([k, n]) => `${k} ${n} |`),
    '',
    '## Flows controlled, per year and mineral',
    '',
    'A flow is controlled when a measure of its exporter names its HS code (and its importer, for measures aimed at',
    'named destinations) and is in force: on any day of the flow year (flow-year), or on the table check date',
    "(today). USD are the flows' values. Minerals without a controlled flow are not listed.",
    '',
    '| year | mineral | flows | controlled (flow-year) | USD (flow-year) | controlled (today) | USD (today) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...flowLines,
    '',
  ];
}

export function writeReport(reportFile: string, input: ReportInput): void {
  mkdirSync(dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, reportText(input));
}
