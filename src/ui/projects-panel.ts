// The projects panel (lazy chunk): filters kept in the link, the project list, a project's details and capacity.
import { more } from '../i18n/more';
import { PROJECT_STAGE_COLORS } from '../config/ramps';
import { LOCALES, formatMoney, kindLabel, t, type Lang } from '../i18n';
import { rgbCss } from '../derive/ramp';
import {
  ARRANGEMENTS,
  PROJECT_STAGES,
  type ChainStage,
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
import { countryNameIn } from '../state/selectors';
import { actions, type AppState, type AppStore } from '../state/store';
import { capacitySection } from './capacity-chart';
import { el, safeLink, setChildren } from './dom';

/** Text of the data (names, notes, sources) stays English: marked so inside a page in another language. */
const dataText = (lang: Lang, text: string): Node | string =>
  lang === 'en' ? text : el('span', { lang: 'en' }, text);

/** A project's supply-chain step: English as the data writes it ("separation"), else the site-kind name. */
const chainText = (lang: Lang, stage: ChainStage): string => (lang === 'en' ? stage : kindLabel(lang, stage));

/** A number in the language's digits (English: en-US, as before). */
const num = (lang: Lang, v: number): string => v.toLocaleString(LOCALES[lang]);

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
  const msg = more(s.lang).projects;
  const v = s.projectsView;
  const stage = (x: ProjectStage) => {
    const input = el('input', { type: 'checkbox', name: 'pstage', value: x });
    input.checked = v.stages.length === 0 || v.stages.includes(x);
    return el(
      'label',
      {},
      input,
      el('span', { class: 'dot', '--swatch': rgbCss(PROJECT_STAGE_COLORS[x]) }),
      msg.stages[x],
    );
  };
  const gov = el(
    'select',
    { name: 'pgov', 'aria-label': msg.supportingGov, 'data-testid': 'project-government' },
    el('option', { value: '' }, msg.anyGov),
    ...selectSupportingGovernments(s).map((c) => el('option', { value: c }, c === 'EU' ? msg.eu : names(c))),
  );
  gov.value = v.government ?? '';
  const arr = el(
    'select',
    { name: 'parr', 'aria-label': msg.arrangement, 'data-testid': 'project-arrangement' },
    el('option', { value: '' }, msg.anyArrangement),
    ...ARRANGEMENTS.map((a) => el('option', { value: a }, msg.arrangements[a])),
  );
  arr.value = v.arrangement ?? '';
  return el(
    'div',
    { class: 'project-filters' },
    el('fieldset', { class: 'grid' }, el('legend', {}, msg.stage), ...PROJECT_STAGES.map(stage)),
    el('label', {}, msg.supportedBy, gov),
    el('label', {}, msg.arrangementLabel, arr),
  );
}

function row(p: Project, s: AppState, names: (c: string) => string): HTMLElement {
  const lang = s.lang;
  const msg = more(lang).projects;
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
      el('strong', { lang: lang === 'en' ? undefined : 'en' }, p.name),
      el(
        'span',
        { class: 'scope' },
        `${names(p.country)} · ${chainText(lang, p.chainStage)} · ${msg.stages[p.stage]} · ${msg.start(
          start === null ? msg.notAnnounced : String(start),
        )}${p.capacity ? ` · ${msg.amount(num(lang, p.capacity.value), p.capacity.unit)}` : ''}`,
      ),
    ),
  );
}

function supportTable(p: Project, names: (c: string) => string, lang: Lang): HTMLElement {
  const msg = more(lang).projects;
  const h = msg.supportHeads;
  return el(
    'table',
    { class: 'results', 'data-testid': 'project-support' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...[h.date, h.agency, h.instrument, h.amount, h.source].map((x) => el('th', { scope: 'col' }, x)),
      ),
    ),
    el(
      'tbody',
      {},
      ...p.support.map((x) =>
        el(
          'tr',
          {},
          el('td', {}, t(lang).controls.date(x.date)),
          el(
            'td',
            {},
            dataText(lang, x.agency),
            ` (${x.country === 'EU' ? msg.euShort : names(x.country)}) · `,
            dataText(lang, x.status),
          ),
          el('td', {}, dataText(lang, x.instrument)),
          el('td', {}, x.amount === null ? msg.notStated : `${num(lang, x.amount)} ${x.currency ?? ''}`),
          el(
            'td',
            { lang: lang === 'en' ? undefined : 'en' },
            safeLink(x.source.url, `${x.source.publisher} (${x.source.year})`),
          ),
        ),
      ),
    ),
  );
}

