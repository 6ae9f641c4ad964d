// `npm start` as a child process in terminal-chat mode: the piped chat, configuration errors, a broken
// fact base, health and metrics on HEALTH_PORT. (Reloads and signals: process-reload.test.ts.)
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

async function portOf(b: BotProcess): Promise<number> {
  const line = await b.waitForLog((l) => typeof l.port === 'number' && String(l.msg).startsWith('health and metrics on'));
  return line.port as number;
}

const questionsLogged = (b: BotProcess) => b.logs().filter((l) => l.msg === 'question').length;

describe('npm start in the terminal', () => {
  it('answers each piped line and exits 0, with no log lines in the chat output', async () => {
    const b = bot({});
    b.child.stdin.end('중국 데이터센터 몇 개?\nHow many large data centres does China have?\n');
    const { code } = await b.exited;
    expect(code).toBe(0);
    expect(b.stdout()).toContain('449');
    expect(b.stdout()).not.toContain('{"level"');
    // Logs go to stderr, and only warnings by default in the terminal.
    expect(b.stderr()).toBe('');
  });

  it('exits non-zero naming each malformed variable and its fix', async () => {
    const b = bot({ PORT: 'eighty', RATE_LIMIT_MAX: '-1' });
    b.child.stdin.end();
    const { code } = await b.exited;
    expect(code).not.toBe(0);
    expect(b.stderr()).toContain('PORT: must be a port number');
    expect(b.stderr()).toContain('RATE_LIMIT_MAX: must be a whole number');
  });

  it('exits non-zero when BOT_ADAPTERS names a platform that does not exist', async () => {
    const b = bot({ BOT_ADAPTERS: 'console,telegram' });
    b.child.stdin.end();
    expect((await b.exited).code).not.toBe(0);
    expect(b.stderr()).toMatch(/BOT_ADAPTERS: no platform named "telegram" \(available: .*console/);
  });

  it('refuses to start on a broken fact base, naming the file and field', async () => {
    const facts = copyFacts();
    facts.write(facts.original.replace(/date: \d{4}-\d{2}-\d{2}/, 'date: yesterday'));
    const b = bot({ FACTS_DIR: facts.dir });
    b.child.stdin.end('질문\n');
    expect((await b.exited).code).not.toBe(0);
    expect(b.stderr()).toContain(facts.file);
    expect(b.stderr()).toContain('article.date');
  });

  it('serves /healthz and /metrics on HEALTH_PORT, counting the questions asked', async () => {
    const b = bot({ HEALTH_PORT: '0', LOG_LEVEL: 'info' });
    const port = await portOf(b);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', platforms: { console: { connected: true } } });
    b.child.stdin.write('중국 데이터센터 몇 개?\n');
    b.child.stdin.write('How many large data centres does China have?\n');
    await b.waitForLog(() => questionsLogged(b) === 2);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/questions_total\{platform="console",locale="ko",outcome="\w+"\} 1/);
    expect(metrics).toMatch(/questions_total\{platform="console",locale="en",outcome="\w+"\} 1/);
    expect(metrics).toContain('adapter_connected{platform="console"} 1');
    expect(metrics).toMatch(/answer_latency_seconds_bucket/);
    expect((await fetch(`http://127.0.0.1:${port}/nothing`)).status).toBe(404);
    b.kill('SIGTERM');
    expect((await b.exited).code).toBe(0);
  });

  it('never writes a configured secret to its output, even when the configuration is rejected', async () => {
    const secrets = {
      SLACK_BOT_TOKEN: 'xoxb-111-222-SECRETslackBOTtoken',
      DISCORD_TOKEN: 'MTIz.SECRET-discord-token.abc',
      SLACK_APP_TOKEN: 'not-an-app-token-SECRET-xyz',
    };
    const b = bot({ ...secrets, LOG_LEVEL: 'trace', DISCORD_API_BASE: 'http://127.0.0.1:9/' });
    b.child.stdin.end();
    const { code } = await b.exited;
    // It ran, checked both platforms' configuration and said what is wrong with each, at once...
    expect(code).toBe(1);
    expect(b.stderr()).toContain('DISCORD_APPLICATION_ID: DISCORD_APPLICATION_ID is not set');
    expect(b.stderr()).toContain('SLACK_APP_TOKEN: SLACK_APP_TOKEN must be an app-level token');
    // ...without printing any of them.
    for (const secret of Object.values(secrets)) expect(b.output()).not.toContain(secret);
  });
});
