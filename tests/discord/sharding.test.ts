// DISCORD_SHARDS: `npm start` (src/main.ts) as the shards' manager, discord.js's own ShardingManager
// starting each shard as a process of this same program, against the fake Discord, which tells the
// shards apart by IDENTIFY's shard field and sends each guild's interactions to the shard that owns it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guildOnShard, startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../fakes/fake-discord.ts';
import { startBot, type BotProcess } from '../runtime/bot-process.ts';
import { configureDiscord, variables } from '../../adapters/discord/config.ts';

const STRING = 3;
let fake: FakeDiscord;
let bot: BotProcess;
let health: number;

beforeAll(async () => {
  // auto: the fake recommends two shards (GET /gateway/bot at DISCORD_API_BASE).
  fake = await startFakeDiscord({ heartbeatInterval: 1_000, shards: 2 });
  bot = startBot({
    DISCORD_TOKEN: 'fake-sharded-token',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_BASE: fake.apiBase,
    DISCORD_SHARDS: 'auto',
    HEALTH_PORT: '0',
    LOG_LEVEL: 'info',
  });
  health = (await bot.waitForLog((l) => String(l.msg).startsWith('health and metrics on'), 90_000)).port as number;
  await bot.waitForLog((l) => l.msg === 'ready', 90_000);
}, 120_000);

afterAll(async () => {
  bot?.kill('SIGKILL');
  await bot?.exited;
  await fake?.close();
});

const healthz = async () => {
  const res = await fetch(`http://127.0.0.1:${health}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; platforms: Record<string, { connected: boolean; parts?: Record<string, { connected: boolean }> }> } };
};

function ask(question: string, guildId: string, userId: string) {
  return fake.sendCommand({ command: 'ask', locale: 'ko', guildId, userId, options: [{ name: 'question', type: STRING, value: question }] });
}
const callbackText = (r: RecordedRequest) => JSON.stringify((r.body as { data?: unknown }).data ?? r.body);

describe('Discord with DISCORD_SHARDS', () => {
  it('starts one gateway session per shard, each identifying as its own shard', async () => {
    await fake.waitForSessions(2);
    const identified = fake.gatewayFrames.filter((f) => f.op === 2).map((f) => (f.d as { shard?: number[] }).shard);
    expect(identified).toEqual(expect.arrayContaining([[0, 2], [1, 2]]));
    expect(fake.liveShards.map((s) => s[0]).sort()).toEqual([0, 1]);
    // Each shard is a process of its own: two logins, logged by two other pids than the manager's. Each
    // shard writes its own line to the shared output, in no set order with the manager's 'ready'.
    const logins = await bot.waitForLogs((l) => l.msg === 'discord bot logged in', 2);
    expect(new Set(logins.map((l) => l.pid)).size).toBe(2);
    expect(logins.map((l) => l.pid)).not.toContain(bot.child.pid);
  });

  it('answers an /ask in a guild of each shard, from that shard', async () => {
    const onZero = ask('중국 데이터센터 몇 개야?', guildOnShard(0, 2), '1400000000000000201');
    const onOne = ask('독일 데이터센터 몇 개야?', guildOnShard(1, 2), '1400000000000000202');
    expect([onZero.shards, onOne.shards]).toEqual([[0], [1]]);
    expect(callbackText(await fake.callbackFor(onZero))).toContain('449');
    expect(callbackText(await fake.callbackFor(onOne))).toContain('521');
  });

  it('reports each shard in /healthz, and a shard that loses its gateway as not connected', async () => {
    const up = await healthz();
    expect(up.status).toBe(200);
    expect(up.body.platforms.discord?.parts).toEqual({
      'shard 0': expect.objectContaining({ connected: true }),
      'shard 1': expect.objectContaining({ connected: true }),
    });

    const metrics = await (await fetch(`http://127.0.0.1:${health}/metrics`)).text();
    expect(metrics).toContain('adapter_part_connected{platform="discord",part="shard 0"} 1');
    expect(metrics).toContain('adapter_part_connected{platform="discord",part="shard 1"} 1');

    fake.dropGateway({ refuseReconnect: true });
    const until = Date.now() + 30_000;
    let down = await healthz();
    while (down.status !== 503 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      down = await healthz();
    }
    expect(down.status).toBe(503);
    expect(Object.values(down.body.platforms.discord?.parts ?? {}).some((p) => !p.connected)).toBe(true);
    fake.restoreGateway();
    await fake.waitForSessions(2);
  });

  it('stops every shard process on SIGTERM and exits 0', async () => {
    bot.kill('SIGTERM');
    const { code } = await bot.exited;
    expect(code).toBe(0);
    expect(bot.logs().filter((l) => l.msg === 'shutdown complete').length).toBe(3);
    expect(fake.sessions).toBe(0);
  });
});

describe('DISCORD_SHARDS', () => {
  const configure = (value: string) => configureDiscord(variables.parse({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '110000000000000001', DISCORD_SHARDS: value }));
  it('is a number of shards, auto, or unset for one connection', () => {
    expect(configure('2').shards).toBe(2);
    expect(configure(' AUTO ').shards).toBe('auto');
    expect(configure('').shards).toBeUndefined();
  });
  it('names the fix for anything else', () => {
    for (const wrong of ['0', 'two', '1.5', '5000']) {
      const parsed = variables.safeParse({ DISCORD_SHARDS: wrong });
      expect(parsed.success, wrong).toBe(false);
      expect(parsed.error?.issues[0]?.message).toContain('DISCORD_SHARDS=2');
    }
  });
});
