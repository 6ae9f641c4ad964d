// Localised names and descriptions, and where commands may be used, for every command's `data`.
import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Core, Locale } from '../../../src/index.ts';
import { DISCORD_LIMITS, truncate } from '../embed-limits.ts';

type Describable<B> = { setDescription(d: string): B; setDescriptionLocalizations(m: Record<string, string>): B; setNameLocalizations(m: Record<string, string>): B };

/** Sets the English description and the Korean name and description from locales/<lang>/discord.json. */
export function described<B extends Describable<B>>(core: Pick<Core, 't'>, builder: B, key: string): B {
  const text = (locale: Locale, k: string) => truncate(core.t(locale, `discord:commands.${k}`), DISCORD_LIMITS.description);
  return builder
    .setDescription(text('en', `${key}.description`))
    .setDescriptionLocalizations({ ko: text('ko', `${key}.description`) })
    .setNameLocalizations({ ko: core.t('ko', `discord:commands.${key}.name`) });
}

/** A command usable in servers, DMs with the bot and (for user installs) any DM or group DM. */
export function everywhere(core: Pick<Core, 't'>, name: string): SlashCommandBuilder {
  return described(core, new SlashCommandBuilder().setName(name), name)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
}
