// The process's HTTP servers (the health port, a platform's own port) share one way to start and stop.
// A clean stop matters more than it looks: clients such as Slack and load balancers keep connections
// open (keep-alive) and send the next request on them at once, so a plain server.close() would wait for
// them forever. Here, once close() is called, idle connections are closed, responses still being worked
// on go out with `Connection: close`, a request that arrives on an open connection gets 503 (Slack then
// redelivers it elsewhere) and the socket is closed after it. Bodies are read with a size cap.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** The largest request body any platform endpoint reads: Slack's and the JSON API's payloads are a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request must send its headers within this time (slow-header clients hold a socket for nothing). */
const HEADERS_TIMEOUT_MS = 10_000;
/** ... and its whole body within this time: platform payloads are a few kilobytes. */
const REQUEST_TIMEOUT_MS = 15_000;
/** Scrapers and Slack reuse connections; an idle one is closed after this. */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** After close(), connections still open after this long (a response that never ends) are cut. */
const FORCE_CLOSE_AFTER_MS = 3_000;

export interface HttpServerOptions {
  port: number;
  /** The interface to listen on: '127.0.0.1' for loopback only; undefined for every interface. */
  host?: string;
}

export interface HttpServer {
  server: Server;
  port: number;
  /** The address it is bound to, e.g. '127.0.0.1' or '::'. */
  address: string;
  /** True once close() was called: handlers may use it to refuse new work. */
  readonly closing: boolean;
  /** Stops taking requests and resolves when every connection is closed (see the top of this file). */
  close(): Promise<void>;
}

export async function startHttpServer(handler: RequestHandler, options: HttpServerOptions): Promise<HttpServer> {
  let closing = false;
  const pending = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (closing) return refuse(res);
    pending.add(res);
    res.once('close', () => pending.delete(res));
    try {
      const done = handler(req, res);
      if (done) done.catch((err: unknown) => failed(res, err));
    } catch (err) {
      failed(res, err);
    }
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    server,
    port: bound.port,
    address: bound.address,
    get closing() {
      return closing;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        // Answers still being worked on are the last on their connection.
        for (const res of pending) if (!res.headersSent) res.setHeader('connection', 'close');
        const force = setTimeout(() => server.closeAllConnections(), FORCE_CLOSE_AFTER_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}

function refuse(res: ServerResponse): void {
  res.writeHead(503, { connection: 'close', 'retry-after': '5', 'content-type': 'text/plain; charset=utf-8' });
  res.end('shutting down\n');
}

function failed(res: ServerResponse, err: unknown): void {
  // A handler's own bug: the client gets a 500, the socket is not left hanging. Handlers log their errors.
  void err;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { connection: 'close', 'content-type': 'text/plain; charset=utf-8' });
  res.end('internal error\n');
}

/** A body over the cap: answer 413 (Payload Too Large). */
export class BodyTooLargeError extends Error {
  readonly status = 413;
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** True when the declared Content-Length is already over the cap: refuse before reading anything. */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

/**
 * The request body, read up to `limit` bytes. Over the cap (declared or streamed, chunked bodies
 * included) it rejects with BodyTooLargeError as soon as it knows, without buffering the rest.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (declaredTooLarge(req, limit)) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        // Stop reading: the rest of the upload is never buffered.
        req.pause();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Sends a short reply and closes the connection after it (for refusals: the rest of the body is not read). */
export function refuseRequest(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { connection: 'close', 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${message}\n`);
}
