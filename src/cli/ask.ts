// `npm run ask -- "질문"` prints the answer as a person reads it.
// `npm run --silent ask -- --json` reads questions from stdin, one per line, and prints one JSON
// object per line in the same order: {question, locale, answered, text, sources, score}.
import { createInterface } from 'node:readline';
import type { Answer } from '../types.ts';
import { createCore, type Core } from '../core.ts';
import { FactFileError } from '../facts/fact-file-error.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const words = args.filter((a) => a !== '--json');

let core: Core;
try {
  core = createCore();
} catch (err) {
  if (!(err instanceof FactFileError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}

if (words.length > 0) {
  const answer = core.ask({ text: words.join(' ') });
  process.stdout.write(json ? JSON.stringify(toJson(words.join(' '), answer)) + '\n' : answer.text + '\n');
} else if (json || !process.stdin.isTTY) {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const answer = core.ask({ text: line });
    process.stdout.write(json ? JSON.stringify(toJson(line, answer)) + '\n' : answer.text + '\n\n');
  }
} else {
  process.stderr.write('Usage: npm run ask -- "질문"   |   npm run --silent ask -- --json < questions.txt\n');
  process.exit(2);
}

function toJson(question: string, answer: Answer) {
  return { question, locale: answer.locale, answered: answer.answered, text: answer.text, sources: answer.citations, score: answer.score };
}
