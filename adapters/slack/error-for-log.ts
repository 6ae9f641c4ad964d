// Errors from the Web API client and axios carry their request (URL, headers with the bearer token,
// response_url secrets). Logging the error object as is would leak them, so only these fields go out.

export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  /** Slack's error code from a Web API response (e.g. invalid_auth, not_in_channel). */
  slackError?: string;
}

export function errorForLog(err: unknown): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err) };
  const e = err as Error & { code?: unknown; data?: { error?: unknown } };
  return {
    type: e.name,
    message: e.message,
    ...(e.stack ? { stack: e.stack } : {}),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.data?.error === 'string' ? { slackError: e.data.error } : {}),
  };
}

/** Slack's error code from a Web API platform error, if that is what this is. */
export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
