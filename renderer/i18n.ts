/**
 * Translations for the React app. The catalogues live outside the renderer (`i18n/`: the command
 * line and the desktop menus use them too): every `i18n/<lang>/<namespace>.json` is merged into one
 * catalogue per language, each key prefixed by its file's name (`app.json`'s `menu.newGame` →
 * `app.menu.newGame`). Nested objects in a file are flattened with dots.
 *
 * `t(key, values)` fills `{name}` placeholders (numbers formatted for the language) and picks a word
 * by number with `{name|singular|plural}` (English and Spanish both use the singular for exactly 1);
 * `fmt` formats a number on its own. `useI18n()` gives both plus the current language and a setter, from a React
 * context, so switching language re-renders the whole app at once. The parts that need no React
 * live in `i18n/catalogue.ts` and `i18n/catalogues.ts`.
 */
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { makeFormatter, makeTranslator, translateIn, type FmtFunction, type Lang, type TFunction, type Values } from '../i18n/catalogue';
import { CATALOGUES } from '../i18n/catalogues';

export { LANGS, LOCALE, isLang, buildCatalogues, formatNumber } from '../i18n/catalogue';
export type { Lang, Values, Catalogue, TFunction, FmtFunction } from '../i18n/catalogue';
export { CATALOGUES };

export function hasKey(key: string, lang: Lang = 'en'): boolean {
  return Object.prototype.hasOwnProperty.call(CATALOGUES[lang], key);
}

/**
 * Translate `key` in `lang`, filling `{name}` placeholders. A value that is itself a key in the
 * catalogue (`@app.side.state`) is translated first, so messages can name sides and kinds. A missing
 * key falls back to English, then to the key itself (visible, so tests catch it).
 */
export function translate(lang: Lang, key: string, values?: Values, depth = 0): string {
  return translateIn(CATALOGUES, lang, key, values, depth);
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
  fmt: FmtFunction;
}

export function makeI18n(lang: Lang, setLang: (l: Lang) => void): I18n {
  return {
    lang,
    setLang,
    t: makeTranslator(CATALOGUES, lang),
    fmt: makeFormatter(lang),
  };
}

const I18nContext = createContext<I18n>(makeI18n('en', () => undefined));

export function I18nProvider(props: { lang: Lang; setLang: (lang: Lang) => void; children?: ReactNode }): ReactNode {
  const { lang, setLang } = props;
  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  return createElement(I18nContext.Provider, { value }, props.children);
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export { I18nContext };
