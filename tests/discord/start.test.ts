// `npm start` (src/main.ts) as a child process with Discord configured: it starts and stops cleanly, and
// a configuration problem ends the start with a message naming the variable and a non-zero exit.
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
  it('connects, reports healthy on HEALTH_PORT, and exits 0 on SIGTERM without printing the token', async () => {
    fake = await startFakeDiscord();
    const token = 'MTEy.fake-SECRET-discord-only.c4';
    const b = start({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_BASE: fake.apiBase, HEALTH_PORT: '0' });
    const port = (await b.waitForLog((l) => String(l.msg).startsWith('health and metrics on'), 60_000)).port as number;
    await b.waitForLog((l) => l.msg === 'platform connected');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain('adapter_connected{platform="discord"} 1');
    b.kill('SIGTERM');
    expect((await b.exited).code).toBe(0);
    expect(b.output()).not.toContain(token);
  });

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
