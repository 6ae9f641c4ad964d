// Builds the Bolt app: the same options for the bot and for the benchmark's bare app (boltAppOptions),
// then the bot's middleware and listeners. Starting and stopping it is index.ts's job.
import { App, SocketModeReceiver, type AppOptions, type webApi } from '@slack/bolt';
import type { Logger, PlatformContext } from '../../src/index.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackConfig } from './config.ts';
import type { SlackDeps } from './deps.ts';
import { errorForLog } from './error-for-log.ts';
import { createEventDedupe, type EventDedupe } from './event-dedupe.ts';
import { createInFlight, type InFlight } from './in-flight.ts';
import { onAppMention } from './listeners/app-mention.ts';
import { onAskCommand } from './listeners/ask-command.ts';
import { onDirectMessage } from './listeners/direct-message.ts';
import { onShareAction } from './listeners/share-action.ts';
import { oncePerEvent } from './once-per-event.ts';
import { SHARE_ACTION_ID } from './render-answer.ts';

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
  /** HTTP mode: /healthz and /metrics, mounted on the receiver's server. */
  routes?: PlatformContext['routes'];
}

export function webClientOptions(config: SlackConfig, extra: WebClientOptions = {}): WebClientOptions {
  return { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), ...extra };
}

/** The Bolt options shared by the bot and the benchmark's bare app. */
export function boltAppOptions(setup: BoltSetup): { options: AppOptions; socketReceiver?: SocketModeReceiver } {
  const { config, identity } = setup;
  const logger = boltLogger(setup.logger);
  const clientOptions = webClientOptions(config, setup.clientOptions);
  const common: AppOptions = {
    token: config.botToken,
    // Known from our own auth.test: Bolt then makes none of its own (a failing one there is an unhandled rejection).
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger,
    clientOptions,
    // The bot keeps no conversation state; the store would only cost time per event.
    convoStore: false,
  };
  if (config.mode === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      // index.ts reconnects itself: the library's reconnect loop can end in an unhandled rejection.
      autoReconnectEnabled: false,
      // A copy: the Socket Mode client writes its own retry policy into the options it is given.
      installerOptions: { clientOptions: { ...clientOptions } },
    });
    return { options: { ...common, receiver }, socketReceiver: receiver };
  }
  const options: AppOptions = {
    ...common,
    signingSecret: config.signingSecret,
    endpoints: '/slack/events',
    port: config.port,
    processBeforeResponse: setup.processBeforeResponse ?? false,
    customRoutes: Object.entries(setup.routes ?? {}).map(([path, handler]) => ({ path, method: ['GET', 'HEAD'], handler })),
  };
  return { options };
}

export interface SlackApp {
  app: App;
  /** Set in Socket Mode: the receiver whose client index.ts connects and watches. */
  socketReceiver?: SocketModeReceiver;
  inFlight: InFlight;
}

export function createSlackApp(setup: BoltSetup & { ctx: PlatformContext; dedupe?: EventDedupe }): SlackApp {
  const { options, socketReceiver } = boltAppOptions(setup);
  const app = new App(options);
  const inFlight = createInFlight();
  const deps: SlackDeps = {
    ctx: setup.ctx,
    botUserId: setup.identity.botUserId,
    defaultLocale: setup.config.defaultLocale,
    inFlight,
    logger: setup.logger,
  };
  app.use(oncePerEvent(setup.dedupe ?? createEventDedupe(), setup.logger));
  app.event('app_mention', onAppMention(deps));
  app.message(onDirectMessage(deps));
  app.command('/ask', onAskCommand(deps));
  app.action({ type: 'block_actions', action_id: SHARE_ACTION_ID }, onShareAction(deps));
  // Listeners handle their own errors (answer-safely.ts); this catches what happens around them
  // (authorization, middleware) so nothing is rethrown into the receiver.
  app.error(async (err) => {
    setup.logger.error({ err: errorForLog(err) }, 'slack app error');
  });
  return { app, inFlight, ...(socketReceiver ? { socketReceiver } : {}) };
}
