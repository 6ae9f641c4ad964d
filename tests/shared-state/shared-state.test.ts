// Several instances behind one load balancer, as several connections to the real Redis on 127.0.0.1:6379
// (each test under a key prefix of its own, deleted afterwards): one answer per Slack event, one count
// per user, one conversation, whichever instance gets the request. Then Redis is taken away mid-run
// (through a TCP proxy that drops every connection, or CLIENT KILL): each instance goes on in its own
// memory with one warning, and shares again once Redis is back.
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectRedis, createSharedStateMetrics } from '../../src/shared-state/redis-connection.ts';
import { createSharedEventDedupe } from '../../src/shared-state/event-dedupe.ts';
import { createSharedRateLimiter } from '../../src/shared-state/rate-limits.ts';
import { createRedisConversationStore } from '../../src/shared-state/redis-conversation-store.ts';
import type { ConversationContext } from '../../src/types.ts';
import { REDIS_URL, uniqueName } from '../helpers/services.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';
import { captureLog } from '../helpers/capture-log.ts';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A key prefix of the test's own, and its keys deleted afterwards. */
function testPrefix(): string {
  const prefix = `${uniqueName('factbot_test')}:`;
  cleanups.push(async () => {
    const admin = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await admin.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await admin.quit();
  });
  return prefix;
}

async function instance(prefix: string, url = REDIS_URL, name = uniqueName('instance')) {
  const log = captureLog();
  const registry = new Registry();
  const redis = connectRedis({ url, prefix, logger: log.logger, metrics: createSharedStateMetrics(registry), connectionName: name });
  cleanups.push(() => redis.close());
  return {
    name,
    redis,
    log,
    registry,
    dedupe: createSharedEventDedupe(redis),
    limiter: createSharedRateLimiter(redis, { max: 3, windowMs: 60_000 }),
    conversations: createRedisConversationStore(redis),
  };
}

async function pair(url = REDIS_URL) {
  const prefix = testPrefix();
  const a = await instance(prefix, url);
  const b = await instance(prefix, url);
  expect(await a.redis.ready()).toBe(true);
  expect(await b.redis.ready()).toBe(true);
  return { prefix, a, b };
}

async function keysUnder(prefix: string): Promise<string[]> {
  const admin = new Redis(REDIS_URL);
  try {
    return await admin.keys(`${prefix}*`);
  } finally {
    await admin.quit();
  }
}

const context = (entity: string): ConversationContext => ({
  turns: [{ entities: [entity], attributes: ['data-centres'], kind: 'count', facts: [`data-centres-${entity}`], answered: true, locale: 'ko' }],
});

