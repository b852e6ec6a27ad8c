// Value rules the link keys share: country codes, plain decimals, and "a, b or c" lists for notices.

/** An ISO 3166-1 alpha-3 code as links write it. */
export const isIso3 = (x: string): x is string => /^[A-Z]{3}$/.test(x);
/** Plain decimal numbers only (no exponent, hex, octal, binary or empty strings). */
export const DECIMAL = /^-?\d+(\.\d+)?$/;

/** "a, b or c" for notices. */
export const listText = (list: readonly string[]) =>
  list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
