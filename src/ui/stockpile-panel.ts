// Stockpile cover in the scenario panel (lazy chunk): months to cover, a stockpile to test, the partner set's figures.
import { more } from '../i18n/more';
import { formatTonnes } from '../derive/format';
import { LOCALES, formatMoney, t, type Lang } from '../i18n';
import { MAX_STOCKPILE_MONTHS } from '../model/projects-view';
import { selectPartnerStockpile } from '../state/scenario';
import type { AppState } from '../state/store';
import { el } from './dom';

/** Tonnes in the language: English exactly `formatTonnes` ("1,234 t"), Japanese "1,234トン". */
export const tonnesText = (lang: Lang, x: number | null): string =>
  lang === 'en'
    ? formatTonnes(x)
    : x === null || !Number.isFinite(x)
      ? t(lang).units.unknown
      : more(lang).capacity.tonnes(
          x.toLocaleString(LOCALES[lang], { maximumFractionDigits: x < 10 ? 2 : 0 }),
        );

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
  const lang = s.lang;
  const msg = more(lang).stockpile;
  const p = selectPartnerStockpile(s);
  const set = s.allies.members.map(names).join(lang === 'en' ? ', ' : '、') || msg.noPartners;
  const cover =
    p.monthsCovered === null
      ? msg.coverUnknown
      : p.monthsCovered === Infinity
        ? msg.coverAll
        : msg.cover(tonnesText(lang, s.stockpile.tonnes), p.monthsCovered.toFixed(1));
  return el(
    'div',
    { class: 'stockpile', 'data-testid': 'stockpile-panel' },
    el('h3', {}, msg.title),
    el('label', {}, msg.months, months),
    ' ',
    el('label', {}, msg.tonnes, tonnes),
    el(
      'p',
      { 'data-testid': 'stockpile-partners' },
      msg.partners(
        set,
        p.tonnes === null
          ? msg.atLeast(tonnesText(lang, p.tonnesKnown), p.tonnesUnknown.length)
          : tonnesText(lang, p.tonnes),
        formatMoney(lang, p.usd),
        p.months,
        cover,
      ),
    ),
    el('p', { class: 'muted' }, msg.method),
  );
}
