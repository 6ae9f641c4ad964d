// `npm run ask -- "질문"` prints the answer as a person reads it.
// `npm run --silent ask -- --json` reads questions from stdin, one per line, and prints one JSON
// object per line in the same order: {question, locale, answered, text, sources, score}.
// `npm run --silent ask -- --json --conversations` reads one turn per line,
// {"conversation": "<id>", "q": "<text>"}: turns with one id form one conversation (in order; ids may
// interleave), so follow-ups ("그럼 미국은?") resolve against the turns before them.
import { createInterface } from 'node:readline';
import type { Answer, ConversationContext } from '../types.ts';
import { createCore, type Core } from '../core.ts';
import { FactFileError } from '../facts/fact-file-error.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const conversations = args.includes('--conversations');
const explain = args.includes('--explain');
const words = args.filter((a) => a !== '--json' && a !== '--conversations' && a !== '--explain');

let core: Core;
try {
  core = createCore();
} catch (err) {
  if (!(err instanceof FactFileError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}

if (explain && words.length > 0) {
  // For editors: how the question was read (entities and their part, attributes, kind) and what answered it.
  process.stdout.write(JSON.stringify(core.explain(words.join(' ')), null, 2) + '\n');
} else if (words.length > 0) {
  const answer = core.ask({ text: words.join(' ') });
  process.stdout.write(json ? JSON.stringify(toJson(words.join(' '), answer)) + '\n' : answer.text + '\n');
} else if (json || conversations || !process.stdin.isTTY) {
  const contexts = new Map<string, ConversationContext>();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const turn = conversations ? parseTurn(line) : { q: line };
    const context = turn.conversation === undefined ? undefined : contexts.get(turn.conversation);
    const answer = core.ask({ text: turn.q }, context);
    if (turn.conversation !== undefined && answer.context) contexts.set(turn.conversation, answer.context);
    process.stdout.write(json ? JSON.stringify(toJson(turn.q, answer)) + '\n' : answer.text + '\n\n');
  }
} else {
  process.stderr.write(
    'Usage: npm run ask -- "질문"   |   npm run --silent ask -- --json < questions.txt\n' +
      '       npm run --silent ask -- --json --conversations < turns.jsonl   (lines: {"conversation": "id", "q": "질문"})\n' +
      '       npm run ask -- --explain "질문"   (how the question was read)\n',
  );
  process.exit(2);
}

/** One line of --conversations input; a line that is not such an object is a question of its own. */
function parseTurn(line: string): { conversation?: string; q: string } {
  try {
    const value = JSON.parse(line) as { conversation?: unknown; q?: unknown };
    if (value && typeof value === 'object' && typeof value.q === 'string') {
      return { q: value.q, ...(value.conversation !== undefined ? { conversation: String(value.conversation) } : {}) };
    }
  } catch {
    // not JSON: answered as a plain question below
  }
  return { q: line };
}

function toJson(question: string, answer: Answer) {
  return { question, locale: answer.locale, answered: answer.answered, text: answer.text, sources: answer.citations, score: answer.score };
}
