// /ask question:<text> [private:<bool>]: one question through ctx.handle, one embed back, and when the
// answer's figure comes from a chart, that chart attached after the text (its asked item highlighted);
// "차트 보여줘" / "show the chart" answers with the chart itself. While the question is typed,
// answerable questions close to it are offered (autocomplete).
import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { errorForLog, type PlatformContext } from '../../../src/index.ts';
import { DISCORD_LIMITS, truncate } from '../embed-limits.ts';
import { uiLocale } from '../interaction-locale.ts';
import { feedbackRow } from '../feedback.ts';
import { renderAnswer } from '../render-answer.ts';
import { renderChart, renderChartChoices, withChart } from '../render-chart.ts';
import type { Command } from './command.ts';
import { described, everywhere } from './describe.ts';

export const OPTION = { question: 'question', private: 'private' } as const;

export const ask: Command = {
  name: 'ask',
  data: (core) =>
    everywhere(core, 'ask')
      .addStringOption((o) => described(core, o.setName(OPTION.question), 'ask.question').setRequired(true).setAutocomplete(true).setMaxLength(DISCORD_LIMITS.optionLength))
      .addBooleanOption((o) => described(core, o.setName(OPTION.private), 'ask.private').setRequired(false)),

  ephemeral: (interaction) => interaction.options.getBoolean(OPTION.private) ?? false,

  async execute(interaction: ChatInputCommandInteraction, ctx: PlatformContext) {
    const text = interaction.options.getString(OPTION.question, true);
    const ui = uiLocale(interaction);
    const answer = await ctx.handle({
      text,
      ...(ui ? { locale: ui } : {}),
      userId: interaction.user.id,
      ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
      // One conversation per person per channel: "그럼 미국은?" follows that person's last /ask there.
      conversation: `${interaction.channelId ?? 'dm'}:${interaction.user.id}`,
      platform: 'discord',
    });
    // Over the rate limit and already told once: Discord still needs an answer, so a quiet private one.
    if (!answer) return { content: ctx.core.t(ctx.locale(text, ui), 'runtime:limit.silent'), ephemeral: true };
    if (answer.notice === 'rate-limited') return { content: answer.body, ephemeral: true };
    const ephemeral = ask.ephemeral(interaction);
    const request = ctx.charts.forRequest(text, answer);
    if (request && 'view' in request) return withChart({ embeds: [renderChart(request.view)], ephemeral }, request.view, ctx.charts);
    if (request) {
      const hint = ctx.core.t(request.locale, 'charts:choose', { count: request.choices.length, example: ctx.core.t(request.locale, 'charts:chooseExample') });
      return { embeds: [renderChartChoices(request.choices, hint)], ephemeral: true };
    }
    const embed = renderAnswer(answer, {
      question: text,
      article: ctx.core.article(answer.locale),
      t: (key, vars) => ctx.core.t(answer.locale, `discord:${key}`, vars),
    });
    const components = feedbackRow(answer, ctx.core.t);
    // Notices (empty or over-long question) concern only the asker.
    const reply = { embeds: [embed], ...(components.length > 0 ? { components } : {}), ephemeral: ephemeral || answer.notice !== undefined };
    const view = ctx.charts.forAnswer(answer);
    return view ? withChart(reply, view, ctx.charts) : reply;
  },

  autocomplete(interaction: AutocompleteInteraction, ctx: PlatformContext) {
    try {
      const focused = interaction.options.getFocused(true);
      if (focused.name !== OPTION.question) return [];
      const partial = String(focused.value ?? '');
      // Suggest in the language being typed; with nothing typed yet, in the client's language.
      return toChoices(ctx.core.suggest(partial, ctx.locale(partial, uiLocale(interaction)), DISCORD_LIMITS.choices));
    } catch (err) {
      // No choices rather than an error: the user can still type their own question.
      ctx.logger.warn({ err: errorForLog(err), command: interaction.commandName }, 'discord autocomplete failed; offering no choices');
      return [];
    }
  },
};

/** Suggestions as choices: at most 25, name and value at most 100 characters, no duplicate values. */
export function toChoices(suggestions: string[]): ApplicationCommandOptionChoiceData<string>[] {
  const seen = new Set<string>();
  const out: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const s of suggestions) {
    const value = truncate(s.trim(), DISCORD_LIMITS.choiceLength);
    if (!value || seen.has(value)) continue;
    seen.add(value);
    out.push({ name: value, value });
    if (out.length === DISCORD_LIMITS.choices) break;
  }
  return out;
}
