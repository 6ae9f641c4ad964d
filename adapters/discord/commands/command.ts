// What a slash command is here, as in the discord.js guide: `data` (its definition, registered by
// `npm run discord:deploy` and dispatched on by name) and `execute` (the reply to one use of it).
// `data` takes the core because names and descriptions are localised (locales/<lang>/discord.json) and
// /facts offers the fact base's topics, /chart its charts. `execute` returns the reply rather than sending it: the
// responder (respond.ts) delivers it within Discord's window, so a command can be tested without a client.
import type { AutocompleteInteraction, ApplicationCommandOptionChoiceData, ChatInputCommandInteraction, SlashCommandOptionsOnlyBuilder } from 'discord.js';
import type { Core, PlatformContext } from '../../../src/index.ts';
import type { Reply } from '../respond.ts';

export interface Command {
  /** The command's default (English) name: Discord always sends it, whatever the client's language. */
  name: string;
  data(core: Pick<Core, 't' | 'topics' | 'charts'>): SlashCommandOptionsOnlyBuilder;
  /** Whether only the asker sees the reply, decided before it is ready (a deferral must say so). */
  ephemeral(interaction: ChatInputCommandInteraction): boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: PlatformContext): Promise<Reply> | Reply;
  /** Choices while the user types (autocomplete cannot be deferred: quick and synchronous). */
  autocomplete?(interaction: AutocompleteInteraction, ctx: PlatformContext): ApplicationCommandOptionChoiceData<string>[];
}
