// The one place listener errors are handled: log the stack, tell the user briefly in their language,
// and never let the error escape (an escaped error would reach Bolt's handler, or worse, crash Node).
import type { Locale } from '../../src/index.ts';
import type { SlackDeps } from './deps.ts';
import { escapeMrkdwn } from './escape.ts';
import { errorForLog } from './error-for-log.ts';

/**
 * Runs `work`; on failure logs it and calls `apologise` with a short, escaped, localised error text.
 * Tracked as in flight so stop() waits for it.
 */
export function answerSafely(
  deps: SlackDeps,
  listener: string,
  locale: Locale,
  work: () => Promise<void>,
  apologise: (text: string) => Promise<unknown>,
): Promise<void> {
  return deps.inFlight.track(
    (async () => {
      try {
        await work();
      } catch (err) {
        deps.logger.error({ err: errorForLog(err), listener }, 'slack listener failed');
        try {
          await apologise(escapeMrkdwn(deps.ctx.core.t(locale, 'slack:error.reply')));
        } catch (replyErr) {
          deps.logger.warn({ err: errorForLog(replyErr), listener }, 'could not tell the user about the error');
        }
      }
    })(),
  );
}
