/**
 * The app's catalogues for the command line: the same `renderer/i18n/<lang>/*.json` files, read
 * from disk and merged by the same code as the app's (`renderer/i18n/catalogue.ts`), so the report
 * the command line writes reads exactly like the one the app exports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogues, LANGS, LOCALE, makeFormatter, makeTranslator, type Catalogues, type FmtFunction, type Lang, type TFunction } from '../renderer/i18n/catalogue';

export const I18N_DIR = fileURLToPath(new URL('../renderer/i18n', import.meta.url));

/** Read every `<dir>/<lang>/<namespace>.json` and build the catalogues. */
export function loadCatalogues(dir = I18N_DIR): Catalogues {
  const files: Record<string, unknown> = {};
  for (const lang of LANGS) {
    for (const name of readdirSync(join(dir, lang)).filter((n) => n.endsWith('.json')).sort()) {
      files[`./${lang}/${name}`] = JSON.parse(readFileSync(join(dir, lang, name), 'utf8')) as unknown;
    }
  }
  return buildCatalogues(files);
}

let cached: Catalogues | undefined;

export interface CliI18n {
  lang: Lang;
  locale: string;
  t: TFunction;
  fmt: FmtFunction;
}

/** The translator and number formatter for `lang`. */
export function cliI18n(lang: Lang): CliI18n {
  cached ??= loadCatalogues();
  return { lang, locale: LOCALE[lang], t: makeTranslator(cached, lang), fmt: makeFormatter(lang) };
}
