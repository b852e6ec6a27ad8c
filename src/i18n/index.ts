// Languages of the UI: the language list, the catalogue per language, the default from the browser, and number formats.
import { KIND_LABELS } from '../config/app';
import { formatShare, formatUsd } from '../derive/format';
import type { RiskReason } from '../model/filters';
import type { SiteKind, SiteStatus } from '../model/types';
import { KINDS_JA, MINERALS_JA, STATUSES_JA } from './glossary-ja';
import { en, type Messages } from './messages-en';
import { ja } from './messages-ja';

export type { Messages } from './messages-en';

/** The UI languages, English first (the default, never written in a link). */
export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';

/** Each language's name in itself, for the language switcher. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', ja: '日本語' };

export const isLang = (x: string): x is Lang => (LANGS as readonly string[]).includes(x);

const CATALOGUES: Readonly<Record<Lang, Messages>> = { en, ja };

/** The message catalogue of `lang`. */
export const t = (lang: Lang): Messages => CATALOGUES[lang];

/** The language for a reader whose browser prefers `languages` (navigator.languages): Japanese when the first starts with `ja`. */
export function defaultLang(languages: readonly string[] | undefined): Lang {
  const first = languages?.[0]?.toLowerCase() ?? '';
  return first === 'ja' || first.startsWith('ja-') ? 'ja' : 'en';
}

/** The Intl locale of each language. */
export const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-US', ja: 'ja-JP' };

const JA_COMPACT = new Intl.NumberFormat('ja-JP', { notation: 'compact', maximumSignificantDigits: 3 });

/**
 * A USD amount in `lang`. English: exactly `formatUsd` ("$514 M", "$1.2 B", "$950 k"). Japanese: Intl compact notation
 * in ja-JP with at most 3 significant digits, then ドル: values >= 1兆 (1e12) in 兆, >= 1億 (1e8) in 億, >= 1万 (1e4)
 * in 万, smaller values plain ("12億ドル" for 1.2e9, "5.14億ドル" for 5.14e8, "34万ドル" for 3.4e5, "950ドル").
 * Unknown values are "unknown" / "不明".
 */
export function formatMoney(lang: Lang, v: number | null | undefined): string {
  if (lang === 'en') return formatUsd(v);
  if (v === null || v === undefined || !Number.isFinite(v)) return ja.units.unknown;
  return `${JA_COMPACT.format(v)}ドル`;
}

/**
 * A share 0..1 as a percentage. English: exactly `formatShare` ("42.1%" below 10%, else whole percent). Japanese: Intl
 * percent in ja-JP with the same digits (one decimal below 10%, none above).
 */
export function formatPercent(lang: Lang, s: number | null | undefined): string {
  if (lang === 'en') return formatShare(s);
  if (s === null || s === undefined || !Number.isFinite(s)) return ja.units.unknown;
  const digits = s < 0.1 ? 1 : 0;
  return new Intl.NumberFormat('ja-JP', {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(s);
}

/** A whole count with the language's thousands separators ("12,345" in both). */
export const formatCount = (lang: Lang, n: number): string => n.toLocaleString(LOCALES[lang]);

/** A mineral's name: the glossary's in Japanese (the data's English name when the glossary lacks the id). */
export const mineralName = (lang: Lang, id: string, english: string): string =>
  lang === 'ja' ? (MINERALS_JA[id] ?? english) : english;

export const kindLabel = (lang: Lang, kind: SiteKind): string =>
  lang === 'ja' ? KINDS_JA[kind] : KIND_LABELS[kind];

/** English statuses are shown as their ids (as the filter panel always did). */
export const statusLabel = (lang: Lang, status: SiteStatus): string =>
  lang === 'ja' ? STATUSES_JA[status] : status;

const REASON_KEYS: Readonly<Record<RiskReason, keyof Messages['reasons']>> = {
  origin: 'origin',
  destination: 'destination',
  transit: 'transit',
  'south-china-sea': 'southChinaSea',
  controlled: 'controlled',
};

/** A risk reason's short name. */
export const reasonLabel = (lang: Lang, r: RiskReason): string => t(lang).reasons[REASON_KEYS[r]];
