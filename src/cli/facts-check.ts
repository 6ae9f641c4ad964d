// `npm run facts:check [-- <folder>]`: validates a fact folder for an editor, before the bot loads it.
// Runs the loader's own validation (schema, topics, charts, quotes, entities, numbers in the article:
// the same the bot runs at start and reload), prints "OK: N facts, M entities" or every problem, and
// exits 1 on problems.
import { resolve } from 'node:path';
import { FactFileError } from '../facts/fact-file-error.ts';
import { loadFactBase, type FactBase } from '../facts/load-facts.ts';
import { DEFAULT_FACTS_DIR } from '../paths.ts';

const dir = resolve(process.argv[2] ?? DEFAULT_FACTS_DIR);

let base: FactBase;
try {
  base = loadFactBase(dir);
} catch (err) {
  if (!(err instanceof FactFileError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}

const facts = base.articles.reduce((n, a) => n + a.data.facts.length, 0);
process.stdout.write(`OK: ${facts} facts, ${base.entities.length} entities (${dir})\n`);
