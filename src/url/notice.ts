// What a link got wrong, in one short notice: a few values per key and a count of the rest, never long link text.

import { formatCount, t, type Lang } from '../i18n';

/** One ignored or changed value of a link: its key, and what was done in plain words. */
export interface IgnoredValue {
  key: string;
  text: string;
}

/**
 * A value from the link as it may be shown in a notice: control characters removed and at most 24 characters, so a
 * notice never echoes long text an attacker chose.
 */
export function shortText(v: string): string {
  // Control characters (C0, C1) and line separators become spaces.
  const clean = v.replace(/\p{Cc}|[\u2028\u2029]/gu, ' ');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}

/** Values listed per key before the rest are only counted. */
const PER_KEY = 3;
/** The notice's length at most, in characters. */
const MAX_CHARS = 600;

/**
 * "Some settings in the link were ignored: unknown mineral "m0"; 1,998 more values of mineral ignored; ..." — grouped
 * by key in the order the keys first appear, at most PER_KEY texts per key, cut at MAX_CHARS. Empty when nothing
 * was ignored.
 */
export function linkNotice(ignored: readonly IgnoredValue[], lang: Lang): string {
  const m = t(lang).linkNotice;
  if (ignored.length === 0) return '';
  const byKey = new Map<string, string[]>();
  for (const x of ignored) {
    const list = byKey.get(x.key);
    if (list) list.push(x.text);
    else byKey.set(x.key, [x.text]);
  }
  const parts: string[] = [];
  for (const [key, texts] of byKey) {
    parts.push(...texts.slice(0, PER_KEY));
    const rest = texts.length - PER_KEY;
    if (rest > 0)
      parts.push(
        key === 'unknown'
          ? m.moreUnknown(formatCount(lang, rest))
          : m.moreValues(formatCount(lang, rest), key),
      );
  }
  const text = m.ignored(parts.join('; '));
  return text.length <= MAX_CHARS ? text : `${text.slice(0, MAX_CHARS - 1)}…`;
}
