// /facts [topic]: what the bot can answer, in the user's client language.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { PlatformContext } from '../../src/index.ts';
import { OPTION } from './commands.ts';
import { localeOf } from './interaction-locale.ts';
import { renderFacts } from './render-facts.ts';
import type { Reply } from './respond.ts';

export function handleFacts(interaction: ChatInputCommandInteraction, ctx: PlatformContext): Reply {
  const locale = localeOf(interaction);
  const embed = renderFacts({
    topics: ctx.core.topics(locale),
    topicId: interaction.options.getString(OPTION.topic),
    article: ctx.core.article(locale),
    t: (key, vars) => ctx.core.t(locale, `discord:${key}`, vars),
  });
  // A help screen: only the asker needs it, so it does not fill the channel.
  return { embeds: [embed], ephemeral: true };
}
