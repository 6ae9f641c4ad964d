// The one place interactions are answered and their errors handled. Each command's handler works out
// its Reply; the responder (respond.ts) delivers it within Discord's 3 s window. A handler that throws
// is logged with its stack and the user gets a short private error in their language instead. Every
// interaction is tracked in flight (stop() waits for it); when too many are, the asker is told to retry.
import type { Interaction } from 'discord.js';
import type { PlatformContext } from '../../src/index.ts';
import { COMMAND, OPTION } from './commands.ts';
import { handleAbout } from './handle-about.ts';
import { handleAsk } from './handle-ask.ts';
import { suggestionChoices } from './handle-autocomplete.ts';
import { handleFacts } from './handle-facts.ts';
import { localeOf } from './interaction-locale.ts';
import type { Reply, Responder } from './respond.ts';
import { safeError } from './safe-error.ts';

export async function dispatchInteraction(interaction: Interaction, ctx: PlatformContext, responder: Responder, receivedAt = Date.now()): Promise<void> {
  const ref = { id: interaction.id, token: interaction.token, applicationId: interaction.applicationId };
  if (interaction.isAutocomplete()) {
    await responder.choices(ref, receivedAt, suggestionChoices(interaction, ctx));
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  const busy = ctx.inFlight.full;
  const ephemeral = interaction.commandName !== COMMAND.ask || (interaction.options.getBoolean(OPTION.private) ?? false);
  const reply = busy ? Promise.resolve(errorReply(interaction, ctx, 'discord:error.busy')) : safely(interaction, ctx);
  const refusedReply = errorReply(interaction, ctx, 'discord:error.generic');
  await ctx.inFlight.track(responder.answer(ref, receivedAt, reply, { ephemeral, refusedReply }));
}

/** The handler's reply, or the private error reply when it throws. Never rejects. */
async function safely(interaction: Parameters<typeof handleAsk>[0], ctx: PlatformContext): Promise<Reply> {
  try {
    switch (interaction.commandName) {
      case COMMAND.ask:
        return await handleAsk(interaction, ctx);
      case COMMAND.facts:
        return handleFacts(interaction, ctx);
      case COMMAND.about:
        return handleAbout(interaction, ctx);
      default:
        // A command registered by an older deploy: say so rather than leave "The application did not respond".
        return errorReply(interaction, ctx, 'discord:error.unknownCommand');
    }
  } catch (err) {
    ctx.logger.error({ err: safeError(err), command: interaction.commandName, interactionId: interaction.id }, 'discord interaction failed');
    return errorReply(interaction, ctx, 'discord:error.generic');
  }
}

function errorReply(interaction: Parameters<typeof handleAsk>[0], ctx: PlatformContext, key: string): Reply {
  return { content: ctx.core.t(localeOf(interaction), key), ephemeral: true };
}
