// The project compiled to JavaScript once per test run (tests/global-setup.ts), for the processes the
// tests start. `node --import tsx` transpiles every module again in each new process and in each
// question log worker thread; the same sources compiled by esbuild start as plain node. One output file
// per source file with its imports rewritten from .ts to .js, so the module graph, the paths found from
// import.meta.url and the adapters discovered at run time are those of the sources. facts/ and locales/
// are links to the project's own; the other files beside the sources (the SQL migrations) are copied.
// The folder is under node_modules/.cache, where the packages the compiled files import resolve as
// they do from the sources, and is removed at the end of the run. Tests of `npm start` and of the npm
// scripts themselves still run them through npm and tsx.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { PROJECT_ROOT } from '../../src/paths.ts';

/** The variable that hands the compiled folder to the test workers (and nothing else: children get a clean environment). */
export const COMPILED_DIR_VARIABLE = 'FACTBOT_TEST_COMPILED_DIR';
const CACHE = join(PROJECT_ROOT, 'node_modules', '.cache');
const PREFIX = 'factbot-test-build-';
const SOURCE_FOLDERS = ['src', 'adapters'];
const LINKED_FOLDERS = ['facts', 'locales'];
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Relative imports stay imports (of the compiled .js beside them); packages stay packages. */
const keepImports: Plugin = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: args.path.startsWith('.') ? args.path.replace(/\.ts$/, '.js') : args.path, external: true };
    });
  },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Compiles src/ and adapters/ into a folder of this run's own; returns it. */
export async function buildCompiledCopy(): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  // A run that was killed before its teardown leaves its folder: removed by the next run.
  for (const name of readdirSync(CACHE)) {
    const pid = name.startsWith(PREFIX) ? Number(name.slice(PREFIX.length)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(CACHE, name), { recursive: true, force: true });
  }
  const dir = join(CACHE, `${PREFIX}${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const { build, stop } = await import('esbuild');
  for (const folder of SOURCE_FOLDERS) {
    cpSync(join(PROJECT_ROOT, folder), join(dir, folder), { recursive: true, filter: (path) => !path.endsWith('.ts') });
  }
  try {
    await build({
      entryPoints: SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(PROJECT_ROOT, folder))),
      outdir: dir,
      outbase: PROJECT_ROOT,
      bundle: true,
      plugins: [keepImports],
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    // esbuild's service process is not needed for the rest of the run.
    await stop();
  }
  for (const folder of LINKED_FOLDERS) symlinkSync(join(PROJECT_ROOT, folder), join(dir, folder), 'dir');
  return dir;
}

export function removeCompiledCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function compiledDir(): string | undefined {
  const dir = process.env[COMPILED_DIR_VARIABLE];
  return dir && existsSync(dir) ? dir : undefined;
}

/**
 * Node's arguments to run a source file (relative to the project, e.g. 'src/main.ts') in a child
 * process: its compiled copy, or the source through tsx when no test run built one.
 */
export function nodeArgs(entry: string): string[] {
  const dir = compiledDir();
  return dir ? [join(dir, entry.replace(/\.ts$/, '.js'))] : ['--import', TSX, join(PROJECT_ROOT, entry)];
}

/** Imports a source module from the compiled copy (the same module as the source when no run built one). */
export async function importCompiled<T>(entry: string): Promise<T> {
  const dir = compiledDir();
  const file = dir ? join(dir, entry.replace(/\.ts$/, '.js')) : join(PROJECT_ROOT, entry);
  return (await import(pathToFileURL(file).href)) as T;
}
