// /ask <question> (or the name SLACK_COMMAND gives it): answered only to the asker (ephemeral), in the
// command's acknowledgement itself, which is one round trip and well within Slack's 3 s; the answer
// carries a button to share it in the channel. One asker's questions in one channel form a conversation.
// Slack has no private files, so a private answer carries no picture: its chart comes with it when it is
// shared ("차트 보여줘" answers with the chart's figures in words, and a share button for the picture).
import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { questionText } from '../question-text.ts';
import { shareValue } from '../share-value.ts';
import { slackListener, slackQuestion, type UseState } from './listener.ts';
import { replyFor } from './reply.ts';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Slack accepts one acknowledgement per command; the state remembers it was given. */
async function ackOnce({ ack }: Args, state: UseState, reply?: RespondArguments) {
  state.acked = true;
  await ack(reply);
}

export const askCommand = (name: string) =>
  slackListener<Args>({
    name,
    listens: { command: name },
    register: (app, handler) => app.command(name, handler),
    accept: ({ command }, deps) => questionText(command.text ?? '', deps.botUserId),
    async answer(args, question, deps, state) {
      const { command } = args;
      const answer = await deps.ctx.handle(slackQuestion(deps, question, command.user_id, command.channel_id, `${command.channel_id}:${command.user_id}`));
      // Over the rate limit and already told: acknowledge with nothing, which shows nothing.
      if (!answer) return ackOnce(args, state);
      const value = shareValue(question, answer);
      await ackOnce(args, state, { response_type: 'ephemeral', ...replyFor(question, answer, deps, value ? { shareValue: value } : {}).message });
    },
    apologise: (args, text, state) =>
      state.acked ? args.respond({ response_type: 'ephemeral', replace_original: false, text }) : ackOnce(args, state, { response_type: 'ephemeral', text }),
  });
