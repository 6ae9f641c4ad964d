// What `npm run facts:check` reports for a fact folder: "OK: N facts, M entities" or every problem
// (the loader's own validation: the same the bot runs at start and reload), and the exit code.
import { resolve } from 'node:path';
import { FactFileError } from './fact-file-error.ts';
import { loadFactBase } from './load-facts.ts';

export interface FactsReport {
  code: 0 | 1;
  stdout: string;
  stderr: string;
}

export function factsReport(folder: string): FactsReport {
  const dir = resolve(folder);
  try {
    const base = loadFactBase(dir);
    const facts = base.articles.reduce((n, a) => n + a.data.facts.length, 0);
    return { code: 0, stdout: `OK: ${facts} facts, ${base.entities.length} entities (${dir})\n`, stderr: '' };
  } catch (err) {
    if (!(err instanceof FactFileError)) throw err;
    return { code: 1, stdout: '', stderr: `${err.message}\n` };
  }
}
