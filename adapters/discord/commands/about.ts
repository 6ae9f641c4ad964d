// /about: the article behind the answers and how to ask, in the client's language.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { PlatformContext } from '../../../src/index.ts';
import { uiLocale } from '../interaction-locale.ts';
import { renderAbout } from '../render-about.ts';
import type { Command } from './command.ts';
import { everywhere } from './describe.ts';

export const about: Command = {
  name: 'about',
  data: (core) => everywhere(core, 'about'),
  // A help screen: only the asker needs it, so it does not fill the channel.
  ephemeral: () => true,
  execute(interaction: ChatInputCommandInteraction, ctx: PlatformContext) {
    const locale = ctx.locale('', uiLocale(interaction));
    const embed = renderAbout({
      article: ctx.core.article(locale),
      factCount: ctx.core.factCount,
      t: (key, vars) => ctx.core.t(locale, `discord:${key}`, vars),
    });
    return { embeds: [embed], ephemeral: true };
  },
};
