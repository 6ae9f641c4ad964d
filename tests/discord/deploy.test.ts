// `npm run discord:deploy` against the fake REST API (DISCORD_API_BASE): the script itself as a child
// process once, and the rest of its behaviour through the function it runs (deployCommands).
import { afterEach, describe, expect, it } from 'vitest';
import { deployCommands } from '../../adapters/discord/deploy-commands.ts';
import { testCore } from '../helpers/test-context.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.ts';
import { runChild } from './run-child.ts';

const GUILD = '1000000000000000042';
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

interface Command {
  name: string;
  name_localizations?: { ko?: string };
  description: string;
  description_localizations?: { ko?: string };
  contexts?: number[];
  options?: { name: string; name_localizations?: { ko?: string }; description_localizations?: { ko?: string }; autocomplete?: boolean; required?: boolean }[];
}

const npmDeploy = (env: Record<string, string>) => runChild('npm', ['run', '--silent', 'discord:deploy'], env);
const deploy = async (env: Record<string, string>) => {
  const { code, message } = await deployCommands(env, testCore());
  return { code, stdout: code === 0 ? message : '', stderr: code === 0 ? '' : message };
};

describe('npm run discord:deploy', () => {
  it('registers /ask, /chart, /facts and /about with Korean localisations to DISCORD_GUILD_ID (the npm script)', async () => {
    fake = await startFakeDiscord();
    const result = await npmDeploy({ DISCORD_TOKEN: 'deploy-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: GUILD, DISCORD_API_BASE: fake.apiBase });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('/ask, /chart, /facts, /about');

    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    const put = puts[0]!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${GUILD}/commands`);
    expect(put.headers.authorization).toBe('Bot deploy-token');
    const commands = put.body as Command[];
    expect(commands.map((c) => c.name)).toEqual(['ask', 'chart', 'facts', 'about']);
    expect(commands.map((c) => c.name_localizations?.ko)).toEqual(['질문', '도표', '수치', '소개']);
    for (const c of commands) {
      expect(c.description_localizations?.ko).toMatch(/[가-힣]/);
      expect(c.contexts).toEqual([0, 1, 2]);
    }
    const ask = commands[0]!;
    expect(ask.options?.map((o) => [o.name, o.name_localizations?.ko])).toEqual([
      ['question', '내용'],
      ['private', '비공개'],
    ]);
    expect(ask.options?.[0]).toMatchObject({ autocomplete: true, required: true });
    expect(commands[1]!.options?.[0]?.name).toBe('chart');
    expect(commands[2]!.options?.[0]?.name).toBe('topic');
  });

  it('registers globally when DISCORD_GUILD_ID is empty', async () => {
    fake = await startFakeDiscord();
    const result = await deploy({ DISCORD_TOKEN: 'deploy-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: '', DISCORD_API_BASE: fake.apiBase });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('globally');
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/applications/${fake.applicationId}/commands`);
  });

  it('names the missing variable and sends nothing when DISCORD_APPLICATION_ID is not set', async () => {
    fake = await startFakeDiscord();
    const result = await deploy({ DISCORD_TOKEN: 'deploy-token', DISCORD_APPLICATION_ID: '', DISCORD_GUILD_ID: '', DISCORD_API_BASE: fake.apiBase });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('DISCORD_APPLICATION_ID');
    expect(fake.requests).toHaveLength(0);
  });

  it('names DISCORD_TOKEN when Discord rejects the token', async () => {
    fake = await startFakeDiscord({ rejectToken: true });
    const result = await deploy({ DISCORD_TOKEN: 'bad-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: GUILD, DISCORD_API_BASE: fake.apiBase });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('DISCORD_TOKEN');
    expect(result.stderr).not.toContain('bad-token');
  });
});
