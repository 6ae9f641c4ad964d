// Every Slack listener goes through one wrapper (registerListeners): it takes the question the event
// carries (or ignores the event: bots, edits, the bot itself), counts the work in flight (shutdown waits
// for it; when too many are in flight the HTTP door turns events away), and handles errors once: the
// error is logged sanitised and the user is told briefly, in the language of their question. A listener
// is a named object whose parts can be called directly in a test.
import type { App } from '@slack/bolt';
import { errorForLog, type PlatformContext, type PlatformQuestion } from '../../../src/index.ts';
import { escapeMrkdwn } from '../escape.ts';
import type { ChartUploader } from '../upload-chart.ts';

export interface SlackDeps {
  ctx: PlatformContext;
  /** The bot's own user id (from auth.test): its mention is stripped and its messages ignored. */
  botUserId: string;
  /** Uploads a chart picture under an answer. */
  pictures: ChartUploader;
}

/** What a listener answers, for the HTTP door to turn the rest away at once. */
export type Listens = { event: string } | { command: string } | { action: string };

/** Per-use state a listener's answer and apology share (e.g. whether a command was acknowledged). */
export type UseState = Record<string, unknown>;

export interface SlackListener<Args> {
  name: string;
  listens: Listens;
  register(app: App, handler: (args: Args) => Promise<void>): void;
  /** The question this event carries, or undefined to leave it alone (after acknowledging what must be). */
  accept(args: Args, deps: SlackDeps): Promise<string | undefined> | string | undefined;
  answer(args: Args, question: string, deps: SlackDeps, state: UseState): Promise<void>;
  /** Tells the user about an error; `text` is localised and escaped. */
  apologise(args: Args, text: string, state: UseState): Promise<unknown>;
}

/** A listener, typed by its Bolt arguments. */
export function slackListener<Args>(listener: SlackListener<Args>): SlackListener<Args> {
  return listener;
}

export function registerListeners(app: App, deps: SlackDeps, listeners: ReadonlyArray<SlackListener<never>>): void {
  for (const listener of listeners as ReadonlyArray<SlackListener<unknown>>) {
    listener.register(app, async (args) => {
      const question = await listener.accept(args, deps);
      if (question === undefined) return;
      await deps.ctx.inFlight.track(answerSafely(listener, args, question, deps));
    });
  }
}

async function answerSafely<Args>(listener: SlackListener<Args>, args: Args, question: string, deps: SlackDeps): Promise<void> {
  const state: UseState = {};
  try {
    await listener.answer(args, question, deps, state);
  } catch (err) {
    deps.ctx.logger.error({ err: errorForLog(err), listener: listener.name }, 'slack listener failed');
    try {
      await listener.apologise(args, escapeMrkdwn(deps.ctx.core.t(deps.ctx.locale(question), 'slack:error.reply')), state);
    } catch (replyErr) {
      deps.ctx.logger.warn({ err: errorForLog(replyErr), listener: listener.name }, 'could not tell the user about the error');
    }
  }
}

/** The question as the runtime's handle() takes it; its text's own language decides the answer's. */
export function slackQuestion(deps: SlackDeps, text: string, userId: string | undefined, channelId: string | undefined, conversation?: string): PlatformQuestion {
  return {
    text,
    // Slack events carry no language: the text decides, else BOT_DEFAULT_LOCALE.
    locale: deps.ctx.settings.defaultLocale,
    platform: 'slack',
    ...(userId ? { userId } : {}),
    ...(channelId ? { channelId } : {}),
    ...(conversation ? { conversation } : {}),
  };
}

/** The Slack error code of a failed Web API call (not_in_channel, invalid_auth, ...), if it is one. */
export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
