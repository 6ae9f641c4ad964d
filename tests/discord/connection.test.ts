// Connection state for /healthz: reported on login, on a dropped gateway, and on resume.
import { expect, it } from 'vitest';
import { callbackData, startBot, type BotHarness } from './bot-harness.ts';

/** Waits (without asserting on time) until the adapter has reported a state change matching `match`. */
async function reported(bot: BotHarness, from: number, match: (s: { connected: boolean; reason?: string }) => boolean) {
  while (!bot.connection.slice(from).some(match)) await new Promise((r) => setTimeout(r, 20));
}

it('reports connected when ready, disconnected when the gateway drops, connected again after resuming', async () => {
  const bot = await startBot();
  try {
    expect(bot.connection.at(-1)).toEqual({ connected: true, reason: 'ready' });
    const before = bot.connection.length;
    bot.fake.dropGateway({ refuseReconnect: true });
    await reported(bot, before, (s) => !s.connected);
    expect(bot.connection.slice(before).every((s) => !s.connected)).toBe(true);

    const down = bot.connection.length;
    bot.fake.restoreGateway();
    await reported(bot, down, (s) => s.connected);
    expect(bot.connection.at(-1)).toEqual({ connected: true, reason: 'resumed' });
    expect(bot.fake.gatewayFrames.some((f) => f.op === 6)).toBe(true);

    // Interactions after the resume are answered as before.
    const sent = bot.fake.sendCommand({ command: 'ask', locale: 'ko', options: [{ name: 'question', type: 3, value: '중국 데이터센터는 몇 개야?' }] });
    expect(callbackData((await bot.fake.callbackFor(sent)).body).embeds?.[0]?.description).toContain('449');
  } finally {
    await bot.close();
  }
  expect(bot.connection.at(-1)).toEqual({ connected: false, reason: 'stopped' });
});

it('identifies with the Guilds intent only (no privileged intents)', async () => {
  const bot = await startBot();
  try {
    const identify = await bot.fake.waitForFrame((f) => f.op === 2);
    expect((identify.d as { intents: number }).intents).toBe(1);
  } finally {
    await bot.close();
  }
});
