// Cleaning a reader's text cells (plain strings, never HTML), quoting them in messages, and safe CSV export cells.

/** Longest text cell kept, in characters (code points); longer cells are cut. */
export const MAX_CELL_CHARS = 500;

/**
 * Control characters (C0, C1), line/paragraph separators and the bidirectional overrides/isolates (which can make
 * text display in a different order than it reads): each run of them becomes one space.
 */
const CONTROL_RE = /(?:\p{Cc}|[\u2028\u2029\u202a-\u202e\u2066-\u2069])+/gu;
const HAS_CONTROL_RE = /\p{Cc}|[\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/**
 * A text cell as the app keeps it: control characters removed, trimmed, at most MAX_CELL_CHARS characters. The result
 * is a plain string: it is shown with textContent, never parsed as HTML.
 */
export function cleanText(v: string): string {
  let s = v;
  if (HAS_CONTROL_RE.test(s)) s = s.replace(CONTROL_RE, ' ');
  s = s.trim();
  if (s.length > MAX_CELL_CHARS) {
    const chars = Array.from(s);
    if (chars.length > MAX_CELL_CHARS) s = chars.slice(0, MAX_CELL_CHARS).join('').trimEnd();
  }
  return s;
}

/**
 * A value from the file as it may appear in a message: control characters removed and at most `max` characters (24
 * unless told), so a message never echoes long text from the file (the rule of src/url/notice.ts shortText, which
 * src/derive may not import).
 */
export function shortText(v: string, max = 24): string {
  const clean = v.replace(CONTROL_RE, ' ');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** `"value"` for a message, shortened; `(empty)` for an empty cell. */
export function quote(v: string): string {
  return v.trim() === '' ? '(empty)' : `"${shortText(v.trim())}"`;
}

/**
 * A text cell made safe for a CSV a spreadsheet will open (formula injection, CWE-1236): a cell starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so Excel, LibreOffice and Google Sheets show it as
 * text instead of running it as a formula. Use it on every text cell of the reader's own data in a CSV export
 * (numbers are written as numbers, not through this). Quoting for the CSV syntax itself is the writer's job.
 */
export function safeCsvCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
