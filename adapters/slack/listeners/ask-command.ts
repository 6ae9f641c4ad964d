// /ask <question>: answered only to the asker (ephemeral), in the command's acknowledgement itself, which
// is one round trip and well within Slack's 3 s; the answer carries a button to share it in the channel.
import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerSafely } from '../answer-safely.ts';
import { replyLocale, slackQuestion, type SlackDeps } from '../deps.ts';
import { questionText } from '../question-text.ts';
import { renderAnswer } from '../render-answer.ts';
import { shareValue } from '../share-value.ts';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function onAskCommand(deps: SlackDeps) {
  return async function askCommand({ command, ack, respond }: Args): Promise<void> {
    const text = questionText(command.text ?? '', deps.botUserId);
    let acked = false;
    const ackOnce = async (reply?: RespondArguments) => {
      acked = true;
      await ack(reply);
    };
    await answerSafely(
      deps,
      '/ask',
      replyLocale(deps, text),
      async () => {
        // /ask answers only the asker: their questions in one channel form a conversation.
        const answer = await deps.ctx.handle(slackQuestion(deps, text, command.user_id, command.channel_id, `${command.channel_id}:${command.user_id}`));
        // Over the rate limit and already told: acknowledge with nothing, which shows nothing.
        if (!answer) return ackOnce();
        const value = shareValue(text, answer);
        await ackOnce({ response_type: 'ephemeral', ...renderAnswer(answer, deps.ctx.core.t, value ? { shareValue: value } : {}) });
      },
      (error) => (acked ? respond({ response_type: 'ephemeral', replace_original: false, text: error }) : ackOnce({ response_type: 'ephemeral', text: error })),
    );
  };
}
