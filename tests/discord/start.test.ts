// `npm start` (src/main.ts) as a child process: the Discord adapter starts when DISCORD_TOKEN is set,
// and a configuration problem ends the start with a message naming the variable and a non-zero exit.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.ts';
import { runChild } from './run-child.ts';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const start = (env: Record<string, string>) => runChild('npx', ['tsx', 'src/main.ts'], env);

describe('npm start with Discord configured', () => {
  it('exits non-zero naming DISCORD_TOKEN when Discord rejects the token', async () => {
    fake = await startFakeDiscord({ rejectToken: true });
    const result = await start({ DISCORD_TOKEN: 'rejected-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_BASE: fake.apiBase });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('DISCORD_TOKEN');
    expect(result.stderr).toContain('401');
    expect(result.stdout + result.stderr).not.toContain('rejected-token');
    expect(fake.requests.some((r) => r.path === '/gateway/bot' && r.status === 401)).toBe(true);
  });

  it('exits non-zero naming DISCORD_APPLICATION_ID when it is missing, before connecting', async () => {
    fake = await startFakeDiscord();
    const result = await start({ DISCORD_TOKEN: 'some-token', DISCORD_APPLICATION_ID: '', DISCORD_API_BASE: fake.apiBase });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('DISCORD_APPLICATION_ID');
    expect(fake.requests).toHaveLength(0);
  });
});
