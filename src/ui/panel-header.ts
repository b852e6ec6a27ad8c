// The panel's header: the app's title and subtitle in the chosen language, and the language switcher.
import { LANG_NAMES, LANGS, switchLang, t, type Lang } from '../i18n';
import { actions, type AppStore } from '../state/store';
import { el } from './dom';

/** The language switcher's label, in both languages so that either reader finds it. */
export const LANG_SELECT_LABEL = 'Language / 言語';

/** A `<select>` of the UI languages; a change switches the store's language (the view stays as it is). */
export function langSelect(store: AppStore, failed: (error: unknown) => void): HTMLSelectElement {
  const select = el(
    'select',
    { class: 'lang-select', 'data-testid': 'lang-select', 'aria-label': LANG_SELECT_LABEL },
    // Each language's name is in that language, for assistive technology too.
    ...LANGS.map((l) => el('option', { value: l, lang: l }, LANG_NAMES[l])),
  );
  select.value = store.getState().lang;
  select.addEventListener('change', () => {
    const v = LANGS.find((l) => l === select.value);
    if (!v) return;
    switchLang(
      v,
      () => actions.setLang(store, v),
      // The switcher goes back to the language still in use; the notice says why.
      (error) => {
        select.value = store.getState().lang;
        failed(error);
      },
    );
  });
  return select;
}

export interface PanelHeader {
  root: HTMLElement;
  /** Show `lang`'s title and subtitle and select it in the switcher. */
  setLang(lang: Lang): void;
}

export function panelHeader(store: AppStore, langFailed: (error: unknown) => void): PanelHeader {
  const title = el('h1', {});
  const subtitle = el('p', { class: 'subtitle' });
  const select = langSelect(store, langFailed);
  const root = el('header', {}, el('div', { class: 'panel-title' }, title, select), subtitle);
  const setLang = (lang: Lang) => {
    const m = t(lang).app;
    title.textContent = m.title;
    subtitle.textContent = m.subtitle;
    if (select.value !== lang) select.value = lang;
  };
  setLang(store.getState().lang);
  return { root, setLang };
}
