// A handler error never leaves an interaction unanswered and never stops the bot: the user gets a
// short private error in their language, the log gets the stack (without the interaction token).
import { describe, expect, it } from 'vitest';
import { callbackData, EPHEMERAL, startBot } from './bot-harness.ts';

const question = (value: string) => [{ name: 'question', type: 3, value }];

describe('handler errors', () => {
  it('answers the user with a private error in the language of the question when handling throws, and keeps answering', async () => {
    const bot = await startBot({
      handle: (q, core) => {
        if (q.text.includes('boom')) throw new Error('matcher exploded');
        return core.ask(q);
      },
    });
    try {
      // The question's language decides, whatever the client's: a Korean question from an English client.
      const ko = bot.fake.sendCommand({ command: 'ask', locale: 'en-US', options: question('중국 데이터센터 boom 몇 개야?') });
      const koMessage = callbackData((await bot.fake.callbackFor(ko)).body);
      expect((koMessage.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(koMessage.content).toBe(bot.ctx.core.t('ko', 'discord:error.generic'));
      expect(koMessage.allowed_mentions).toEqual({ parse: [] });

      const en = bot.fake.sendCommand({ command: 'ask', locale: 'ko', options: question('How many boom data centres?') });
      expect(callbackData((await bot.fake.callbackFor(en)).body).content).toBe(bot.ctx.core.t('en', 'discord:error.generic'));

      const failure = bot.logs.find((l) => l.msg === 'discord interaction failed');
      const err = failure?.err as { stack?: string } | undefined;
      expect(err?.stack).toContain('matcher exploded');
      expect(err?.stack).toContain('handle');

      // The bot is still up and answers the next question.
      const next = bot.fake.sendCommand({ command: 'ask', locale: 'ko', options: question('중국 데이터센터는 몇 개야?') });
      expect(callbackData((await bot.fake.callbackFor(next)).body).embeds?.[0]?.description).toContain('449');
    } finally {
      await bot.close();
    }
  });

  it('still answers when Discord refuses the reply itself, and keeps tokens out of the log', async () => {
    const bot = await startBot();
    try {
      bot.fake.failNext((r) => r.path.endsWith('/callback'));
      const sent = bot.fake.sendCommand({ command: 'ask', locale: 'en-US', options: question('How many data centres does China have?') });
      const retry = await bot.fake.waitFor((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback` && r.status === 204);
      expect(callbackData(retry.body).content).toBe(bot.ctx.core.t('en', 'discord:error.generic'));
      const logged = JSON.stringify(bot.logs);
      expect(logged).toContain('discord refused the answer');
      expect(logged).not.toContain(sent.token);
    } finally {
      await bot.close();
    }
  });
});
