// The one Redis connection an instance shares state through (REDIS_URL): Slack event dedupe, rate
// limits, conversations. Redis is a help, never a need: while it does not answer, every feature falls
// back to this instance's memory. The outage logs one warning and its end one line, however many
// commands fail meanwhile; nothing waits on a Redis that is not there (no offline queue, short timeouts).
import { Redis } from 'ioredis';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '../runtime/logger.ts';

/**
 * Redis on the same network answers in well under a millisecond; a second means it is not answering.
 * Not less: when the event loop is held up (a collection, a starved CPU) the timer fires before the
 * reply that came meanwhile is read, and a quarter second gave spurious outages on a loaded 2-core
 * machine (each instance then deduplicating alone). Only the commands in flight when Redis stops
 * answering wait this long: after the first timeout every feature answers from memory at once.
 */
const COMMAND_TIMEOUT_MS = 1000;
const CONNECT_TIMEOUT_MS = 2000;
/** Reconnect attempts back off to one every 2 s, forever: Redis coming back is noticed within seconds. */
const RECONNECT_MAX_MS = 2000;
/** While degraded with the socket still open (a timeout, not a disconnect), a PING this often checks for recovery. */
const PROBE_INTERVAL_MS = 1000;

export type SharedFeature = 'dedupe' | 'rate-limit' | 'conversations';

export interface SharedStateMetrics {
  redisUp(up: boolean): void;
  /** An operation answered from this instance's memory because Redis failed it. */
  fallback(feature: SharedFeature): void;
}

export const NO_SHARED_STATE_METRICS: SharedStateMetrics = { redisUp() {}, fallback() {} };

export function createSharedStateMetrics(registry: Registry): SharedStateMetrics {
  const up = new Gauge({ name: 'shared_state_redis_up', help: '1 while Redis holds the shared state; 0 while this instance uses its own memory', registers: [registry] });
  const fallbacks = new Counter({
    name: 'shared_state_fallbacks_total',
    help: 'Shared-state operations answered from this instance memory because Redis failed them, by feature',
    labelNames: ['feature'] as const,
    registers: [registry],
  });
  return { redisUp: (u) => up.set(u ? 1 : 0), fallback: (feature) => fallbacks.inc({ feature }) };
}

export interface RedisConnection {
  readonly client: Redis;
  /** Prefix of every key this bot writes (REDIS_KEY_PREFIX), so several bots can share one Redis. */
  readonly prefix: string;
  /** True while Redis answers; false before the first connection and during an outage. */
  readonly available: boolean;
  /** Resolves true once connected, false after timeoutMs (start-up waits this long, then goes on in memory). */
  ready(timeoutMs?: number): Promise<boolean>;
  /** A command failed: switch to memory (one warning per outage) until Redis answers again. */
  failed(feature: SharedFeature, err: unknown): void;
  close(): Promise<void>;
}

export interface RedisConnectionOptions {
  url: string;
  prefix: string;
  logger: Logger;
  metrics?: SharedStateMetrics;
  /** CLIENT SETNAME, to find this connection in CLIENT LIST. */
  connectionName?: string;
}

export function connectRedis(options: RedisConnectionOptions): RedisConnection {
  const { logger, prefix } = options;
  const metrics = options.metrics ?? NO_SHARED_STATE_METRICS;
  const where = { redis: describeRedisUrl(options.url) };
  const client = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, RECONNECT_MAX_MS),
    ...(options.connectionName ? { connectionName: options.connectionName } : {}),
  });

  let state: 'starting' | 'up' | 'down' | 'closed' = 'starting';
  let probe: NodeJS.Timeout | undefined;
  const readyWaiters = new Set<(ok: boolean) => void>();

  const up = () => {
    if (state === 'closed' || state === 'up') return;
    const wasDown = state === 'down';
    state = 'up';
    if (probe) clearInterval(probe);
    probe = undefined;
    metrics.redisUp(true);
    for (const resolve of readyWaiters) resolve(true);
    readyWaiters.clear();
    if (wasDown) logger.info(where, 'Redis is back: event dedupe, rate limits and conversations are shared again');
    else logger.info(where, 'Redis connected: event dedupe, rate limits and conversations are shared');
  };
  const down = (reason: string) => {
    if (state === 'closed' || state === 'down') return;
    const wasStarting = state === 'starting';
    state = 'down';
    metrics.redisUp(false);
    logger.warn(
      { ...where, reason },
      wasStarting
        ? 'Redis is not answering: this instance keeps event dedupe, rate limits and conversations in its own memory until it does'
        : 'Redis went away: this instance keeps event dedupe, rate limits and conversations in its own memory until it is back',
    );
    probe ??= setInterval(() => {
      if (client.status !== 'ready') return; // the reconnect's 'ready' event will bring it back
      client.ping().then(up, () => undefined);
    }, PROBE_INTERVAL_MS);
    probe.unref();
  };

  client.on('ready', up);
  // Without an 'error' listener ioredis would print every failed reconnect; the outage is logged once instead.
  client.on('error', (err: Error) => down(err.message));
  client.on('close', () => down('connection closed'));

  return {
    client,
    prefix,
    get available() {
      return state === 'up';
    },
    ready(timeoutMs = CONNECT_TIMEOUT_MS) {
      if (state === 'up') return Promise.resolve(true);
      if (state === 'closed') return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          readyWaiters.delete(done);
          resolve(false);
        }, timeoutMs);
        const done = (ok: boolean) => {
          clearTimeout(timer);
          resolve(ok);
        };
        readyWaiters.add(done);
      });
    },
    failed(feature, err) {
      metrics.fallback(feature);
      down(err instanceof Error ? err.message : String(err));
    },
    async close() {
      if (state === 'closed') return;
      state = 'closed';
      if (probe) clearInterval(probe);
      for (const resolve of readyWaiters) resolve(false);
      readyWaiters.clear();
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}

/** host:port/db for logs: never the password a REDIS_URL may carry. */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 6379}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
  } catch {
    return '(REDIS_URL)';
  }
}
