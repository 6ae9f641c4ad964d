// locales/ko and locales/en hold the same namespaces with the same keys, no empty strings, and the
// same {{interpolation}} variables per key, so no answer falls back to a key name in one language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALES_DIR } from '../src/paths.ts';

type Tree = { [key: string]: string | Tree };

const namespaces = (locale: string) =>
  readdirSync(join(DEFAULT_LOCALES_DIR, locale))
    .filter((f) => f.endsWith('.json'))
    .sort();

const load = (locale: string, file: string) => JSON.parse(readFileSync(join(DEFAULT_LOCALES_DIR, locale, file), 'utf8')) as Tree;

/** Every leaf as "a.b.c" -> string (arrays and numbers are reported as non-strings). */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const variables = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([\w.-]+)[^}]*\}\}/g)].map((m) => m[1]))].sort();

describe('locales', () => {
  it('has the same namespace files in ko and en', () => {
    expect(namespaces('ko')).toEqual(namespaces('en'));
    expect(namespaces('ko')).toEqual(expect.arrayContaining(['core.json', 'console.json']));
  });

  describe.each(namespaces('ko'))('%s', (file) => {
    const ko = leaves(load('ko', file));
    const en = leaves(load('en', file));

    it('has identical key sets in both languages', () => {
      expect([...ko.keys()].sort()).toEqual([...en.keys()].sort());
    });

    it('has no empty or non-string values', () => {
      for (const [locale, map] of [['ko', ko], ['en', en]] as const) {
        for (const [key, value] of map) {
          expect(typeof value, `${locale}/${file} ${key}`).toBe('string');
          expect((value as string).trim(), `${locale}/${file} ${key}`).not.toBe('');
        }
      }
    });

    it('uses the same {{variables}} per key in both languages (Korean may use a variable with its particle)', () => {
      // Korean particles follow the word before them (기업가치는, 창업자가): {{measureEunneun}} is {{measure}}
      // with 은/는 attached, so it stands for the same variable.
      const base = (name: string | undefined) => String(name).replace(/(?:Iga|Eunneun|Eul|Iro|Ee|Ieyo)$/, '');
      for (const [key, value] of ko) {
        const other = en.get(key);
        if (typeof value !== 'string' || typeof other !== 'string') continue;
        expect([...new Set(variables(value).map(base))].sort(), `${file} ${key}`).toEqual([...new Set(variables(other).map(base))].sort());
      }
    });
  });
});
