// The Slack platform: answers mentions (in the thread), DMs and /ask (ephemeral, with a share button)
// in Block Kit, through Socket Mode when SLACK_APP_TOKEN is set, else the HTTP receiver on PORT.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ConfigError, type PlatformContext, type PlatformDefinition, type RunningPlatform } from '../../src/index.ts';
import { readSlackConfig } from './config.ts';
import { createSlackApp, webClientOptions, type WebClientOptions } from './create-slack-app.ts';
import type { EventDedupe } from './event-dedupe.ts';
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
  const { app, inFlight, socketReceiver } = createSlackApp({
    config,
    identity,
    logger,
    ctx,
    ...(options.clientOptions ? { clientOptions: options.clientOptions } : {}),
    ...(options.processBeforeResponse !== undefined ? { processBeforeResponse: options.processBeforeResponse } : {}),
    ...(options.dedupe ? { dedupe: options.dedupe } : {}),
    routes: ctx.routes,
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

  if (config.mode !== 'http') throw new Error('Socket Mode without a Socket Mode receiver');
  let server: Server;
  try {
    server = (await app.start(config.port)) as Server;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new ConfigError('PORT', `Cannot listen on PORT ${config.port} (${code}): choose a free port for the Slack HTTP receiver, or set SLACK_APP_TOKEN to use Socket Mode.`);
    }
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  ctx.setConnected(true);
  logger.info({ port }, `Slack events on http://0.0.0.0:${port}/slack/events`);
  return {
    mode: 'http',
    port,
    botUserId: identity.botUserId,
    servesRoutes: true,
    stop: async () => {
      ctx.setConnected(false, 'stopped');
      try {
        await app.stop();
      } catch (err) {
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'Slack HTTP receiver did not stop cleanly');
      }
      await inFlight.idle();
    },
  };
}
