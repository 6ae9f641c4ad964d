// Errors from discord.js carry the request URL, and interaction and webhook URLs embed the
// interaction token (a credential for 15 minutes). Logs get the error with those tokens masked.

const TOKEN_IN_PATH = /\/(interactions|webhooks)\/(\d+)\/[^/\s?"']+/g;

export function redactTokens(text: string): string {
  return text.replace(TOKEN_IN_PATH, '/$1/$2/[redacted]');
}

/** A plain, loggable copy of an error: type, message, stack, code, status, method, url, tokens masked. */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: redactTokens(String(err)) };
  const e = err as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  return {
    type: e.name,
    message: redactTokens(e.message),
    ...(e.stack ? { stack: redactTokens(e.stack) } : {}),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
    ...(typeof e.url === 'string' ? { url: redactTokens(e.url) } : {}),
  };
}
