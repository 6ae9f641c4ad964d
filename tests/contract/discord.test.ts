// The contract for Discord: /ask through the real discord.js client and the fake Discord; what the user
// sees is the interaction's first response (or the deferred answer edited in).
import { createHash } from 'node:crypto';
import type { Locale } from '../../src/index.ts';
import type { RecordedRequest } from '../fakes/fake-discord.ts';
import { callbackData, embedText, EPHEMERAL, startBot, testCore, type CallbackMessage } from '../discord/bot-harness.ts';
import { adapterContract } from './contract.ts';

/** A stable snowflake-like user id for a test's user name. */
const userId = (user: string) => String(BigInt('0x' + createHash('sha256').update(user).digest('hex').slice(0, 12)) + 100_000_000_000_000_000n);

adapterContract({
  platform: 'discord',
  rateLimited: true,
  bots: 'slash commands come only from people: Discord sends no interaction for a bot',
  errorText: (locale: Locale) => testCore().t(locale, 'discord:error.generic'),
  async start({ ui, handle, rateLimit }) {
    const bot = await startBot({ ...(handle ? { handle } : {}), ...(rateLimit ? { rateLimit } : {}) });
    const silent = (locale: Locale) => bot.ctx.core.t(locale, 'runtime:limit.silent');
    return {
      logs: bot.logs,
      async ask(text, user = 'someone') {
        const sent = bot.fake.sendCommand({ command: 'ask', locale: ui === 'ko' ? 'ko' : 'en-US', userId: userId(user), options: [{ name: 'question', type: 3, value: text }] });
        const first = await bot.fake.callbackFor(sent);
        let message: CallbackMessage = callbackData(first.body);
        if ((first.body as { type?: number }).type === 5) {
          const edit = await bot.fake.waitFor((r: RecordedRequest) => r.method === 'PATCH' && r.path.endsWith(`/${sent.token}/messages/@original`));
          message = edit.body as CallbackMessage;
        }
        const all = [message.content ?? '', embedText(message)].join('\n');
        const mentions = message.allowed_mentions;
        // Discord notifies only what allowed_mentions allows: the bot always sends parse: [] and no ids.
        const liveMention = !mentions || (mentions.parse?.length ?? 0) > 0 || (mentions.users?.length ?? 0) > 0 || (mentions.roles?.length ?? 0) > 0;
        const quiet = ((message.flags ?? 0) & EPHEMERAL) === EPHEMERAL && (message.content === silent('ko') || message.content === silent('en'));
        return { body: message.embeds?.[0]?.description ?? message.content ?? '', all, liveMention, ...(quiet ? { quiet } : {}) };
      },
      close: () => bot.close(),
    };
  },
});
