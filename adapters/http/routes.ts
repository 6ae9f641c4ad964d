// The JSON API under /v1/: POST /v1/ask, POST /v1/feedback (👍/👎 on an answer), GET /v1/suggest,
// GET /v1/openapi.json, and CORS for the
// browser origins the operator allows. Every reply is JSON; errors are { error: { code, message } } in
// the language of the request (its `locale`, else its question, else Accept-Language, else the default).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, errorForLog, MAX_BODY_BYTES, readBody, toLocale, voteReply, type HandledAnswer, type Locale, type PlatformContext, type RequestHandler } from '../../src/index.ts';
import { answerJson } from './answer-json.ts';
import type { HttpApiConfig } from './config.ts';
import { DEFAULT_SUGGESTIONS, MAX_CONVERSATION_KEY, MAX_PARTIAL_CHARS, MAX_SUGGESTIONS } from './limits.ts';
import { openApiDocument } from './openapi.ts';

export const BASE_PATH = '/v1/';
const CONVERSATION_KEY = /^[A-Za-z0-9._:-]+$/;
/** How long a browser may cache a CORS preflight answer. */
const PREFLIGHT_MAX_AGE_S = 600;

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export function apiRoutes(ctx: PlatformContext<HttpApiConfig>): RequestHandler {
  const routes: Record<string, Partial<Record<string, Route>>> = {
    '/v1/ask': { POST: (req, res) => ask(ctx, req, res) },
    '/v1/feedback': { POST: (req, res) => feedback(ctx, req, res) },
    '/v1/suggest': { GET: (req, res, url) => suggest(ctx, req, res, url) },
    '/v1/openapi.json': { GET: (_req, res) => send(res, 200, openApiDocument) },
  };
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://api.invalid');
    cors(ctx.config, req, res);
    const route = routes[url.pathname];
    if (!route) return fail(ctx, req, res, 404, 'not-found');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { allow: allowed(route), 'access-control-allow-methods': allowed(route), 'access-control-allow-headers': 'content-type', 'access-control-max-age': String(PREFLIGHT_MAX_AGE_S) });
      res.end();
      return;
    }
    const handler = route[req.method ?? ''] ?? (req.method === 'HEAD' ? route.GET : undefined);
    if (!handler) {
      res.setHeader('allow', allowed(route));
      return fail(ctx, req, res, 405, 'method-not-allowed');
    }
    await handler(req, res, url);
  };
}

async function ask(ctx: PlatformContext<HttpApiConfig>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (ctx.http.closing || ctx.inFlight.full) {
    res.setHeader('retry-after', '5');
    return fail(ctx, req, res, 503, 'busy');
  }
  const body = await readJson(ctx, req, res);
  if (!body) return;
  const { text, conversation, locale } = body;
  if (typeof text !== 'string') return fail(ctx, req, res, 400, 'no-text');
  if (conversation !== undefined && (typeof conversation !== 'string' || conversation.length > MAX_CONVERSATION_KEY || !CONVERSATION_KEY.test(conversation))) {
    return fail(ctx, req, res, 400, 'bad-conversation', text);
  }
  if (locale !== undefined && locale !== 'ko' && locale !== 'en') return fail(ctx, req, res, 400, 'bad-locale', text);

  await ctx.inFlight.track(
    (async () => {
      let answer: HandledAnswer | null;
      try {
        answer = await ctx.handle({
          text,
          platform: 'http',
          userId: clientAddress(ctx.config, req),
          ...(locale ? { locale } : {}),
          ...(conversation ? { conversation } : {}),
        });
      } catch (err) {
        // The error is logged (sanitised); the client gets a JSON error in the question's language.
        ctx.logger.error({ err: errorForLog(err) }, 'http: answering failed');
        return fail(ctx, req, res, 500, 'failed', text);
      }
      // Over the rate limit: told once (the notice), then kept quiet (no body) until the window passes.
      const retryAfter = { 'retry-after': String(ctx.settings.rateLimit.windowSeconds) };
      if (!answer) {
        res.writeHead(429, retryAfter);
        res.end();
        return;
      }
      if (answer.notice === 'rate-limited') return send(res, 429, answerJson(answer), retryAfter);
      send(res, 200, answerJson(answer));
    })(),
  );
}

