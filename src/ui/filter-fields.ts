// The filter form's fields as one table: how each reads the filters, writes a change back, and counts its options.
import {
  COLOR_BYS,
  FLOW_VIEWS,
  FOCUS_ROLES,
  isOneOf,
  RISK_MODES,
  RISK_REASONS,
  WIDTH_BYS,
  type Filters,
} from '../model/filters';
import { CONTROL_READINGS } from '../model/measures';
import { PRODUCT_CHOICES } from '../model/products';
import { SITE_KINDS, SITE_STATUSES } from '../model/types';
import type { Facets } from '../state/facets';

export interface FilterField {
  /** The form control's `name`. */
  name: string;
  /** Check boxes (several values), or one value (radio buttons or a select). */
  multi: boolean;
  /** The field's current value(s). */
  get(f: Filters): readonly string[] | string;
  /** The filters patch for the form's value(s); null refuses the change (the form is set back). */
  set(values: readonly string[]): Partial<Filters> | null;
  /** The count shown next to an option: what it keeps with every other filter as set. */
  facet?(facets: Facets, value: string): string;
}

const oneOf =
  <T extends string>(list: readonly T[], patch: (v: T) => Partial<Filters>) =>
  ([v]: readonly string[]): Partial<Filters> | null =>
    v !== undefined && isOneOf(list, v) ? patch(v) : null;
const allOf = <T extends string>(list: readonly T[], values: readonly string[]): T[] =>
  values.filter((v): v is T => isOneOf(list, v));

export const FILTER_FIELDS: readonly FilterField[] = [
  {
    name: 'mineral',
    multi: true,
    get: (f) => f.minerals,
    // At least one mineral stays selected.
    set: (v) => (v.length > 0 ? { minerals: [...v] } : null),
    facet: (x, v) => `${x.minerals.get(v)?.sites ?? 0} · ${x.minerals.get(v)?.flows ?? 0}`,
  },
  {
    name: 'product',
    multi: false,
    get: (f) => f.product,
    set: oneOf(PRODUCT_CHOICES, (product) => ({ product })),
    facet: (x, v) => (isOneOf(PRODUCT_CHOICES, v) ? String(x.products.get(v) ?? 0) : ''),
  },
  {
    name: 'kind',
    multi: true,
    get: (f) => f.kinds,
    set: (v) => ({ kinds: allOf(SITE_KINDS, v) }),
    facet: (x, v) => String(x.kinds.get(v) ?? 0),
  },
  {
    name: 'status',
    multi: true,
    get: (f) => f.statuses,
    set: (v) => ({ statuses: allOf(SITE_STATUSES, v) }),
    facet: (x, v) => String(x.statuses.get(v) ?? 0),
  },
  {
    name: 'reason',
    multi: true,
    get: (f) => f.reasons,
    set: (v) => ({ reasons: allOf(RISK_REASONS, v) }),
    facet: (x, v) => (isOneOf(RISK_REASONS, v) ? String(x.reasons.get(v) ?? 0) : ''),
  },
  {
    name: 'controls',
    multi: false,
    get: (f) => f.controls,
    set: oneOf(CONTROL_READINGS, (controls) => ({ controls })),
  },
  {
    name: 'risk',
    multi: false,
    get: (f) => f.risk,
    set: oneOf(RISK_MODES, (risk) => ({ risk })),
    facet: (x, v) => (isOneOf(RISK_MODES, v) ? String(x.risk[v]) : ''),
  },
  {
    name: 'focus',
    multi: false,
    get: (f) => f.focus ?? '',
    set: ([v]) => ({ focus: v ? v : null }),
  },
  { name: 'role', multi: false, get: (f) => f.role, set: oneOf(FOCUS_ROLES, (role) => ({ role })) },
  {
    name: 'min',
    multi: false,
    get: (f) => String(f.minValueUsd),
    set: ([v]) => {
      const n = Number(v);
      return Number.isFinite(n) && n >= 0 ? { minValueUsd: n } : null;
    },
  },
  { name: 'colorBy', multi: false, get: (f) => f.colorBy, set: oneOf(COLOR_BYS, (colorBy) => ({ colorBy })) },
  { name: 'widthBy', multi: false, get: (f) => f.widthBy, set: oneOf(WIDTH_BYS, (widthBy) => ({ widthBy })) },
  {
    name: 'flowView',
    multi: false,
    get: (f) => f.flowView,
    set: oneOf(FLOW_VIEWS, (flowView) => ({ flowView })),
  },
];

export const FIELD_BY_NAME: ReadonlyMap<string, FilterField> = new Map(FILTER_FIELDS.map((x) => [x.name, x]));

/** Is `value` the field's value (or one of them)? */
export function fieldHas(field: FilterField, f: Filters, value: string): boolean {
  const current = field.get(f);
  return typeof current === 'string' ? current === value : current.includes(value);
}
