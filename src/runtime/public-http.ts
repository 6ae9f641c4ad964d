// The public HTTP port (PORT), shared by the platforms that receive requests (Slack's Events API, the JSON
// API): each mounts its path during start(), and the runtime listens once, after every platform has
// started, only when one mounted something. One port, one clean stop (http-server.ts), nothing served
// but the mounted paths: /healthz and /metrics live on HEALTH_PORT.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttpServer, type HttpServer, type RequestHandler } from './http-server.ts';

export interface PublicHttp {
  /**
   * Serves `handler` for requests to `path` exactly, or to every path under it when it ends with '/'
   * ('/v1/'). Call it during start(); a path mounted twice is an error.
   */
  mount(path: string, handler: RequestHandler): void;
  /** True once the server is closing: take no new work (the server already refuses new requests). */
  readonly closing: boolean;
  /** The port it listens on, once it does. */
  readonly port: number | undefined;
}

export interface PublicHttpServer extends PublicHttp {
  readonly mounted: readonly string[];
  /** Starts listening (rejects like server.listen: EADDRINUSE, EACCES). */
  listen(port: number, host?: string): Promise<HttpServer>;
  /** Stops taking requests; resolves when every connection is closed. A no-op when not listening. */
  close(): Promise<void>;
}

export function createPublicHttp(): PublicHttpServer {
  const exact = new Map<string, RequestHandler>();
  const prefixes: Array<[string, RequestHandler]> = [];
  let server: HttpServer | undefined;

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handler = exact.get(path) ?? prefixes.find(([prefix]) => path.startsWith(prefix))?.[1];
    if (handler) return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  };

  return {
    mount(path, handler) {
      if (!path.startsWith('/')) throw new Error(`a mounted path starts with "/": ${path}`);
      if (exact.has(path) || prefixes.some(([p]) => p === path)) throw new Error(`${path} is mounted twice on PORT`);
      if (path.endsWith('/')) prefixes.push([path, handler]);
      else exact.set(path, handler);
    },
    get mounted() {
      return [...exact.keys(), ...prefixes.map(([p]) => p)];
    },
    get closing() {
      return server?.closing ?? false;
    },
    get port() {
      return server?.port;
    },
    async listen(port, host) {
      server = await startHttpServer(route, { port, ...(host ? { host } : {}) });
      return server;
    },
    async close() {
      await server?.close();
    },
  };
}
