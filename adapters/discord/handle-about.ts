// /about: the article behind the answers and how to ask, in the user's client language.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { PlatformContext } from '../../src/index.ts';
import { localeOf } from './interaction-locale.ts';
import { renderAbout } from './render-about.ts';
import type { Reply } from './respond.ts';

export function handleAbout(interaction: ChatInputCommandInteraction, ctx: PlatformContext): Reply {
  const locale = localeOf(interaction);
  const embed = renderAbout({
    article: ctx.core.article(locale),
    factCount: ctx.core.factCount,
    t: (key, vars) => ctx.core.t(locale, `discord:${key}`, vars),
  });
  // A help screen: only the asker needs it, so it does not fill the channel.
  return { embeds: [embed], ephemeral: true };
}
