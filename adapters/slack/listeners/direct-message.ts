// A direct message to the bot (message.im): answered in the DM (in the thread if it was one), the
// answer's chart below it. The DM is one conversation; a thread inside it is its own.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { questionText } from '../question-text.ts';
import type { SlackMessage } from '../render-answer.ts';
import { slackListener, slackQuestion } from './listener.ts';
import { postReply, replyFor } from './reply.ts';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

function post({ message, client }: Args, reply: Partial<SlackMessage> & { text: string }) {
  const thread = 'thread_ts' in message ? message.thread_ts : undefined;
  return client.chat.postMessage({ channel: message.channel, ...(thread ? { thread_ts: thread } : {}), unfurl_links: false, unfurl_media: false, ...reply });
}

export const directMessage = slackListener<Args>({
  name: 'message.im',
  listens: { event: 'message' },
  register: (app, handler) => app.message(handler),
  // Only a person's plain new message in a DM: no subtypes (edits, joins, bot_message), no bots, not itself.
  accept({ message }, deps) {
    if (message.channel_type !== 'im' || message.subtype !== undefined) return undefined;
    if (message.bot_id || !message.user || message.user === deps.botUserId) return undefined;
    return questionText(message.text ?? '', deps.botUserId);
  },
  async answer(args, question, deps) {
    const { message } = args;
    if (message.subtype !== undefined) return;
    const answer = await deps.ctx.handle(slackQuestion(deps, question, message.user, message.channel, `${message.channel}:${message.thread_ts ?? 'dm'}`));
    const thread = message.thread_ts;
    if (answer) await postReply(replyFor(question, answer, deps), deps, (reply) => post(args, reply), { channel: message.channel, ...(thread ? { threadTs: thread } : {}) });
  },
  apologise: (args, text) => post(args, { text }),
});
