// Follow-up questions in the terminal chat, end to end: the bot process (the console platform, as a
// person runs it with `npm start`; npm and tsx themselves: npm-start.test.ts) with questions piped into it. One run of the chat is one conversation
// (adapters/console/README.md); the chat has no command that resets it (only /help and /quit), so a
// conversation starts fresh with a new run.
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type BotProcess } from './bot-process.ts';

const running: BotProcess[] = [];
afterEach(() => {
  for (const b of running.splice(0)) b.kill('SIGKILL');
});

/** Pipes `lines` into the chat and returns what the chat printed once it has answered them all and exited. */
async function chat(...lines: string[]): Promise<string> {
  const b = startBot({ BOT_ADAPTERS: 'console' });
  running.push(b);
  b.child.stdin.end(lines.map((l) => l + '\n').join(''));
  const { code } = await b.exited;
  expect(code).toBe(0);
  return b.stdout();
}

describe('the terminal chat follows one conversation per run', () => {
  it('answers "그럼 미국은?" piped after "중국 데이터센터 몇 개야?" with the US count, saying how it read it', async () => {
    const out = await chat('중국 데이터센터 몇 개야?', '그럼 미국은?');
    const first = out.indexOf('449');
    const readAs = out.indexOf('↪ 미국 · ');
    expect(first).toBeGreaterThanOrEqual(0);
    // The follow-up's answer comes second, after the first answer, and gives the US count.
    expect(readAs).toBeGreaterThan(first);
    expect(out.slice(readAs)).toContain('5381');
  });

  it('starts a new run fresh: "그럼 미국은?" alone is not read as a follow-up', async () => {
    const out = await chat('그럼 미국은?');
    expect(out).not.toContain('5381');
    expect(out).not.toContain('↪');
  });
});
