// Country names in the reader's language: Intl.DisplayNames from the ISO2 code, else the data's English name.
import type { Lang } from './index';

/** A text and the language it is in (differs from the UI language when no translation exists). */
export interface LocalText {
  text: string;
  lang: Lang;
}

const displayNames = new Map<Lang, Intl.DisplayNames | null>();

function namesOf(lang: Lang): Intl.DisplayNames | null {
  if (!displayNames.has(lang)) {
    let names: Intl.DisplayNames | null;
    try {
      names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    } catch {
      names = null; // an engine without Intl.DisplayNames: the English names stay
    }
    displayNames.set(lang, names);
  }
  return displayNames.get(lang) ?? null;
}

/**
 * A country's name in `lang`. English keeps the data's name (curated display names such as "United States");
 * other languages take CLDR's name for the ISO2 code (Intl.DisplayNames, "中国", "アメリカ合衆国") and fall back to
 * the English name, marked `lang: 'en'`, when there is no code or no translation.
 */
export function countryLabel(lang: Lang, c: { iso2: string | null; name: string }): LocalText {
  if (lang !== 'en' && c.iso2) {
    const local = namesOf(lang)?.of(c.iso2);
    if (local && local !== c.iso2) return { text: local, lang };
  }
  return { text: c.name, lang: 'en' };
}

/** `countryLabel` by ISO3 in a country table; the ISO3 code itself (marked English) when the table lacks it. */
export function countryLabelOf(
  lang: Lang,
  countries: ReadonlyMap<string, { iso2: string | null; name: string }>,
  iso3: string,
): LocalText {
  const c = countries.get(iso3);
  return c ? countryLabel(lang, c) : { text: iso3, lang: 'en' };
}

/** The `lang` attribute an element holding `text` needs inside a page in `pageLang` (undefined when the same). */
export const langAttr = (pageLang: Lang, text: LocalText): string | undefined =>
  text.lang === pageLang ? undefined : text.lang;

/** `countryLabelOf` bound to a language and table: what panels pass down as "the name of this ISO3". */
export const countryLabels =
  (lang: Lang, countries: ReadonlyMap<string, { iso2: string | null; name: string }>) =>
  (iso3: string): LocalText =>
    countryLabelOf(lang, countries, iso3);
