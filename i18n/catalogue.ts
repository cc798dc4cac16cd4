/**
 * The translator, pure TypeScript (no DOM, React, Vite or Node), so the app, the desktop menus, the
 * command line and the report all translate the same way. `catalogues.ts` holds the strings;
 * `renderer/i18n.ts` adds the React context.
 *
 * Every `<lang>/<namespace>.json` is merged into one catalogue per language, each key prefixed by
 * its file's name (`app.json`'s `menu.newGame` → `app.menu.newGame`); nested objects are flattened
 * with dots. A translator fills `{name}` placeholders (numbers formatted for the language), picks a
 * word by number with `{name|singular|plural}` (English and Spanish both use the singular for
 * exactly 1), translates a value written `@other.key` first, so messages can name sides and kinds, and
 * takes a `{ en, es }` value (content from a scenario) in its own language.
 */

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (x: unknown): x is Lang => x === 'en' || x === 'es';

/** Locales for number formatting: Peru's conventions for Spanish. */
export const LOCALE: Record<Lang, string> = { en: 'en-GB', es: 'es-PE' };

/** Content written in both languages (a scenario's inject titles): the translator picks the one it needs. */
export type Localized = { readonly en: string; readonly es: string };
export type Values = Record<string, string | number | Localized>;
export type Catalogue = Readonly<Record<string, string>>;
export type Catalogues = Record<Lang, Catalogue>;
export type TFunction = (key: string, values?: Values) => string;
export type FmtFunction = (n: number, opts?: Intl.NumberFormatOptions) => string;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function flatten(prefix: string, node: Json, out: Record<string, string>, where: string): void {
  if (typeof node === 'string') {
    out[prefix] = node;
  } else if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) flatten(`${prefix}.${k}`, v, out, where);
  } else {
    throw new Error(`i18n: ${where} key ${prefix} is not a string`);
  }
}

/** Build the catalogues from `{ './en/app.json': {...}, ... }` (Vite's glob's shape; any path ending `<lang>/<ns>.json`). */
export function buildCatalogues(files: Record<string, unknown>): Catalogues {
  const out: Record<Lang, Record<string, string>> = { en: {}, es: {} };
  for (const path of Object.keys(files).sort()) {
    const m = /\/(\w+)\/([\w-]+)\.json$/.exec(path);
    if (!m) continue;
    const [, lang, ns] = m;
    if (!isLang(lang) || !ns) continue;
    flatten(ns, files[path] as Json, out[lang], path);
  }
  return out;
}

/** Number formatting by language: integers grouped, small fractions with sensible precision. */
export function formatNumber(lang: Lang, n: number, opts?: Intl.NumberFormatOptions): string {
  if (!Number.isFinite(n)) return '–';
  if (opts) return new Intl.NumberFormat(LOCALE[lang], opts).format(n);
  const a = Math.abs(n);
  const digits = Number.isInteger(n) || a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits }).format(n);
}

/**
 * Translate `key` in `lang` from `catalogues`, filling `{name}` placeholders. A value that is itself
 * a key (`@app.side.state`) is translated first. A missing key falls back to English, then to the
 * key itself (visible, so tests catch it).
 */
export function translateIn(catalogues: Catalogues, lang: Lang, key: string, values?: Values, depth = 0): string {
  const template = catalogues[lang][key] ?? catalogues.en[key] ?? key;
  if (!values) return template;
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const v = values[name];
    if (v === undefined) return whole;
    if (one !== undefined && other !== undefined) return v === 1 ? one : other;
    if (typeof v === 'number') return formatNumber(lang, v);
    if (typeof v === 'object') return v[lang];
    // A reference to another message, filled with the same values (one level deep at most).
    if (v.startsWith('@') && depth < 2) return translateIn(catalogues, lang, v.slice(1), values, depth + 1);
    return v;
  });
}

/** `t(key, values)` for one language. */
export function makeTranslator(catalogues: Catalogues, lang: Lang): TFunction {
  return (key, values) => translateIn(catalogues, lang, key, values);
}

/** `fmt(n, opts)` for one language. */
export function makeFormatter(lang: Lang): FmtFunction {
  return (n, opts) => formatNumber(lang, n, opts);
}

/**
 * A menu label without its access-key marker, for menus that are not the operating system's:
 * `&File` → `File`, `A&yuda` → `Ayuda` (`&&` stands for a literal `&`). The catalogues mark access
 * keys the way Electron's native menus read them.
 */
export const withoutAccessKey = (label: string): string => label.replace(/&(&?)/g, '$1');
