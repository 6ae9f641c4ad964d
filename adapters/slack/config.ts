// The Slack adapter's environment, checked once at start. Socket Mode when SLACK_APP_TOKEN is set (no
// public URL needed); otherwise the HTTP receiver on PORT, which must verify Slack's signatures and so
// needs SLACK_SIGNING_SECRET. Every problem names the variable and how to fix it.
import { ConfigError, toLocale, type Locale } from '../../src/index.ts';

export type SlackConfig = {
  botToken: string;
  signingSecret?: string;
  /** Web API base URL (https://slack.com/api/ by default; a fake Slack in tests, Slack's other clouds). */
  apiUrl?: string;
  defaultLocale: Locale;
} & ({ mode: 'socket'; appToken: string } | { mode: 'http'; port: number; signingSecret: string });

export function readSlackConfig(env: Record<string, string | undefined>): SlackConfig {
  const botToken = env.SLACK_BOT_TOKEN?.trim() ?? '';
  if (!botToken) throw new ConfigError('SLACK_BOT_TOKEN', 'SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) from your Slack app\'s "OAuth & Permissions" page.');
  if (!botToken.startsWith('xoxb-')) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-" (Slack app → OAuth & Permissions → Bot User OAuth Token).');
  }
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim() || undefined;
  const apiUrl = readApiUrl(env.SLACK_API_URL);
  const defaultLocale = toLocale(env.BOT_DEFAULT_LOCALE) ?? 'ko';
  const common = { botToken, defaultLocale, ...(apiUrl ? { apiUrl } : {}) };

  const appToken = env.SLACK_APP_TOKEN?.trim();
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
  return { ...common, mode: 'http', signingSecret, port: readPort(env.PORT) };
}

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('PORT', `PORT must be a port number (0-65535), not "${raw}".`);
  return port;
}

function readApiUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('SLACK_API_URL', `SLACK_API_URL must be a URL like https://slack.com/api/, not "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('SLACK_API_URL', 'SLACK_API_URL must be an http(s) URL.');
  // The Web API client appends method names to this base: it must end with a slash.
  return value.endsWith('/') ? value : `${value}/`;
}