describe('shared state across instances (Redis)', () => {
  it('answers each Slack event once, whichever instance gets it and its redeliveries', async () => {
    const { a, b } = await pair();
    expect(await a.dedupe.firstTime('Ev001')).toBe(true);
    expect(await b.dedupe.firstTime('Ev001')).toBe(false);
    expect(await a.dedupe.firstTime('Ev001')).toBe(false);
    expect(await b.dedupe.firstTime('Ev002')).toBe(true);
    expect(await a.dedupe.firstTime('Ev002')).toBe(false);
    // Ten deliveries of one event at the same moment, spread over both: exactly one wins.
    const race = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).dedupe.firstTime('Ev003')));
    expect(race.filter(Boolean)).toHaveLength(1);
  });

  it('counts a user once across instances: over the limit on one is limited on the other, told once', async () => {
    const { prefix, a, b } = await pair();
    const user = 'slack\0U0SECRETUSER';
    const decisions = [];
    for (const inst of [a, b, a, b, a, b]) decisions.push(await inst.limiter.check(user));
    expect(decisions).toEqual(['allowed', 'allowed', 'allowed', 'limited', 'silent', 'silent']);
    expect(await a.limiter.check('slack\0someone-else')).toBe('allowed');
    const keys = await keysUnder(prefix);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('U0SECRETUSER');
  });

  it('continues a conversation on another instance, with an expiry, under a hashed key', async () => {
    const { prefix, a, b } = await pair();
    await a.conversations.set('slack\0C1:1700000000.0001', context('china'));
    expect(await b.conversations.get('slack\0C1:1700000000.0001')).toEqual(context('china'));
    expect(await b.conversations.get('slack\0C1:other-thread')).toBeUndefined();
    const [key] = await keysUnder(prefix);
    expect(key).not.toContain('C1');
    const admin = new Redis(REDIS_URL);
    const ttl = await admin.pttl(key!);
    // Something else wrote this key: not a context, so no conversation rather than a crash.
    await admin.set(key!, '{"not":"a context"}');
    await admin.quit();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);
    expect(await b.conversations.get('slack\0C1:1700000000.0001')).toBeUndefined();
  });

  it('keeps every instance answering from its own memory while Redis is away, warns once, and shares again when it is back', async () => {
    const proxy = await startTcpProxy(Number(new URL(REDIS_URL).port || 6379), new URL(REDIS_URL).hostname);
    cleanups.push(() => proxy.close());
    const { a, b } = await pair(`redis://127.0.0.1:${proxy.port}`);
    await a.conversations.set('slack\0thread-1', context('china'));

    await proxy.cut();
    await vi.waitFor(() => expect(a.redis.available || b.redis.available).toBe(false));
    for (let i = 0; i < 25; i++) {
      // Each instance still recognises its own redeliveries...
      expect(await a.dedupe.firstTime(`EvOut${i}`)).toBe(true);
      expect(await a.dedupe.firstTime(`EvOut${i}`)).toBe(false);
      // ...but cannot know the other's: degraded, not broken.
      expect(await b.dedupe.firstTime(`EvOut${i}`)).toBe(true);
    }
    // Limits count per instance meanwhile.
    const lim = [];
    for (let i = 0; i < 5; i++) lim.push(await a.limiter.check('slack\0U1'));
    expect(lim).toEqual(['allowed', 'allowed', 'allowed', 'limited', 'silent']);
    expect(await b.limiter.check('slack\0U1')).toBe('allowed');
    // A conversation this instance saw goes on; a new one lives in memory.
    expect(await a.conversations.get('slack\0thread-1')).toEqual(context('china'));
    await b.conversations.set('slack\0thread-2', context('usa'));
    expect(await b.conversations.get('slack\0thread-2')).toEqual(context('usa'));

    for (const inst of [a, b]) {
      const warnings = inst.log.warnings();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.msg).toContain('Redis went away');
      expect(JSON.stringify(inst.log.lines)).not.toContain('U1');
      expect(await inst.registry.getSingleMetric('shared_state_redis_up')?.get()).toMatchObject({ values: [{ value: 0 }] });
    }

    await proxy.restore();
    await vi.waitFor(() => expect(a.redis.available && b.redis.available).toBe(true), { timeout: 10_000, interval: 50 });
    expect(await a.dedupe.firstTime('EvBack')).toBe(true);
    expect(await b.dedupe.firstTime('EvBack')).toBe(false);
    expect(a.log.lines.some((l) => l.msg.startsWith('Redis is back'))).toBe(true);
  });

  it('survives its connection being killed mid-run (CLIENT KILL) and reconnects by itself', async () => {
    const { a, b } = await pair();
    const admin = new Redis(REDIS_URL);
    cleanups.push(() => admin.quit());
    const clients = String(await admin.client('LIST'));
    const id = /id=(\d+) .*name=(\S+)/.exec(clients.split('\n').find((l) => l.includes(`name=${a.name} `)) ?? '')?.[1];
    expect(id).toBeDefined();
    const during = Array.from({ length: 50 }, (_, i) => a.dedupe.firstTime(`EvKill${i}`));
    await admin.client('KILL', 'ID', id!);
    const results = await Promise.all([...during, ...Array.from({ length: 50 }, (_, i) => a.limiter.check(`slack\0U${i}`))]);
    expect(results).toHaveLength(100);
    await vi.waitFor(() => expect(a.redis.available).toBe(true), { timeout: 10_000, interval: 50 });
    expect(await a.dedupe.firstTime('EvAfterKill')).toBe(true);
    expect(await b.dedupe.firstTime('EvAfterKill')).toBe(false);
  });

  it('starts and answers in memory when Redis is not there at all, with one warning', async () => {
    const proxy = await startTcpProxy(6379);
    await proxy.cut(); // a port where nothing listens now
    cleanups.push(() => proxy.close());
    const inst = await instance(testPrefix(), `redis://127.0.0.1:${proxy.port}`);
    expect(await inst.redis.ready(300)).toBe(false);
    expect(await inst.dedupe.firstTime('Ev1')).toBe(true);
    expect(await inst.dedupe.firstTime('Ev1')).toBe(false);
    expect(await inst.limiter.check('u')).toBe('allowed');
    await inst.conversations.set('k', context('china'));
    expect(await inst.conversations.get('k')).toEqual(context('china'));
    await vi.waitFor(() => expect(inst.log.warnings()).toHaveLength(1));
    expect(inst.log.warnings()[0]!.msg).toContain('Redis is not answering');
    expect(inst.log.warnings()[0]!.redis).toBe(`127.0.0.1:${proxy.port}`);
  });
});
