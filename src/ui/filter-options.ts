// The filter form's options: a labelled check box or radio with its facet count, and the rare-earth product choice.
import { mineralName, t, type Lang } from '../i18n';
import { mineralGroups } from '../derive/products';
import type { ProductGroup } from '../model/products';
import type { Mineral } from '../model/types';
import { el } from './dom';

function option(type: 'checkbox' | 'radio', name: string, value: string, label: string, swatch?: string) {
  return el(
    'label',
    { 'data-option': `${name}:${value}` },
    el('input', { type, name, value, 'data-testid': `${name}-${value}` }),
    swatch ? el('span', { class: 'swatch', '--swatch': swatch }) : null,
    el('span', { class: 'option-label' }, label),
    el('span', { class: 'facet' }),
  );
}
export const checkbox = (name: string, value: string, label: string, swatch?: string) =>
  option('checkbox', name, value, label, swatch);
export const radio = (name: string, value: string, label: string) => option('radio', name, value, label);

/**
 * The product choice for minerals whose trade has several product groups (rare earths): each group with its HS
 * codes and whether its rows are one reporter's imports only; shown while such a mineral is selected.
 */
export function productFieldset(minerals: readonly Mineral[], lang: Lang): HTMLElement | null {
  const m = t(lang).filters;
  const withGroups = minerals.filter((m) => mineralGroups(m).length > 1);
  if (withGroups.length === 0) return null;
  const products = withGroups.flatMap((m) => m.products);
  const option = (g: ProductGroup) => {
    const ps = products.filter((p) => p.group === g);
    const reporters = [...new Set(ps.flatMap((p) => (p.reportedBy ? [p.reportedBy] : [])))];
    const o = radio(
      'product',
      g,
      `${m[g]} · ${reporters.length > 0 ? m.importsOnly(reporters.join(', ')) : m.allReporters}`,
    );
    o.title = ps.map((p) => `HS ${p.hs}: ${p.name}`).join('\n');
    return o;
  };
  const groups = [...new Set(withGroups.flatMap(mineralGroups))];
  return el(
    'fieldset',
    { class: 'products', 'data-testid': 'product-filter' },
    el('legend', {}, m.productLegend(withGroups.map((x) => mineralName(lang, x.id, x.name)).join(', '))),
    ...groups.map(option),
    radio('product', 'all', m.allProducts),
  );
}
