// 👍/👎 under a Discord answer: two buttons (message components) whose custom_id names the vote, the
// answer's language and its id in the question log. A click is a component interaction: the vote goes
// to ctx.vote (one per user per answer; a second click changes it) and the clicker alone is told, in an
// ephemeral reply. custom_id holds at most 100 characters, so the question is not carried: the question
// log keeps an answer's question in memory for an hour, and a click reaches the process (the shard)
// that answered, because Discord routes a guild's events to one shard.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type ButtonInteraction } from 'discord.js';
import { feedbackLabel, voteReply, type HandledAnswer, type Locale, type PlatformContext, type VoteValue } from '../../src/index.ts';
import { uiLocale } from './interaction-locale.ts';
import type { Reply } from './respond.ts';

const PREFIX = 'fb';
const CUSTOM_ID = /^fb:(up|down):(ko|en):([0-9a-f-]{36})$/;

export function isFeedbackButton(customId: string): boolean {
  return customId.startsWith(`${PREFIX}:`);
}

/** The row of buttons for an answer, or none when there is nothing to vote on (a notice, no log). */
export function feedbackRow(answer: Pick<HandledAnswer, 'feedbackId' | 'locale' | 'notice'>, t: PlatformContext['core']['t']): APIActionRowComponent<APIButtonComponent>[] {
  if (!answer.feedbackId || answer.notice) return [];
  const button = (value: VoteValue): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: `${PREFIX}:${value}:${answer.locale}:${answer.feedbackId}`,
    label: feedbackLabel(t, answer.locale, value).slice(0, 80),
  });
  return [{ type: ComponentType.ActionRow, components: [button('up'), button('down')] }];
}

/** The clicker's private acknowledgement, after the vote is stored (or could not be). */
export async function voteFromButton(interaction: Pick<ButtonInteraction, 'customId' | 'user' | 'locale' | 'guildLocale'>, ctx: PlatformContext): Promise<Reply> {
  const match = CUSTOM_ID.exec(interaction.customId);
  const value = (match?.[1] ?? 'up') as VoteValue;
  // The answer's language; for a button that is not ours, the clicker's.
  const locale = (match?.[2] as Locale | undefined) ?? ctx.locale('', uiLocale(interaction));
  const outcome = match ? await ctx.vote({ feedbackId: match[3]!, userId: interaction.user.id, value }) : 'invalid';
  return { content: voteReply(ctx.core.t, locale, value, outcome), ephemeral: true };
}
