// The Slack adapter's environment variables and its configuration. Socket Mode when SLACK_APP_TOKEN is
// set (no public URL needed); otherwise the HTTP receiver on the public PORT, which must verify Slack's
// signatures and so needs SLACK_SIGNING_SECRET. Every problem names the variable and how to fix it.
import { z } from 'zod';
import { ConfigError, envVar, blank } from '../../src/index.ts';

export const variables = z.object({
  /** Bot User OAuth Token (xoxb-...). Setting it enables Slack. */
  SLACK_BOT_TOKEN: envVar.secret('SLACK_BOT_TOKEN'),
  /** Signing Secret (Basic Information): verifies that HTTP requests come from Slack. */
  SLACK_SIGNING_SECRET: envVar.secret('SLACK_SIGNING_SECRET'),
  /** App-level token (xapp-..., connections:write): Socket Mode. */
  SLACK_APP_TOKEN: envVar.secret('SLACK_APP_TOKEN'),
  /** Another Web API URL, ending in /api/ (tests, proxies). */
  SLACK_API_URL: envVar.httpUrl('SLACK_API_URL', 'http://127.0.0.1:8081/api/'),
  /** The slash command's name, when another app in the workspace already has /ask (rename it in the manifest too). */
  SLACK_COMMAND: z.preprocess(
    (v) => blank(v) ?? '/ask',
    z.string().regex(/^\/[a-z0-9_-]{1,31}$/, { error: 'must be a slash command name: "/" and up to 31 lower-case letters, digits, - or _ (e.g. SLACK_COMMAND=/factbot)' }),
  ),
});

export type SlackVariables = z.infer<typeof variables>;

export type SlackConfig = {
  botToken: string;
  /** The slash command answered, /ask unless SLACK_COMMAND renames it. */
  command: string;
  signingSecret?: string;
  /** Web API base URL (https://slack.com/api/ by default; a fake Slack in tests, Slack's other clouds). */
  apiUrl?: string;
} & ({ mode: 'socket'; appToken: string } | { mode: 'http'; signingSecret: string });

export function configureSlack(values: SlackVariables): SlackConfig {
  const botToken = values.SLACK_BOT_TOKEN ?? '';
  if (!botToken) throw new ConfigError('SLACK_BOT_TOKEN', 'SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) from your Slack app\'s "OAuth & Permissions" page.');
  if (!botToken.startsWith('xoxb-')) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-" (Slack app → OAuth & Permissions → Bot User OAuth Token).');
  }
  const signingSecret = values.SLACK_SIGNING_SECRET;
  // The Web API client appends method names to this base: it must end with a slash.
  const apiUrl = values.SLACK_API_URL ? (values.SLACK_API_URL.endsWith('/') ? values.SLACK_API_URL : `${values.SLACK_API_URL}/`) : undefined;
  const common = { botToken, command: values.SLACK_COMMAND, ...(apiUrl ? { apiUrl } : {}) };

  const appToken = values.SLACK_APP_TOKEN;
  if (appToken) {
    if (!appToken.startsWith('xapp-')) {
      throw new ConfigError('SLACK_APP_TOKEN', 'SLACK_APP_TOKEN must be an app-level token starting with "xapp-" with the connections:write scope (Slack app → Basic Information → App-Level Tokens). Unset it to use the HTTP receiver instead.');
    }
    return { ...common, mode: 'socket', appToken, ...(signingSecret ? { signingSecret } : {}) };
  }
  if (!signingSecret) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET',
      'SLACK_SIGNING_SECRET is not set. Either set SLACK_APP_TOKEN (xapp-...) to use Socket Mode (no public URL needed), or set SLACK_SIGNING_SECRET (Slack app → Basic Information → Signing Secret) to receive events over HTTP on PORT.',
    );
  }
  return { ...common, mode: 'http', signingSecret };
}
