// The projects panel (lazy chunk): filters kept in the link, the project list, a project's details and capacity.
import { PROJECT_STAGE_COLORS } from '../config/ramps';
import { formatUsd } from '../derive/format';
import { rgbCss } from '../derive/ramp';
import {
  ARRANGEMENTS,
  PROJECT_STAGES,
  type Arrangement,
  type Project,
  type ProjectStage,
} from '../model/projects';
import { isOneOf } from '../model/filters';
import {
  permitWaitDays,
  selectProject,
  selectProjectList,
  selectSupportingGovernments,
} from '../state/projects';
import { countryName } from '../state/selectors';
import { actions, type AppState, type AppStore } from '../state/store';
import { capacitySection } from './capacity-chart';
import { el, safeLink, setChildren } from './dom';

export const ARRANGEMENT_TEXT: Readonly<Record<Arrangement, string>> = {
  'us-japan-framework': 'U.S.–Japan framework',
  bilateral: 'Bilateral government deal',
  'eu-strategic': 'EU strategic project (CRMA)',
  msp: 'Minerals Security Partnership',
};

/** Mount into `root`; changes to the panel's filters and clicks on rows go to the store. */
export function mountProjectsPanel(root: HTMLElement, store: AppStore): { render(s: AppState): void } {
  /** The capacity measure on show (`chain|kind`): the panel's own state, like a table's sort. */
  let capacity: string | null = null;
  root.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    if (t.name === 'capmeasure') {
      capacity = t.value;
      renderProjects(root, store.getState(), capacity);
    } else if (t.name === 'pstage') {
      const stages = [...root.querySelectorAll<HTMLInputElement>('input[name=pstage]:checked')]
        .map((i) => i.value)
        .filter((v): v is ProjectStage => isOneOf(PROJECT_STAGES, v));
      actions.setProjectsView(store, { stages: stages.length === PROJECT_STAGES.length ? [] : stages });
    } else if (t.name === 'pgov') actions.setProjectsView(store, { government: t.value || null });
    else if (t.name === 'parr')
      actions.setProjectsView(store, { arrangement: isOneOf(ARRANGEMENTS, t.value) ? t.value : null });
    else if (t.name === 'capby' && (t.value === 'country' || t.value === 'stage'))
      actions.setProjectsView(store, { capacityBy: t.value });
    else if (t.name === 'cap' && (t.value === 'announced' || t.value === 'delayed'))
      actions.setProjectsView(store, { capacityReading: t.value });
  });
  root.addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
    const action = target?.dataset.action;
    if (action === 'select-project') {
      const id = target?.dataset.id ?? null;
      actions.setProjectsView(store, { selected: store.getState().projectsView.selected === id ? null : id });
    } else if (action === 'close-project') actions.setProjectsView(store, { selected: null });
    else if (action === 'hide-projects') actions.setProjectsView(store, { open: false, selected: null });
  });
  return { render: (s) => renderProjects(root, s, capacity) };
}

function filters(s: AppState, names: (c: string) => string): HTMLElement {
  const v = s.projectsView;
  const stage = (x: ProjectStage) => {
    const input = el('input', { type: 'checkbox', name: 'pstage', value: x });
    input.checked = v.stages.length === 0 || v.stages.includes(x);
    return el(
      'label',
      {},
      input,
      el('span', { class: 'dot', '--swatch': rgbCss(PROJECT_STAGE_COLORS[x]) }),
      x,
    );
  };
  const gov = el(
    'select',
    { name: 'pgov', 'aria-label': 'Supporting government', 'data-testid': 'project-government' },
    el('option', { value: '' }, 'any government'),
    ...selectSupportingGovernments(s).map((c) =>
      el('option', { value: c }, c === 'EU' ? 'European Union' : names(c)),
    ),
  );
  gov.value = v.government ?? '';
  const arr = el(
    'select',
    { name: 'parr', 'aria-label': 'Arrangement', 'data-testid': 'project-arrangement' },
    el('option', { value: '' }, 'any arrangement'),
    ...ARRANGEMENTS.map((a) => el('option', { value: a }, ARRANGEMENT_TEXT[a])),
  );
  arr.value = v.arrangement ?? '';
  return el(
    'div',
    { class: 'project-filters' },
    el('fieldset', { class: 'grid' }, el('legend', {}, 'Stage'), ...PROJECT_STAGES.map(stage)),
    el('label', {}, 'Supported by ', gov),
    el('label', {}, 'Arrangement ', arr),
  );
}

function row(p: Project, s: AppState, names: (c: string) => string): HTMLElement {
  const start = p.startYear.revised ?? p.startYear.announced;
  return el(
    'li',
    {
      'data-testid': 'project',
      'data-id': p.id,
      'data-country': p.country,
      'data-stage': p.stage,
      'data-start-year': start === null ? '' : String(start),
    },
    el(
      'button',
      {
        type: 'button',
        class: 'measure-row',
        'data-action': 'select-project',
        'data-id': p.id,
        'aria-pressed': String(s.projectsView.selected === p.id),
      },
      el('span', { class: 'dot', '--swatch': rgbCss(PROJECT_STAGE_COLORS[p.stage]) }),
      el('strong', {}, p.name),
      el(
        'span',
        { class: 'scope' },
        `${names(p.country)} · ${p.chainStage} · ${p.stage} · start ${start ?? 'not announced'}${
          p.capacity ? ` · ${p.capacity.value.toLocaleString('en-US')} ${p.capacity.unit}` : ''
        }`,
      ),
    ),
  );
}

