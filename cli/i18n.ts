/**
 * The app's catalogues for the command line: the same `i18n/` module the app and the desktop menus
 * use, so the report the command line writes reads exactly like the one the app exports.
 */
import { LOCALE, makeFormatter, makeTranslator, type FmtFunction, type Lang, type TFunction } from '../i18n/catalogue';
import { CATALOGUES } from '../i18n/catalogues';

export interface CliI18n {
  lang: Lang;
  locale: string;
  t: TFunction;
  fmt: FmtFunction;
}

/** The translator and number formatter for `lang`. */
export function cliI18n(lang: Lang): CliI18n {
  return { lang, locale: LOCALE[lang], t: makeTranslator(CATALOGUES, lang), fmt: makeFormatter(lang) };
}
