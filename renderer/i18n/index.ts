/**
 * Translations. Every `renderer/i18n/<lang>/<namespace>.json` is merged into one catalogue per
 * language, each key prefixed by its file's name (`app.json`'s `menu.newGame` → `app.menu.newGame`).
 * Nested objects in a file are flattened with dots, so a file may be written either way.
 *
 * `t(key, values)` fills `{name}` placeholders (numbers formatted for the language) and picks a word
 * by number with `{name|singular|plural}` (English and Spanish both use the singular for exactly 1);
 * `fmt` formats a number on its own. `useI18n()` gives both plus the current language and a setter, from a React
 * context, so switching language re-renders the whole app at once.
 */
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (x: unknown): x is Lang => x === 'en' || x === 'es';

/** Locales for number formatting: Peru's conventions for Spanish. */
export const LOCALE: Record<Lang, string> = { en: 'en-GB', es: 'es-PE' };

export type Values = Record<string, string | number>;
export type Catalogue = Readonly<Record<string, string>>;

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

/** Build the catalogues from `{ './en/app.json': {...}, ... }` (the glob's shape). Exported for tests. */
export function buildCatalogues(files: Record<string, unknown>): Record<Lang, Catalogue> {
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

const files = import.meta.glob<unknown>('./*/*.json', { eager: true, import: 'default' });
export const CATALOGUES: Record<Lang, Catalogue> = buildCatalogues(files);

/** Number formatting by language: integers grouped, small fractions with sensible precision. */
export function formatNumber(lang: Lang, n: number, opts?: Intl.NumberFormatOptions): string {
  if (!Number.isFinite(n)) return '–';
  if (opts) return new Intl.NumberFormat(LOCALE[lang], opts).format(n);
  const a = Math.abs(n);
  const digits = Number.isInteger(n) || a >= 100 ? 0 : a >= 10 ? 1 : 2;
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits }).format(n);
}

export function hasKey(key: string, lang: Lang = 'en'): boolean {
  return Object.prototype.hasOwnProperty.call(CATALOGUES[lang], key);
}

/**
 * Translate `key` in `lang`, filling `{name}` placeholders. A value that is itself a key in the
 * catalogue (`@app.side.state`) is translated first, so messages can name sides and kinds. A missing
 * key falls back to English, then to the key itself (visible, so tests catch it).
 */
export function translate(lang: Lang, key: string, values?: Values, depth = 0): string {
  const template = CATALOGUES[lang][key] ?? CATALOGUES.en[key] ?? key;
  if (!values) return template;
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const v = values[name];
    if (v === undefined) return whole;
    if (one !== undefined && other !== undefined) return v === 1 ? one : other;
    if (typeof v === 'number') return formatNumber(lang, v);
    // A reference to another message, filled with the same values (one level deep at most).
    if (v.startsWith('@') && depth < 2) return translate(lang, v.slice(1), values, depth + 1);
    return v;
  });
}

export type TFunction = (key: string, values?: Values) => string;
export type FmtFunction = (n: number, opts?: Intl.NumberFormatOptions) => string;

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
    t: (key, values) => translate(lang, key, values),
    fmt: (n, opts) => formatNumber(lang, n, opts),
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
