// Languages of the UI: the language list, the catalogue per language, the default from the browser, and number formats.
import { KIND_LABELS } from '../config/app';
import { formatShare, formatUsd } from '../derive/format';
import type { RiskReason } from '../model/filters';
import type { SiteKind, SiteStatus } from '../model/types';
import { en, type CoreMessages, type Messages, type MoreMessages } from './messages-en';

export type { CoreMessages, Messages, MoreMessages } from './messages-en';

/** The UI languages, English first (the default, never written in a link). */
export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';

/** Each language's name in itself, for the language switcher. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', ja: '日本語' };

export const isLang = (x: string): x is Lang => (LANGS as readonly string[]).includes(x);

type JaPack = typeof import('./ja-pack');
/**
 * English is part of the first view; Japanese is one chunk loaded before the UI switches to it (`loadLang`), so an
 * English reader never downloads it. Until it has arrived every function here answers in English.
 */
let jaPack: JaPack | null = null;
let jaLoad: Promise<void> | null = null;

/** Load `lang`'s catalogue (at once for English); a failed load can be tried again. */
export function loadLang(lang: Lang): Promise<void> {
  if (lang === 'en' || jaPack) return Promise.resolve();
  jaLoad ??= import('./ja-pack').then(
    (m) => void (jaPack = m),
    (error: unknown) => {
      jaLoad = null;
      throw error;
    },
  );
  return jaLoad;
}

/**
 * Switch to `lang` once its catalogue is there: `apply` runs then (at once for a loaded language), `failed` if it
 * cannot be loaded (offline after an update, a blocked request): the UI stays in the language it is in.
 */
export function switchLang(lang: Lang, apply: () => void, failed: (error: unknown) => void): void {
  if (langLoaded(lang)) apply();
  else loadLang(lang).then(apply, failed);
}

/** `lang`'s catalogue has arrived (the UI can switch to it). */
export const langLoaded = (lang: Lang): boolean => lang === 'en' || jaPack !== null;

/**
 * The first view's messages in `lang` (English until `lang`'s catalogue has been loaded). The parts that load on first
 * use read theirs through `more()` (src/i18n/more.ts), which keeps their English out of the first view.
 */
export const t = (lang: Lang): CoreMessages => (lang === 'ja' && jaPack ? jaPack.ja : en);

/** The English of the parts loaded on first use, once src/i18n/more.ts has been loaded (it registers it). */
let enMore: MoreMessages | null = null;
export const registerEnMore = (m: MoreMessages): void => void (enMore = m);

/**
 * `more()` for code of the first view that needs those messages only once such a part is there (the legend's entry for
 * the reader's own data, say): null until then.
 */
export const moreIfLoaded = (lang: Lang): MoreMessages | null =>
  lang === 'ja' && jaPack ? jaPack.ja : enMore;

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
  if (v === null || v === undefined || !Number.isFinite(v)) return t('ja').units.unknown;
  return `${JA_COMPACT.format(v)}ドル`;
}

/**
 * A share 0..1 as a percentage. English: exactly `formatShare` ("42.1%" below 10%, else whole percent). Japanese: Intl
 * percent in ja-JP with the same digits (one decimal below 10%, none above).
 */
export function formatPercent(lang: Lang, s: number | null | undefined): string {
  if (lang === 'en') return formatShare(s);
  if (s === null || s === undefined || !Number.isFinite(s)) return t('ja').units.unknown;
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
  lang === 'ja' && jaPack ? (jaPack.MINERALS_JA[id] ?? english) : english;

export const kindLabel = (lang: Lang, kind: SiteKind): string =>
  lang === 'ja' && jaPack ? jaPack.KINDS_JA[kind] : KIND_LABELS[kind];

/** English statuses are shown as their ids (as the filter panel always did). */
export const statusLabel = (lang: Lang, status: SiteStatus): string =>
  lang === 'ja' && jaPack ? jaPack.STATUSES_JA[status] : status;

const REASON_KEYS: Readonly<Record<RiskReason, keyof Messages['reasons']>> = {
  origin: 'origin',
  destination: 'destination',
  transit: 'transit',
  'south-china-sea': 'southChinaSea',
  controlled: 'controlled',
};

/** A risk reason's short name. */
export const reasonLabel = (lang: Lang, r: RiskReason): string => t(lang).reasons[REASON_KEYS[r]];
