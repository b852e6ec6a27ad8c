// Which drawn series (mineral, or mineral and product group) a flow belongs to, and which the product filter keeps.
import type { ProductChoice, ProductGroup } from '../model/products';
import type { Mineral, Product } from '../model/types';

/**
 * A mineral's products as the filter index needs them. A mineral whose products fall into several groups (rare
 * earths: magnets, compounds, metals) gets one series per group: its first product's group keeps the mineral's own
 * id (so every other mineral, and links made before the groups existed, are unchanged), the others `id:group`.
 */
export interface ProductRef {
  mineral: string;
  hs: string;
  group?: ProductGroup;
}

export const productRefs = (minerals: readonly Mineral[]): ProductRef[] =>
  minerals.flatMap((m) =>
    m.products.map((p) => ({ mineral: m.id, hs: p.hs, ...(p.group ? { group: p.group } : {}) })),
  );

/** The series key of a mineral's product group (the mineral id for its first product's group). */
export function seriesKey(
  mineral: string,
  group: ProductGroup | undefined,
  first: ProductGroup | undefined,
): string {
  return group === undefined || group === first ? mineral : `${mineral}:${group}`;
}

/** Is an index key an extra product series (not a mineral id)? */
export const isProductSeries = (key: string): boolean => key.includes(':');

/** Does the product choice keep a series of this group? Minerals without groups are never narrowed. */
export const productKeeps = (choice: ProductChoice, group: ProductGroup | undefined): boolean =>
  group === undefined || choice === 'all' || choice === group;

/** A mineral's groups in product order, once each (empty when it has none). */
export const mineralGroups = (m: Mineral): ProductGroup[] => [
  ...new Set(m.products.flatMap((p) => (p.group ? [p.group] : []))),
];

/** The product of a flow (its mineral's entry for the flow's HS code). */
export const productOf = (minerals: readonly Mineral[], mineral: string, hs: string): Product | undefined =>
  minerals.find((m) => m.id === mineral)?.products.find((p) => p.hs === hs);

/**
 * What a flow's figures cover, in words (details, CSV, legend): the product's own text, and for every-reporter
 * products whether the flow's year has complete rows or only each country's top partners.
 */
export function flowCoverage(product: Product | undefined, complete: boolean | undefined): string {
  if (!product) return 'unknown product: coverage unknown';
  if (product.reportedBy) return product.coverage;
  const rows =
    complete === undefined
      ? 'rows of this year: coverage unknown'
      : complete
        ? 'complete bilateral rows for this year'
        : 'top partners per country only for this year: shares are of the rows present';
  return `Every reporter's bilateral trade (CEPII BACI), ${rows}.`;
}

/** The words of the product notes in English (src/i18n/messages-en.ts `products`). */
export const PRODUCTS_EN = {
  item: (name: string, hs: string) => `${name} (HS ${hs})`,
  every: (list: string) => `${list}: every reporter's trade`,
  partial: (list: string, reporters: string) =>
    `${list}: as reported by ${reporters}, imports only (not world trade)`,
  mixed: ' Totals and shares here mix the two coverages.',
  note: (mineral: string, parts: string, mixed: string) => `${mineral}: ${parts}.${mixed}`,
} as const;

/** A words catalogue's type: every string widened to `string` (another language's catalogue fills the same keys). */
type Words<T> = { readonly [K in keyof T]: T[K] extends string ? string : T[K] };
export type ProductWords = Words<typeof PRODUCTS_EN>;

/**
 * The products the filters keep for minerals with product groups, said for people: which products, and which are one
 * reporter's imports only (the legend, the year line, the scenario and allied panels). Empty when no selected mineral
 * has product groups. `name` gives a country's name.
 */
export function productNotes(
  f: { minerals: readonly string[]; product: ProductChoice },
  minerals: readonly Mineral[],
  name: (iso3: string) => string,
  msg: ProductWords = PRODUCTS_EN,
  mineralName: (id: string, english: string) => string = (_, english) => english,
): string[] {
  const notes: string[] = [];
  for (const id of f.minerals) {
    const m = minerals.find((x) => x.id === id);
    if (!m || mineralGroups(m).length < 2) continue;
    const kept = m.products.filter((p) => productKeeps(f.product, p.group));
    const list = (ps: Product[]) => ps.map((p) => msg.item(p.name, p.hs)).join(', ');
    const partial = kept.filter((p) => p.reportedBy);
    const full = kept.filter((p) => !p.reportedBy);
    const reporters = [...new Set(partial.map((p) => p.reportedBy as string))].map(name).join(', ');
    const parts = [
      full.length > 0 ? msg.every(list(full)) : '',
      partial.length > 0 ? msg.partial(list(partial), reporters) : '',
    ].filter(Boolean);
    const mixed = full.length > 0 && partial.length > 0 ? msg.mixed : '';
    notes.push(msg.note(mineralName(m.id, m.name), parts.join('; '), mixed));
  }
  return notes;
}
