// Per-user rate limit: at most `max` questions per window (a fixed window that starts with the user's
// first question). Over the limit the caller gets 'limited' once (to send one polite reply), then
// 'silent' until the window passes. Each check is O(1); memory is bounded: at most `maxKeys` users are
// tracked, the least recently seen evicted first, so a flood from many ids cannot grow the map.

export type RateDecision = 'allowed' | 'limited' | 'silent';

export interface RateLimiterOptions {
  max: number;
  windowMs: number;
  /** How many users are remembered at once (default 10,000). */
  maxKeys?: number;
  now?: () => number;
}

interface Window {
  start: number;
  count: number;
}

export interface RateLimiter {
  check(key: string): RateDecision;
  /** Milliseconds until `key` may ask again (0 when it may now). */
  retryAfterMs(key: string): number;
  readonly size: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { max, windowMs } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order; re-inserting on every check keeps the least recently seen first.
  const windows = new Map<string, Window>();

  return {
    check(key) {
      const t = now();
      let w = windows.get(key);
      if (w) windows.delete(key);
      if (!w || t - w.start >= windowMs) w = { start: t, count: 0 };
      windows.set(key, w);
      if (windows.size > maxKeys) {
        const oldest = windows.keys().next().value;
        if (oldest !== undefined) windows.delete(oldest);
      }
      w.count += 1;
      if (w.count <= max) return 'allowed';
      return w.count === max + 1 ? 'limited' : 'silent';
    },
    retryAfterMs(key) {
      const w = windows.get(key);
      if (!w || w.count <= max) return 0;
      return Math.max(0, w.start + windowMs - now());
    },
    get size() {
      return windows.size;
    },
  };
}
