// Builds the Bolt app: the same options for the bot and for the benchmark's bare app (boltAppOptions),
// then the bot's middleware and listeners. Starting and stopping it is index.ts's job.
import { App, HTTPReceiver, SocketModeReceiver, type AppOptions, type webApi } from '@slack/bolt';
import type { Logger, PlatformContext } from '../../src/index.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackConfig } from './config.ts';
import type { SlackDeps } from './deps.ts';
import { errorForLog } from './error-for-log.ts';
import { createEventDedupe, type EventDedupe } from './event-dedupe.ts';
import { EVENTS_PATH, type Listened } from './http-door.ts';
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
}

export function webClientOptions(config: SlackConfig, extra: WebClientOptions = {}): WebClientOptions {
  return { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), ...extra };
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

export function createSlackApp(setup: BoltSetup & { ctx: PlatformContext; dedupe?: EventDedupe }): SlackApp {
  const { http, socket } = createReceiver(setup);
  const receiver = http ?? socket;
  const app = new App({ ...commonBoltOptions(setup), ...(receiver ? { receiver } : {}) });
  const deps: SlackDeps = {
    ctx: setup.ctx,
    botUserId: setup.identity.botUserId,
    defaultLocale: setup.config.defaultLocale,
    inFlight: setup.ctx.inFlight,
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
  const listened: Listened = { commands: new Set(['/ask']), interactions: new Set(['block_actions']), actions: new Set([SHARE_ACTION_ID]) };
  return { app, listened, ...(http ? { httpReceiver: http } : {}), ...(socket ? { socketReceiver: socket } : {}) };
}
