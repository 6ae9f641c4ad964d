// /facts [topic]: what the bot can answer, in the user's client language.
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { PlatformContext } from '../../src/index.ts';
import { OPTION } from './commands.ts';
import { localeOf, NO_MENTIONS } from './interaction-locale.ts';
import { renderFacts } from './render-facts.ts';

export async function handleFacts(interaction: ChatInputCommandInteraction, ctx: PlatformContext): Promise<void> {
  const locale = localeOf(interaction);
  const embed = renderFacts({
    topics: ctx.core.topics(locale),
    topicId: interaction.options.getString(OPTION.topic),
    article: ctx.core.article(locale),
    t: (key, vars) => ctx.core.t(locale, `discord:${key}`, vars),
  });
  // A help screen: only the asker needs it, so it does not fill the channel.
  await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}
