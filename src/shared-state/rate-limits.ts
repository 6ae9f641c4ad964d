// Per-user rate limits (rate-limiter-flexible), in this instance's memory or, with Redis, shared by every
// instance, so a user is counted once however the load balancer spreads their questions. The same
// decisions as src/runtime/rate-limiter.ts: a fixed window from the user's first question; over the limit
// 'limited' once (one polite reply), then 'silent' until the window passes. With Redis, "once" holds
// across instances too: the count is one atomic INCR per question. While Redis is away, each instance
// counts in its own memory.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RedisConnection } from './redis-connection.ts';
import { hashedKey } from './shared-key.ts';

export type RateDecision = 'allowed' | 'limited' | 'silent';

export interface SharedRateLimiter {
  check(key: string): Promise<RateDecision>;
  /** Users this instance's memory tracks now (at most maxKeys). */
  readonly size: number;
}

export interface RateLimits {
  max: number;
  windowMs: number;
  /** How many users memory remembers at once (default 10,000); the least recently seen go first. */
  maxKeys?: number;
}

const DEFAULT_MAX_KEYS = 10_000;

const decide = (consumed: number, max: number): RateDecision => (consumed <= max ? 'allowed' : consumed === max + 1 ? 'limited' : 'silent');

/** consume() resolves under the limit and rejects with a RateLimiterRes over it; any other rejection is a store failure. */
async function consume(limiter: RateLimiterMemory | RateLimiterRedis, key: string, max: number): Promise<RateDecision> {
  try {
    return decide((await limiter.consume(key)).consumedPoints, max);
  } catch (res) {
    if (res instanceof RateLimiterRes) return decide(res.consumedPoints, max);
    throw res;
  }
}

export function createMemoryRateLimiter(limits: RateLimits): SharedRateLimiter {
  const { max } = limits;
  const maxKeys = limits.maxKeys ?? DEFAULT_MAX_KEYS;
  const limiter = new RateLimiterMemory({ points: max, duration: limits.windowMs / 1000 });
  // rate-limiter-flexible forgets a key when its window ends (a timer per key), which bounds memory by
  // time only; this map, in least-recently-seen order, bounds it by count when many ids arrive at once.
  const recent = new Map<string, true>();
  return {
    async check(key) {
      recent.delete(key);
      recent.set(key, true);
      if (recent.size > maxKeys) {
        const oldest = recent.keys().next().value as string;
        recent.delete(oldest);
        await limiter.delete(oldest);
      }
      return consume(limiter, key, max);
    },
    get size() {
      return recent.size;
    },
  };
}

export function createSharedRateLimiter(redis: RedisConnection, limits: RateLimits): SharedRateLimiter {
  const { max } = limits;
  const shared = new RateLimiterRedis({
    storeClient: redis.client,
    keyPrefix: `${redis.prefix}rate`,
    points: max,
    // Redis expiries here are whole seconds (RATE_LIMIT_WINDOW_SECONDS is whole seconds anyway).
    duration: Math.max(1, Math.round(limits.windowMs / 1000)),
    rejectIfRedisNotReady: true,
  });
  const local = createMemoryRateLimiter(limits);
  return {
    async check(key) {
      if (!redis.available) return local.check(key);
      try {
        // The user's platform id stays out of Redis: the key is a hash of it.
        return await consume(shared, hashedKey(key), max);
      } catch (err) {
        redis.failed('rate-limit', err);
        return local.check(key);
      }
    },
    get size() {
      return local.size;
    },
  };
}
