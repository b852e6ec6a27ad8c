// The table view: the kept sites and drawn flows as sortable, paged tables (the CSV's columns), synced with the selection.
import { more } from '../i18n/more';
import { clampPage, PAGE_SIZE, pageBounds, pageOf, sortIndex } from '../derive/table-sort';
import { t, type Lang, type Messages } from '../i18n';
import type { Selection } from '../model/view';
import { exportRecords, type ExportColumn, type ExportRecord } from '../state/export';
import { selectDrawnFlows, selectVisibleSites } from '../state/selectors';
import { selectUserKept } from '../state/user-data';
import { actions, type AppState, type AppStore } from '../state/store';
import { el } from './dom';
import { dataTable, sortHeader } from './table';
import { syncRows } from './table-rows';

type Tab = 'site' | 'flow';

/** A shown column: a CSV column, headed by its name in the reader's language (the CSV's `exportColumns`). */
type ShownColumn = ExportColumn;

/** The CSV columns shown by default: a readable subset (the CSV download has them all). */
const COLUMNS: Record<Tab, readonly ShownColumn[]> = {
  site: ['name', 'kind', 'minerals', 'country', 'status', 'operator', 'capacity', 'vintage', 'record_type'],
  flow: [
    'exporter',
    'importer',
    'mineral',
    'hs',
    'year',
    'value_usd',
    'tonnes',
    'coverage',
    'china_risk_reasons',
    'export_controls',
    'record_type',
  ],
};

/** The table view's messages in `lang` (a module-level name: `t` is a tab's state inside the view). */
const messagesOf = (lang: Lang): Messages['table'] => t(lang).table;

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const cellText = (v: ExportRecord[ExportColumn], c: ExportColumn): string =>
  v === null ? '—' : typeof v === 'number' && c !== 'year' && c !== 'vintage' ? NUMBER.format(v) : String(v);

const columnLabel = (lang: Lang, c: ShownColumn): string => more(lang).exportColumns[c];

const recordTypeText = (lang: Lang, v: ExportRecord[ExportColumn]): string => {
  const m = more(lang).exportValues;
  return v === 'site' || v === 'flow' || v === 'user_site' || v === 'user_flow' ? m[v] : String(v);
};

interface TabState {
  records: ExportRecord[];
  sort: { key: ExportColumn; desc: boolean } | null;
  /** Record positions in display order (null: the export's own order). */
  order: Uint32Array | null;
  page: number;
}

export interface TableView {
  /** Draw for this state (the app calls it only while the view is open). */
  render(s: AppState): void;
}

