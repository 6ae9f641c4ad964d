// @bot <question> in a channel: the answer goes into the mention's thread, and the thread is the
// conversation (a later mention in it continues from this answer).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { questionText } from '../question-text.ts';
import { feedbackValue } from '../feedback-value.ts';
import { renderAnswer, type SlackMessage } from '../render-answer.ts';
import { slackListener, slackQuestion } from './listener.ts';

type Args = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

function post({ event, client }: Args, message: Partial<SlackMessage> & { text: string }) {
  return client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, unfurl_links: false, unfurl_media: false, ...message });
}

export const appMention = slackListener<Args>({
  name: 'app_mention',
  listens: { event: 'app_mention' },
  register: (app, handler) => app.event('app_mention', handler),
  // Bots (this one included) mentioning the bot would make two bots talk forever.
  accept: ({ event }, deps) => (event.bot_id || event.subtype || !event.user || event.user === deps.botUserId ? undefined : questionText(event.text, deps.botUserId)),
  async answer(args, question, deps) {
    const { event } = args;
    const thread = event.thread_ts ?? event.ts;
    const answer = await deps.ctx.handle(slackQuestion(deps, question, event.user, event.channel, `${event.channel}:${thread}`));
    if (!answer) return;
    const feedback = feedbackValue(question, answer);
    await post(args, renderAnswer(answer, deps.ctx.core.t, feedback ? { feedback } : {}));
  },
  apologise: (args, text) => post(args, { text }),
});
