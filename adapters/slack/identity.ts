// Who the bot is (auth.test), asked once before Bolt starts: a rejected token becomes a ConfigError
// naming SLACK_BOT_TOKEN, and Bolt gets botId/botUserId so it never makes its own unguarded call.
import { webApi } from '@slack/bolt';
import { ConfigError, type Logger } from '../../src/index.ts';
import { boltLogger } from './bolt-logger.ts';
import type { BotIdentity, WebClientOptions } from './create-slack-app.ts';
import { slackErrorCode } from './listeners/listener.ts';

const REJECTED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'team_disabled']);

export async function whoAmI(botToken: string, clientOptions: WebClientOptions, logger: Logger): Promise<BotIdentity> {
  // A few quick retries at start: an operator waiting for `npm start` should not wait the default 30 minutes.
  const client = new webApi.WebClient(botToken, { retryConfig: { retries: 2, maxTimeout: 2_000 }, logger: boltLogger(logger), ...clientOptions });
  let result: Awaited<ReturnType<typeof client.auth.test>>;
  try {
    result = await client.auth.test();
  } catch (err) {
    const code = slackErrorCode(err);
    if (code && REJECTED.has(code)) {
      throw new ConfigError('SLACK_BOT_TOKEN', `Slack rejected SLACK_BOT_TOKEN (${code}): copy the current Bot User OAuth Token (xoxb-...) from your Slack app's "OAuth & Permissions" page, and reinstall the app if it was removed.`);
    }
    const where = clientOptions.slackApiUrl ?? 'https://slack.com/api/';
    throw new Error(`Cannot check the Slack bot token with auth.test at ${where}: ${code ?? (err instanceof Error ? err.message : String(err))}`);
  }
  if (!result.user_id || !result.bot_id) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot id): use the Bot User OAuth Token (xoxb-...).');
  }
  return { botUserId: result.user_id, botId: result.bot_id };
}
