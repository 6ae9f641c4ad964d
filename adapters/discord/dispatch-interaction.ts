// The one place interactions are answered and their errors handled. The command is looked up by name
// (commands/index.ts); its execute() works out the reply, and the responder (respond.ts) delivers it
// within Discord's 3 s window. A click on a 👍/👎 button (feedback.ts) is answered the same way, privately. A command that throws is logged (sanitised) and the user gets a short
// private error in their language instead. Every use of a command is tracked in flight (shutdown waits
// for it); when too many are, the asker is told to try again.
import type { ChatInputCommandInteraction, Interaction } from 'discord.js';
import { errorForLog, type PlatformContext } from '../../src/index.ts';
import { commandsByName } from './commands/index.ts';
import { isFeedbackButton, voteFromButton } from './feedback.ts';
import { uiLocale } from './interaction-locale.ts';
import type { Reply, Responder } from './respond.ts';

export async function dispatchInteraction(interaction: Interaction, ctx: PlatformContext, responder: Responder, receivedAt = Date.now()): Promise<void> {
  const ref = { id: interaction.id, token: interaction.token, applicationId: interaction.applicationId };
  if (interaction.isAutocomplete()) {
    const command = commandsByName.get(interaction.commandName);
    await responder.choices(ref, receivedAt, command?.autocomplete?.(interaction, ctx) ?? []);
    return;
  }
  if (interaction.isButton() && isFeedbackButton(interaction.customId)) {
    const locale = ctx.locale('', uiLocale(interaction));
    const refusedReply: Reply = { content: ctx.core.t(locale, 'discord:error.generic'), ephemeral: true };
    const reply = voteFromButton(interaction, ctx).catch((err: unknown) => {
      ctx.logger.error({ err: errorForLog(err), interactionId: interaction.id }, 'discord vote failed');
      return refusedReply;
    });
    await ctx.inFlight.track(responder.answer(ref, receivedAt, reply, { ephemeral: true, refusedReply }));
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  const command = commandsByName.get(interaction.commandName);
  const ephemeral = command ? command.ephemeral(interaction) : true;
  const reply = ctx.inFlight.full ? Promise.resolve(errorReply(interaction, ctx, 'discord:error.busy')) : replyTo(interaction, ctx);
  const refusedReply = errorReply(interaction, ctx, 'discord:error.generic');
  await ctx.inFlight.track(responder.answer(ref, receivedAt, reply, { ephemeral, refusedReply }));
}

/** The command's reply, or a private error reply when there is no such command or it throws. Never rejects. */
async function replyTo(interaction: ChatInputCommandInteraction, ctx: PlatformContext): Promise<Reply> {
  const command = commandsByName.get(interaction.commandName);
  // A command registered by an older deploy: say so rather than leave "The application did not respond".
  if (!command) return errorReply(interaction, ctx, 'discord:error.unknownCommand');
  try {
    return await command.execute(interaction, ctx);
  } catch (err) {
    ctx.logger.error({ err: errorForLog(err), command: interaction.commandName, interactionId: interaction.id }, 'discord interaction failed');
    return errorReply(interaction, ctx, 'discord:error.generic');
  }
}

function errorReply(interaction: ChatInputCommandInteraction, ctx: PlatformContext, key: string): Reply {
  const question = interaction.options.get('question')?.value;
  return { content: ctx.core.t(ctx.locale(typeof question === 'string' ? question : '', uiLocale(interaction)), key), ephemeral: true };
}
