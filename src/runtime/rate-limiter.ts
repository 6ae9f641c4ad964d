// Per-user rate limit: at most `max` questions per window (a fixed window that starts with the user's
// first question). Over the limit the caller gets 'limited' once (to send one polite reply), then
// 'silent' until the window passes. Each check is O(1) amortised; memory is bounded by count and by age:
// at most `maxKeys` users are tracked (the least recently seen evicted first), and a user not seen for
// a whole window is forgotten (their next question starts a new window anyway), so a stream of new
// askers leaves behind only the last window's worth.

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
      // The least recently seen come first: drop those whose window has passed.
      for (const [oldKey, old] of windows) {
        if (t - old.start < windowMs) break;
        windows.delete(oldKey);
      }
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
