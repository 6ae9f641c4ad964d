// The door in front of Bolt's HTTP receiver on PORT. Bolt would read any body whole before checking its
// signature, answer a body it cannot classify only after 3 s (404), and fail with a 500 on a signed but
// malformed event. Here, in order, each answered at once and logged:
//   1. only POST /slack/events (404 otherwise: nothing else is served on the public port);
//   2. 503 while too many answers are in flight or the server is closing (Slack redelivers later);
//   3. 401 when the signature headers are missing or the timestamp is stale, 413 when the declared body
//      is over the cap: all before a byte of the body is read;
//   4. the body read with the cap (413), the signature checked (401), the payload parsed (400);
//   5. a payload the bot has no listener for: 400 (an unknown shape or command) or 200 (a button it does
//      not know), instead of Bolt's 3 s wait;
//   6. everything else goes to Bolt, with the body it already read.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { isValidSlackRequest } from '@slack/bolt';
import { BodyTooLargeError, declaredTooLarge, readBody, refuseRequest, type InFlight, type Logger, type RequestHandler } from '../../src/index.ts';

export const EVENTS_PATH = '/slack/events';
/** Slack signs with a timestamp and asks receivers to refuse requests older than 5 minutes (replays). */
const MAX_SIGNATURE_AGE_S = 5 * 60;
/** An unsigned request may only be Slack's ssl_check ping, which is a few dozen bytes. */
const SSL_CHECK_MAX_BYTES = 256;

export interface Listened {
  /** Slash commands the app answers ('/ask'). */
  commands: ReadonlySet<string>;
  /** Interactive payload types the app answers ('block_actions'). */
  interactions: ReadonlySet<string>;
  /** Button and menu action ids the app answers. */
  actions: ReadonlySet<string>;
}

export interface DoorOptions {
  signingSecret: string;
  maxBodyBytes: number;
  /** Bolt's HTTPReceiver request listener (it takes a request whose body was already read as `rawBody`). */
  bolt: (req: IncomingMessage, res: ServerResponse) => void;
  listened: Listened;
  inFlight: Pick<InFlight, 'full'>;
  /** True once the server is closing. */
  closing: () => boolean;
  logger: Logger;
}

export function slackDoor(options: DoorOptions): RequestHandler {
  const { logger } = options;
  const refuse = (res: ServerResponse, status: number, reason: string, extra: Record<string, string> = {}) => {
    logger.warn({ status, reason }, 'slack request refused');
    refuseRequest(res, status, reason, extra);
  };

  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== EVENTS_PATH || req.method !== 'POST') return refuse(res, 404, 'not found');
    if (options.closing() || options.inFlight.full) return refuse(res, 503, 'busy', { 'retry-after': '5' });
    const signature = header(req, 'x-slack-signature');
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    const form = isForm(req);
    if (!signature || !Number.isFinite(timestamp)) {
      // Slack's unsigned ssl_check ping is the only unsigned request worth reading, and it is tiny.
      if (form && !declaredTooLarge(req, SSL_CHECK_MAX_BYTES)) {
        const body = await readBody(req, SSL_CHECK_MAX_BYTES).catch(() => undefined);
        if (body && parseQuery(body.toString('utf8')).ssl_check === '1') {
          res.writeHead(200).end();
          return;
        }
      }
      return refuse(res, 401, 'unsigned');
    }
    if (Math.abs(Date.now() / 1000 - timestamp) > MAX_SIGNATURE_AGE_S) return refuse(res, 401, 'stale signature');
    if (declaredTooLarge(req, options.maxBodyBytes)) return refuse(res, 413, 'body too large');

    let raw: Buffer;
    try {
      raw = await readBody(req, options.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return refuse(res, 413, 'body too large');
      return refuse(res, 400, 'body could not be read');
    }
    const text = raw.toString('utf8');
    if (!isValidSlackRequest({ signingSecret: options.signingSecret, body: text, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } })) {
      return refuse(res, 401, 'bad signature');
    }

    const payload = parsePayload(text, form);
    if (payload === undefined) return refuse(res, 400, 'malformed payload');
    const verdict = judge(payload, options.listened);
    if (verdict) {
      logger.warn({ status: verdict.status, reason: verdict.reason }, 'slack request not for this app');
      res.writeHead(verdict.status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${verdict.reason}\n`);
      return;
    }
    // Bolt uses a body it finds already read (rawBody) instead of reading the stream again.
    options.bolt(Object.assign(req, { rawBody: raw }), res);
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isForm(req: IncomingMessage): boolean {
  return String(req.headers['content-type'] ?? '').split(';')[0]?.trim() === 'application/x-www-form-urlencoded';
}

/** JSON (events) or a form (commands; interactivity as payload=<json>), as an object; undefined when malformed. */
function parsePayload(text: string, form: boolean): Record<string, unknown> | undefined {
  try {
    if (form) {
      const fields = parseQuery(text);
      if (typeof fields.payload === 'string') return asObject(JSON.parse(fields.payload));
      return asObject(fields);
    }
    return asObject(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** undefined: Bolt takes it. Otherwise the answer to give now. */
function judge(body: Record<string, unknown>, listened: Listened): { status: number; reason: string } | undefined {
  if (body.type === 'url_verification') return typeof body.challenge === 'string' ? undefined : { status: 400, reason: 'url_verification without a challenge' };
  if (body.ssl_check === '1') return undefined;
  if ('event' in body || body.type === 'event_callback') {
    const event = asObject(body.event);
    if (body.type !== 'event_callback' || !event || typeof event.type !== 'string') return { status: 400, reason: 'malformed event' };
    return undefined;
  }
  if ('command' in body) {
    if (typeof body.command !== 'string') return { status: 400, reason: 'malformed command' };
    return listened.commands.has(body.command) ? undefined : { status: 400, reason: 'unknown command' };
  }
  if (typeof body.type === 'string') {
    if (!listened.interactions.has(body.type)) return { status: 400, reason: 'unknown interaction' };
    if (body.type === 'block_actions') {
      const actions = Array.isArray(body.actions) ? body.actions.map(asObject) : [];
      if (actions.length === 0 || actions.some((a) => !a || typeof a.action_id !== 'string')) return { status: 400, reason: 'malformed actions' };
      // A click on a button the bot does not answer (an old message's): acknowledged, nothing to do.
      if (!actions.some((a) => listened.actions.has(String(a?.action_id)))) return { status: 200, reason: 'no listener for this action' };
    }
    return undefined;
  }
  return { status: 400, reason: 'not a Slack payload this app handles' };
}
