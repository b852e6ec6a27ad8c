// The details panel: every field of the selected site or flow, with its sources, precision and vintage.
import { type RouteInfo } from '../model/view';
import { KIND_LABELS } from '../config/app';
import { formatShare, formatTonnes, formatUsd } from '../derive/format';
import { flowCoverage, productOf } from '../derive/products';
import type { Flow, Site, Source } from '../model/types';
import { decodeRisk, isOverland, readRisk, RISK_TEXT } from '../derive/risk-codes';
import type { ControlReading, Measure } from '../model/measures';
import { controlsText, selectFlowControls } from '../state/measures';
import { selectExporterShare } from '../state/selectors';
import type { AppState, StaticData, YearData } from '../state/store';
import { el, safeLink, setChildren } from './dom';

const PRECISION_TEXT: Record<Site['precision'], string> = {
  exact: 'exact (within about 1 km)',
  approximate: 'approximate (town or estate, about 10-25 km)',
  region: 'region only (province or district)',
  country: 'country only',
};

function row(label: string, value: Node | string): HTMLElement {
  return el('div', { class: 'row' }, el('dt', {}, label), el('dd', {}, value));
}

function sourcesList(sources: readonly Source[]): HTMLElement {
  return el(
    'ol',
    { class: 'sources' },
    ...sources.map((s) => el('li', {}, safeLink(s.url, `${s.publisher} (${s.year}). ${s.title}.`))),
  );
}

export function renderSiteDetails(
  root: HTMLElement,
  site: Site,
  data: StaticData,
  onClose: () => void,
): void {
  const country = data.countries.get(site.country)?.name ?? site.country;
  const minerals = site.minerals.map((m) => data.minerals.find((x) => x.id === m)?.name ?? m).join(', ');
  setChildren(
    root,
    el('button', { class: 'close', type: 'button', 'aria-label': 'Close details' }, '×'),
    el('h2', {}, site.name),
    el('p', { class: 'kind' }, KIND_LABELS[site.kind]),
    el(
      'dl',
      {},
      row('Minerals', minerals),
      row('Country', `${country} (${site.country})`),
      row('Status', `${site.status} (as of ${site.vintage})`),
      row('Operator', site.operator ?? 'unknown'),
      row(
        'Capacity',
        site.capacity ? `${site.capacity.value.toLocaleString('en-US')} ${site.capacity.unit}` : 'unknown',
      ),
      row('Location', `${site.position[1].toFixed(3)}, ${site.position[0].toFixed(3)}`),
      row('Location precision', PRECISION_TEXT[site.precision]),
      row('Vintage', String(site.vintage)),
      site.notes ? row('Notes', site.notes) : null,
      row('Site id', site.id),
    ),
    el('h3', {}, 'Sources'),
    sourcesList(site.sources),
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
  onClose: () => void,
): void {
  const reasons = decodeRisk(readRisk(flow.risk, controls.reading));
  const overland = isOverland(flow.risk);
  const name = (iso3: string) => data.countries.get(iso3)?.name ?? iso3;
  const mineral = data.minerals.find((m) => m.id === flow.mineral);
  const product = productOf(data.minerals, flow.mineral, flow.hs);
  const reporter = product?.reportedBy;
  setChildren(
    root,
    el('button', { class: 'close', type: 'button', 'aria-label': 'Close details' }, '×'),
    el('h2', {}, `${name(flow.exporter)} → ${name(flow.importer)}`),
    el('p', { class: 'kind' }, `Trade flow, ${flow.year}`),
    el(
      'dl',
      {},
      row('Mineral', mineral?.name ?? flow.mineral),
      row('Product', `HS ${flow.hs}: ${product?.name ?? 'unknown product'}`),
      row('Stage', product?.stage ?? 'unknown'),
      row('Exporter', `${name(flow.exporter)} (${flow.exporter})`),
      row('Importer', `${name(flow.importer)} (${flow.importer})`),
      row('Value', `${formatUsd(flow.valueUsd)} (${flow.valueUsd.toLocaleString('en-US')} USD)`),
      row('Quantity', formatTonnes(flow.tonnes)),
      row(
        reporter
          ? `Exporter's share of ${name(reporter)} imports (HS ${flow.hs}, ${flow.year})`
          : `Exporter's share of world exports (HS ${flow.hs}, ${flow.year})`,
        formatShare(share),
      ),
      el(
        'div',
        { class: 'row', 'data-testid': 'flow-coverage' },
        el('dt', {}, 'Coverage'),
        el('dd', {}, flowCoverage(product, year?.complete[flow.mineral])),
      ),
      row('Flow id', flow.id),
    ),
    el('h3', {}, 'Route risk: China'),
    el(
      'ul',
      { class: 'risk-reasons', 'data-testid': 'risk-reasons' },
      ...(reasons.length > 0
        ? reasons.map((r) => el('li', { 'data-reason': r }, RISK_TEXT[r]))
        : [
            el(
              'li',
              { 'data-reason': 'none' },
              'None of the reasons: not from or to China, sea route clear of its coast and the South China Sea, and no export control in the reading chosen.',
            ),
          ]),
    ),
    el(
      'p',
      { class: 'muted' },
      overland
        ? 'No sea route between the two countries (land-locked or overland): judged by origin and destination only.'
        : route?.km
          ? `Sea route ${route.ports ? `${route.ports[0]} → ${route.ports[1]}, ` : ''}about ${route.km.toLocaleString('en-US')} km (computed on the Eurostat SeaRoute / MARNET network).`
          : 'Sea route computed in the data pipeline (load the sea-lane view to see it).',
    ),
    reasons.includes('controlled') ? controlsSection(controls) : null,
    el('h3', {}, 'Sources'),
    sourcesList(reporter && product ? product.sources : (year?.sources ?? [])),
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

function controlsSection(c: FlowControls): HTMLElement {
  return el(
    'section',
    { class: 'flow-controls', 'data-testid': 'flow-controls' },
    el('h3', {}, 'Export controls'),
    el('p', { class: 'muted' }, controlsText(c.reading, c.asOf)),
    c.measures === null
      ? el('p', { class: 'muted' }, 'The measure table is not loaded: which measure applies cannot be named.')
      : el(
          'ul',
          {},
          ...c.measures.map((m) =>
            el(
              'li',
              { 'data-measure': m.id },
              `${m.announcementNo} (${m.issuer}): in force since ${m.inForce ?? 'a date not known'}. `,
              ...m.sources.slice(0, 1).map((x) => safeLink(x.url, `${x.publisher} (${x.year}). ${x.title}`)),
            ),
          ),
        ),
  );
}

/** The details panel for the store's selection: hidden when nothing (or nothing that exists) is selected. */
export function renderDetails(root: HTMLElement, s: AppState, onClose: () => void): void {
  const sel = s.selection;
  root.hidden = true;
  if (!sel || !s.data) return;
  if (sel.type === 'site') {
    const site = s.data.sites.find((x) => x.id === sel.id);
    if (!site) return;
    renderSiteDetails(root, site, s.data, onClose);
  } else {
    const year = s.years[s.filters.year];
    const flow = year?.flows.find((f) => f.id === sel.id);
    if (!flow) return;
    const route = s.routes?.get(`${flow.exporter}>${flow.importer}`);
    const controls: FlowControls = {
      reading: s.filters.controls,
      asOf: s.measures?.asOf ?? null,
      measures: s.measures ? selectFlowControls(s, flow) : null,
    };
    renderFlowDetails(root, flow, selectExporterShare(s, flow), s.data, year, route, controls, onClose);
  }
  root.hidden = false;
}
