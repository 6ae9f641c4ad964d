// The terminal chat, a first-class platform: `npm start` with no token opens it. Interactive with a
// prompt, /help and /quit on a terminal; with piped stdin it answers each line and finishes. /good and
// /bad vote 👍 or 👎 on the last answer (interactive or piped), like the buttons on Discord and Slack.
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { definePlatform, errorForLog, voteReply, type Core, type HandledAnswer, type Locale, type PlatformContext, type RunningPlatform, type VoteValue } from '../../src/index.ts';
import { renderAnswer } from './render-answer.ts';

export const platform = definePlatform({
  name: 'console',
  // Nothing to configure: it is what `npm start` opens when no other platform is configured.
  variables: z.object({}),
  fallback: true,
  isConfigured: () => false,
  configure: () => ({}),
  start: async (ctx) => startConsole(ctx, process.stdin, process.stdout),
});

/** The chat's one user, the operator: one vote per answer, a second /good or /bad changes it. */
const CONSOLE_USER = 'console';

export function startConsole(ctx: PlatformContext, input: NodeJS.ReadableStream & { isTTY?: boolean }, output: NodeJS.WritableStream): RunningPlatform {
  const interactive = input.isTTY === true;
  const rl = createInterface({ input, output, terminal: interactive, crlfDelay: Infinity });
  let locale: Locale = ctx.settings.defaultLocale;
  const write = (text: string) => output.write(text + '\n');
  // The asked rows of a chart in colour on a terminal only: piped output stays plain text.
  const colour = (output as { isTTY?: boolean }).isTTY === true;

  if (interactive) {
    write(welcome(ctx.core, locale));
    rl.setPrompt('? ');
    rl.prompt();
  }
  // One run of the chat is one conversation: "그럼 미국은?" follows the question before it.
  const conversation = `session-${process.pid}-${Date.now().toString(36)}`;
  // The last answer, for /good and /bad: the chat's one user votes on what they just read.
  let last: { answer: HandledAnswer; question: string } | undefined;
  const votes: Record<string, VoteValue> = { '/good': 'up', '/bad': 'down' };
  // Lines are answered one at a time, in order, even when piped faster than they are answered.
  let queue = Promise.resolve();
  const closed = new Promise<void>((resolve) => rl.once('close', () => resolve()));
  const done = closed.then(() => queue);
  const answerLine = async (line: string) => {
    const text = line.trim();
    if (interactive && text === '/help') {
      write(help(ctx.core, locale));
    } else if (votes[text]) {
      write(await vote(votes[text]));
    } else if (interactive && text === '') {
      // An empty line in a chat is nothing to answer.
    } else {
      try {
        const answer = await ctx.handle({ text: line, platform: 'console', userId: CONSOLE_USER, conversation });
        if (answer) {
          locale = answer.locale;
          if (answer.feedbackId) last = { answer, question: line };
          write(renderAnswer(line, answer, { charts: ctx.charts, t: ctx.core.t, color: colour }));
        }
      } catch (err) {
        // The chat goes on: the error is logged (sanitised) and the operator told in the question's language.
        ctx.logger.error({ err: errorForLog(err) }, 'console: answering failed');
        write(ctx.core.t(ctx.locale(line, locale), 'console:error'));
      }
    }
    if (interactive) {
      write('');
      rl.prompt();
    }
  };
  const vote = async (value: VoteValue): Promise<string> => {
    if (!last?.answer.feedbackId) return ctx.core.t(locale, 'runtime:vote.none');
    const outcome = await ctx.vote({ feedbackId: last.answer.feedbackId, userId: CONSOLE_USER, value, question: last.question });
    return voteReply(ctx.core.t, last.answer.locale, value, outcome);
  };
  rl.on('line', (line) => {
    if (interactive && ['/quit', '/exit'].includes(line.trim())) return rl.close();
    queue = queue.then(() => answerLine(line));
    void ctx.inFlight.track(queue).catch(() => {});
  });
  return {
    done,
    // No more lines are read; the ones already read are answered (the runtime waits for them).
    stop: async () => rl.close(),
  };
}

function welcome(core: Core, locale: Locale): string {
  const a = core.article(locale);
  return core.t(locale, 'console:welcome', { outlet: a.outlet, date: a.date, title: a.title });
}

function help(core: Core, locale: Locale): string {
  const topics = core.topics(locale).map((t) => `• ${t.title}: ${t.examples[0] ?? ''}`);
  return [core.t(locale, 'console:help'), ...topics].join('\n');
}
