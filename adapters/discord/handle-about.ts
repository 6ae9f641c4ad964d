// /about: the article behind the answers and how to ask, in the user's client language.
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { PlatformContext } from '../../src/index.ts';
import { localeOf, NO_MENTIONS } from './interaction-locale.ts';
import { renderAbout } from './render-about.ts';

export async function handleAbout(interaction: ChatInputCommandInteraction, ctx: PlatformContext): Promise<void> {
  const locale = localeOf(interaction);
  const embed = renderAbout({
    article: ctx.core.article(locale),
    factCount: ctx.core.factCount,
    t: (key, vars) => ctx.core.t(locale, `discord:${key}`, vars),
  });
  // A help screen: only the asker needs it, so it does not fill the channel.
  await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}
