// The 👍 and 👎 buttons under an answer: the vote goes to the question log through ctx.vote (one per
// user per answer; a second click changes it), and only the clicker is told, privately (an ephemeral
// response through the click's response URL), in the answer's language. The message itself is left as
// it is: everyone else sees the same buttons.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { voteReply, type VoteValue } from '../../../src/index.ts';
import { escapeMrkdwn } from '../escape.ts';
import { FEEDBACK_ACTION_IDS, readFeedbackValue } from '../feedback-value.ts';
import { slackListener } from './listener.ts';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export const feedbackAction = (value: VoteValue) =>
  slackListener<Args>({
    name: `feedback:${value}`,
    listens: { action: FEEDBACK_ACTION_IDS[value] },
    register: (app, handler) => app.action({ type: 'block_actions', action_id: FEEDBACK_ACTION_IDS[value] }, handler),
    async accept({ ack, action }) {
      await ack();
      return action.type === 'button' ? (action.value ?? '') : undefined;
    },
    async answer({ body, respond }, raw, deps) {
      const request = readFeedbackValue(raw);
      const outcome = request
        ? await deps.ctx.vote({ feedbackId: request.feedbackId, userId: body.user.id, value, ...(request.question ? { question: request.question } : {}) })
        : 'invalid';
      const text = escapeMrkdwn(voteReply(deps.ctx.core.t, request?.locale ?? deps.ctx.settings.defaultLocale, value, outcome));
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    },
    apologise: ({ respond }, text) => respond({ response_type: 'ephemeral', replace_original: false, text }),
  });