export function mountTableView(root: HTMLElement, store: AppStore): TableView {
  const tabs: Record<Tab, TabState> = {
    site: { records: [], sort: null, order: null, page: 0 },
    flow: { records: [], sort: null, order: null, page: 0 },
  };
  let tab: Tab = 'site';
  /** The reader's language, from the last state drawn. */
  let lang: Lang = store.getState().lang;
  let inputs: readonly unknown[] = [];
  let selection: Selection | null = null;
  let seenSelection: Selection | null | undefined;
  /** The selection changed: scroll its row into view after the next draw. */
  let scrollToSelected = false;

  const position = (t: TabState, id: string): number => {
    const k = t.records.findIndex((r) => r.id === id);
    if (k < 0 || !t.order) return k;
    return t.order.indexOf(k);
  };
  const resort = (t: TabState) => {
    t.order = t.sort
      ? sortIndex(
          t.records.map((r) => r[(t.sort as NonNullable<TabState['sort']>).key]),
          t.sort.desc,
        )
      : null;
  };
  /** Show the selected row's tab and page. */
  const reveal = (sel: Selection) => {
    const t = tabs[sel.type];
    const pos = position(t, sel.id);
    if (pos < 0) return;
    tab = sel.type;
    t.page = pageOf(pos);
    scrollToSelected = true;
  };

  // The view's frame, made once: tabs, pager, the scroll box; the table inside is made again only for another tab or
  // language, its rows are kept in step in place (./table-rows.ts).
  const tabButton = (x: Tab) =>
    el('button', { type: 'button', role: 'tab', 'data-tab': x, 'data-testid': `table-tab-${x}s` });
  const tabButtons: Record<Tab, HTMLButtonElement> = { site: tabButton('site'), flow: tabButton('flow') };
  const tablist = el('div', { role: 'tablist' }, tabButtons.site, tabButtons.flow);
  const pageButton = (dir: 'prev' | 'next') => el('button', { type: 'button', 'data-page': dir });
  const prev = pageButton('prev');
  const next = pageButton('next');
  const range = el('span', { 'data-testid': 'table-range', 'aria-live': 'polite' });
  const close = el('button', { type: 'button', 'data-action': 'close-table' });
  const scroll = el('div', { class: 'table-scroll' });
  root.replaceChildren(
    el(
      'div',
      { class: 'table-head' },
      tablist,
      el('div', { class: 'table-pager' }, prev, range, next, close),
    ),
    scroll,
  );
  let table: { tab: Tab; lang: Lang; tbody: HTMLTableSectionElement } | null = null;
  /** What the scroll box last showed (tab, page, sort, records): another view starts at its top. */
  let shown: readonly unknown[] = [];

  const draw = () => {
    const m = messagesOf(lang);
    // Cells are the data's (English) text, as in the CSV: marked so inside a page in another language.
    const dataLang = lang === 'en' ? {} : { lang: 'en' };
    const t = tabs[tab];
    const n = t.records.length;
    t.page = clampPage(t.page, n);
    const { start, end } = pageBounds(t.page, n);
    const rows: ExportRecord[] = [];
    for (let p = start; p < end; p++)
      rows.push(t.records[t.order ? (t.order[p] as number) : p] as ExportRecord);
    const selectedId = selection?.type === tab ? selection.id : null;
    const focusId = rows.some((r) => r.id === selectedId) ? selectedId : (rows[0]?.id ?? null);
    const active = document.activeElement as HTMLElement | null;
    const refocus = active && root.contains(active) ? focusKey(active) : null;

    tablist.setAttribute('aria-label', m.label);
    for (const x of ['site', 'flow'] as const) {
      const b = tabButtons[x];
      b.dataset.count = String(tabs[x].records.length);
      b.setAttribute('aria-selected', String(x === tab));
      b.textContent = m.tab(x === 'site' ? m.sites : m.flows, String(tabs[x].records.length));
    }
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE));
    prev.disabled = t.page <= 0;
    next.disabled = t.page >= pages - 1;
    prev.textContent = m.previous;
    next.textContent = m.next;
    close.textContent = m.close;
    range.textContent =
      n === 0
        ? m.noRows
        : m.range(String(start + 1), String(end), String(n), String(t.page + 1), String(pages));

    if (table?.tab !== tab || table.lang !== lang) {
      const made = dataTable<ExportRecord>({
        columns: COLUMNS[tab].map((c) => ({ label: columnLabel(lang, c), sortKey: c, cell: () => '' })),
        rows: [],
        attrs: { class: 'data-table', 'aria-label': tab === 'site' ? m.sites : m.flows },
        sort: { key: '', desc: false },
      });
      scroll.replaceChildren(made);
      table = { tab, lang, tbody: made.tBodies[0] as HTMLTableSectionElement };
    }
    // The sorted column's arrow and aria-sort, in place (the header button keeps focus).
    for (const th of scroll.querySelectorAll<HTMLElement>('thead th')) {
      const button = th.querySelector<HTMLElement>('[data-sort]');
      const key = button?.dataset.sort as ExportColumn | undefined;
      if (!button || !key) continue;
      const mark = sortHeader(columnLabel(lang, key), key, t.sort);
      th.setAttribute('aria-sort', mark.ariaSort);
      button.textContent = mark.text;
    }
    syncRows(
      table.tbody,
      rows,
      COLUMNS[tab].map((c, i) => ({
        // The record type in words ("your site"): whose row it is.
        cell: (r: ExportRecord) => (c === 'record_type' ? recordTypeText(lang, r[c]) : cellText(r[c], c)),
        ...(i === 0 ? { rowHeader: true } : {}),
      })),
      (r) => ({
        'data-testid': 'table-row',
        'data-id': String(r.id),
        'data-type': tab,
        ...(r.record_type === 'user_site' || r.record_type === 'user_flow' ? { 'data-user': 'true' } : {}),
        role: 'row',
        tabindex: r.id === focusId ? '0' : '-1',
        'aria-selected': r.id === selectedId ? 'true' : 'false',
        ...dataLang,
      }),
    );
    const view = [tab, t.page, t.sort, t.records];
    if (view.some((x, i) => x !== shown[i])) {
      shown = view;
      scroll.scrollTop = 0;
    }
    // Focus stays with what had it: the same control, or the same record's row if it is still on the page.
    if (refocus && !(active?.isConnected && active.matches(refocus)))
      root.querySelector<HTMLElement>(refocus)?.focus({ preventScroll: true });
    if (scrollToSelected) {
      scrollToSelected = false;
      root
        .querySelector('[aria-selected="true"][data-testid="table-row"]')
        ?.scrollIntoView({ block: 'nearest' });
    }
  };

  root.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const t = tabs[tab];
    const sortKey = target.closest<HTMLElement>('[data-sort]')?.dataset.sort as ExportColumn | undefined;
    const tabKey = target.closest<HTMLElement>('[data-tab]')?.dataset.tab as Tab | undefined;
    const page = target.closest<HTMLElement>('[data-page]')?.dataset.page;
    const row = target.closest<HTMLElement>('[data-testid="table-row"]');
    if (sortKey) {
      t.sort = t.sort?.key === sortKey ? { key: sortKey, desc: !t.sort.desc } : { key: sortKey, desc: false };
      resort(t);
      t.page = 0;
    } else if (tabKey) tab = tabKey;
    else if (page) t.page += page === 'next' ? 1 : -1;
    else if (target.closest('[data-action="close-table"]')) return actions.setTable(store, false);
    else if (row) return selectRow(row);
    else return;
    draw();
  });
  root.addEventListener('keydown', (e) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-testid="table-row"]');
    if (!row) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      selectRow(row);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (
        e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling
      ) as HTMLElement;
      if (!next) return;
      row.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  });
  const selectRow = (row: HTMLElement) => {
    // The reader's own rows have no details panel: selecting them does nothing.
    if (row.dataset.user === 'true') return;
    const id = row.dataset.id;
    const type = row.dataset.type as Tab;
    if (id) actions.select(store, { type, id });
  };

  return {
    render(s) {
      lang = s.lang;
      const next = [
        selectVisibleSites(s),
        selectDrawnFlows(s),
        s.measures,
        s.filters.controls,
        s.years,
        s.data,
        selectUserKept(s),
      ];
      if (next.length !== inputs.length || next.some((x, i) => x !== inputs[i])) {
        inputs = next;
        const records = exportRecords(s).map((x) => x.record);
        // The reader's own rows are listed with ours (their record type says whose they are).
        tabs.site.records = records.filter((r) => r.record_type === 'site' || r.record_type === 'user_site');
        tabs.flow.records = records.filter((r) => r.record_type === 'flow' || r.record_type === 'user_flow');
        resort(tabs.site);
        resort(tabs.flow);
        // A changed selection, or a list that now holds it, shows its row.
        seenSelection = undefined;
      }
      selection = s.selection;
      if (selection !== seenSelection) {
        seenSelection = selection;
        if (selection) reveal(selection);
      }
      draw();
    },
  };
}

/** A selector for the element that had focus, to give it back after a redraw. */
function focusKey(e: HTMLElement): string | null {
  for (const attr of ['data-id', 'data-sort', 'data-tab', 'data-page']) {
    const v = e.getAttribute(attr);
    if (v !== null) return `[${attr}="${CSS.escape(v)}"]`;
  }
  return null;
}
