// @bot <question> in a channel: the answer goes into the mention's thread.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerSafely } from '../answer-safely.ts';
import { replyLocale, slackQuestion, type SlackDeps } from '../deps.ts';
import { questionText } from '../question-text.ts';
import { renderAnswer } from '../render-answer.ts';

type Args = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

export function onAppMention(deps: SlackDeps) {
  return async function appMention({ event, client }: Args): Promise<void> {
    // Bots (this one included) mentioning the bot would make two bots talk forever.
    if (event.bot_id || event.subtype || !event.user || event.user === deps.botUserId) return;
    const text = questionText(event.text, deps.botUserId);
    const threadTs = event.thread_ts ?? event.ts;
    const post = (message: { text: string; blocks?: ReturnType<typeof renderAnswer>['blocks'] }) =>
      client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, unfurl_links: false, unfurl_media: false, ...message });
    await answerSafely(
      deps,
      'app_mention',
      replyLocale(deps, text),
      async () => {
        // The thread is the conversation: a later mention in it continues from this answer.
        const answer = await deps.ctx.handle(slackQuestion(deps, text, event.user, event.channel, `${event.channel}:${threadTs}`));
        if (answer) await post(renderAnswer(answer, deps.ctx.core.t));
      },
      (error) => post({ text: error }),
    );
  };
}
