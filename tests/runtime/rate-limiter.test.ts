import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/runtime/rate-limiter.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('rate limiter', () => {
  it('allows five questions in ten seconds, answers the sixth with one limit reply, then stays silent', () => {
    const c = clock();
    const limiter = createRateLimiter({ max: 5, windowMs: 10_000, now: c.now });
    const decisions = Array.from({ length: 8 }, () => {
      c.advance(100);
      return limiter.check('discord\0alice');
    });
    expect(decisions).toEqual(['allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'limited', 'silent', 'silent']);
  });

  it('lets the user ask again once the window has passed', () => {
    const c = clock();
    const limiter = createRateLimiter({ max: 2, windowMs: 10_000, now: c.now });
    expect([limiter.check('u'), limiter.check('u'), limiter.check('u')]).toEqual(['allowed', 'allowed', 'limited']);
    expect(limiter.retryAfterMs('u')).toBe(10_000);
    c.advance(10_000);
    expect(limiter.retryAfterMs('u')).toBe(0);
    expect(limiter.check('u')).toBe('allowed');
  });

  it('keeps each user in a bucket of their own: a flood from one costs the others nothing', () => {
    const limiter = createRateLimiter({ max: 5, windowMs: 10_000 });
    for (let i = 0; i < 1000; i++) limiter.check('slack\0flooder');
    expect(limiter.check('slack\0other')).toBe('allowed');
    expect(limiter.check('discord\0flooder')).toBe('allowed');
  });

  it('remembers a bounded number of users, forgetting the least recently seen first', () => {
    const limiter = createRateLimiter({ max: 1, windowMs: 60_000, maxKeys: 100 });
    limiter.check('kept');
    for (let i = 0; i < 1000; i++) {
      limiter.check(`user-${i}`);
      if (i % 50 === 0) limiter.check('kept'); // seen recently, so never evicted
      expect(limiter.size).toBeLessThanOrEqual(100);
    }
    expect(limiter.check('kept')).toBe('silent');
    expect(limiter.check('user-0')).toBe('allowed'); // evicted long ago: a fresh window
  });

  it('stays within its memory bound through a flood of a million questions from many ids', () => {
    const limiter = createRateLimiter({ max: 5, windowMs: 10_000, maxKeys: 1000 });
    for (let i = 0; i < 1_000_000; i++) limiter.check(i % 3 === 0 ? 'flooder' : `u${i % 5000}`);
    expect(limiter.size).toBe(1000);
  });
});
