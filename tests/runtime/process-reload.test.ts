// `npm start` as a child process in terminal-chat mode: no HTTP server by default, fact reloads
// (SIGHUP, FACTS_WATCH) and SIGINT.
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type BotProcess } from './bot-process.ts';
import { copyFacts } from './fact-fixture.ts';

const running: BotProcess[] = [];
function bot(env: Record<string, string>) {
  const b = startBot(env);
  running.push(b);
  return b;
}
afterEach(() => {
  for (const b of running.splice(0)) b.kill('SIGKILL');
});

const questionsLogged = (b: BotProcess) => b.logs().filter((l) => l.msg === 'question').length;

describe('npm start in the terminal, reloading and stopping', () => {
  it('starts no HTTP server in the terminal chat unless HEALTH_PORT is set, and exits 0 on SIGINT', async () => {
    const b = bot({ LOG_LEVEL: 'info', BOT_ADAPTERS: 'console' });
    await b.waitForLog((l) => l.msg === 'ready');
    expect(b.logs().some((l) => String(l.msg).startsWith('health and metrics') || String(l.msg).startsWith('listening on'))).toBe(false);
    b.kill('SIGINT');
    expect((await b.exited).code).toBe(0);
    expect(b.logs().some((l) => l.msg === 'shutdown complete')).toBe(true);
  });

  it('on SIGHUP keeps serving the old facts when a file is broken (logging file and field), and serves a fixed file with a new fact', async () => {
    const facts = copyFacts();
    const b = bot({ FACTS_DIR: facts.dir, LOG_LEVEL: 'info', BOT_ADAPTERS: 'console' });
    await b.waitForLog((l) => l.msg === 'ready');
    const ask = async (text: string) => {
      const before = b.stdout().length;
      const n = questionsLogged(b);
      b.child.stdin.write(text + '\n');
      await b.waitForLog(() => questionsLogged(b) === n + 1);
      // The console writes each answer in one piece, ending with a newline.
      await b.waitForOutput('\n', before);
      return b.stdout().slice(before);
    };
    const first = await ask('중국 데이터센터 몇 개?');
    expect(first).toContain('449');

    facts.write(facts.original.replace(/date: \d{4}-\d{2}-\d{2}/, 'date: yesterday'));
    b.kill('SIGHUP');
    const failure = await b.waitForLog((l) => String(l.msg).startsWith('fact reload failed'));
    expect(failure.file).toBe(facts.file);
    expect(JSON.stringify(failure.problems)).toContain('article.date');
    expect(await ask('중국 데이터센터 몇 개?')).toBe(first);

    const marker = 'ZX-QUOKKA'; // no digits: every number in a fact must be in the article
    facts.write(facts.withExtraFact(marker, 'reload marker zebra'));
    b.kill('SIGHUP');
    const success = await b.waitForLog((l) => String(l.msg).startsWith('facts reloaded'));
    expect(success.facts).toBe((success.before as number) + 1);
    expect(await ask('reload marker zebra')).toContain(marker);
    expect(await ask('중국 데이터센터 몇 개?')).toBe(first);

    b.kill('SIGTERM');
    const { code } = await b.exited;
    expect(code).toBe(0);
  });

  it('reloads by itself when a fact file changes with FACTS_WATCH=1', async () => {
    const facts = copyFacts();
    const b = bot({ FACTS_DIR: facts.dir, LOG_LEVEL: 'info', BOT_ADAPTERS: 'console', FACTS_WATCH: '1' });
    await b.waitForLog((l) => l.msg === 'watching the fact folder for changes');
    facts.write(facts.withExtraFact('W-1', 'watch marker'));
    const success = await b.waitForLog((l) => String(l.msg).startsWith('facts reloaded'));
    expect(success.trigger).toBe('file change');
    b.kill('SIGTERM');
    expect((await b.exited).code).toBe(0);
  });
});
