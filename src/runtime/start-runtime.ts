// Runs the started platforms as one process: one PlatformContext per platform (so /healthz knows
// each one's connection), the handle() pipeline, /healthz and /metrics, fact reloads and a graceful
// shutdown. src/main.ts only reads the configuration and wires signals to this.
import type { Core } from '../core.ts';
import { ConfigError, type PlatformContext, type PlatformDefinition, type RunningPlatform } from '../platform.ts';
import type { Env, RuntimeConfig } from './config.ts';
import type { Logger } from './logger.ts';
import { createHandle, type Handle } from './handle-question.ts';
import { createHealth, type Health } from './health.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createRateLimiter } from './rate-limiter.ts';
import type { HttpServer } from './http-server.ts';
import { startHealthServer } from './health-server.ts';
import { createInFlight, DEFAULT_IN_FLIGHT_LIMITS } from './in-flight.ts';
import { reloadFacts, watchFacts } from './fact-reload.ts';

export interface RuntimeOptions {
  config: RuntimeConfig;
  env: Env;
  core: Core;
  logger: Logger;
  platforms: PlatformDefinition[];
  metrics?: Metrics;
}

export interface Runtime {
  handle: Handle;
  health: Health;
  metrics: Metrics;
  /** The /healthz + /metrics server, on HEALTH_PORT (none when HEALTH_PORT is unset). */
  server?: HttpServer;
  /** Resolves when every started platform has finished by itself (the terminal chat at end of input). */
  finished?: Promise<void>;
  reload(trigger: string): boolean;
  /** Stop every platform (each lets its answers in flight finish), then close the servers. Idempotent. */
  shutdown(reason: string): Promise<void>;
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, env, core, logger, platforms } = options;
  const metrics = options.metrics ?? createMetrics();
  const health = createHealth(metrics);
  metrics.factsLoaded(core.factCount);
  const handle = createHandle({
    core,
    logger,
    metrics,
    limiter: createRateLimiter(config.rateLimit),
    // The terminal chat has one user, the operator: piping a file of questions must not be throttled.
    unlimited: new Set(platforms.filter((p) => p.fallback).map((p) => p.name)),
  });

  const running: Array<{ name: string; instance: RunningPlatform }> = [];
  const stopAll = async () => {
    await Promise.all(
      running.map(async ({ name, instance }) => {
        try {
          await instance.stop();
          logger.info({ platform: name }, 'platform stopped');
        } catch (err) {
          logger.error({ platform: name, err: err instanceof Error ? err.message : String(err) }, 'platform failed to stop cleanly');
        }
      }),
    );
  };

  for (const p of platforms) {
    health.starting(p.name);
    const ctx = contextFor(p.name, { core, env, logger, handle, health });
    try {
      running.push({ name: p.name, instance: await p.start(ctx) });
    } catch (err) {
      // Leave nothing half-connected behind when a later platform's configuration is wrong.
      await stopAll();
      throw err;
    }
    health.started(p.name);
    logger.info({ platform: p.name }, 'platform started');
  }

  let server: HttpServer | undefined;
  if (config.healthPort !== undefined) {
    try {
      server = await startHealthServer(health, { port: config.healthPort, host: config.healthHost, ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}) });
    } catch (err) {
      await stopAll();
      const code = (err as { code?: unknown }).code;
      throw new ConfigError('HEALTH_PORT', `Cannot listen on HEALTH_PORT ${config.healthPort} at HEALTH_HOST ${config.healthHost} (${String(code ?? err)}): choose a free port, or an address of this machine.`);
    }
    logger.info({ port: server.port, host: server.address, metricsToken: Boolean(config.metricsToken) }, `health and metrics on http://${hostForUrl(server.address)}:${server.port}/healthz and /metrics`);
  }

  const reload = (trigger: string) => reloadFacts(core, logger, metrics, trigger);
  const watcher = config.factsWatch
    ? watchFacts(
        config.factsDir,
        () => reload('file change'),
        (err) => logger.warn({ err: err.message, dir: config.factsDir }, 'fact folder watch stopped; reload with SIGHUP'),
      )
    : undefined;
  if (watcher) logger.info({ dir: config.factsDir }, 'watching the fact folder for changes');

  const selfFinishing = running.map((r) => r.instance.done).filter((d): d is Promise<void> => Boolean(d));
  const finished = selfFinishing.length > 0 && selfFinishing.length === running.length ? Promise.all(selfFinishing).then(() => undefined) : undefined;

  let closing: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    closing ??= (async () => {
      logger.info({ reason }, 'shutting down: finishing answers in flight');
      health.shuttingDown();
      watcher?.close();
      await stopAll();
      await server?.close();
      logger.info('shutdown complete');
    })();
    return closing;
  };

  return { handle, health, metrics, ...(server ? { server } : {}), ...(finished ? { finished } : {}), reload, shutdown };
}

function contextFor(
  platform: string,
  deps: { core: Core; env: Env; logger: Logger; handle: Handle; health: Health },
): PlatformContext {
  const logger = deps.logger.child({ platform });
  return {
    core: deps.core,
    env: deps.env,
    logger,
    handle: deps.handle,
    inFlight: createInFlight(DEFAULT_IN_FLIGHT_LIMITS, () => logger.warn({ max_age_ms: DEFAULT_IN_FLIGHT_LIMITS.maxAgeMs }, 'an answer took too long to deliver; no longer waiting for it')),
    setConnected(connected, reason) {
      const before = deps.health.status().platforms[platform];
      deps.health.set(platform, connected, reason);
      if (before?.connected !== connected) {
        if (connected) logger.info('platform connected');
        else logger.warn({ reason: reason ?? 'disconnected' }, 'platform disconnected');
      }
    },
  };
}

/** An address as it goes in a URL: IPv6 in brackets. */
function hostForUrl(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
