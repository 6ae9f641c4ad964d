// Every store that grows with new askers is bounded by count and by age, so a stream of questions from
// people never seen before leaves memory level (bench:memory measures the process; these check the bounds).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryConversationStore } from '../../src/runtime/conversation-store.ts';
import { createInFlight } from '../../src/runtime/in-flight.ts';
import { createRateLimiter } from '../../src/runtime/rate-limiter.ts';
import { createMemoryEventDedupe, DEFAULT_DEDUPE_LIMITS } from '../../src/shared-state/event-dedupe.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('per-question stores under a stream of new askers', () => {
  it('the rate limiter forgets a user not seen for a whole window', () => {
    let now = 0;
    const limiter = createRateLimiter({ max: 5, windowMs: 10_000, maxKeys: 100_000, now: () => now });
    for (let i = 0; i < 50_000; i++) {
      now = i * 10; // a new asker every 10 ms
      limiter.check(`slack\0U${i}`);
    }
    // Only the last 10 s of askers (1,000 of them) are remembered, not all 50,000.
    expect(limiter.size).toBeLessThanOrEqual(1_001);
    expect(limiter.size).toBeGreaterThanOrEqual(999);
  });

  it('the event dedupe (Slack event ids) keeps at most its count, the newest', async () => {
    let now = 1_000;
    const dedupe = createMemoryEventDedupe({ ...DEFAULT_DEDUPE_LIMITS, now: () => now });
    for (let i = 0; i < 30_000; i++) {
      now += 10;
      await dedupe.firstTime(`Ev${i}`);
    }
    expect(dedupe.size).toBe(DEFAULT_DEDUPE_LIMITS.maxSize);
    expect(await dedupe.firstTime('Ev29999')).toBe(false);
  });

  it('the conversation store keeps at most its count, and forgets a conversation after its silence limit', async () => {
    let now = 1_000; // lru-cache treats a start time of 0 as "no TTL"
    const store = createMemoryConversationStore({ ttlMs: 60_000, max: 100 }, { now: () => now });
    const context = { turns: [] };
    for (let i = 0; i < 1_000; i++) await store.set(`C${i}`, context);
    expect(store.size).toBe(100);
    expect(await store.get('C999')).toEqual(context);
    now = 61_001;
    // lru-cache reuses its last clock reading for a millisecond (a timer resets it).
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.get('C999')).toBeUndefined();
  });

  it('answers in flight are bounded by count (full at max) and by age (a stuck one stops counting)', async () => {
    vi.useFakeTimers();
    let expired = 0;
    const inFlight = createInFlight({ max: 3, maxAgeMs: 30_000 }, () => expired++);
    const never = new Promise<void>(() => {});
    let finish!: () => void;
    const quick = new Promise<void>((resolve) => (finish = resolve));
    void inFlight.track(never);
    void inFlight.track(never);
    expect(inFlight.full).toBe(false);
    void inFlight.track(quick);
    expect(inFlight.full).toBe(true);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(inFlight.count).toBe(2);
    let idle = false;
    void inFlight.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(expired).toBe(2);
    expect(inFlight.count).toBe(0);
    expect(idle).toBe(true);
  });
});
