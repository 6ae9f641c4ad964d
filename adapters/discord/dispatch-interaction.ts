// The one place interaction errors are handled. Every interaction goes through here: a handler that
// throws is logged with its stack, and the user still gets a short private error in their language
// (a reply if nothing was sent yet, a follow-up otherwise). This function never rejects.
import { MessageFlags, type Interaction } from 'discord.js';
import type { PlatformContext } from '../../src/index.ts';
import { COMMAND } from './commands.ts';
import { handleAbout } from './handle-about.ts';
import { handleAsk } from './handle-ask.ts';
import { handleAutocomplete } from './handle-autocomplete.ts';
import { handleFacts } from './handle-facts.ts';
import { localeOf, NO_MENTIONS } from './interaction-locale.ts';
import { safeError } from './safe-error.ts';

export async function dispatchInteraction(interaction: Interaction, ctx: PlatformContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) return await handleAutocomplete(interaction, ctx);
    if (!interaction.isChatInputCommand()) return;
    switch (interaction.commandName) {
      case COMMAND.ask:
        return await handleAsk(interaction, ctx);
      case COMMAND.facts:
        return await handleFacts(interaction, ctx);
      case COMMAND.about:
        return await handleAbout(interaction, ctx);
      default: {
        // A command registered by an older deploy: say so rather than leave "The application did not respond".
        const content = ctx.core.t(localeOf(interaction), 'discord:error.unknownCommand');
        await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
        return;
      }
    }
  } catch (err) {
    const command = 'commandName' in interaction ? interaction.commandName : undefined;
    ctx.logger.error({ err: safeError(err), command, interactionId: interaction.id }, 'discord interaction failed');
    await tellUser(interaction, ctx);
  }
}

async function tellUser(interaction: Interaction, ctx: PlatformContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const content = ctx.core.t(localeOf(interaction), 'discord:error.generic');
    const message = { content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as const;
    if (interaction.replied || interaction.deferred) await interaction.followUp(message);
    else await interaction.reply(message);
  } catch (err) {
    // The interaction may have expired (3 s / 15 min) or Discord may be unreachable: nothing more to do.
    ctx.logger.warn({ err: safeError(err), interactionId: interaction.id }, 'discord: could not tell the user about an error');
  }
}
