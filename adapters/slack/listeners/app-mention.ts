// @bot <question> in a channel: the answer goes into the mention's thread (its chart, if any, below it),
// and the thread is the conversation (a later mention in it continues from this answer; "차트 보여줘" in
// it shows the chart of the thread's latest answer from one).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { questionText } from '../question-text.ts';
import type { SlackMessage } from '../render-answer.ts';
import { slackListener, slackQuestion } from './listener.ts';
import { postReply, replyFor } from './reply.ts';

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
    if (answer) await postReply(replyFor(question, answer, deps), deps, (message) => post(args, message), { channel: event.channel, threadTs: thread });
  },
  apologise: (args, text) => post(args, { text }),
});
