// One CSV field writer for every download (RFC 4180), with a guard against spreadsheet formula injection.

/**
 * Quote a field when it holds a comma, quote or line break (quotes doubled). Text that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe; numbers are written as they are.
 * null and undefined are empty fields.
 */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
