// A direct message to the bot (message.im): answered in the conversation (in the thread if it was one).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerSafely } from '../answer-safely.ts';
import { replyLocale, slackQuestion, type SlackDeps } from '../deps.ts';
import { questionText } from '../question-text.ts';
import { renderAnswer } from '../render-answer.ts';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

export function onDirectMessage(deps: SlackDeps) {
  return async function directMessage({ message, client }: Args): Promise<void> {
    // Only a person's plain new message in a DM: no subtypes (edits, joins, bot_message), no bots, not itself.
    if (message.channel_type !== 'im' || message.subtype !== undefined) return;
    if (message.bot_id || !message.user || message.user === deps.botUserId) return;
    const text = questionText(message.text ?? '', deps.botUserId);
    const channel = message.channel;
    const post = (reply: { text: string; blocks?: ReturnType<typeof renderAnswer>['blocks'] }) =>
      client.chat.postMessage({
        channel,
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        unfurl_links: false,
        unfurl_media: false,
        ...reply,
      });
    await answerSafely(
      deps,
      'message.im',
      replyLocale(deps, text),
      async () => {
        // A DM is one conversation (a thread inside it, its own).
        const answer = await deps.ctx.handle(slackQuestion(deps, text, message.user, channel, `${channel}:${message.thread_ts ?? 'dm'}`));
        if (answer) await post(renderAnswer(answer, deps.ctx.core.t));
      },
      (error) => post({ text: error }),
    );
  };
}
