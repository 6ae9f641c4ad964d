// /ask question:<text> [private:<bool>]: one question through ctx.handle, one embed back.
// The core answers in microseconds, so the reply is usually the first response (respond.ts).
import type { ChatInputCommandInteraction } from 'discord.js';
import type { PlatformContext } from '../../src/index.ts';
import { OPTION } from './commands.ts';
import { localeOf, silentLimitText } from './interaction-locale.ts';
import { renderAnswer } from './render-answer.ts';
import type { Reply } from './respond.ts';

export async function handleAsk(interaction: ChatInputCommandInteraction, ctx: PlatformContext): Promise<Reply> {
  const text = interaction.options.getString(OPTION.question, true);
  const isPrivate = interaction.options.getBoolean(OPTION.private) ?? false;
  const hint = localeOf(interaction);
  const answer = await ctx.handle({
    text,
    locale: hint,
    userId: interaction.user.id,
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    // One conversation per person per channel: "그럼 미국은?" follows that person's last /ask there.
    conversation: `${interaction.channelId ?? 'dm'}:${interaction.user.id}`,
    platform: 'discord',
  });
  // Over the rate limit and already told once: Discord still needs an answer, so a quiet private one.
  if (!answer) return { content: silentLimitText(ctx.core, hint), ephemeral: true };
  if (answer.notice === 'rate-limited') return { content: answer.body, ephemeral: true };
  const embed = renderAnswer(answer, {
    question: text,
    article: ctx.core.article(answer.locale),
    t: (key, vars) => ctx.core.t(answer.locale, `discord:${key}`, vars),
  });
  // Notices (empty or over-long question) concern only the asker.
  return { embeds: [embed], ephemeral: isPrivate || answer.notice !== undefined };
}
