// Stockpile cover in the scenario panel (lazy chunk): months to cover, a stockpile to test, the partner set's figures.
import { formatTonnes, formatUsd } from '../derive/format';
import { MAX_STOCKPILE_MONTHS } from '../model/projects-view';
import { selectPartnerStockpile } from '../state/scenario';
import type { AppState } from '../state/store';
import { el } from './dom';

/** The stockpile inputs (months to cover, a stockpile to test) and the partner set's joint figures. */
export function stockpileControls(s: AppState, names: (c: string) => string): HTMLElement {
  const months = el('input', {
    type: 'number',
    name: 'stock-months',
    min: '0',
    max: String(MAX_STOCKPILE_MONTHS),
    step: '1',
    'data-testid': 'stock-months',
  });
  months.value = String(s.stockpile.months);
  const tonnes = el('input', {
    type: 'number',
    name: 'stock-tonnes',
    min: '0',
    step: '1',
    'data-testid': 'stock-tonnes',
  });
  tonnes.value = String(s.stockpile.tonnes);
  const p = selectPartnerStockpile(s);
  const set = s.allies.members.map(names).join(', ') || 'no partners';
  const cover =
    p.monthsCovered === null
      ? 'how long it lasts is unknown (tonnes missing for some flows)'
      : p.monthsCovered === Infinity
        ? 'nothing is lost, so any stockpile lasts'
        : `a joint stockpile of ${formatTonnes(s.stockpile.tonnes)} lasts ${p.monthsCovered.toFixed(1)} months`;
  return el(
    'div',
    { class: 'stockpile', 'data-testid': 'stockpile-panel' },
    el('h3', {}, 'Stockpile cover'),
    el('label', {}, 'Months to cover ', months),
    ' ',
    el('label', {}, 'Stockpile to test (t) ', tonnes),
    el(
      'p',
      { 'data-testid': 'stockpile-partners' },
      `Partner set (${set}): ${p.tonnes === null ? `at least ${formatTonnes(p.tonnesKnown)} (some lost flows of ${p.tonnesUnknown.length} partners have no quantity)` : formatTonnes(p.tonnes)} and ${formatUsd(p.usd)} for ${p.months} months; ${cover}.`,
    ),
    el(
      'p',
      { class: 'muted' },
      "The year's lost imports spread evenly over 12 months, of this product only (tonnes of the traded product, e.g. magnets, not oxide), at that year's prices; tonnes are unknown where the trade data gives no quantity for a lost flow.",
    ),
  );
}
