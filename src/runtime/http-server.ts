// A minimal HTTP server for /healthz and /metrics (used when no platform serves them on its own server).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouteHandler } from '../platform.ts';

export interface RoutesServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function serveRoutes(routes: Record<string, RouteHandler>, port: number, host?: string): Promise<RoutesServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = req.method === 'GET' || req.method === 'HEAD' ? routes[path] : undefined;
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  });
  // Scrapers use keep-alive; without this, close() would wait for their idle sockets.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
