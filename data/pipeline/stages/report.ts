// Stage data/REPORT.md: every fix, exclusion and merge the pipeline made, and counts per mineral, kind and country.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Site } from '../../../src/model/types';
import type { ReportEntry } from '../sites';

export interface ReportInput {
  rawSiteCount: number;
  sites: readonly Site[];
  /** Flow rows per year. */
  flowCounts: Readonly<Record<string, number>>;
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
export function reportText({ rawSiteCount, sites, flowCounts, entries }: ReportInput): string {
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
    ...ACTIONS.flatMap((a) => [`## ${a}`, '', ...byAction(a).map((r) => `- ${r.ref}: ${r.detail}`), '']),
  ].join('\n');
}

export function writeReport(reportFile: string, input: ReportInput): void {
  mkdirSync(dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, reportText(input));
}