/** A 👍/👎 on an answer: its `feedbackId`, the vote, and optionally the caller's own user id (one vote per user per answer). */
async function feedback(ctx: PlatformContext<HttpApiConfig>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(ctx, req, res);
  if (!body) return;
  const { feedbackId, vote, user } = body;
  if (typeof feedbackId !== 'string' || feedbackId.length > MAX_CONVERSATION_KEY || (vote !== 'up' && vote !== 'down')) return fail(ctx, req, res, 400, 'bad-feedback');
  if (user !== undefined && (typeof user !== 'string' || user.length > MAX_CONVERSATION_KEY || !CONVERSATION_KEY.test(user))) return fail(ctx, req, res, 400, 'bad-user');
  const outcome = await ctx.vote({ feedbackId, value: vote, userId: typeof user === 'string' ? `user:${user}` : clientAddress(ctx.config, req) });
  if (outcome === 'invalid') return fail(ctx, req, res, 404, 'unknown-answer');
  if (outcome === 'unavailable') {
    res.setHeader('retry-after', '30');
    return fail(ctx, req, res, 503, 'votes-unavailable');
  }
  send(res, 200, { outcome, message: voteReply(ctx.core.t, ctx.locale('', acceptLanguage(req)), vote, outcome) });
}

/** The body as a JSON object, or undefined after answering the error. Read as JSON whatever its declared type: `curl -d '{"text": ...}'` says it is a form. */
async function readJson(ctx: PlatformContext<HttpApiConfig>, req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | undefined> {
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_BODY_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      res.setHeader('connection', 'close');
      fail(ctx, req, res, 413, 'too-large');
    } else fail(ctx, req, res, 400, 'unreadable');
    return undefined;
  }
  const body = parse(raw);
  if (!body) fail(ctx, req, res, 400, 'not-json');
  return body;
}

function suggest(ctx: PlatformContext<HttpApiConfig>, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const q = (url.searchParams.get('q') ?? '').slice(0, MAX_PARTIAL_CHARS);
  const localeParam = url.searchParams.get('locale');
  if (localeParam !== null && localeParam !== 'ko' && localeParam !== 'en') return fail(ctx, req, res, 400, 'bad-locale', q);
  const limitParam = url.searchParams.get('limit');
  const limit = limitParam === null ? DEFAULT_SUGGESTIONS : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUGGESTIONS) return fail(ctx, req, res, 400, 'bad-limit', q);
  const locale = ctx.locale(q, (localeParam as Locale | null) ?? acceptLanguage(req));
  send(res, 200, { suggestions: ctx.core.suggest(q, locale, limit) });
}

/** Allows the configured origins; a request from any other origin gets no CORS header (the browser blocks it). */
function cors(config: HttpApiConfig, req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin || config.corsOrigins.length === 0) return;
  if (config.corsOrigins.includes('*')) {
    res.setHeader('access-control-allow-origin', '*');
  } else if (config.corsOrigins.includes(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
  }
}

function allowed(route: Partial<Record<string, Route>>): string {
  return [...Object.keys(route), 'OPTIONS'].join(', ');
}

/** The client's address, for the rate limit: the proxy's X-Forwarded-For when trusted, else the socket's. */
function clientAddress(config: HttpApiConfig, req: IncomingMessage): string {
  const forwarded = config.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
  return forwarded || req.socket.remoteAddress || 'unknown';
}

function acceptLanguage(req: IncomingMessage): Locale | undefined {
  return toLocale(String(req.headers['accept-language'] ?? '').split(',')[0]);
}

function parse(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function fail(ctx: PlatformContext<HttpApiConfig>, req: IncomingMessage, res: ServerResponse, status: number, code: string, text = ''): void {
  const locale = ctx.locale(text, acceptLanguage(req));
  send(res, status, { error: { code, message: ctx.core.t(locale, `http:error.${code}`) } });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(json)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(json);
}
