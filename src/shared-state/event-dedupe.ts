// "Once per event" across instances: Slack redelivers an event (to any instance behind the load
// balancer) when it thinks the first delivery failed. With Redis, the first instance to SET the event id
// (NX: only if absent, with an expiry) answers it; the others see it taken. Without Redis, or while it is
// away, each instance remembers the ids it saw itself (bounded by count and age).
import { LRUCache } from 'lru-cache';
import type { RedisConnection } from './redis-connection.ts';

export interface EventDedupe {
  /** True the first time an id is seen within the TTL (by any instance, with Redis); false for a redelivery. */
  firstTime(id: string): Promise<boolean>;
  /** Ids remembered in this instance's memory. */
  readonly size: number;
}

export interface DedupeLimits {
  /** How long an id is remembered. Slack's retries come within minutes; default 10 minutes. */
  ttlMs: number;
  /** Bound on this instance's memory: the oldest ids go first. */
  maxSize: number;
  /** The clock (tests). */
  now?: () => number;
}

export const DEFAULT_DEDUPE_LIMITS: DedupeLimits = { ttlMs: 10 * 60_000, maxSize: 10_000 };

export function createMemoryEventDedupe(limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS): EventDedupe & { has(id: string): boolean; mark(id: string): void } {
  // No age refresh on lookups: an id is forgotten ttlMs after it was first seen, as in Redis.
  const seen = new LRUCache<string, true>({
    max: limits.maxSize,
    ttl: limits.ttlMs,
    updateAgeOnGet: false,
    updateAgeOnHas: false,
    // An injected clock is read on every check (no 1 ms caching of the time).
    ...(limits.now ? { perf: { now: limits.now }, ttlResolution: 0 } : {}),
  });
  return {
    async firstTime(id) {
      if (seen.has(id)) return false;
      seen.set(id, true);
      return true;
    },
    has: (id) => seen.has(id),
    mark: (id) => void seen.set(id, true),
    get size() {
      return seen.size;
    },
  };
}

export function createSharedEventDedupe(redis: RedisConnection, limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS): EventDedupe {
  // Every id also goes into memory: a redelivery to this instance is caught even while Redis is away.
  const local = createMemoryEventDedupe(limits);
  return {
    async firstTime(id) {
      const seenHere = local.has(id);
      local.mark(id);
      if (seenHere) return false;
      if (!redis.available) return true;
      try {
        return (await redis.client.set(`${redis.prefix}dedupe:${id}`, '1', 'PX', limits.ttlMs, 'NX')) === 'OK';
      } catch (err) {
        redis.failed('dedupe', err);
        return true;
      }
    },
    get size() {
      return local.size;
    },
  };
}
