// /facts [topic]: what the bot can answer, by topic with example questions, in the client's language.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { PlatformContext } from '../../../src/index.ts';
import { DISCORD_LIMITS, truncate } from '../embed-limits.ts';
import { uiLocale } from '../interaction-locale.ts';
import { renderFacts } from '../render-facts.ts';
import type { Command } from './command.ts';
import { described, everywhere } from './describe.ts';

const TOPIC = 'topic';

export const facts: Command = {
  name: 'facts',
  data(core) {
    const koTitles = new Map(core.topics('ko').map((t) => [t.id, t.title]));
    const choices = core
      .topics('en')
      .slice(0, DISCORD_LIMITS.choices)
      .map((t) => ({
        name: truncate(t.title, DISCORD_LIMITS.choiceLength),
        name_localizations: { ko: truncate(koTitles.get(t.id) ?? t.title, DISCORD_LIMITS.choiceLength) },
        value: t.id,
      }));
    return everywhere(core, 'facts').addStringOption((o) => {
      described(core, o.setName(TOPIC), 'facts.topic').setRequired(false);
      return choices.length > 0 ? o.addChoices(...choices) : o;
    });
  },
  // A help screen: only the asker needs it, so it does not fill the channel.
  ephemeral: () => true,
  execute(interaction: ChatInputCommandInteraction, ctx: PlatformContext) {
    const locale = ctx.locale('', uiLocale(interaction));
    const embed = renderFacts({
      topics: ctx.core.topics(locale),
      topicId: interaction.options.getString(TOPIC),
      article: ctx.core.article(locale),
      t: (key, vars) => ctx.core.t(locale, `discord:${key}`, vars),
    });
    return { embeds: [embed], ephemeral: true };
  },
};
