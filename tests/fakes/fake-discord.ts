// A small fake Discord for tests: the REST API under /api/v10 and the gateway WebSocket, on 127.0.0.1
// with an ephemeral port, so the real discord.js client (or `npm start` as a child process with
// DISCORD_API_BASE=fake.apiBase) can log in, receive interactions and answer them. Every REST request
// and every gateway frame the client sends is recorded for assertions.
//
// Only what discord.js needs is served: GET /gateway/bot (with session_start_limit.max_concurrency and
// the recommended shard count), HELLO / IDENTIFY -> READY / RESUME -> RESUMED / heartbeat -> ACK,
// interaction callbacks (204 without a JSON content type, like Discord), webhook follow-ups and
// @original edits (JSON, or multipart with files: payload_json and files[n], as discord.js sends
// attachments), and command registration. Shards are told apart by IDENTIFY's `shard` field, and an
// interaction in a guild goes to the shard that owns the guild ((guild_id >> 22) % shard count), a DM's
// to shard 0, as Discord routes them.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Decoded path below /api/v10, e.g. '/interactions/1/tok/callback' or '/webhooks/app/tok/messages/@original'. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (or the `payload_json` part of a multipart body); undefined when there is none. */
  body: unknown;
  rawBody: string;
  /** The files of a multipart body (files[0], files[1], ...), their bytes as sent. */
  files: UploadedFile[];
  /** The HTTP status the fake answered with. */
  status: number;
  /** When it arrived (Date.now()), to check the order and spacing of retries. */
  at: number;
}

export interface UploadedFile {
  /** The form field, e.g. files[0]. */
  field: string;
  /** The file name the client gave (what attachment://<name> refers to). */
  name: string;
  contentType: string;
  data: Buffer;
}

export interface GatewayFrame {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

export interface FakeDiscordOptions {
  /** true: reject every token with 401 (REST) / 4004 (gateway). A string: reject only that token. */
  rejectToken?: boolean | string;
  applicationId?: string;
  botUserId?: string;
  /** Gateway heartbeat interval in ms (Discord's is ~41 s). */
  heartbeatInterval?: number;
  /** The shard count GET /gateway/bot recommends (default 1). */
  shards?: number;
}

export interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: InteractionOption[];
}

export interface InteractionSpec {
  /** Command name as registered (the default, non-localised name), e.g. 'ask'. */
  command: string;
  options?: InteractionOption[];
  /** The client's locale: 'ko', 'en-US', 'en-GB', ... */
  locale?: string;
  /** true: a DM with the bot (no guild, `user` instead of `member`). */
  dm?: boolean;
  userId?: string;
  /** The guild it happens in (default the fake's one guild): decides which shard receives it. */
  guildId?: string;
  /** The channel it is sent in (default: the guild's #general, or the DM channel with `dm`). */
  channelId?: string;
}

export interface ButtonSpec {
  /** The clicked button's custom_id. */
  customId: string;
  userId?: string;
  locale?: string;
  /** The message the button is on, as the bot sent it (its components are echoed back). */
  message?: Record<string, unknown>;
}

export interface SentInteraction {
  id: string;
  token: string;
  payload: Record<string, unknown>;
  /** The shard ids of the sessions it was dispatched to. */
  shards: number[];
}