function details(p: Project, s: AppState, names: (c: string) => string): HTMLElement {
  const lang = s.lang;
  const msg = more(lang).projects;
  const dataLang = lang === 'en' ? undefined : 'en';
  // A pending permit has waited until today (the reader's date).
  const wait = permitWaitDays(p, new Date().toISOString().slice(0, 10));
  const usd = p.support
    .filter((x) => x.currency === 'USD' && x.amount !== null)
    .reduce((a, x) => a + (x.amount ?? 0), 0);
  const dateOf = (d: string | null) => (d === null ? null : t(lang).controls.date(d));
  return el(
    'div',
    { class: 'measure-details', 'data-testid': 'project-details', 'data-id': p.id },
    el(
      'div',
      { class: 'details-head' },
      el('h3', { lang: dataLang }, p.name),
      el('button', { type: 'button', 'data-action': 'close-project', 'aria-label': msg.close }, '×'),
    ),
    el(
      'p',
      {},
      p.operator === null ? msg.operatorUnknown : dataText(lang, p.operator),
      ` · ${names(p.country)} · ${chainText(lang, p.chainStage)} · ${msg.stageAsOf(msg.stages[p.stage], t(lang).controls.date(String(p.vintage)))} · ${msg.location(msg.precisions[p.precision])}`,
    ),
    el('p', {}, el('strong', {}, msg.product), dataText(lang, p.product)),
    el(
      'p',
      {},
      el('strong', {}, msg.capacity),
      p.capacity ? msg.amount(num(lang, p.capacity.value), p.capacity.unit) : msg.noCapacity,
    ),
    el(
      'p',
      {},
      el('strong', {}, msg.start2),
      msg.announcedYear(p.startYear.announced === null ? msg.notKnown : String(p.startYear.announced)),
      p.startYear.revised !== null ? msg.revised(p.startYear.revised) : '',
      p.startYear.note ? ' (' : '',
      p.startYear.note ? dataText(lang, p.startYear.note) : '',
      p.startYear.note ? ')' : '',
    ),
    el(
      'p',
      { 'data-testid': 'project-permit' },
      el('strong', {}, msg.permit),
      msg.permitDates(dateOf(p.permit.applied), dateOf(p.permit.granted)),
      wait ? msg.wait(wait.days, wait.pending) : msg.waitUnknown,
      p.permit.note ? ' ' : '',
      p.permit.note ? dataText(lang, p.permit.note) : '',
    ),
    p.fastTrack ? el('p', {}, el('strong', {}, msg.fastTrack), dataText(lang, p.fastTrack)) : null,
    el(
      'p',
      {},
      el('strong', {}, msg.arrangementsLabel),
      p.arrangements.map((a) => msg.arrangements[a]).join(lang === 'en' ? ', ' : '、') || msg.noneStated,
    ),
    p.siteId ? el('p', { class: 'muted' }, msg.atSite(p.siteId)) : null,
    el('h4', {}, msg.support(p.support.length, formatMoney(lang, usd))),
    el('div', { class: 'table-wrap' }, supportTable(p, names, lang)),
    el('h4', {}, msg.sources),
    el(
      'ul',
      { class: 'sources' },
      ...p.sources.map((x) =>
        el('li', { lang: dataLang }, safeLink(x.url, `${x.publisher} (${x.year}). ${x.title}`)),
      ),
    ),
    p.notes
      ? el('details', { class: 'muted' }, el('summary', {}, msg.notes), el('p', { lang: dataLang }, p.notes))
      : null,
  );
}

function renderProjects(root: HTMLElement, s: AppState, capacity: string | null): void {
  if (!s.data) return;
  const lang = s.lang;
  const msg = more(lang).projects;
  if (!s.projects) {
    setChildren(
      root,
      el('h2', {}, msg.title),
      el('p', { class: 'muted' }, s.projectsStatus === 'error' ? msg.loadError : msg.loading),
    );
    return;
  }
  const names = countryNameIn(s);
  const list = selectProjectList(s);
  const selected = selectProject(s);
  setChildren(
    root,
    el(
      'div',
      { class: 'details-head' },
      el('h2', {}, msg.titleOutside),
      el(
        'button',
        { type: 'button', 'data-action': 'hide-projects', 'data-testid': 'projects-hide' },
        msg.hide,
      ),
    ),
    el('p', { class: 'muted' }, msg.intro(list.length, s.projects.projects.length)),
    filters(s, names),
    selected ? details(selected, s, names) : null,
    el('ol', { class: 'measure-list project-list' }, ...list.map((p) => row(p, s, names))),
    capacitySection(s, names, capacity),
  );
}
