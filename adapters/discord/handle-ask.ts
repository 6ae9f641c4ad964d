// /ask question:<text> [private:<bool>]: one question through ctx.handle, one embed back.
// The core answers in microseconds, so the reply goes out directly (no defer, one request).
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { PlatformContext } from '../../src/index.ts';
import { OPTION } from './commands.ts';
import { localeOf, NO_MENTIONS, silentLimitText } from './interaction-locale.ts';
import { renderAnswer } from './render-answer.ts';

export async function handleAsk(interaction: ChatInputCommandInteraction, ctx: PlatformContext): Promise<void> {
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
  if (!answer) {
    // Over the rate limit and already told once: Discord still needs an answer, so a quiet private one.
    await interaction.reply({ content: silentLimitText(ctx.core, hint), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  if (answer.notice === 'rate-limited') {
    await interaction.reply({ content: answer.body, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  const embed = renderAnswer(answer, {
    question: text,
    article: ctx.core.article(answer.locale),
    t: (key, vars) => ctx.core.t(answer.locale, `discord:${key}`, vars),
  });
  // Notices (empty or over-long question) concern only the asker.
  const ephemeral = isPrivate || answer.notice !== undefined;
  await interaction.reply({
    embeds: [embed],
    allowedMentions: NO_MENTIONS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  });
}
