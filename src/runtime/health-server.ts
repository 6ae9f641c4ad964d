// /healthz and /metrics on a port of their own (HEALTH_PORT), bound to 127.0.0.1 unless HEALTH_HOST says
// otherwise: they tell anyone who can reach them how busy the bot is and which platforms are down, so
// they are for the operator's probes, not the internet. METRICS_TOKEN, when set, is required as a
// bearer token for /metrics (/healthz stays open to the load balancer's probe). Paths match exactly.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Health } from './health.ts';
import { startHttpServer, type HttpServer } from './http-server.ts';

export interface HealthServerOptions {
  port: number;
  host: string;
  /** Required as `Authorization: Bearer <token>` for /metrics when set. */
  metricsToken?: string;
}

export function startHealthServer(health: Health, options: HealthServerOptions): Promise<HttpServer> {
  const authorized = bearerCheck(options.metricsToken);
  return startHttpServer(
    (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0];
      const route = req.method === 'GET' || req.method === 'HEAD' ? health.routes[path as keyof Health['routes']] : undefined;
      if (!route || !Object.hasOwn(health.routes, path ?? '')) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('not found\n');
        return;
      }
      if (path === '/metrics' && !authorized(req.headers.authorization)) {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' });
        res.end('metrics need the bearer token (METRICS_TOKEN)\n');
        return;
      }
      route(req, res);
    },
    { port: options.port, host: options.host },
  );
}

/** Compares in constant time (hashes first, so lengths leak nothing either). */
function bearerCheck(token: string | undefined): (header: string | undefined) => boolean {
  if (!token) return () => true;
  const expected = createHash('sha256').update(token).digest();
  return (header) => {
    const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
    if (!given) return false;
    return timingSafeEqual(createHash('sha256').update(given).digest(), expected);
  };
}
