// The details panel: every field of the selected site or flow, with its sources, precision and vintage.
import { type RouteInfo } from '../model/view';
import { flowCoverage, productOf } from '../derive/products';
import type { Flow, Site, Source } from '../model/types';
import { decodeRisk, isOverland, readRisk } from '../derive/risk-codes';
import type { RiskReason } from '../model/filters';
import type { ControlReading, Measure } from '../model/measures';
import {
  formatCount,
  formatMoney,
  formatPercent,
  kindLabel,
  LOCALES,
  mineralName,
  statusLabel,
  t,
  type Lang,
} from '../i18n';
import { countryLabels, langAttr } from '../i18n/countries';
import { controlsText, selectFlowControls } from '../state/measures';
import { selectExporterShare } from '../state/selectors';
import type { AppState, StaticData, YearData } from '../state/store';
import { el, safeLink, setChildren } from './dom';

const RISK_KEYS: Readonly<Record<RiskReason, keyof ReturnType<typeof t>['details']['risks']>> = {
  origin: 'origin',
  destination: 'destination',
  transit: 'transit',
  'south-china-sea': 'southChinaSea',
  controlled: 'controlled',
};

/** Text from the data (English): as is in English, marked lang="en" inside a page in another language. */
const dataText = (lang: Lang, text: string): Node | string =>
  lang === 'en' ? text : el('span', { lang: 'en' }, text);

/** A country's name in `lang`, marked when it is the English fallback. */
function countryNode(lang: Lang, data: StaticData, iso3: string): Node | string {
  const label = countryLabels(lang, data.countries)(iso3);
  const attr = langAttr(lang, label);
  return attr ? el('span', { lang: attr }, label.text) : label.text;
}

function row(label: string, ...value: (Node | string | null)[]): HTMLElement {
  return el('div', { class: 'row' }, el('dt', {}, label), el('dd', {}, ...value));
}

function sourcesList(lang: Lang, sources: readonly Source[]): HTMLElement {
  return el(
    'ol',
    { class: 'sources' },
    ...sources.map((s) =>
      el(
        'li',
        { lang: lang === 'en' ? undefined : 'en' },
        safeLink(s.url, `${s.publisher} (${s.year}). ${s.title}.`),
      ),
    ),
  );
}

export function renderSiteDetails(
  root: HTMLElement,
  site: Site,
  data: StaticData,
  lang: Lang,
  onClose: () => void,
): void {
  const m = t(lang).details;
  const unknown = t(lang).units.unknown;
  const minerals = site.minerals
    .map((id) => mineralName(lang, id, data.minerals.find((x) => x.id === id)?.name ?? id))
    .join(m.listSeparator);
  setChildren(
    root,
    el('button', { class: 'close', type: 'button', 'aria-label': m.close }, '×'),
    el('h2', { lang: lang === 'en' ? undefined : 'en' }, site.name),
    el('p', { class: 'kind' }, kindLabel(lang, site.kind)),
    el(
      'dl',
      {},
      row(m.minerals, minerals),
      row(m.country, countryNode(lang, data, site.country), m.code(site.country)),
      row(m.status, `${statusLabel(lang, site.status)}${m.asOf(String(site.vintage))}`),
      row(m.operator, site.operator ? dataText(lang, site.operator) : unknown),
      row(
        m.capacity,
        ...(site.capacity
          ? [formatCount(lang, site.capacity.value), ' ', dataText(lang, site.capacity.unit)]
          : [unknown]),
      ),
      row(m.location, `${site.position[1].toFixed(3)}, ${site.position[0].toFixed(3)}`),
      row(m.precision, m.precisions[site.precision]),
      row(m.vintage, String(site.vintage)),
      site.notes ? row(m.notes, dataText(lang, site.notes)) : null,
      row(m.siteId, site.id),
    ),
    el('h3', {}, m.sources),
    sourcesList(lang, site.sources),
  );
  root.querySelector('button.close')?.addEventListener('click', onClose);
}

