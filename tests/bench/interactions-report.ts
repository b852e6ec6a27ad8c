// The table rows and legend lines of the newer interactions (tests/bench/interactions.ts): app only, medians over visits.
import { SEARCH_QUERY, SORT_COLUMNS } from './interactions';
import type { UiResult, UiSample } from './interactions-dom';
import { median, ms, type Cell, type Row } from './report';

/** The reference page has none of this UI. */
const NO_UI: Cell = null;

/** Rows for one scale from its interaction visits (none: one line saying why). */
export function interactionRows(results: readonly UiResult[], failed: string | undefined): Row[] {
  if (results.length === 0)
    return [
      {
        metric: 'interactions (app only)',
        app: { na: `n/a (${failed ?? 'not run'})`.slice(0, 60) },
        ref: NO_UI,
      },
    ];
  const pool = (f: (r: UiResult) => readonly (UiSample | null)[], k: keyof UiSample): Cell => {
    const v = results.flatMap((r) => f(r).flatMap((s) => (s ? [s[k]] : [])));
    return v.length > 0 ? ms(median(v)) : { na: 'n/a (failed)' };
  };
  const pair = (label: string, f: (r: UiResult) => readonly (UiSample | null)[]): Row[] => [
    { metric: `${label}: CPU to next frame`, app: pool(f, 'cpuMs'), ref: NO_UI },
    { metric: `${label}: wall to next frame`, app: pool(f, 'frameMs'), ref: NO_UI },
  ];
  const rows: Row[] = [];
  const items = median(results.map((r) => r.searchItems));
  const searchCpu = pool((r) => r.search, 'cpuMs');
  rows.push({
    // The issue sets the target at 10,000 items; the real index holds fewer (README): said in the label.
    metric: `search, ${Number.isFinite(items) ? items : '?'} items${items < 10_000 ? ' (< 10,000)' : ''}: keystroke CPU to next frame`,
    app: searchCpu,
    ref: NO_UI,
    target: { text: '<= 16 ms', pass: searchCpu && 'value' in searchCpu ? searchCpu.value <= 16 : null },
  });
  rows.push({
    metric: '  search: keystroke to results in the DOM (handler)',
    app: pool((r) => r.search, 'syncMs'),
    ref: NO_UI,
  });
  rows.push({
    metric: '  search: keystroke wall to next frame',
    app: pool((r) => r.search, 'frameMs'),
    ref: NO_UI,
  });
  rows.push(...pair('table view first open (lazy chunk)', (r) => [r.tableOpen]));
  const n = median(results.map((r) => r.tableRows));
  const sortCpu = pool((r) => r.sort, 'cpuMs');
  rows.push({
    metric: `table sort, ${Number.isFinite(n) ? n : '?'} flow rows: CPU to next frame`,
    app: sortCpu,
    ref: NO_UI,
    ...(n >= 10_000
      ? {
          target: {
            text: 'sort of 10,000 rows <= 50 ms',
            pass: sortCpu && 'value' in sortCpu ? sortCpu.value <= 50 : null,
          },
        }
      : {}),
  });
  rows.push({
    metric: '  table sort: wall to next frame',
    app: pool((r) => r.sort, 'frameMs'),
    ref: NO_UI,
  });
  const scrolls = results.flatMap((r) => (r.scroll ? [r.scroll] : []));
  const longTasks = scrolls.reduce((a, s) => a + s.longTasks, 0);
  rows.push({
    metric: `table scroll, 1 s: longest long task (${longTasks} long tasks in ${scrolls.length} visits)`,
    app: scrolls.length > 0 ? ms(Math.max(...scrolls.map((s) => s.longestTaskMs))) : { na: 'n/a (failed)' },
    ref: NO_UI,
    target: { text: 'no long task > 50 ms', pass: scrolls.length > 0 ? longTasks === 0 : null },
  });
  rows.push({
    metric: '  table scroll: longest gap between frames',
    app: scrolls.length > 0 ? ms(Math.max(...scrolls.map((s) => s.maxFrameGapMs))) : { na: 'n/a (failed)' },
    ref: NO_UI,
  });
  rows.push(...pair('measure selected', (r) => [r.measure]));
  rows.push(...pair('project selected', (r) => [r.project]));
  rows.push(...pair('scenario recomputed (exporter stopped)', (r) => [r.scenario]));
  rows.push(...pair('language switch en -> ja', (r) => [r.lang]));
  if (results.some((r) => r.userFile)) {
    const rows200 = results.find((r) => r.userFile)?.userFile?.rows ?? 0;
    rows.push(
      ...pair(`user file of ${rows200.toLocaleString('en-US')} rows read, shown`, (r) => [r.userFile]),
    );
    rows.push({
      metric: "  user file: app's cmm:user-file measure (picked to shown)",
      app: pool((r) => [r.userFile], 'syncMs'),
      ref: NO_UI,
    });
  }
  return rows;
}

/** Lines for the "How figures are taken" legend. */
export const INTERACTIONS_LEGEND: readonly string[] = [
  '  interactions  one more app-only visit per repetition (default, 100k and 1M flows), driven through the DOM',
  '                (tests/bench/interactions.ts); the reference has no such UI ("—"). Each: CPU = main-thread delta',
  '                as above, wall = in-page performance.now() from the DOM event to the end of the next frame.',
  `  search        the chunk loaded and its index built untimed (a first query), then "${SEARCH_QUERY}" typed one`,
  '                keystroke at a time (input events), until results are in the list; items = sites + countries +',
  '                minerals + measures + projects in the state then (the index). Target: CPU to next frame.',
  '  table         first open of the table view (lazy chunk) until its rows are in the DOM; sort: the flows tab,',
  `                header clicks ${SORT_COLUMNS.join(', ')} ascending then descending (at synthetic scales all flows`,
  "                are drawn and minerals added untimed until the tab has >= 10,000 rows); scroll: the table's",
  "                scroll box (one page of 100 rows) scrolled every frame for 1 s, PerformanceObserver('longtask').",
  '  panels        the first measure row of the export-controls panel selected; a custom scenario switched on, then',
  '                its first exporter check box changed (the timed recomputation); the projects panel opened, then',
  '                the first project selected; the language select set to ja (change event).',
  '  user file     a seeded CSV of 200,000 sites set on the "Your data" file input (setInputFiles with a path),',
  '                from its change event to the status and legend showing the file + next frame; removed after.',
];
