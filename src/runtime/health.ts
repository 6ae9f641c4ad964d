// Connection state per started platform, and the two HTTP routes an operator scrapes:
// GET /healthz (200 when every started platform is connected, 503 with the reasons otherwise) and
// GET /metrics (Prometheus text). They are served on HEALTH_PORT only (src/runtime/health-server.ts),
// never on a platform's public port.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from './metrics.ts';

type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

interface State {
  connected: boolean;
  reason?: string;
  since: string;
  /** Several connections of one platform (Discord's shards), each reported on its own. */
  parts?: Record<string, Omit<State, 'parts'>>;
}

export interface Health {
  /** A platform is being started: it counts as not connected until it reports or its start() resolves. */
  starting(platform: string): void;
  /** start() resolved: a platform that never reported (the terminal chat) counts as connected. */
  started(platform: string): void;
  /** With `part`: one connection of several (a shard); the platform is connected when every part is. */
  set(platform: string, connected: boolean, reason?: string, part?: string): void;
  /** The process is shutting down: /healthz says so (503) so a load balancer stops sending work. */
  shuttingDown(): void;
  status(): { ok: boolean; platforms: Record<string, State>; shuttingDown?: true };
  routes: Record<'/healthz' | '/metrics', RouteHandler>;
}

export function createHealth(metrics: Metrics): Health {
  const states = new Map<string, State>();
  const reported = new Set<string>();
  let closing = false;
  const put = (platform: string, connected: boolean, reason?: string) => {
    const prev = states.get(platform);
    if (prev && prev.connected === connected && prev.reason === reason) return;
    states.set(platform, { connected, ...(reason ? { reason } : {}), since: new Date().toISOString(), ...(prev?.parts ? { parts: prev.parts } : {}) });
    metrics.connected(platform, connected);
  };
  const putPart = (platform: string, part: string, connected: boolean, reason?: string) => {
    const parts = { ...(states.get(platform)?.parts ?? {}) };
    const prev = parts[part];
    if (!prev || prev.connected !== connected || prev.reason !== reason) {
      parts[part] = { connected, ...(reason ? { reason } : {}), since: new Date().toISOString() };
      metrics.connected(platform, connected, part);
    }
    const down = Object.entries(parts).filter(([, p]) => !p.connected);
    const current = states.get(platform);
    states.set(platform, { ...(current ?? { connected: false, since: new Date().toISOString() }), parts });
    put(platform, down.length === 0, down.length === 0 ? undefined : down.map(([name, p]) => `${name} ${p.reason ?? 'disconnected'}`).join(', '));
  };

  const health: Health = {
    starting(platform) {
      put(platform, false, 'starting');
    },
    started(platform) {
      if (!reported.has(platform)) put(platform, true);
    },
    set(platform, connected, reason, part) {
      reported.add(platform);
      const why = connected ? undefined : (reason ?? 'disconnected');
      if (part === undefined) put(platform, connected, why);
      else putPart(platform, part, connected, why);
    },
    shuttingDown() {
      closing = true;
    },
    status() {
      const platforms = Object.fromEntries(states);
      const ok = !closing && states.size > 0 && [...states.values()].every((s) => s.connected);
      return { ok, platforms, ...(closing ? { shuttingDown: true as const } : {}) };
    },
    routes: {
      '/healthz': (_req: IncomingMessage, res: ServerResponse) => {
        const s = health.status();
        const body = JSON.stringify({
          status: s.ok ? 'ok' : 'unavailable',
          ...(s.ok ? {} : { reason: reasonOf(s) }),
          platforms: s.platforms,
        });
        res.writeHead(s.ok ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(body);
      },
      '/metrics': (_req: IncomingMessage, res: ServerResponse) => {
        metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'content-type': metrics.registry.contentType });
            res.end(text);
          },
          (err: unknown) => {
            res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
            res.end(`metrics failed: ${err instanceof Error ? err.message : String(err)}`);
          },
        );
      },
    },
  };
  return health;
}

function reasonOf(s: ReturnType<Health['status']>): string {
  if (s.shuttingDown) return 'shutting down';
  const down = Object.entries(s.platforms).filter(([, p]) => !p.connected);
  if (down.length === 0) return 'no platform started';
  return down.map(([name, p]) => `${name}: ${p.reason ?? 'disconnected'}`).join('; ');
}
