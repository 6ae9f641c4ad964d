// `npm start` (src/main.ts) as a child process with Discord configured: a configuration problem, or a
// token Discord rejects, ends the start with a message naming the variable and a non-zero exit. (Running
// and stopping with Discord: tests/runtime/both-platforms.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.ts';
import { startBot, type BotProcess } from '../runtime/bot-process.ts';

let fake: FakeDiscord | undefined;
const running: BotProcess[] = [];
afterEach(async () => {
  for (const b of running.splice(0)) b.kill('SIGKILL');
  await fake?.close();
  fake = undefined;
});

function start(env: Record<string, string>): BotProcess {
  const b = startBot({ LOG_LEVEL: 'info', ...env });
  running.push(b);
  return b;
}

describe('npm start with Discord configured', () => {
  it('exits non-zero naming DISCORD_TOKEN when Discord rejects the token', async () => {
    fake = await startFakeDiscord({ rejectToken: true });
    const b = start({ DISCORD_TOKEN: 'rejected-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_BASE: fake.apiBase });
    const { code } = await b.exited;
    expect(code).not.toBe(0);
    expect(b.stderr()).toContain('DISCORD_TOKEN');
    expect(b.stderr()).toContain('401');
    expect(b.output()).not.toContain('rejected-token');
    expect(fake.requests.some((r) => r.path === '/gateway/bot' && r.status === 401)).toBe(true);
  });

  it('exits non-zero naming DISCORD_APPLICATION_ID when it is missing, before connecting', async () => {
    fake = await startFakeDiscord();
    const b = start({ DISCORD_TOKEN: 'some-token', DISCORD_APPLICATION_ID: '', DISCORD_API_BASE: fake.apiBase });
    const { code } = await b.exited;
    expect(code).not.toBe(0);
    expect(b.stderr()).toContain('DISCORD_APPLICATION_ID');
    expect(fake.requests).toHaveLength(0);
  });
});