function supportTable(p: Project, names: (c: string) => string): HTMLElement {
  return el(
    'table',
    { class: 'results', 'data-testid': 'project-support' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...['Date', 'Government / agency', 'Instrument', 'Amount', 'Source'].map((h) =>
          el('th', { scope: 'col' }, h),
        ),
      ),
    ),
    el(
      'tbody',
      {},
      ...p.support.map((x) =>
        el(
          'tr',
          {},
          el('td', {}, x.date),
          el('td', {}, `${x.agency} (${x.country === 'EU' ? 'EU' : names(x.country)}) · ${x.status}`),
          el('td', {}, x.instrument),
          el(
            'td',
            {},
            x.amount === null ? 'not stated' : `${x.amount.toLocaleString('en-US')} ${x.currency ?? ''}`,
          ),
          el('td', {}, safeLink(x.source.url, `${x.source.publisher} (${x.source.year})`)),
        ),
      ),
    ),
  );
}

function details(p: Project, s: AppState, names: (c: string) => string): HTMLElement {
  // A pending permit has waited until today (the reader's date).
  const wait = permitWaitDays(p, new Date().toISOString().slice(0, 10));
  const usd = p.support
    .filter((x) => x.currency === 'USD' && x.amount !== null)
    .reduce((a, x) => a + (x.amount ?? 0), 0);
  return el(
    'div',
    { class: 'measure-details', 'data-testid': 'project-details', 'data-id': p.id },
    el(
      'div',
      { class: 'details-head' },
      el('h3', {}, p.name),
      el(
        'button',
        { type: 'button', 'data-action': 'close-project', 'aria-label': 'Close project details' },
        '×',
      ),
    ),
    el(
      'p',
      {},
      `${p.operator ?? 'Operator not known'} · ${names(p.country)} · ${p.chainStage} · stage ${p.stage} (as of ${p.vintage}) · location ${p.precision}`,
    ),
    el('p', {}, el('strong', {}, 'Product: '), p.product),
    el(
      'p',
      {},
      el('strong', {}, 'Capacity: '),
      p.capacity ? `${p.capacity.value.toLocaleString('en-US')} ${p.capacity.unit}` : 'no published figure',
    ),
    el(
      'p',
      {},
      el('strong', {}, 'Start: '),
      `announced ${p.startYear.announced ?? 'not known'}`,
      p.startYear.revised !== null ? `, revised to ${p.startYear.revised}` : '',
      p.startYear.note ? ` (${p.startYear.note})` : '',
    ),
    el(
      'p',
      { 'data-testid': 'project-permit' },
      el('strong', {}, 'Permit: '),
      `applied ${p.permit.applied ?? 'date not published'}, granted ${p.permit.granted ?? 'not (yet) granted or not published'}. `,
      wait
        ? `${wait.pending ? 'Waiting' : 'Waited'} ${wait.days} days from application${wait.pending ? ' so far' : ' to permit'}.`
        : 'Waiting time unknown: both dates (to the day) are needed.',
      p.permit.note ? ` ${p.permit.note}` : '',
    ),
    p.fastTrack ? el('p', {}, el('strong', {}, 'Fast-track: '), p.fastTrack) : null,
    el(
      'p',
      {},
      el('strong', {}, 'Arrangements: '),
      p.arrangements.map((a) => ARRANGEMENT_TEXT[a]).join(', ') || 'none stated',
    ),
    p.siteId ? el('p', { class: 'muted' }, `At the map's site ${p.siteId}.`) : null,
    el(
      'h4',
      {},
      `Public support (${p.support.length}; stated USD amounts add to ${formatUsd(usd)}, other currencies apart)`,
    ),
    el('div', { class: 'table-wrap' }, supportTable(p, names)),
    el('h4', {}, 'Sources'),
    el(
      'ul',
      { class: 'sources' },
      ...p.sources.map((x) => el('li', {}, safeLink(x.url, `${x.publisher} (${x.year}). ${x.title}`))),
    ),
    p.notes ? el('details', { class: 'muted' }, el('summary', {}, 'Notes'), el('p', {}, p.notes)) : null,
  );
}

function renderProjects(root: HTMLElement, s: AppState, capacity: string | null): void {
  if (!s.data) return;
  if (!s.projects) {
    setChildren(
      root,
      el('h2', {}, 'Funded projects'),
      el(
        'p',
        { class: 'muted' },
        s.projectsStatus === 'error' ? 'The projects file could not be loaded.' : 'Loading the projects…',
      ),
    );
    return;
  }
  const names = countryName(s);
  const list = selectProjectList(s);
  const selected = selectProject(s);
  setChildren(
    root,
    el(
      'div',
      { class: 'details-head' },
      el('h2', {}, 'Funded projects outside China'),
      el(
        'button',
        { type: 'button', 'data-action': 'hide-projects', 'data-testid': 'projects-hide' },
        'Hide',
      ),
    ),
    el(
      'p',
      { class: 'muted' },
      `${list.length} of ${s.projects.projects.length} projects with public support since 2020, for the selected minerals. Drawn on the map as rings coloured by stage, sized by capacity where published.`,
    ),
    filters(s, names),
    selected ? details(selected, s, names) : null,
    el('ol', { class: 'measure-list project-list' }, ...list.map((p) => row(p, s, names))),
    capacitySection(s, names, capacity),
  );
}