export interface FakeDiscord {
  /** Pass as DISCORD_API_BASE / discord.js `rest.api` (discord.js appends /v10). */
  apiBase: string;
  gatewayUrl: string;
  applicationId: string;
  botUserId: string;
  /** Every REST request, in arrival order. */
  requests: RecordedRequest[];
  /** Every gateway frame clients sent (IDENTIFY, heartbeats, RESUME, ...), in arrival order. */
  gatewayFrames: GatewayFrame[];
  /** The first recorded request (past or future) matching the predicate. */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** The first gateway frame (past or future) matching the predicate. */
  waitForFrame(predicate: (f: GatewayFrame) => boolean, timeoutMs?: number): Promise<GatewayFrame>;
  /** Resolves once a client holds a live session (READY or RESUMED sent), now or later. */
  waitForSession(timeoutMs?: number): Promise<void>;
  /** Number of live gateway sessions. */
  readonly sessions: number;
  /** Resolves once `count` sessions are live (a sharded bot: one per shard). */
  waitForSessions(count: number, timeoutMs?: number): Promise<void>;
  /** The shard ([id, count]) of each live session. */
  readonly liveShards: Array<[number, number]>;
  /** Dispatch INTERACTION_CREATE to every live session. Missing fields get realistic defaults. */
  sendInteraction(payload: Record<string, unknown>): SentInteraction;
  /** A slash command (type 2) interaction. */
  sendCommand(spec: InteractionSpec): SentInteraction;
  /** An autocomplete (type 4) interaction; mark the focused option with `focused: true`. */
  sendAutocomplete(spec: InteractionSpec): SentInteraction;
  /** A click on a message's button (type 3, a message component interaction). */
  sendButton(spec: ButtonSpec): SentInteraction;
  /** The interaction callback (POST /interactions/:id/:token/callback) for an interaction. */
  callbackFor(sent: SentInteraction, timeoutMs?: number): Promise<RecordedRequest>;
  /** Close every gateway connection (default code 4000: discord.js resumes). refuseReconnect: refuse new ones until restoreGateway(). */
  dropGateway(options?: { code?: number; refuseReconnect?: boolean }): void;
  /** Accept gateway connections again after dropGateway({ refuseReconnect: true }). */
  restoreGateway(): void;
  /**
   * Answer the next `times` REST requests matching the predicate with an error (default 400 Bad Request,
   * which discord.js does not retry). A 429 carries Discord's rate-limit headers, with `retryAfterS`.
   */
  failNext(predicate: (r: RecordedRequest) => boolean, options?: { status?: number; times?: number; body?: unknown; retryAfterS?: number }): void;
  close(): Promise<void>;
}

interface Session {
  id: string;
  seq: number;
  socket: WebSocket | null;
  /** [shard id, shard count] from IDENTIFY ([0, 1] when the client does not shard). */
  shard: [number, number];
}

/** The shard that owns a guild, as Discord computes it. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A guild id owned by `shard` of `count`: for sending an interaction to one shard. */
export function guildOnShard(shard: number, count: number): string {
  for (let i = 0n; ; i++) {
    const id = String(1_000_000_000_000_000_001n + (i << 22n));
    if (shardOf(id, count) === shard) return id;
  }
}

