// The "share in channel" button under an /ask answer. The button carries the question and the
// conversation it was asked in (share-value.ts): the answer is asked again here, in that same
// conversation, so the channel sees the answer the asker saw, and no answer text from the client is
// ever trusted. The question is echoed as plain text under it, and the answer's chart (private answers
// carry none: Slack has no private files) is uploaded below it.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { SHARE_ACTION_ID } from '../render-answer.ts';
import { feedbackValue } from '../feedback-value.ts';
import { readShareValue } from '../share-value.ts';
import { slackErrorCode, slackListener, slackQuestion } from './listener.ts';
import { replyFor } from './reply.ts';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export const shareAction = slackListener<Args>({
  name: 'share',
  listens: { action: SHARE_ACTION_ID },
  register: (app, handler) => app.action({ type: 'block_actions', action_id: SHARE_ACTION_ID }, handler),
  async accept({ ack, action, body }) {
    await ack();
    if (action.type !== 'button' || !body.channel?.id) return undefined;
    return action.value ?? '';
  },
  async answer({ body, client, respond }, value, deps) {
    const { question, context, feedbackId } = readShareValue(value);
    const userId = body.user.id;
    const channel = body.channel!.id;
    // Always a replay (a question that stood alone: an empty conversation): nothing stored, nothing logged anew.
    const answer = await deps.ctx.handle({ ...slackQuestion(deps, question, userId, channel), context: context ?? { turns: [] } });
    if (!answer) return;
    // The shared copy's 👍/👎 vote on the answer the asker was given (a replay is not logged anew).
    const feedback = feedbackValue(question, { ...answer, ...(feedbackId ? { feedbackId } : {}) });
    const { message, chart } = replyFor(question, answer, deps, { sharedBy: { user: userId, question }, ...(feedback ? { feedback } : {}) });
    let posted = true;
    try {
      await client.chat.postMessage({ channel, unfurl_links: false, unfurl_media: false, ...message });
    } catch (err) {
      // /ask works in channels the bot is not in; the response URL can still post there publicly.
      const code = slackErrorCode(err);
      if (code !== 'not_in_channel' && code !== 'channel_not_found') throw err;
      await respond({ response_type: 'in_channel', replace_original: false, ...message });
      posted = false;
    }
    // A bot that is not in the channel cannot share a file there either: the picture is left out.
    if (chart && posted) await deps.pictures.upload(chart, deps.ctx.charts.png(chart), { channel });
    // The ephemeral copy with the button has done its job.
    await respond({ delete_original: true });
  },
  apologise: ({ respond }, text) => respond({ response_type: 'ephemeral', replace_original: false, text }),
});
