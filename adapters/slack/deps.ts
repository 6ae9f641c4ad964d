// What every Slack listener needs: the platform context (handle, core, logger), who the bot is, the
// default language and the in-flight tracker that lets stop() wait for answers being posted.
import type { InFlight, Locale, Logger, PlatformContext, PlatformQuestion } from '../../src/index.ts';

export interface SlackDeps {
  ctx: PlatformContext;
  /** The bot's own user id (from auth.test): its mention is stripped and its messages ignored. */
  botUserId: string;
  /** BOT_DEFAULT_LOCALE: the hint used when a question's text gives no clue to its language. */
  defaultLocale: Locale;
  inFlight: InFlight;
  logger: Logger;
}

/** The question as the runtime's handle() takes it; the text's own language wins over the hint. */
export function slackQuestion(deps: SlackDeps, text: string, userId?: string, channelId?: string, conversation?: string): PlatformQuestion {
  return {
    text,
    locale: deps.defaultLocale,
    platform: 'slack',
    ...(userId ? { userId } : {}),
    ...(channelId ? { channelId } : {}),
    ...(conversation ? { conversation } : {}),
  };
}

/** The language a reply about this text (an error, a notice) should be in. */
export function replyLocale(deps: SlackDeps, text: string): Locale {
  return deps.ctx.core.detectLocale(text, deps.defaultLocale);
}