let counter = 0;
const snowflake = () => String(1_300_000_000_000_000_000n + BigInt(Date.now()) * 1000n + BigInt(++counter % 1000));

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? '1100000000000000001';
  const botUserId = options.botUserId ?? applicationId;
  const requests: RecordedRequest[] = [];
  const gatewayFrames: GatewayFrame[] = [];
  const requestWaiters = new Set<() => void>();
  const sessionsById = new Map<string, Session>();
  const live = new Set<Session>();
  let refusing = false;
  const commands = new Map<string, unknown[]>();
  const failures: { predicate: (r: RecordedRequest) => boolean; status: number; body: unknown; times: number; headers: Record<string, string> }[] = [];

  const notify = () => {
    for (const w of [...requestWaiters]) w();
  };
  const tokenRejected = (token: string | undefined) =>
    options.rejectToken === true || (typeof options.rejectToken === 'string' && options.rejectToken === token);

  const server = createServer((req, res) => {
    void handleRest(req, res);
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (refusing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onGatewayConnection(ws));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  async function handleRest(req: IncomingMessage, res: ServerResponse) {
    const at = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const rawBody = raw.toString('utf8');
    const { body, files } = await parseBody(raw, req.headers['content-type']);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const prefix = '/api/v10';
    const rawPath = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    const path = rawPath.split('/').map(safeDecode).join('/');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      rawBody,
      files,
      status: 0,
      at,
    };
    const [status, payload, headers = {}] = route(record);
    record.status = status;
    requests.push(record);
    if (payload === undefined) {
      // Discord's 204 carries no JSON content type; discord.js would otherwise try to parse an empty body.
      res.writeHead(status, headers).end();
    } else {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    }
    notify();
  }

  function route(r: RecordedRequest): [number, unknown, Record<string, string>?] {
    const failure = failures.find((f) => f.times > 0 && f.predicate(r));
    if (failure) {
      failure.times -= 1;
      return [failure.status, failure.body, failure.headers];
    }
    const auth = typeof r.headers.authorization === 'string' ? r.headers.authorization : undefined;
    if (auth && tokenRejected(auth.replace(/^Bot\s+/i, ''))) return [401, { message: '401: Unauthorized', code: 0 }];
    const parts = r.path.split('/').filter(Boolean);
    const is = (method: string, pattern: string) => {
      const p = pattern.split('/').filter(Boolean);
      return r.method === method && p.length === parts.length && p.every((seg, i) => seg === '*' || seg === parts[i]);
    };
    if (is('GET', 'gateway/bot')) {
      return [200, { url: gatewayUrl, shards: options.shards ?? 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }];
    }
    if (is('GET', 'gateway')) return [200, { url: gatewayUrl }];
    if (is('GET', 'users/@me')) return [200, botUser()];
    if (is('GET', 'applications/@me')) return [200, { id: applicationId, name: 'Fact bot', flags: 0, bot: botUser() }];
    if (is('POST', 'interactions/*/*/callback')) {
      if (r.query.with_response === 'true') {
        return [200, { interaction: { id: parts[1], type: 2 }, resource: { type: (r.body as { type?: number })?.type ?? 4, message: message(r.body) } }];
      }
      return [204, undefined];
    }
    if (is('POST', 'webhooks/*/*')) return [200, message(r.body)];
    if (is('PATCH', 'webhooks/*/*/messages/*') || is('GET', 'webhooks/*/*/messages/*')) return [200, message(r.body)];
    if (is('DELETE', 'webhooks/*/*/messages/*')) return [204, undefined];
    if (is('PUT', 'applications/*/commands') || is('PUT', 'applications/*/guilds/*/commands')) {
      const list = Array.isArray(r.body) ? r.body : [];
      const stored = list.map((c) => ({ id: snowflake(), application_id: parts[1], version: snowflake(), type: 1, ...(c as object) }));
      commands.set(r.path, stored);
      return [200, stored];
    }
    if (is('GET', 'applications/*/commands') || is('GET', 'applications/*/guilds/*/commands')) return [200, commands.get(r.path) ?? []];
    return [404, { message: `Unknown route ${r.method} ${r.path}`, code: 0 }];
  }

  function botUser() {
    return { id: botUserId, username: 'factbot', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 };
  }

  function message(body: unknown) {
    const data = ((body as { data?: unknown })?.data ?? body ?? {}) as Record<string, unknown>;
    return {
      id: snowflake(),
      channel_id: '1200000000000000001',
      type: 20,
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: [],
      // What Discord stores for each file sent: its name and a CDN URL (here, a made-up one).
      attachments: ((data.attachments ?? []) as Array<{ id?: unknown; filename?: string; description?: string }>).map((a) => ({
        id: snowflake(),
        filename: a.filename ?? 'file',
        ...(a.description ? { description: a.description } : {}),
        size: 0,
        url: `https://cdn.fake/attachments/${a.filename ?? 'file'}`,
        proxy_url: `https://media.fake/attachments/${a.filename ?? 'file'}`,
      })),
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: data.flags ?? 0,
      author: botUser(),
      webhook_id: applicationId,
      application_id: applicationId,
    };
  }

  function onGatewayConnection(ws: WebSocket) {
    let session: Session | null = null;
    const send = (frame: GatewayFrame) => ws.send(JSON.stringify(frame));
    send({ op: 10, d: { heartbeat_interval: options.heartbeatInterval ?? 41_250 }, s: null, t: null });
    ws.on('message', (data) => {
      let frame: GatewayFrame;
      try {
        frame = JSON.parse(String(data)) as GatewayFrame;
      } catch {
        return ws.close(4002, 'Decode error');
      }
      gatewayFrames.push(frame);
      const d = (frame.d ?? {}) as Record<string, unknown>;
      if (frame.op === 1) {
        send({ op: 11, d: null });
      } else if (frame.op === 2) {
        if (tokenRejected(String(d.token))) return ws.close(4004, 'Authentication failed.');
        const shard: [number, number] = Array.isArray(d.shard) && d.shard.length === 2 ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
        session = { id: `session-${snowflake()}`, seq: 1, socket: ws, shard };
        sessionsById.set(session.id, session);
        live.add(session);
        send({
          op: 0,
          t: 'READY',
          s: session.seq,
          d: {
            v: 10,
            user: botUser(),
            guilds: [],
            session_id: session.id,
            resume_gateway_url: gatewayUrl,
            shard: session.shard,
            application: { id: applicationId, flags: 0 },
          },
        });
      } else if (frame.op === 6) {
        const known = sessionsById.get(String(d.session_id));
        if (!known || tokenRejected(String(d.token))) return send({ op: 9, d: false });
        session = known;
        session.socket = ws;
        live.add(session);
        send({ op: 0, t: 'RESUMED', s: ++session.seq, d: {} });
      }
      notify();
    });
    ws.on('close', () => {
      if (session && session.socket === ws) {
        live.delete(session);
        session.socket = null;
      }
    });
  }

  function waitUntil<T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return false;
        requestWaiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        requestWaiters.delete(check);
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      requestWaiters.add(check);
      check();
    });
  }

  function sendInteraction(partial: Record<string, unknown>): SentInteraction {
    const id = String(partial.id ?? snowflake());
    const token = String(partial.token ?? `aW50ZXJhY3Rpb246${id}:token-${counter}`);
    const dm = !('guild_id' in partial) && partial.context === 1;
    const user = { id: '1400000000000000001', username: 'asker', discriminator: '0', global_name: 'Asker', avatar: null };
    const payload: Record<string, unknown> = {
      id,
      token,
      application_id: applicationId,
      type: 2,
      version: 1,
      locale: 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
      attachment_size_limit: 10_485_760,
      ...(dm
        ? {
            channel_id: '1200000000000000002',
            channel: { id: '1200000000000000002', type: 1, flags: 0, recipients: [user] },
            user,
            authorizing_integration_owners: { '0': user.id },
            context: 1,
          }
        : {
            guild_id: '1000000000000000001',
            guild_locale: 'ko',
            guild: { id: '1000000000000000001', locale: 'ko', features: [] },
            channel_id: '1200000000000000001',
            channel: { id: '1200000000000000001', type: 0, name: 'general', guild_id: '1000000000000000001', flags: 0, permissions: '2248473465835073' },
            member: { user, roles: [], permissions: '2248473465835073', joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
            authorizing_integration_owners: { '0': '1000000000000000001' },
            context: 0,
          }),
      ...partial,
    };
    if (live.size === 0) throw new Error('fake Discord: no client is connected to the gateway');
    // A guild's events go to the shard that owns it; a DM's to shard 0.
    const guildId = typeof payload.guild_id === 'string' ? payload.guild_id : undefined;
    const targets = [...live].filter((s) => s.shard[0] === (guildId ? shardOf(guildId, s.shard[1]) : 0));
    for (const s of targets) s.socket?.send(JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: ++s.seq, d: payload }));
    return { id, token, payload, shards: targets.map((s) => s.shard[0]) };
  }

  function commandPayload(spec: InteractionSpec, type: number): Record<string, unknown> {
    const user = spec.userId ? { id: spec.userId, username: 'asker', discriminator: '0', global_name: null, avatar: null } : undefined;
    const guild = spec.guildId && !spec.dm
      ? {
          guild_id: spec.guildId,
          guild: { id: spec.guildId, locale: 'ko', features: [] },
          channel: { id: '1200000000000000001', type: 0, name: 'general', guild_id: spec.guildId, flags: 0, permissions: '2248473465835073' },
          authorizing_integration_owners: { '0': spec.guildId },
        }
      : {};
    return {
      ...guild,
      type,
      locale: spec.locale ?? 'en-US',
      data: { id: '1500000000000000001', name: spec.command, type: 1, options: spec.options ?? [] },
      ...(spec.dm ? { context: 1 } : {}),
      ...(user && spec.dm ? { user } : {}),
      ...(user && !spec.dm
        ? { member: { user, roles: [], permissions: '2248473465835073', joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 } }
        : {}),
      ...(spec.channelId ? { channel_id: spec.channelId, channel: channelOf(spec.channelId, spec.dm === true, user) } : {}),
    };
  }

  return {
    apiBase: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    applicationId,
    botUserId,
    requests,
    gatewayFrames,
    get sessions() {
      return live.size;
    },
    get liveShards() {
      return [...live].map((s) => s.shard);
    },
    waitForSessions: (count, timeoutMs = 30_000) => waitUntil(() => (live.size >= count ? true : undefined), `${count} gateway sessions`, timeoutMs).then(() => {}),
    waitFor: (predicate, timeoutMs = 30_000) => waitUntil(() => requests.find(predicate), 'a matching REST request', timeoutMs),
    waitForFrame: (predicate, timeoutMs = 30_000) => waitUntil(() => gatewayFrames.find(predicate), 'a matching gateway frame', timeoutMs),
    waitForSession: (timeoutMs = 30_000) => waitUntil(() => (live.size > 0 ? true : undefined), 'a gateway session', timeoutMs).then(() => {}),
    sendInteraction,
    sendCommand: (spec) => sendInteraction(commandPayload(spec, 2)),
    sendAutocomplete: (spec) => sendInteraction(commandPayload(spec, 4)),
    sendButton: (spec) => {
      const user = { id: spec.userId ?? '1400000000000000001', username: 'clicker', discriminator: '0', global_name: null, avatar: null };
      return sendInteraction({
        type: 3,
        locale: spec.locale ?? 'en-US',
        data: { custom_id: spec.customId, component_type: 2 },
        message: { ...message(spec.message ?? {}), ...(spec.message?.components ? { components: spec.message.components } : {}) },
        member: { user, roles: [], permissions: '2248473465835073', joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
      });
    },
    callbackFor: (sent, timeoutMs) =>
      waitUntil(
        () => requests.find((r) => r.method === 'POST' && r.path === `/interactions/${sent.id}/${sent.token}/callback`),
        `the callback of interaction ${sent.id}`,
        timeoutMs ?? 30_000,
      ),
    dropGateway({ code = 4000, refuseReconnect = false } = {}) {
      refusing = refuseReconnect;
      for (const s of live) s.socket?.close(code, 'Dropped by the fake');
      live.clear();
    },
    restoreGateway() {
      refusing = false;
    },
    failNext(predicate, { status = 400, times = 1, body, retryAfterS = 1 } = {}) {
      if (status === 429) {
        // What Discord sends with a 429: the wait in the body and in headers (discord.js reads the headers).
        const headers = { 'retry-after': String(retryAfterS), 'x-ratelimit-scope': 'user', 'x-ratelimit-limit': '1', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': String(retryAfterS), 'x-ratelimit-bucket': 'fake-bucket' };
        failures.push({ predicate, status, times, headers, body: body ?? { message: 'You are being rate limited.', retry_after: retryAfterS, global: false } });
        return;
      }
      const fallback = status >= 500 ? { message: 'Internal Server Error', code: 0 } : { message: 'Invalid Form Body', code: 50035, errors: {} };
      failures.push({ predicate, status, times, headers: {}, body: body ?? fallback });
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A channel object as an interaction carries it: a DM with the asker, or a text channel in the guild. */
function channelOf(id: string, dm: boolean, user: Record<string, unknown> | undefined): Record<string, unknown> {
  if (dm) return { id, type: 1, flags: 0, ...(user ? { recipients: [user] } : {}) };
  return { id, type: 0, name: `channel-${id.slice(-4)}`, guild_id: '1000000000000000001', flags: 0, permissions: '2248473465835073' };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** JSON, or multipart/form-data (parsed by the platform's own fetch Response, as a server would). */
async function parseBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    const files: UploadedFile[] = [];
    let body: unknown;
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}
