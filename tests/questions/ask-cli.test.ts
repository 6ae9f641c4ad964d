// `npm run ask`, the command line the evaluation scripts drive: one JSON answer line per input line,
// and with --conversations, turns that share an id form one conversation even when interleaved.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeArgs } from '../helpers/compiled.ts';
import { loadQuestions } from './score-questions.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function ask(args: string[], input: string): Array<{ question: string; answered: boolean; text: string; locale: string }> {
  const run = spawnSync(process.execPath, [...nodeArgs('src/cli/ask.ts'), ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { question: string; answered: boolean; text: string; locale: string });
}

describe('npm run ask -- --json --conversations', () => {
  it('resolves follow-ups per conversation id, with conversations interleaved', () => {
    const turns = [
      { conversation: 'a', q: '독일 대형 데이터센터 몇 개야?' },
      { conversation: 'b', q: '문샷 AI 창업자 누구야?' },
      { conversation: 'a', q: '그럼 한국은?' },
      { conversation: 'b', q: '그 사람 몇 살이야?' },
      { conversation: 'c', q: '그럼 한국은?' },
    ];
    const out = ask(['--json', '--conversations'], turns.map((t) => JSON.stringify(t)).join('\n') + '\n');
    expect(out).toHaveLength(5);
    expect(out[2]!.text).toContain('43');
    expect(out[3]!.text).toContain('35');
    // A new conversation has nothing to lean on: Korea's data centres were asked in conversation a only.
    expect(out[4]!.text).not.toContain('43개소');
  });

  it('answers every question the same as a conversation of its own as with --json alone', () => {
    const questions = loadQuestions()
      .slice(0, 60)
      .map((item) => item.q);
    const alone = ask(['--json'], questions.join('\n') + '\n');
    const asConversations = ask(['--json', '--conversations'], questions.map((q, i) => JSON.stringify({ conversation: `c${i}`, q })).join('\n') + '\n');
    expect(asConversations.map((a) => a.text)).toEqual(alone.map((a) => a.text));
  });
});
