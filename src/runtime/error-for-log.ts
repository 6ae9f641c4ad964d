// The one way an error goes into a log. Errors from platform libraries carry their request: the URL
// (Discord's interaction and webhook URLs hold a token valid for 15 minutes, Slack's response URLs one
// valid for 30), headers with the bearer token, the body with what the user typed. Logging the error
// object as is would leak them, so only these fields go out, with tokens masked in the text ones.

export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  /** A library's error code (ECONNRESET, slack_webapi_platform_error, TokenInvalid, 50035, ...). */
  code?: string | number;
  /** An HTTP status, when the error is a response. */
  status?: number;
  method?: string;
  url?: string;
  /** Slack's error code from a Web API response (invalid_auth, not_in_channel, ...). */
  slackError?: string;
}

const SECRETS: Array<[RegExp, string]> = [
  // Discord: /interactions/<id>/<token>/callback, /webhooks/<app>/<token>/...
  [/\/(interactions|webhooks)\/(\d+)\/[^/\s?"']+/g, '/$1/$2/[redacted]'],
  // Slack: response URLs and tokens (xoxb-, xoxp-, xapp-, ...).
  [/https:\/\/hooks\.slack(?:-gov)?\.com\/[^\s"'`]+/g, 'https://hooks.slack.com/[redacted]'],
  [/\bx(?:ox[abpres]|app)-[A-Za-z0-9-]+/g, '[redacted token]'],
  // Any "Bearer <token>" or "Bot <token>" that made it into a message.
  [/\b(Bearer|Bot)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 [redacted]'],
];

/** Text with every known kind of token masked. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRETS) out = out.replace(pattern, replacement);
  return out;
}

export function errorForLog(err: unknown): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: redactSecrets(String(err)) };
  const e = err as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown; data?: { error?: unknown } };
  return {
    type: e.name,
    message: redactSecrets(e.message),
    ...(e.stack ? { stack: redactSecrets(e.stack) } : {}),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
    ...(typeof e.url === 'string' ? { url: redactSecrets(e.url) } : {}),
    ...(typeof e.data?.error === 'string' ? { slackError: e.data.error } : {}),
  };
}
