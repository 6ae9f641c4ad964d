// i18next over locales/<lang>/<namespace>.json. One synchronous instance, loaded once at start.
// Namespaces: core (answers), runtime (process messages), one per adapter (discord, slack, console).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { type i18n, type Resource, type TOptions } from 'i18next';
import { LOCALES, type Locale } from '../types.ts';

export type Translate = (locale: Locale, key: string, vars?: TOptions) => string;

export function loadLocales(dir: string): Record<Locale, Record<string, Record<string, unknown>>> {
  const out = {} as Record<Locale, Record<string, Record<string, unknown>>>;
  for (const locale of LOCALES) {
    const folder = join(dir, locale);
    const namespaces: Record<string, Record<string, unknown>> = {};
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      namespaces[basename(file, '.json')] = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    }
    out[locale] = namespaces;
  }
  return out;
}

export function createTranslator(dir: string): Translate {
  const resources = loadLocales(dir);
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources: resources as Resource,
    showSupportNotice: false,
    lng: 'ko',
    fallbackLng: 'ko',
    ns: Object.keys(resources.ko),
    defaultNS: 'core',
    initAsync: false,
    // Answers are plain text rendered by adapters, which escape for their platform.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const fixed = { ko: instance.getFixedT('ko'), en: instance.getFixedT('en') };
  const translate: Translate = (locale, key, vars) => String(fixed[locale](key, (vars ?? {}) as Record<string, unknown>));
  return memoised(translate);
}

/** Distinct translations remembered; when full, it starts over (the lines an answer needs recur). */
const MEMO_LIMIT = 5_000;

/**
 * Translations with plain values (a citation line: source, chart, article, date) are worked out once:
 * i18next's interpolation of long titles costs more than the rest of rendering an answer, and every
 * platform renders the same few citations again and again. The one cache for every adapter.
 */
function memoised(translate: Translate): Translate {
  const memo = new Map<string, string>();
  return (locale, key, vars) => {
    const values = vars ? Object.values(vars) : [];
    if (!values.every((v) => v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) return translate(locale, key, vars);
    const memoKey = vars ? `${locale}\u0000${key}\u0000${JSON.stringify(vars)}` : `${locale}\u0000${key}`;
    let text = memo.get(memoKey);
    if (text === undefined) {
      text = translate(locale, key, vars);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(memoKey, text);
    }
    return text;
  };
}
