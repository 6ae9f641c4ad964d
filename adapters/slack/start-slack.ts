// Starting Slack: who the bot is (auth.test), the Bolt app with its listeners, and Socket Mode or Slack's
// Events API on the public PORT (/slack/events, behind the HTTP door).
import { MAX_BODY_BYTES, type PlatformContext, type RunningPlatform } from '../../src/index.ts';
import type { SlackConfig } from './config.ts';
import { createSlackApp, webClientOptions, type WebClientOptions } from './create-slack-app.ts';
import { EVENTS_PATH, slackDoor } from './http-door.ts';
import { whoAmI } from './identity.ts';
import { socketConnection } from './socket-connection.ts';

export interface SlackStartOptions {
  /** Extra Web API client options (tests: retryConfig { retries: 0 }). */
  clientOptions?: WebClientOptions;
  /** HTTP mode: post the answer before responding to Slack's request (tests). Default false: ack at once. */
  processBeforeResponse?: boolean;
  /** How long each request of a chart upload may take (tests: a short one). */
  chartUploadTimeoutMs?: number;
}

export interface RunningSlack extends RunningPlatform {
  mode: 'socket' | 'http';
  botUserId: string;
}

export async function startSlack(ctx: PlatformContext<SlackConfig>, options: SlackStartOptions = {}): Promise<RunningSlack> {
  const config = ctx.config;
  const logger = ctx.logger;
  const identity = await whoAmI(config.botToken, webClientOptions(config, options.clientOptions), logger);
  const { httpReceiver, socketReceiver, listened } = createSlackApp({
    config,
    identity,
    logger,
    ctx,
    ...(options.clientOptions ? { clientOptions: options.clientOptions } : {}),
    ...(options.processBeforeResponse !== undefined ? { processBeforeResponse: options.processBeforeResponse } : {}),
    ...(options.chartUploadTimeoutMs !== undefined ? { chartUploadTimeoutMs: options.chartUploadTimeoutMs } : {}),
  });

  if (config.mode === 'socket' && socketReceiver) {
    const connection = socketConnection(socketReceiver.client, ctx, logger);
    await connection.start();
    return {
      mode: 'socket',
      botUserId: identity.botUserId,
      // Stop taking events first (Slack redelivers unacknowledged ones elsewhere); answers drain after.
      stop: () => connection.stop(),
    };
  }

  if (config.mode !== 'http' || !httpReceiver) throw new Error('HTTP mode without an HTTP receiver');
  ctx.http.mount(
    EVENTS_PATH,
    slackDoor({
      signingSecret: config.signingSecret,
      maxBodyBytes: MAX_BODY_BYTES,
      bolt: httpReceiver.requestListener,
      listened,
      inFlight: ctx.inFlight,
      closing: () => ctx.http.closing,
      logger,
    }),
  );
  ctx.setConnected(true);
  return {
    mode: 'http',
    botUserId: identity.botUserId,
    // The runtime closes the public port (no new requests; open connections closed after their answer).
    stop: async () => ctx.setConnected(false, 'stopped'),
  };
}
