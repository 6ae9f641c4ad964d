// Global Bolt middleware: an Events API delivery whose event_id was already handled is dropped (Bolt has
// already acknowledged it, which is what stops Slack's retries). Slack may redeliver to any instance
// behind a load balancer: ctx.firstDelivery answers for all of them (Redis, with REDIS_URL). Commands
// and button clicks are never redelivered by Slack and carry no event_id, so they pass through.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../src/index.ts';

export function oncePerEvent(firstDelivery: (eventId: string) => Promise<boolean>, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === 'string' && !(await firstDelivery(id))) {
      logger.debug({ eventId: id, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack redelivery ignored');
      return;
    }
    await next();
  };
}
