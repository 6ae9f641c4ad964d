// A small fake Slack for tests and benchmarks, on 127.0.0.1 with an ephemeral port:
// - the Web API under /api/ (auth.test, apps.connections.open, chat.postMessage, chat.postEphemeral, ...),
//   so the real @slack/bolt app (or `npm start` as a child process with SLACK_API_URL=fake.apiUrl) talks to it;
// - response URLs under /response/<id> (what /ask and buttons reply to);
// - the Socket Mode WebSocket (apps.connections.open hands out its ws:// URL; it sends {type:'hello'},
//   pushes envelopes and records the {envelope_id} acks);
// - the file upload flow of files.uploadV2: files.getUploadURLExternal hands out an upload URL under
//   /upload/<file id>, the bytes are POSTed there, files.completeUploadExternal shares the file into a
//   channel (and thread); each file, its bytes and where it was shared are kept in `uploads`;
// - helpers that build Slack's payloads and sign and POST them to a bot's HTTP receiver like Slack does.
// Every Web API call, upload ('file_upload') and response-URL post is recorded in `calls`.
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SlackCall {
  /** The Web API method ('chat.postMessage', 'auth.test', ...) or 'response_url' for a response-URL post. */
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The bearer token the call was made with (never printed by the fake). */
  token?: string;
  /** Form fields with JSON values (blocks, ...) parsed, or the JSON body. */
  body: Record<string, unknown>;
}

export interface FakeUpload {
  fileId: string;
  /** What files.getUploadURLExternal was told. */
  filename: string;
  length: number;
  altText?: string;
  /** The bytes POSTed to the upload URL (undefined until they arrive). */
  bytes?: Buffer;
  /** What files.completeUploadExternal shared it as, and where (undefined until it is called). */
  completed?: { title?: string; channel?: string; threadTs?: string; initialComment?: string };
}

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export interface FakeSlackOptions {
  botUserId?: string;
  botId?: string;
  teamId?: string;
  appId?: string;
  /** Answer auth.test (and every bot-token call) with invalid_auth. */
  rejectBotToken?: boolean;
  /** Answer apps.connections.open with invalid_auth. */
  rejectAppToken?: boolean;
  /** Override a Web API answer: return a body (e.g. { ok: false, error: 'not_in_channel' }) or undefined for the default. */
  reply?: (method: string, body: Record<string, unknown>) => Record<string, unknown> | undefined;
  /** Answer Web API calls after this many ms (per method; 'file_upload' for the upload URL): a slow Slack. */
  latencyMs?: (method: string) => number;
  /** The HTTP status the upload URL answers with (default 200; e.g. 413 for a file too large). */
  uploadStatus?: (upload: FakeUpload) => number;
  /** Record calls and uploaded bytes (default true). The benchmark turns it off to measure the bot, not the fake's memory. */
  record?: boolean;
}

