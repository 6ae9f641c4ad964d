// /chart chart:<choice>: one of the article's charts as a picture, in the client's language, with
// every figure as text above it. The choices are the fact file's charts, captioned in English with
// Korean localisations (registered by `npm run discord:deploy`, like /facts' topics).
import type { ChatInputCommandInteraction } from 'discord.js';
import type { PlatformContext } from '../../../src/index.ts';
import { DISCORD_LIMITS, truncate } from '../embed-limits.ts';
import { uiLocale } from '../interaction-locale.ts';
import { renderChart, withChart } from '../render-chart.ts';
import type { Command } from './command.ts';
import { described, everywhere } from './describe.ts';

export const CHART_OPTION = 'chart';

export const chart: Command = {
  name: 'chart',
  data(core) {
    const choices = core
      .charts()
      .charts.slice(0, DISCORD_LIMITS.choices)
      .map((c) => ({
        name: truncate(c.caption.en, DISCORD_LIMITS.choiceLength),
        name_localizations: { ko: truncate(c.caption.ko, DISCORD_LIMITS.choiceLength) },
        value: c.id,
      }));
    return everywhere(core, 'chart').addStringOption((o) => {
      described(core, o.setName(CHART_OPTION), 'chart.chart').setRequired(true);
      return choices.length > 0 ? o.addChoices(...choices) : o;
    });
  },
  // A picture to look at together: in the channel, like an /ask answer.
  ephemeral: () => false,
  execute(interaction: ChatInputCommandInteraction, ctx: PlatformContext) {
    const locale = ctx.locale('', uiLocale(interaction));
    const view = ctx.charts.view(interaction.options.getString(CHART_OPTION, true), locale);
    // A choice from an older registration whose chart the fact file no longer has.
    if (!view) return { content: ctx.core.t(locale, 'discord:chart.unknown'), ephemeral: true };
    return withChart({ embeds: [renderChart(view)] }, view, ctx.charts);
  },
};