export function renderFlowDetails(
  root: HTMLElement,
  flow: Flow,
  share: number | undefined,
  data: StaticData,
  year: YearData | undefined,
  route: RouteInfo | undefined,
  controls: FlowControls,
  lang: Lang,
  onClose: () => void,
): void {
  const m = t(lang).details;
  const reasons = decodeRisk(readRisk(flow.risk, controls.reading));
  const overland = isOverland(flow.risk);
  const country = (iso3: string) => countryNode(lang, data, iso3);
  const mineral = data.minerals.find((x) => x.id === flow.mineral);
  const product = productOf(data.minerals, flow.mineral, flow.hs);
  const reporter = product?.reportedBy;
  const hs = String(flow.hs);
  const yearText = String(flow.year);
  const complete = year?.complete[flow.mineral];
  // English keeps the data side's wording (derive/products.ts); other languages compose it from the catalogue.
  const coverage: Node | string =
    lang === 'en'
      ? flowCoverage(product, complete)
      : !product
        ? m.coverageUnknownProduct
        : product.reportedBy
          ? dataText(lang, product.coverage)
          : m.coverageBaci(
              complete === undefined ? m.rowsUnknown : complete ? m.rowsComplete : m.rowsPartial,
            );
  const tonnes =
    flow.tonnes === null || flow.tonnes === undefined || !Number.isFinite(flow.tonnes)
      ? m.tonnesUnknown
      : m.tonnes(
          flow.tonnes.toLocaleString(LOCALES[lang], { maximumFractionDigits: flow.tonnes < 10 ? 2 : 0 }),
        );
  const reporterName = reporter ? countryLabels(lang, data.countries)(reporter).text : '';
  setChildren(
    root,
    el('button', { class: 'close', type: 'button', 'aria-label': m.close }, '×'),
    el('h2', {}, country(flow.exporter), ' → ', country(flow.importer)),
    el('p', { class: 'kind' }, m.tradeFlow(yearText)),
    el(
      'dl',
      {},
      row(m.mineral, mineral ? mineralName(lang, mineral.id, mineral.name) : flow.mineral),
      row(m.product, m.hs(hs), product ? dataText(lang, product.name) : m.unknownProduct),
      row(m.stage, product ? m.stages[product.stage] : t(lang).units.unknown),
      row(m.exporter, country(flow.exporter), m.code(flow.exporter)),
      row(m.importer, country(flow.importer), m.code(flow.importer)),
      row(m.value, m.valueUsd(formatMoney(lang, flow.valueUsd), formatCount(lang, flow.valueUsd))),
      row(m.quantity, tonnes),
      row(
        reporter ? m.shareOfImports(reporterName, hs, yearText) : m.shareOfWorld(hs, yearText),
        formatPercent(lang, share),
      ),
      el(
        'div',
        { class: 'row', 'data-testid': 'flow-coverage' },
        el('dt', {}, m.coverage),
        el('dd', {}, coverage),
      ),
      row(m.flowId, flow.id),
    ),
    el('h3', {}, m.riskTitle),
    el(
      'ul',
      { class: 'risk-reasons', 'data-testid': 'risk-reasons' },
      ...(reasons.length > 0
        ? reasons.map((r) => el('li', { 'data-reason': r }, m.risks[RISK_KEYS[r]]))
        : [el('li', { 'data-reason': 'none' }, m.riskNone)]),
    ),
    el(
      'p',
      { class: 'muted' },
      overland
        ? m.overland
        : route?.km
          ? m.seaRoute(
              route.ports ? `${route.ports[0]} → ${route.ports[1]}` : null,
              formatCount(lang, route.km),
            )
          : m.seaRouteLater,
    ),
    reasons.includes('controlled') ? controlsSection(lang, controls) : null,
    el('h3', {}, m.sources),
    sourcesList(lang, reporter && product ? product.sources : (year?.sources ?? [])),
  );
  root.querySelector('button.close')?.addEventListener('click', onClose);
}

/** What the details need to name a flow's export controls: the reading, the table's date and the measures. */
export interface FlowControls {
  reading: ControlReading;
  asOf: string | null;
  /** The measures covering the flow under the reading; null while the table loads (or if it failed). */
  measures: Measure[] | null;
}

function controlsSection(lang: Lang, c: FlowControls): HTMLElement {
  const m = t(lang).details;
  return el(
    'section',
    { class: 'flow-controls', 'data-testid': 'flow-controls' },
    el('h3', {}, m.controlsTitle),
    // The reading's explanation is English for now (state/measures.ts): marked so in another language.
    el('p', { class: 'muted', lang: lang === 'en' ? undefined : 'en' }, controlsText(c.reading, c.asOf)),
    c.measures === null
      ? el('p', { class: 'muted' }, m.measuresNotLoaded)
      : el(
          'ul',
          {},
          ...c.measures.map((x) =>
            el(
              'li',
              { 'data-measure': x.id },
              m.measureLine(x.announcementNo, x.issuer, x.inForce ?? m.dateUnknown),
              ...x.sources
                .slice(0, 1)
                .map((src) =>
                  el(
                    'span',
                    { lang: lang === 'en' ? undefined : 'en' },
                    safeLink(src.url, `${src.publisher} (${src.year}). ${src.title}`),
                  ),
                ),
            ),
          ),
        ),
  );
}

/** The details panel for the store's selection: hidden when nothing (or nothing that exists) is selected. */
export function renderDetails(root: HTMLElement, s: AppState, onClose: () => void): void {
  // Hidden only when there is nothing to show: hiding them for the time of a redraw (the sea route arriving, say)
  // would take the keyboard focus out of them.
  const hide = () => void (root.hidden = true);
  const sel = s.selection;
  if (!sel || !s.data) return hide();
  if (sel.type === 'site') {
    const site = s.data.sites.find((x) => x.id === sel.id);
    if (!site) return hide();
    renderSiteDetails(root, site, s.data, s.lang, onClose);
  } else {
    const year = s.years[s.filters.year];
    const flow = year?.flows.find((f) => f.id === sel.id);
    if (!flow) return hide();
    const route = s.routes?.get(`${flow.exporter}>${flow.importer}`);
    const controls: FlowControls = {
      reading: s.filters.controls,
      asOf: s.measures?.asOf ?? null,
      measures: s.measures ? selectFlowControls(s, flow) : null,
    };
    renderFlowDetails(
      root,
      flow,
      selectExporterShare(s, flow),
      s.data,
      year,
      route,
      controls,
      s.lang,
      onClose,
    );
  }
  root.hidden = false;
}
