// The runtime's one call: memory without REDIS_URL, Redis shared by every instance with it.
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { openSharedState } from '../../src/shared-state/open-shared-state.ts';
import { REDIS_URL, uniqueName } from '../helpers/services.ts';
import { captureLog } from '../helpers/capture-log.ts';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('openSharedState', () => {
  it('keeps each instance to its own memory without REDIS_URL', async () => {
    const open = () => openSharedState({ config: { keyPrefix: 'factbot:' }, rateLimit: { max: 1, windowMs: 10_000 }, logger: captureLog().logger });
    const [a, b] = [await open(), await open()];
    expect(a.redis).toBeUndefined();
    expect(await a.dedupe.firstTime('Ev1')).toBe(true);
    expect(await b.dedupe.firstTime('Ev1')).toBe(true);
    expect(await a.dedupe.firstTime('Ev1')).toBe(false);
    expect([await a.limiter.check('u'), await a.limiter.check('u'), await b.limiter.check('u')]).toEqual(['allowed', 'limited', 'allowed']);
  });

  it('shares dedupe, limits and conversations between instances through Redis, with its metrics registered', async () => {
    const prefix = `${uniqueName('factbot_open')}:`;
    const registry = new Registry();
    const open = (r?: Registry) =>
      openSharedState({ config: { redisUrl: REDIS_URL, keyPrefix: prefix }, rateLimit: { max: 1, windowMs: 10_000 }, logger: captureLog().logger, ...(r ? { registry: r } : {}) });
    const a = await open(registry);
    const b = await open();
    cleanups.push(async () => {
      const admin = new Redis(REDIS_URL);
      const keys = await admin.keys(`${prefix}*`);
      if (keys.length > 0) await admin.del(...keys);
      await admin.quit();
    }, () => a.close(), () => b.close());
    expect(a.redis?.available).toBe(true);
    expect(await a.dedupe.firstTime('Ev1')).toBe(true);
    expect(await b.dedupe.firstTime('Ev1')).toBe(false);
    expect([await a.limiter.check('u'), await b.limiter.check('u')]).toEqual(['allowed', 'limited']);
    await b.conversations.set('k', { turns: [] });
    expect(await a.conversations.get('k')).toEqual({ turns: [] });
    expect(await registry.metrics()).toContain('shared_state_redis_up 1');
  });
});
