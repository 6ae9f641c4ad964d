// The parsed-YAML cache (src/facts/yaml-cache.ts): the same text is read back from its JSON entry, a
// changed text is parsed again, a folder that cannot be written changes nothing but the speed, and a
// broken fact file is named with its field however often it is loaded.
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, YAMLParseError } from 'yaml';
import { FactFileError } from '../../src/facts/fact-file-error.ts';
import { loadFactBase } from '../../src/facts/load-facts.ts';
import { parseYamlCached } from '../../src/facts/yaml-cache.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { tempDir } from '../helpers/services.ts';

const dirs: Array<{ path: string; remove(): void }> = [];
function cacheDir(): string {
  const dir = tempDir('yaml-cache');
  dirs.push(dir);
  return join(dir.path, 'cache');
}
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []);
const ARTICLE = readFileSync(join(PROJECT_ROOT, 'facts', 'newstoday-2025-02-24.yaml'), 'utf8');

describe('the parsed-YAML cache', () => {
  it('parses a text once, as the yaml package does, and reads it back from its entry after that', () => {
    const dir = cacheDir();
    expect(parseYamlCached(ARTICLE, { dir })).toEqual(parse(ARTICLE));
    const [entry] = entries(dir);
    expect(entries(dir)).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, entry!), 'utf8'))).toEqual(parse(ARTICLE));
    // What comes back is the entry's content, not a new parse: change the entry and it shows.
    writeFileSync(join(dir, entry!), JSON.stringify({ from: 'the cache' }));
    expect(parseYamlCached(ARTICLE, { dir })).toEqual({ from: 'the cache' });
    expect(entries(dir)).toHaveLength(1);
  });

  it('parses a changed text anew, into an entry of its own', () => {
    const dir = cacheDir();
    expect(parseYamlCached('a: 1\n', { dir })).toEqual({ a: 1 });
    expect(parseYamlCached('a: 2\n', { dir })).toEqual({ a: 2 });
    expect(entries(dir)).toHaveLength(2);
    expect(parseYamlCached('a: 1\n', { dir })).toEqual({ a: 1 });
  });

  it('keeps at most maxEntries entries, dropping the least recently used', () => {
    const dir = cacheDir();
    const entryOf = (n: number) => entries(dir).find((f) => readFileSync(join(dir, f), 'utf8') === JSON.stringify({ n }));
    for (let n = 0; n < 3; n++) parseYamlCached(`n: ${n}\n`, { dir, maxEntries: 3 });
    // Used long ago, in this order (set, so the file system's timestamp resolution does not matter).
    for (let n = 0; n < 3; n++) utimesSync(join(dir, entryOf(n)!), new Date(2001 + n, 0), new Date(2001 + n, 0));
    // n: 0 is read again, so n: 1 is now the least recently used.
    expect(parseYamlCached('n: 0\n', { dir, maxEntries: 3 })).toEqual({ n: 0 });
    parseYamlCached('n: 3\n', { dir, maxEntries: 3 });
    expect(entries(dir)).toHaveLength(3);
    expect([0, 1, 2, 3].map((n) => entryOf(n) !== undefined)).toEqual([true, false, true, true]);
  });

  it('parses as usual, silently, when its folder cannot be created or written', () => {
    const blocked = tempDir('yaml-cache-blocked');
    dirs.push(blocked);
    const file = join(blocked.path, 'a-file');
    writeFileSync(file, '');
    // A folder under a regular file can never be made (permissions would not stop root).
    const dir = join(file, 'cache');
    expect(parseYamlCached(ARTICLE, { dir })).toEqual(parse(ARTICLE));
    expect(parseYamlCached(ARTICLE, { dir })).toEqual(parse(ARTICLE));
    expect(readdirSync(blocked.path)).toEqual(['a-file']);
  });

  it('throws the parser error for text that is not valid YAML, and caches nothing for it', () => {
    const dir = cacheDir();
    expect(() => parseYamlCached('a: [1, 2\n', { dir })).toThrow(YAMLParseError);
    expect(() => parseYamlCached('a: [1, 2\n', { dir })).toThrow(YAMLParseError);
    expect(entries(dir).length).toBe(0);
  });

  it('does not cache what JSON would change (.inf, -0), and still returns it', () => {
    const dir = cacheDir();
    expect(parseYamlCached('big: .inf\n', { dir })).toEqual({ big: Infinity });
    expect(Object.is((parseYamlCached('z: -0\n', { dir }) as { z: number }).z, -0)).toBe(true);
    expect(entries(dir).length).toBe(0);
  });
});

describe('a broken fact file loaded again (its parse cached)', () => {
  it('is still named with its fact and field every time', () => {
    const dir = join(PROJECT_ROOT, 'tests', 'fixtures', 'broken-facts', 'missing-field');
    for (let i = 0; i < 2; i++) {
      let err: unknown;
      try {
        loadFactBase(dir);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FactFileError);
      expect((err as FactFileError).message).toContain(join(dir, 'tiny.yaml'));
      expect((err as FactFileError).message).toContain('fact "dc-china"');
      expect((err as FactFileError).message).toContain('field answer.en');
    }
  });
});
