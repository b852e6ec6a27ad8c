// Traded product groups and the product filter's choices (closed lists), and where each product's rows come from.

/** Product groups a mineral's HS codes fall into (rare earths: magnets, compounds, metals). */
export const PRODUCT_GROUPS = ['magnets', 'compounds', 'metals'] as const;
export type ProductGroup = (typeof PRODUCT_GROUPS)[number];

/** The product filter: one group, or every group together. */
export const PRODUCT_CHOICES = [...PRODUCT_GROUPS, 'all'] as const;
export type ProductChoice = (typeof PRODUCT_CHOICES)[number];

/**
 * Magnets, the only rare-earth product with every reporter's bilateral rows: links made before the other products
 * existed keep their meaning, and the default view never mixes complete and one-reporter coverage.
 */
export const DEFAULT_PRODUCT: ProductChoice = 'magnets';

/**
 * Where a product's rows come from: `baci` (CEPII BACI, every reporter, exports and imports reconciled) or
 * `us-imports` (the United States' reported imports by partner only: UN Comtrade via the akashok1 extract).
 */
export const PRODUCT_SOURCES = ['baci', 'us-imports'] as const;
export type ProductSource = (typeof PRODUCT_SOURCES)[number];
