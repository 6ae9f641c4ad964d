// Keeps the Socket Mode connection up and reports it (ctx.setConnected). The Socket Mode client's own
// reconnect loop is off (create-slack-app.ts) because a failed reconnect there is an unhandled rejection,
// which exits Node; here every attempt is awaited and retried with a capped backoff.
import type { SocketModeReceiver } from '@slack/bolt';
import { ConfigError, errorForLog, type Logger, type PlatformContext } from '../../src/index.ts';
import { slackErrorCode } from './listeners/listener.ts';

type SocketClient = SocketModeReceiver['client'];

const REJECTED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'team_disabled', 'not_allowed_token_type']);
const MAX_BACKOFF_MS = 30_000;

export interface SocketConnection {
  /** Connects once; a rejected app token is a ConfigError, any other failure keeps retrying in the background. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function socketConnection(client: SocketClient, ctx: PlatformContext, logger: Logger): SocketConnection {
  let connected = false;
  let stopping = false;
  let attempting = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  client.on('connected', () => {
    connected = true;
    failures = 0;
    ctx.setConnected(true);
    logger.info('connected to Slack (Socket Mode)');
  });
  client.on('disconnected', () => {
    const was = connected;
    connected = false;
    if (stopping) return;
    ctx.setConnected(false, 'disconnected');
    if (was) logger.warn('Socket Mode connection closed; reconnecting');
    schedule();
  });

  const attempt = async () => {
    attempting = true;
    try {
      await client.start();
    } catch (err) {
      failures += 1;
      logger.warn({ err: errorForLog(err), failures }, 'Socket Mode connection attempt failed');
    } finally {
      attempting = false;
    }
    if (!connected) schedule();
  };

  // Slack asks clients to reconnect now and then (a "disconnect" message): the first retry is immediate.
  function schedule() {
    if (stopping || attempting || timer) return;
    const delay = failures === 0 ? 0 : Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (failures - 1));
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopping && !connected) void attempt();
    }, delay);
  }

  return {
    async start() {
      attempting = true;
      try {
        await client.start();
      } catch (err) {
        const code = slackErrorCode(err);
        if (code && REJECTED.has(code)) {
          throw new ConfigError('SLACK_APP_TOKEN', `Slack rejected SLACK_APP_TOKEN (${code}): create an app-level token with the connections:write scope (Slack app → Basic Information → App-Level Tokens) and enable Socket Mode.`);
        }
        failures += 1;
        ctx.setConnected(false, 'connecting');
        logger.warn({ err: errorForLog(err) }, 'could not connect to Slack (Socket Mode) yet; retrying in the background');
      } finally {
        attempting = false;
      }
      if (!connected) schedule();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      // A peer that never answers the close handshake must not hold up shutdown.
      await Promise.race([client.disconnect(), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      connected = false;
      ctx.setConnected(false, 'stopped');
    },
  };
}
