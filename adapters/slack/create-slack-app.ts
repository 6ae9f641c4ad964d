// Builds the Bolt app: the same options for the bot and for the benchmark's bare app (commonBoltOptions),
// then the bot's middleware and listeners. Starting and stopping it is index.ts's job.
import { App, HTTPReceiver, SocketModeReceiver, type AppOptions, type webApi } from '@slack/bolt';
import { errorForLog, type Logger, type PlatformContext } from '../../src/index.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackConfig } from './config.ts';
import { EVENTS_PATH, type Listened } from './http-door.ts';
import { listened, listeners } from './listeners/index.ts';
import { registerListeners } from './listeners/listener.ts';
import { oncePerEvent } from './once-per-event.ts';
import { createChartUploader } from './upload-chart.ts';

export type WebClientOptions = webApi.WebClientOptions;

export interface BotIdentity {
  botUserId: string;
  botId: string;
}

export interface BoltSetup {
  config: SlackConfig;
  identity: BotIdentity;
  logger: Logger;
  /** Merged over { slackApiUrl: config.apiUrl }: tests pass retryConfig { retries: 0 }. */
  clientOptions?: WebClientOptions;
  /** HTTP mode: answer before the HTTP response (deterministic tests, FaaS). Default false: ack at once. */
  processBeforeResponse?: boolean;
  /** How long each request of a chart upload may take (default CHART_UPLOAD_TIMEOUT_MS). */
  chartUploadTimeoutMs?: number;
}

/**
 * A Web API call is retried twice within a few seconds and given up after 10 s: the client's default
 * (ten retries over about thirty minutes) would keep an answer in flight, and in memory, that long.
 */
const WEB_API_RETRIES = { retries: 2, maxTimeout: 2_000 };
const WEB_API_TIMEOUT_MS = 10_000;

export function webClientOptions(config: SlackConfig, extra: WebClientOptions = {}): WebClientOptions {
  return { retryConfig: WEB_API_RETRIES, timeout: WEB_API_TIMEOUT_MS, ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), ...extra };
}

/** The Bolt options shared by the bot and the benchmark's bare app (which adds its own receiver or port). */
export function commonBoltOptions(setup: BoltSetup): AppOptions {
  const { config, identity } = setup;
  return {
    token: config.botToken,
    // Known from our own auth.test: Bolt then makes none of its own (a failing one there is an unhandled rejection).
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger: boltLogger(setup.logger),
    clientOptions: webClientOptions(config, setup.clientOptions),
    // The bot keeps no conversation state in Bolt; the store would only cost time per event.
    convoStore: false,
  };
}

/** The receiver for the configured mode. HTTP: Bolt's receiver, never started: the bot's own server (http-door.ts) feeds it. */
function createReceiver(setup: BoltSetup): { http?: HTTPReceiver; socket?: SocketModeReceiver } {
  const { config } = setup;
  const logger = boltLogger(setup.logger);
  if (config.mode === 'socket') {
    const clientOptions = webClientOptions(config, setup.clientOptions);
    return {
      socket: new SocketModeReceiver({
        appToken: config.appToken,
        logger,
        // index.ts reconnects itself: the library's reconnect loop can end in an unhandled rejection.
        autoReconnectEnabled: false,
        // A copy: the Socket Mode client writes its own retry policy into the options it is given.
        installerOptions: { clientOptions: { ...clientOptions } },
      }),
    };
  }
  return {
    http: new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: EVENTS_PATH,
      logger,
      processBeforeResponse: setup.processBeforeResponse ?? false,
    }),
  };
}

export interface SlackApp {
  app: App;
  /** Set in Socket Mode: the receiver whose client index.ts connects and watches. */
  socketReceiver?: SocketModeReceiver;
  /** Set in HTTP mode: Bolt's receiver, fed by the bot's own server through http-door.ts. */
  httpReceiver?: HTTPReceiver;
  /** What the listeners answer, for the HTTP door to refuse the rest at once. */
  listened: Listened;
}

export function createSlackApp(setup: BoltSetup & { ctx: PlatformContext }): SlackApp {
  const { http, socket } = createReceiver(setup);
  const receiver = http ?? socket;
  const app = new App({ ...commonBoltOptions(setup), ...(receiver ? { receiver } : {}) });
  app.use(oncePerEvent(setup.ctx.firstDelivery, setup.logger));
  const all = listeners(setup.config.command);
  const pictures = createChartUploader({
    token: setup.config.botToken,
    clientOptions: webClientOptions(setup.config, setup.clientOptions),
    logger: setup.logger,
    ...(setup.chartUploadTimeoutMs !== undefined ? { timeoutMs: setup.chartUploadTimeoutMs } : {}),
  });
  registerListeners(app, { ctx: setup.ctx, botUserId: setup.identity.botUserId, pictures }, all);
  // Listeners handle their own errors (listeners/listener.ts); this catches what happens around them
  // (authorization, middleware) so nothing is rethrown into the receiver.
  app.error(async (err) => {
    setup.logger.error({ err: errorForLog(err) }, 'slack app error');
  });
  return { app, listened: listened(all), ...(http ? { httpReceiver: http } : {}), ...(socket ? { socketReceiver: socket } : {}) };
}
