// The "share in channel" button under an /ask answer. The button carries only the question: the answer
// is asked again here, so no answer text from the client is ever trusted or echoed.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerSafely } from '../answer-safely.ts';
import { replyLocale, slackQuestion, type SlackDeps } from '../deps.ts';
import { escapeMrkdwn } from '../escape.ts';
import { slackErrorCode } from '../error-for-log.ts';
import { renderAnswer } from '../render-answer.ts';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export function onShareAction(deps: SlackDeps) {
  return async function shareAction({ ack, action, body, client, respond }: Args): Promise<void> {
    await ack();
    if (action.type !== 'button') return;
    const question = action.value ?? '';
    const userId = body.user.id;
    const channel = body.channel?.id;
    if (!channel) return;
    await answerSafely(
      deps,
      'share',
      replyLocale(deps, question),
      async () => {
        const answer = await deps.ctx.handle(slackQuestion(deps, question, userId, channel));
        if (!answer) return;
        // The template is ours; the question is escaped; the user id comes from Slack's signed payload.
        const user = /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : '';
        const footer = deps.ctx.core.t(answer.locale, 'slack:share.sharedBy', { user, question: escapeMrkdwn(question) });
        const message = renderAnswer(answer, deps.ctx.core.t, { footer });
        try {
          await client.chat.postMessage({ channel, unfurl_links: false, unfurl_media: false, ...message });
        } catch (err) {
          // /ask works in channels the bot is not in; the response URL can still post there publicly.
          const code = slackErrorCode(err);
          if (code !== 'not_in_channel' && code !== 'channel_not_found') throw err;
          await respond({ response_type: 'in_channel', replace_original: false, ...message });
        }
        // The ephemeral copy with the button has done its job.
        await respond({ delete_original: true });
      },
      (error) => respond({ response_type: 'ephemeral', replace_original: false, text: error }),
    );
  };
}
