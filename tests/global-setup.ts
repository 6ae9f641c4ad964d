// One temporary folder per test run: every test's temporary files (and the TypeScript loader's cache of
// the child processes) go under it, and it is removed at the end, so a run leaves nothing behind even
// when a test is interrupted before its own clean-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'factbot-test-'));
  const previous = process.env.TMPDIR;
  // Test workers and the processes they start inherit it; os.tmpdir() reads it on every call.
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