export interface FakeSlack {
  /** The Web API base for SLACK_API_URL / clientOptions.slackApiUrl, e.g. http://127.0.0.1:PORT/api/ */
  apiUrl: string;
  /** A response URL that records what is posted to it as a 'response_url' call. */
  responseUrl(id?: string): string;
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** How many calls each method got (counted even when recording is off). */
  counts: Map<string, number>;
  /** How many calls each method has had its answer sent for (a slow answer counts once it is sent). */
  answered: Map<string, number>;
  /** Every file announced with files.getUploadURLExternal, in order. */
  uploads: FakeUpload[];
  /** Resolves with the first upload (past or future) that was completed (shared) and matches. */
  waitForUpload(predicate?: (upload: FakeUpload) => boolean, timeoutMs?: number): Promise<FakeUpload>;
  /** Resolves with the first recorded call (past or future) to `method` that matches. */
  waitForCall(method: string, predicate?: (call: SlackCall) => boolean, timeoutMs?: number): Promise<SlackCall>;
  /** Socket Mode: resolves when a bot's WebSocket is connected (and was sent hello). */
  waitForSocket(timeoutMs?: number): Promise<void>;
  /** Socket Mode: sends an envelope to every connected socket. */
  socketSend(envelope: Record<string, unknown>): void;
  /** Socket Mode: closes every bot connection (as Slack does when it recycles a server). */
  dropSockets(): void;
  readonly socketCount: number;
  acks: SocketAck[];
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  close(): Promise<void>;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const botUserId = options.botUserId ?? 'UBOT';
  const botId = options.botId ?? 'BBOT';
  const teamId = options.teamId ?? 'T0001';
  const record = options.record ?? true;
  const calls: SlackCall[] = [];
  const counts = new Map<string, number>();
  const answered = new Map<string, number>();
  const acks: SocketAck[] = [];
  const uploads: FakeUpload[] = [];
  const sockets = new Set<WebSocket>();
  const waiters = new Set<() => void>();
  const wake = () => [...waiters].forEach((w) => w());
  let ts = 1_700_000_000_000_000;

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/link')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => {
        sockets.delete(ws);
        wake();
      });
      ws.on('message', (data) => {
        try {
          const frame = JSON.parse(String(data)) as SocketAck;
          if (typeof frame.envelope_id === 'string') acks.push(frame);
        } catch {
          // Not JSON: Slack ignores it too.
        }
        wake();
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: sockets.size, connection_info: { app_id: options.appId ?? 'A0001' }, debug_info: { host: 'fake' } }));
      wake();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const bytes = await readBody(req);
    if (url.pathname.startsWith('/upload/')) return receiveFile(req, res, url.pathname.slice('/upload/'.length), bytes);
    const raw = bytes.toString('utf8');
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (url.pathname.startsWith('/response/')) {
      note({ method: 'response_url', path: url.pathname, headers: req.headers, body: parseBody(raw, req.headers['content-type']) });
      return json(res, 200, { ok: true });
    }
    if (!url.pathname.startsWith('/api/')) return json(res, 404, { ok: false, error: 'unknown_path' });
    const method = url.pathname.slice('/api/'.length);
    // Not recording (the benchmark): a fake Slack's own parsing is not the bot's cost, so skip it.
    const body = record || method !== 'chat.postMessage' ? parseBody(raw, req.headers['content-type']) : {};
    const bodyToken = typeof body.token === 'string' ? body.token : undefined;
    note({ method, path: url.pathname, headers: req.headers, ...(token ?? bodyToken ? { token: token ?? bodyToken } : {}), body });
    const latency = options.latencyMs?.(method) ?? 0;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const custom = options.reply?.(method, body);
    json(res, 200, custom ?? answer(method, body, token ?? bodyToken));
    answered.set(method, (answered.get(method) ?? 0) + 1);
  }

  /** The upload URL: the file's bytes, raw or as the one file of a multipart form (as the Web API client sends them). */
  async function receiveFile(req: IncomingMessage, res: ServerResponse, fileId: string, bytes: Buffer) {
    note({ method: 'file_upload', path: `/upload/${fileId}`, headers: req.headers, body: { file_id: fileId, bytes: bytes.length } });
    const latency = options.latencyMs?.('file_upload') ?? 0;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const upload = uploads.find((u) => u.fileId === fileId);
    if (!upload) return text(res, 404, 'unknown upload');
    const status = options.uploadStatus?.(upload) ?? 200;
    if (status !== 200) return text(res, status, status === 413 ? 'Request Entity Too Large' : 'upload failed');
    const type = req.headers['content-type'] ?? '';
    if (!record) {
      // The benchmark: the bytes are not the bot's cost to measure, nor memory to keep.
      upload.bytes = Buffer.alloc(0);
    } else if (type.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
      const file = [...form.values()].find((v): v is File => typeof v !== 'string');
      upload.bytes = file ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    } else {
      upload.bytes = bytes;
    }
    text(res, 200, `OK - ${upload.bytes.length}`);
    wake();
  }

  function answer(method: string, body: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    if (method === 'apps.connections.open') {
      if (options.rejectAppToken || !token?.startsWith('xapp-')) return { ok: false, error: 'invalid_auth' };
      return { ok: true, url: `ws://127.0.0.1:${port()}/link?ticket=${(counts.get(method) ?? 0).toString()}` };
    }
    if (options.rejectBotToken || !token?.startsWith('xoxb-')) return { ok: false, error: 'invalid_auth' };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'factbot', team_id: teamId, user_id: botUserId, bot_id: botId, is_enterprise_install: false };
      case 'chat.postMessage': {
        const messageTs = nextTs();
        return { ok: true, channel: body.channel, ts: messageTs, message: { type: 'message', user: botUserId, bot_id: botId, text: body.text, ts: messageTs, ...(body.thread_ts ? { thread_ts: body.thread_ts } : {}) } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'files.getUploadURLExternal': {
        const fileId = `F${String(uploads.length + 1).padStart(8, '0')}`;
        uploads.push({ fileId, filename: String(body.filename ?? ''), length: Number(body.length ?? 0), ...(typeof body.alt_text === 'string' ? { altText: body.alt_text } : {}) });
        return { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = (Array.isArray(body.files) ? body.files : []) as Array<{ id?: string; title?: string }>;
        for (const f of files) {
          const upload = uploads.find((u) => u.fileId === f.id);
          if (!upload) return { ok: false, error: 'file_not_found' };
          upload.completed = {
            ...(f.title ? { title: f.title } : {}),
            ...(typeof body.channel_id === 'string' ? { channel: body.channel_id } : {}),
            ...(typeof body.thread_ts === 'string' ? { threadTs: body.thread_ts } : {}),
            ...(typeof body.initial_comment === 'string' ? { initialComment: body.initial_comment } : {}),
          };
        }
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: true };
    }
  }

  function nextTs(): string {
    ts += 1;
    return `${Math.floor(ts / 1_000_000)}.${String(ts % 1_000_000).padStart(6, '0')}`;
  }

  function note(call: SlackCall) {
    counts.set(call.method, (counts.get(call.method) ?? 0) + 1);
    if (record) calls.push(call);
    wake();
  }

  const waitFor = <T>(check: () => T | undefined, what: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const first = check();
      if (first !== undefined) return resolve(first);
      const timer = setTimeout(() => {
        waiters.delete(tryIt);
        reject(new Error(`fake Slack: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      function tryIt() {
        const v = check();
        if (v === undefined) return;
        clearTimeout(timer);
        waiters.delete(tryIt);
        resolve(v);
      }
      waiters.add(tryIt);
    });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = () => (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port()}`;
  let responseIds = 0;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id ?? String(++responseIds)}`,
    calls,
    counts,
    answered,
    uploads,
    waitForUpload: (predicate = () => true, timeoutMs = 30_000) =>
      waitFor(() => uploads.find((u) => u.completed !== undefined && predicate(u)), 'a completed file upload', timeoutMs),
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitForCall: (method, predicate = () => true, timeoutMs = 30_000) =>
      waitFor(() => calls.find((c) => c.method === method && predicate(c)), `a ${method} call`, timeoutMs),
    waitForSocket: (timeoutMs = 30_000) => waitFor(() => (sockets.size > 0 ? true : undefined), 'a Socket Mode connection', timeoutMs).then(() => undefined),
    socketSend(envelope) {
      const frame = JSON.stringify(envelope);
      for (const ws of sockets) ws.send(frame);
    },
    dropSockets() {
      for (const ws of sockets) ws.terminate();
    },
    get socketCount() {
      return sockets.size;
    },
    acks,
    waitForAck: (envelopeId, timeoutMs = 30_000) => waitFor(() => acks.find((a) => a.envelope_id === envelopeId), `the ack of ${envelopeId}`, timeoutMs),
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Payloads as Slack sends them, and signing.

let eventCounter = 0;

export interface EventOptions {
  eventId?: string;
  teamId?: string;
  apiAppId?: string;
}

/** An Events API request body (event_callback) around `event`. */
export function eventBody(event: Record<string, unknown>, options: EventOptions = {}): Record<string, unknown> {
  const teamId = options.teamId ?? 'T0001';
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: options.apiAppId ?? 'A0001',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${Date.now().toString(36).toUpperCase()}${(++eventCounter).toString(36).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

let tsCounter = 0;
/** A message timestamp like Slack's ("1700000000.000123"). */
export function messageTs(): string {
  tsCounter += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(tsCounter % 1_000_000).padStart(6, '0')}`;
}

export interface MentionOptions {
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
}

/** An app_mention event: `text` should contain the bot's mention (<@UBOT>), as Slack's does. */
export function appMention({ text, user = 'U0ASKER', channel = 'C0GENERAL', ts = messageTs(), threadTs }: MentionOptions): Record<string, unknown> {
  return { type: 'app_mention', user, text, ts, channel, team: 'T0001', ...(threadTs ? { thread_ts: threadTs } : {}) };
}

/** A message.im event (a DM to the bot). */
export function directMessage({ text, user = 'U0ASKER', channel = 'D0DM', ts = messageTs(), threadTs }: MentionOptions): Record<string, unknown> {
  return { type: 'message', channel_type: 'im', user, text, ts, channel, team: 'T0001', ...(threadTs ? { thread_ts: threadTs } : {}) };
}

export interface CommandOptions {
  text: string;
  responseUrl: string;
  command?: string;
  user?: string;
  channel?: string;
}

/** A slash command's fields (form-encoded over HTTP, the payload in Socket Mode). */
export function slashCommand({ text, responseUrl, command = '/ask', user = 'U0ASKER', channel = 'C0GENERAL' }: CommandOptions): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0001',
    team_domain: 'fake',
    channel_id: channel,
    channel_name: 'general',
    user_id: user,
    user_name: 'asker',
    command,
    text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${Date.now()}.trigger`,
  };
}

export interface ButtonOptions {
  actionId: string;
  value: string;
  responseUrl: string;
  user?: string;
  channel?: string;
}

/** A block_actions payload for a button click on an ephemeral message. */
export function buttonClick({ actionId, value, responseUrl, user = 'U0ASKER', channel = 'C0GENERAL' }: ButtonOptions): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: user, username: 'asker', name: 'asker', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTs(), channel_id: channel, is_ephemeral: true },
    trigger_id: `${Date.now()}.trigger`,
    team: { id: 'T0001', domain: 'fake' },
    channel: { id: channel, name: 'general' },
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, text: { type: 'plain_text', text: 'Share' }, action_ts: messageTs() }],
  };
}

/** Form-encodes a slash command, or wraps an interactivity payload as payload=<json>, like Slack. */
export function formBody(fields: Record<string, string> | { payload: Record<string, unknown> }): string {
  if ('payload' in fields && typeof fields.payload === 'object') return new URLSearchParams({ payload: JSON.stringify(fields.payload) }).toString();
  return new URLSearchParams(fields as Record<string, string>).toString();
}

export interface SignOptions {
  /** Unix seconds; default now. A stale one is more than 5 minutes old. */
  timestamp?: number;
  retryNum?: number;
  retryReason?: string;
  contentType?: string;
}

/** The headers Slack sends with a request body signed with `secret` (v0 HMAC-SHA256). */
export function signedRequest(secret: string, body: string | Record<string, unknown>, options: SignOptions = {}): { headers: Record<string, string>; body: string } {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${raw}`).digest('hex');
  const contentType = options.contentType ?? (typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json');
  return {
    body: raw,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      ...(options.retryNum !== undefined ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': options.retryReason ?? 'http_timeout' } : {}),
    },
  };
}

/** Signs and POSTs a body to a bot's receiver (e.g. http://127.0.0.1:PORT/slack/events) like Slack does. */
export async function postSigned(url: string, secret: string, body: string | Record<string, unknown>, options: SignOptions = {}): Promise<{ status: number; text: string }> {
  const signed = signedRequest(secret, body, options);
  const res = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
  return { status: res.status, text: await res.text() };
}

let envelopeCounter = 0;
/** A Socket Mode envelope id. */
export function envelopeId(): string {
  return `env-${Date.now().toString(36)}-${++envelopeCounter}`;
}

/** A Socket Mode events_api envelope around an Events API body. */
export function eventsApiEnvelope(body: Record<string, unknown>, options: { envelopeId?: string; retryAttempt?: number } = {}): Record<string, unknown> {
  return {
    envelope_id: options.envelopeId ?? envelopeId(),
    type: 'events_api',
    payload: body,
    accepts_response_payload: false,
    retry_attempt: options.retryAttempt ?? 0,
    retry_reason: options.retryAttempt ? 'timeout' : '',
  };
}

/** A Socket Mode slash_commands envelope. */
export function slashCommandEnvelope(fields: Record<string, string>, id = envelopeId()): Record<string, unknown> {
  return { envelope_id: id, type: 'slash_commands', payload: fields, accepts_response_payload: true };
}

/** A Socket Mode interactive envelope (block_actions). */
export function interactiveEnvelope(payload: Record<string, unknown>, id = envelopeId()): Record<string, unknown> {
  return { envelope_id: id, type: 'interactive', payload, accepts_response_payload: false };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function text(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
