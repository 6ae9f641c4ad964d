// `npm run charts -- --out DIR`, as the README runs it: every chart in both languages as PNG files at
// least 600 px wide; a missing --out or an unknown chart is a clear message and exit code 2. The
// command runs from the run's compiled copy (tests/helpers/compiled.ts), and once as the npm script
// itself (the missing --out).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pngSize } from '../../src/charts/png-size.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { nodeArgs } from '../helpers/compiled.ts';

const out = mkdtempSync(join(tmpdir(), 'factbot-charts-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** ECharts and six pictures in a child process (or npm and tsx), on a shared 2-core machine: more than the default. */
const CLI_TIMEOUT_MS = 90_000;

const charts = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'charts', '--', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
const chartsCompiled = (...args: string[]) => spawnSync(process.execPath, [...nodeArgs('src/cli/charts.ts'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });

describe('npm run charts', () => {
  it('writes every chart in Korean and English as PNG, each at least 600 px wide', () => {
    const run = chartsCompiled('--out', out);
    expect(run.status, run.stderr).toBe(0);
    const files = readdirSync(out).sort();
    for (const locale of ['ko', 'en']) expect(files.filter((f) => f.endsWith(`.${locale}.png`)).length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const size = pngSize(readFileSync(join(out, file)));
      expect(size, file).toBeDefined();
      expect(size!.width, file).toBeGreaterThanOrEqual(600);
    }
    expect(run.stdout.trim().split('\n')).toHaveLength(files.length);
  }, CLI_TIMEOUT_MS);

  it('says what is missing instead of writing nowhere', () => {
    const run = charts();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--out DIR is required');
    const locale = chartsCompiled('--out', out, '--locale', 'fr');
    expect(locale.status).toBe(2);
    expect(locale.stderr).toContain('--locale must be ko or en');
  }, CLI_TIMEOUT_MS);
});
