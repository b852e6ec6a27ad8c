// Bytes of a reader's file to text: byte-order marks, UTF-8, UTF-16, Shift_JIS, and refusing binary files.

/** The encodings a reader's file is read in. */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'shift_jis'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | { ok: false; message: string };

export const BINARY_MESSAGE = 'This looks like a binary file, not CSV or GeoJSON.';

/** How much of the start of a file is looked at to tell binary from text. */
const SNIFF_BYTES = 4096;
/** Share of control characters (other than tab, line feed, carriage return, form feed) above which text is binary. */
const MAX_CONTROL_SHARE = 0.1;

/** Control characters a text file does not have: C0 other than \t \n \f \r, and DEL. */
function isOddControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

/** True when the first 4 KB have a NUL or a high share of control characters (raw bytes, 8-bit encodings). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return false;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (isOddControl(b)) odd++;
  }
  return odd / n > MAX_CONTROL_SHARE;
}

/** The same test on decoded text (for UTF-16, whose bytes have NULs in plain ASCII text). */
function textLooksBinary(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  if (n === 0) return false;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (isOddControl(c)) odd++;
  }
  return odd / n > MAX_CONTROL_SHARE;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the mark is stripped here before decoding, so a second one stays visible as U+FEFF.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The text of a file: a UTF-8 or UTF-16 (LE/BE) byte-order mark is detected and stripped; without one, UTF-8 is
 * tried first and then Shift_JIS (common for spreadsheets saved in Japan). Binary files (a NUL or many control
 * characters in the first 4 KB) and bytes that are neither encoding are refused with a message. Never throws.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding: Encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const text = tryDecode(encoding, bytes.subarray(2));
    if (text === null || textLooksBinary(text)) return { ok: false, message: BINARY_MESSAGE };
    return { ok: true, text, encoding };
  }
  const hasUtf8Bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { ok: false, message: BINARY_MESSAGE };
  const utf8 = tryDecode('utf-8', body);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  if (!hasUtf8Bom) {
    const sjis = tryDecode('shift_jis', body);
    if (sjis !== null) return { ok: true, text: sjis, encoding: 'shift_jis' };
  }
  return {
    ok: false,
    message: `${BINARY_MESSAGE} If it is text, save it as UTF-8 (or UTF-16 or Shift_JIS) and open it again.`,
  };
}
