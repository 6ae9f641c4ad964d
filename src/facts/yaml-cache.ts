// Parsed fact files, cached as JSON. Parsing the YAML is a large share of every start and every reload
// (a tenth of a second or more per process for the article file alone); the same text read back as
// JSON takes a few milliseconds. An entry is keyed by a SHA-256 of the file's text and the yaml
// package's version, so a changed file or a new parser is simply a miss; the folder keeps at most
// MAX_ENTRIES files (the least recently used go). Everything about the cache is best effort: a folder
// that cannot be read or written means parsing, silently, as without it. Only what JSON gives back
// exactly is cached; text that is not valid YAML is never cached (the parser's error is thrown as
// before, and the loader names the file).
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

const YAML_PACKAGE_JSON = createRequire(import.meta.url).resolve('yaml/package.json');
/** Beside the other tools' caches: node_modules/.cache of the node_modules the yaml package is in. */
export const DEFAULT_YAML_CACHE_DIR = join(dirname(dirname(YAML_PACKAGE_JSON)), '.cache', 'fact-bot-yaml');
export const MAX_ENTRIES = 40;
/** A temporary file this old was left by a process that died while writing: removed when pruning. */
const STALE_TEMP_MS = 60_000;

let yamlVersion: string | undefined;
function parserVersion(): string {
  yamlVersion ??= String((JSON.parse(readFileSync(YAML_PACKAGE_JSON, 'utf8')) as { version?: unknown }).version);
  return yamlVersion;
}

export interface YamlCacheOptions {
  /** The cache folder (created when needed); default DEFAULT_YAML_CACHE_DIR. */
  dir?: string;
  maxEntries?: number;
}

/** parse(text) from the yaml package, read from the cache when this text was parsed before. */
export function parseYamlCached(text: string, options: YamlCacheOptions = {}): unknown {
  const dir = options.dir ?? DEFAULT_YAML_CACHE_DIR;
  const key = createHash('sha256').update(parserVersion()).update('\0').update(text).digest('hex');
  const file = join(dir, `${key}.json`);
  const cached = readEntry(file);
  if (cached !== undefined) return cached.value;
  const value: unknown = parse(text);
  if (keptByJson(value)) writeEntry(dir, file, value, options.maxEntries ?? MAX_ENTRIES);
  return value;
}

function readEntry(file: string): { value: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    // Used now: the last to be pruned.
    const now = new Date();
    utimesSync(file, now, now);
    return { value };
  } catch {
    return undefined;
  }
}

function writeEntry(dir: string, file: string, value: unknown, maxEntries: number): void {
  try {
    mkdirSync(dir, { recursive: true });
    // Written whole, then renamed: another process never reads half an entry.
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temp, JSON.stringify(value));
    renameSync(temp, file);
    prune(dir, maxEntries);
  } catch {
    // Unwritable (a read-only install, say): parsing every time is the only cost.
  }
}

function prune(dir: string, maxEntries: number): void {
  const now = Date.now();
  const entries: Array<{ path: string; used: number }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      const used = statSync(path).mtimeMs;
      if (name.endsWith('.json')) entries.push({ path, used });
      else if (name.endsWith('.tmp') && now - used > STALE_TEMP_MS) rmSync(path, { force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
  entries.sort((a, b) => a.used - b.used);
  for (const e of entries.slice(0, Math.max(0, entries.length - maxEntries))) rmSync(e.path, { force: true });
}

/** True when JSON.parse(JSON.stringify(value)) is equal to value: plain data, finite numbers, no -0. */
function keptByJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(keptByJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).every(([k, v]) => k !== '__proto__' && keptByJson(v));
  }
  return false;
}
