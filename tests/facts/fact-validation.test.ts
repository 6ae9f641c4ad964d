// A broken fact file stops the load with a message naming the file, the fact and the field, and
// `npm run facts:check` reports the same problems (plus numbers missing from the article) and exits 1.
// The report is checked for every fixture in this process; the command runs twice in a child process:
// on the real facts from the run's compiled copy (tests/helpers/compiled.ts), on a broken folder as the
// npm script itself.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactFileError } from '../../src/facts/fact-file-error.ts';
import { factsReport } from '../../src/facts/facts-report.ts';
import { loadFactBase } from '../../src/facts/load-facts.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { nodeArgs } from '../helpers/compiled.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'broken-facts');
const FACT_FILE = 'tiny.yaml';

/** Each broken fixture folder and what the message must say about it (besides the file). */
const CASES: Array<{ name: string; says: string[] }> = [
  { name: 'missing-field', says: ['fact "dc-china"', 'field answer.en'] },
  { name: 'wrong-type', says: ['fact "dc-china"', 'field values.0.value', 'must be a number'] },
  { name: 'unknown-topic', says: ['fact "dc-china"', 'field topic', 'server-farms'] },
  { name: 'quote-not-in-article', says: ['fact "dc-china"', 'field quote', 'not found verbatim'] },
  { name: 'duplicate-id', says: ['fact "dc-china"', 'field id', 'duplicate'] },
  { name: 'unknown-entity', says: ['fact "dc-china"', 'field entities[1]', 'atlantis'] },
  // A YAML syntax error has no fact to name yet: the message gives the file and the line instead.
  { name: 'invalid-yaml', says: ['not valid YAML', 'line 16'] },
];

function loadError(dir: string): FactFileError {
  try {
    loadFactBase(dir);
  } catch (err) {
    if (err instanceof FactFileError) return err;
    throw err;
  }
  throw new Error(`${dir} loaded without an error`);
}

function npmFactsCheck(dir: string) {
  return spawnSync('npm', ['run', '--silent', 'facts:check', '--', dir], { cwd: PROJECT_ROOT, encoding: 'utf8' });
}
function factsCheckCompiled(dir: string) {
  return spawnSync(process.execPath, [...nodeArgs('src/cli/facts-check.ts'), dir], { cwd: PROJECT_ROOT, encoding: 'utf8' });
}

describe('loading a broken fact folder', () => {
  it.each(CASES)('$name: throws FactFileError naming the file, the fact and the field', ({ name, says }) => {
    const err = loadError(join(FIXTURES, name));
    expect(err.file).toBe(join(FIXTURES, name, FACT_FILE));
    expect(err.message).toContain(join(FIXTURES, name, FACT_FILE));
    for (const s of says) expect(err.message).toContain(s);
  });

  it('refuses a fact whose number is not in the article, naming the fact and the field', () => {
    const err = loadError(join(FIXTURES, 'number-not-in-article'));
    expect(err.message).toContain(join(FIXTURES, 'number-not-in-article', FACT_FILE));
    expect(err.message).toMatch(/fact "[^"]+" field (answer\.ko|answer\.en|quote|values)/);
    expect(err.message).toContain('not found in the article');
  });

  it('names the folder when it does not exist', () => {
    const err = loadError(join(FIXTURES, 'no-such-case'));
    expect(err.message).toContain('no-such-case');
  });
});

describe('npm run facts:check', () => {
  it('prints OK with the counts and exits 0 on the real facts folder', () => {
    const run = factsCheckCompiled('facts');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^OK: \d+ facts, \d+ entities/);
  });

  it('exits 1 on a broken folder, naming the file, the fact and the field on stderr', () => {
    const run = npmFactsCheck(join('tests', 'fixtures', 'broken-facts', 'missing-field'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(join('missing-field', FACT_FILE));
    expect(run.stderr).toContain('field answer.en');
    expect(run.stdout).toBe('');
  });

  it.each([...CASES, { name: 'number-not-in-article', says: ['fact "dc-china"', 'field answer.ko', 'number 777 not found in the article'] }])(
    '$name: reports 1 naming the file, the fact and the field',
    ({ name, says }) => {
      const report = factsReport(join(FIXTURES, name));
      expect(report.code).toBe(1);
      expect(report.stderr).toContain(join(name, FACT_FILE));
      for (const s of says) expect(report.stderr).toContain(s);
      expect(report.stdout).not.toContain('OK:');
    },
  );
});
