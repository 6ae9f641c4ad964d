// Discord's API failing under the bot: the first response must land within Discord's 3 s window or not
// at all, retries wait between attempts, and an acknowledged (deferred) answer is delivered through the
// webhook. The real discord.js client against the fake Discord, which fails requests on demand.
import { describe, expect, it } from 'vitest';
import type { RecordedRequest, SentInteraction } from '../fakes/fake-discord.ts';
import { startBot, type BotHarness } from './bot-harness.ts';

const ask = (bot: BotHarness, text: string) => bot.fake.sendCommand({ command: 'ask', locale: 'ko', options: [{ name: 'question', type: 3, value: text }] });
const isCallback = (sent: SentInteraction) => (r: RecordedRequest) => r.path === `/interactions/${sent.id}/${sent.token}/callback`;
const isEdit = (sent: SentInteraction) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.endsWith(`/${sent.token}/messages/@original`);
const typeOf = (r: RecordedRequest) => (r.body as { type?: number }).type;

async function withBot(options: Parameters<typeof startBot>[0], run: (bot: BotHarness) => Promise<void>) {
  const bot = await startBot(options);
  try {
    await run(bot);
  } finally {
    await bot.close();
  }
}

describe('Discord answers under API faults', () => {
  it('after a 500 on the answer, waits, acknowledges with a deferral and delivers the answer through the webhook', () =>
    withBot({}, async (bot) => {
      const sent = ask(bot, '중국 데이터센터 몇 개야?');
      bot.fake.failNext(isCallback(sent), { status: 500 });
      const edit = await bot.fake.waitFor(isEdit(sent));
      const callbacks = bot.fake.requests.filter(isCallback(sent));
      expect(callbacks.map((r) => [r.status, typeOf(r)])).toEqual([
        [500, 4],
        [204, 5],
      ]);
      // A backoff between the two, not an immediate burst.
      expect(callbacks[1]!.at - callbacks[0]!.at).toBeGreaterThanOrEqual(100);
      expect(JSON.stringify(edit.body)).toContain('449');
      expect((edit.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    }));

  it('gives up after a few spaced attempts when the callback keeps failing, and logs it', () =>
    withBot({}, async (bot) => {
      const sent = ask(bot, '중국 데이터센터 몇 개야?');
      bot.fake.failNext(isCallback(sent), { status: 500, times: 50 });
      await waitForLog(bot, 'discord: could not acknowledge the interaction within 3 s');
      const callbacks = bot.fake.requests.filter(isCallback(sent));
      expect(callbacks.length).toBeGreaterThanOrEqual(2);
      expect(callbacks.length).toBeLessThanOrEqual(5);
      for (let i = 1; i < callbacks.length; i++) expect(callbacks[i]!.at - callbacks[i - 1]!.at).toBeGreaterThanOrEqual(100);
      expect(bot.fake.requests.some(isEdit(sent))).toBe(false);
    }));

  it('honours a short 429 on the first response and still acknowledges in time', () =>
    withBot({}, async (bot) => {
      const sent = ask(bot, 'How many data centres does China have?');
      bot.fake.failNext(isCallback(sent), { status: 429, retryAfterS: 0.3 });
      const edit = await bot.fake.waitFor(isEdit(sent));
      const callbacks = bot.fake.requests.filter(isCallback(sent));
      expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
      expect(callbacks[1]!.at - callbacks[0]!.at).toBeGreaterThanOrEqual(250);
      expect(JSON.stringify(edit.body)).toContain('449');
    }));

  it('never responds past the 3 s window under a persistent 429: one attempt, then a log line', () =>
    withBot({}, async (bot) => {
      const sent = ask(bot, 'How many data centres does China have?');
      bot.fake.failNext(isCallback(sent), { status: 429, retryAfterS: 5, times: 10 });
      await waitForLog(bot, 'discord: could not acknowledge the interaction within 3 s');
      expect(bot.fake.requests.filter(isCallback(sent))).toHaveLength(1);
      expect(bot.fake.requests.some(isEdit(sent))).toBe(false);
    }));

  it('defers an answer that is slow to come, then edits it in, waiting out a 429 on the webhook', () =>
    withBot(
      {
        handle: async (q, _core, runtime) => {
          await new Promise((resolve) => setTimeout(resolve, 1_300)); // a slow conversation store, say
          return runtime(q);
        },
      },
      async (bot) => {
        const sent = ask(bot, '중국 데이터센터 몇 개야?');
        bot.fake.failNext(isEdit(sent), { status: 429, retryAfterS: 0.2 });
        const deferral = await bot.fake.callbackFor(sent);
        expect(typeOf(deferral)).toBe(5);
        await bot.fake.waitFor((r) => isEdit(sent)(r) && r.status === 200);
        const edits = bot.fake.requests.filter(isEdit(sent));
        expect(edits.map((r) => r.status)).toEqual([429, 200]);
        expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(150);
        expect(JSON.stringify(edits[1]!.body)).toContain('449');
      },
    ));
});

async function waitForLog(bot: BotHarness, msg: string): Promise<void> {
  while (!bot.logs.some((l) => l.msg === msg)) await new Promise((resolve) => setTimeout(resolve, 20));
}
