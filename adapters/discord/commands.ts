// The slash commands, defined once: the runtime dispatches on these names and `npm run discord:deploy`
// registers exactly this JSON. Descriptions and Korean names come from locales/<lang>/discord.json;
// the default (English) names are constants because Discord always sends the default name.
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Core, Locale } from '../../src/index.ts';
import { CHOICE_LIMIT, truncate } from './embed-limits.ts';

export const COMMAND = { ask: 'ask', facts: 'facts', about: 'about' } as const;
export const OPTION = { question: 'question', private: 'private', topic: 'topic' } as const;

/** Discord allows 25 choices per option. */
const MAX_CHOICES = 25;
/** Command and option descriptions are at most 100 characters. */
const DESCRIPTION_LIMIT = 100;

export function buildCommands(core: Pick<Core, 't' | 'topics'>): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const text = (locale: Locale, key: string) => truncate(core.t(locale, `discord:commands.${key}`), DESCRIPTION_LIMIT);
  const described = <B extends { setDescription(d: string): B; setDescriptionLocalizations(m: Record<string, string>): B; setNameLocalizations(m: Record<string, string>): B }>(
    builder: B,
    key: string,
  ): B =>
    builder
      .setDescription(text('en', `${key}.description`))
      .setDescriptionLocalizations({ ko: text('ko', `${key}.description`) })
      .setNameLocalizations({ ko: core.t('ko', `discord:commands.${key}.name`) });
  // Servers, DMs with the bot and (for user installs) any DM or group DM.
  const everywhere = (b: SlashCommandBuilder) =>
    b
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);

  const ask = everywhere(described(new SlashCommandBuilder().setName(COMMAND.ask), 'ask'))
    .addStringOption((o) => described(o.setName(OPTION.question), 'ask.question').setRequired(true).setAutocomplete(true).setMaxLength(1000))
    .addBooleanOption((o) => described(o.setName(OPTION.private), 'ask.private').setRequired(false));

  const koTopics = new Map(core.topics('ko').map((t) => [t.id, t.title]));
  const choices = core
    .topics('en')
    .slice(0, MAX_CHOICES)
    .map((t) => ({
      name: truncate(t.title, CHOICE_LIMIT),
      name_localizations: { ko: truncate(koTopics.get(t.id) ?? t.title, CHOICE_LIMIT) },
      value: t.id,
    }));
  const facts = everywhere(described(new SlashCommandBuilder().setName(COMMAND.facts), 'facts')).addStringOption((o) => {
    described(o.setName(OPTION.topic), 'facts.topic').setRequired(false);
    return choices.length > 0 ? o.addChoices(...choices) : o;
  });

  const about = everywhere(described(new SlashCommandBuilder().setName(COMMAND.about), 'about'));

  return [ask, facts, about].map((c) => c.toJSON());
}
