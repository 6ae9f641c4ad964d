// A handler error never leaves an interaction unanswered and never stops the bot: the user gets a
// short private error in their language, the log gets the stack (without the interaction token).
import { describe, expect, it } from 'vitest';
import { dispatchInteraction } from '../../adapters/discord/dispatch-interaction.ts';
import { callbackData, EPHEMERAL, makeContext, startBot } from './bot-harness.ts';

const question = (value: string) => [{ name: 'question', type: 3, value }];

describe('handler errors', () => {
  it('answers the user with a private error in their language when handling throws, and keeps answering', async () => {
    const bot = await startBot({
      handle: (q, core) => {
        if (q.text.includes('boom')) throw new Error('matcher exploded');
        return core.ask(q);
      },
    });
    try {
      const ko = bot.fake.sendCommand({ command: 'ask', locale: 'ko', options: question('boom') });
      const koMessage = callbackData((await bot.fake.callbackFor(ko)).body);
      expect((koMessage.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(koMessage.content).toBe(bot.ctx.core.t('ko', 'discord:error.generic'));
      expect(koMessage.allowed_mentions).toEqual({ parse: [] });

      const en = bot.fake.sendCommand({ command: 'ask', locale: 'en-GB', options: question('boom') });
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
      expect(logged).toContain('discord interaction failed');
      expect(logged).not.toContain(sent.token);
    } finally {
      await bot.close();
    }
  });

  it('follows up instead of replying when the error comes after the reply', async () => {
    // An interaction that was already answered and whose handler then fails: a second reply would be
    // rejected by Discord ("already replied"), so the error must go out as a follow-up.
    const { ctx } = makeContext();
    const sent: string[] = [];
    const interaction = {
      id: '1',
      commandName: 'ask',
      locale: 'ko',
      guildLocale: null,
      replied: true,
      deferred: false,
      isAutocomplete: () => false,
      isChatInputCommand: () => true,
      isRepliable: () => true,
      options: {
        getString: () => {
          throw new Error('options unreadable');
        },
      },
      reply: async () => sent.push('reply'),
      followUp: async (m: { content: string }) => sent.push(`followUp:${m.content}`),
    };
    await dispatchInteraction(interaction as never, ctx);
    expect(sent).toEqual([`followUp:${ctx.core.t('ko', 'discord:error.generic')}`]);
  });

  it('never rejects, even when telling the user fails too', async () => {
    const { ctx, logs } = makeContext({ handle: () => { throw new Error('first'); } });
    const interaction = {
      id: '2',
      commandName: 'ask',
      locale: 'en-US',
      guildLocale: null,
      replied: false,
      deferred: false,
      user: { id: '9' },
      channelId: '8',
      isAutocomplete: () => false,
      isChatInputCommand: () => true,
      isRepliable: () => true,
      options: { getString: () => 'q', getBoolean: () => null },
      reply: async () => {
        throw new Error('Unknown interaction');
      },
    };
    await expect(dispatchInteraction(interaction as never, ctx)).resolves.toBeUndefined();
    expect(logs.map((l) => l.msg)).toEqual(['discord interaction failed', 'discord: could not tell the user about an error']);
  });
});
