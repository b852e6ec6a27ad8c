// Text repairs for raw inputs: undoing UTF-8 that was decoded as Latin-1 once (mojibake in the BACI country table).

/**
 * Undoes one round of UTF-8 read as Latin-1 ("CuraÃ§ao" -> "Curaçao", "CÃ´te" -> "Côte"). Strings without such a
 * pair, and strings whose bytes are not valid UTF-8 once re-read (a real "Ã" followed by a symbol), come back
 * unchanged, so it is safe on text that was decoded correctly.
 */
export function repairMojibake(s: string): string {
  if (!/[\u00c2-\u00c3][\u0080-\u00bf]/.test(s)) return s;
  if ([...s].some((c) => c.charCodeAt(0) > 0xff)) return s;
  const repaired = Buffer.from(s, 'latin1').toString('utf8');
  return repaired.includes('\ufffd') ? s : repaired;
}
