// Without Redis (one instance), the same interfaces in memory: rate-limiter-flexible with a bound on how
// many users it tracks, and event ids remembered for a while, bounded too.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRateLimiter } from '../../src/shared-state/rate-limits.ts';
import { createMemoryEventDedupe } from '../../src/shared-state/event-dedupe.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('memory rate limiter', () => {
  it('allows max questions per window, answers the next with one limit reply, then stays silent', async () => {
    const limiter = createMemoryRateLimiter({ max: 5, windowMs: 10_000 });
    const decisions = [];
    for (let i = 0; i < 8; i++) decisions.push(await limiter.check('discord\0alice'));
    expect(decisions).toEqual(['allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'limited', 'silent', 'silent']);
    expect(await limiter.check('discord\0bob')).toBe('allowed');
  });

  it('lets the user ask again once the window has passed', async () => {
    vi.useFakeTimers();
    const limiter = createMemoryRateLimiter({ max: 2, windowMs: 10_000 });
    expect([await limiter.check('u'), await limiter.check('u'), await limiter.check('u')]).toEqual(['allowed', 'allowed', 'limited']);
    vi.advanceTimersByTime(10_001);
    expect(await limiter.check('u')).toBe('allowed');
  });

  it('remembers a bounded number of users, forgetting the least recently seen first', async () => {
    const limiter = createMemoryRateLimiter({ max: 1, windowMs: 60_000, maxKeys: 100 });
    await limiter.check('kept');
    for (let i = 0; i < 1000; i++) {
      await limiter.check(`user-${i}`);
      if (i % 50 === 0) await limiter.check('kept');
      expect(limiter.size).toBeLessThanOrEqual(100);
    }
    expect(await limiter.check('kept')).toBe('silent');
    expect(await limiter.check('user-0')).toBe('allowed'); // forgotten long ago: a fresh window
  });
});

describe('memory event dedupe', () => {
  it('says first time once per id, forgets after the TTL, and stays within its size bound', async () => {
    let now = 1_000_000;
    const d = createMemoryEventDedupe({ ttlMs: 1000, maxSize: 100, now: () => now });
    expect(await d.firstTime('Ev1')).toBe(true);
    now += 999;
    expect(await d.firstTime('Ev1')).toBe(false);
    now += 2;
    expect(await d.firstTime('Ev1')).toBe(true);
    for (let i = 0; i < 1000; i++) await d.firstTime(`Ev-${i}`);
    expect(d.size).toBeLessThanOrEqual(100);
    expect(await d.firstTime('Ev-999')).toBe(false);
    expect(await d.firstTime('Ev-0')).toBe(true);
  });
});
