// One temporary folder per test run: every test's temporary files (and the TypeScript loader's cache of
// the child processes that still use it) go under it, and it is removed at the end, so a run leaves
// nothing behind even when a test is interrupted before its own clean-up. And the project compiled to
// JavaScript once (tests/helpers/compiled.ts), for the child processes, removed at the end too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCompiledCopy, COMPILED_DIR_VARIABLE, removeCompiledCopy } from './helpers/compiled.ts';

export default async function setup(): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'factbot-test-'));
  const previous = process.env.TMPDIR;
  // Test workers and the processes they start inherit it; os.tmpdir() reads it on every call.
  process.env.TMPDIR = root;
  let compiled: string;
  try {
    compiled = await buildCompiledCopy();
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  process.env[COMPILED_DIR_VARIABLE] = compiled;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    delete process.env[COMPILED_DIR_VARIABLE];
    rmSync(root, { recursive: true, force: true });
    removeCompiledCopy(compiled);
  };
}
