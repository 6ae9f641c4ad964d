// The Slack platform: answers mentions (in the thread), DMs and /ask (ephemeral, with a share button)
// in Block Kit, through Socket Mode when SLACK_APP_TOKEN is set, else the HTTP receiver on PORT.
import { ConfigError, MAX_BODY_BYTES, startHttpServer, type HttpServer, type PlatformContext, type PlatformDefinition, type RunningPlatform } from '../../src/index.ts';
import { readSlackConfig } from './config.ts';
import { createSlackApp, webClientOptions, type WebClientOptions } from './create-slack-app.ts';
import type { EventDedupe } from './event-dedupe.ts';
import { slackDoor } from './http-door.ts';
import { whoAmI } from './identity.ts';
import { socketConnection } from './socket-connection.ts';

export const platform: PlatformDefinition = {
  name: 'slack',
  isConfigured: (env) => Boolean(env.SLACK_BOT_TOKEN?.trim()),
  start: (ctx) => startSlack(ctx),
};

export interface SlackStartOptions {
  /** Extra Web API client options (tests: retryConfig { retries: 0 }). */
  clientOptions?: WebClientOptions;
  /** HTTP mode: post the answer before responding to Slack's request (tests). Default false: ack at once. */
  processBeforeResponse?: boolean;
  dedupe?: EventDedupe;
}

export interface RunningSlack extends RunningPlatform {
  mode: 'socket' | 'http';
  /** HTTP mode: the port the receiver listens on (PORT=0 picks a free one). */
  port?: number;
  botUserId: string;
}

export async function startSlack(ctx: PlatformContext, options: SlackStartOptions = {}): Promise<RunningSlack> {
  const config = readSlackConfig(ctx.env);
  // The runtime's logger for this platform already carries { platform: 'slack' }.
  const logger = ctx.logger;
  const identity = await whoAmI(config.botToken, webClientOptions(config, options.clientOptions), logger);
  const { inFlight } = ctx;
  const { httpReceiver, socketReceiver, listened } = createSlackApp({
    config,
    identity,
    logger,
    ctx,
    ...(options.clientOptions ? { clientOptions: options.clientOptions } : {}),
    ...(options.processBeforeResponse !== undefined ? { processBeforeResponse: options.processBeforeResponse } : {}),
    ...(options.dedupe ? { dedupe: options.dedupe } : {}),
  });

  if (config.mode === 'socket' && socketReceiver) {
    const connection = socketConnection(socketReceiver.client, ctx, logger);
    await connection.start();
    return {
      mode: 'socket',
      botUserId: identity.botUserId,
      stop: async () => {
        // Stop taking events first (Slack redelivers unacknowledged ones elsewhere), then finish answers.
        await connection.stop();
        await inFlight.idle();
      },
    };
  }

  if (config.mode !== 'http' || !httpReceiver) throw new Error('HTTP mode without an HTTP receiver');
  let server: HttpServer | undefined;
  const door = slackDoor({
    signingSecret: config.signingSecret,
    maxBodyBytes: MAX_BODY_BYTES,
    bolt: httpReceiver.requestListener,
    listened,
    inFlight,
    closing: () => server?.closing ?? false,
    logger,
  });
  try {
    // Every interface: Slack must reach it (through the load balancer that terminates TLS).
    server = await startHttpServer(door, { port: config.port });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new ConfigError('PORT', `Cannot listen on PORT ${config.port} (${code}): choose a free port for the Slack HTTP receiver, or set SLACK_APP_TOKEN to use Socket Mode.`);
    }
    throw err;
  }
  const running = server;
  ctx.setConnected(true);
  logger.info({ port: running.port }, `Slack events on http://0.0.0.0:${running.port}/slack/events`);
  return {
    mode: 'http',
    port: running.port,
    botUserId: identity.botUserId,
    stop: async () => {
      ctx.setConnected(false, 'stopped');
      // No new requests; open keep-alive connections are closed once their answer is sent.
      await running.close();
      await inFlight.idle();
    },
  };
}
