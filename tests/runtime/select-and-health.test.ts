import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, type PlatformDefinition } from '../../src/index.ts';
import { ConfigInvalidError } from '../../src/runtime/config.ts';
import { createHealth } from '../../src/runtime/health.ts';
import { startHealthServer } from '../../src/runtime/health-server.ts';
import { createMetrics } from '../../src/runtime/metrics.ts';
import { configurePlatforms, selectPlatforms } from '../../src/runtime/select-platforms.ts';

const def = (name: string, variable?: string, fallback = false): PlatformDefinition => ({
  name,
  variables: z.object(variable ? { [variable]: z.string().optional() } : {}),
  isConfigured: (values) => Boolean(variable && values[variable]),
  configure: (values) => {
    if (name === 'slack' && !values.SLACK_SIGNING_SECRET) throw new ConfigError('SLACK_SIGNING_SECRET', 'SLACK_SIGNING_SECRET is not set.');
    if (name === 'discord' && !values.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN', 'DISCORD_TOKEN is not set.');
    return {};
  },
  ...(fallback ? { fallback } : {}),
  start: async () => ({ stop: async () => {} }),
});
const all = [def('console', undefined, true), def('discord', 'DISCORD_TOKEN'), def('slack', 'SLACK_BOT_TOKEN')];
const names = (list: PlatformDefinition[]) => list.map((p) => p.name);
/** Each platform's values, as parseConfig gives them. */
const values = (env: Record<string, string>) => new Map(all.map((p) => [p.name, Object.fromEntries(Object.keys(p.variables.shape).filter((k) => env[k]).map((k) => [k, env[k]]))]));

describe('which platforms start', () => {
  it('starts the terminal chat when nothing is configured', () => {
    expect(names(selectPlatforms(all, values({})))).toEqual(['console']);
  });
  it('starts every configured platform, both at once, and not the terminal chat', () => {
    expect(names(selectPlatforms(all, values({ DISCORD_TOKEN: 't', SLACK_BOT_TOKEN: 'x' })))).toEqual(['discord', 'slack']);
    expect(names(selectPlatforms(all, values({ SLACK_BOT_TOKEN: 'x' })))).toEqual(['slack']);
  });
  it('starts exactly the platforms BOT_ADAPTERS names, configured or not', () => {
    expect(names(selectPlatforms(all, values({ DISCORD_TOKEN: 't' }), ['slack', 'console']))).toEqual(['console', 'slack']);
  });
  it("names every chosen platform's missing variables at once, before anything starts", () => {
    const chosen = selectPlatforms(all, values({ SLACK_BOT_TOKEN: 'x' }), ['discord', 'slack']);
    expect(() => configurePlatforms(chosen, values({ SLACK_BOT_TOKEN: 'x' }))).toThrow(ConfigInvalidError);
    try {
      configurePlatforms(chosen, values({ SLACK_BOT_TOKEN: 'x' }));
    } catch (err) {
      expect((err as ConfigInvalidError).problems.map((p) => p.variable)).toEqual(['DISCORD_TOKEN', 'SLACK_SIGNING_SECRET']);
    }
  });

  it('rejects a BOT_ADAPTERS name that is no platform, listing the ones there are', () => {
    expect(() => selectPlatforms(all, values({}), ['discrod'])).toThrow(ConfigInvalidError);
    expect(() => selectPlatforms(all, values({}), ['discrod'])).toThrow(/BOT_ADAPTERS: no platform named "discrod" \(available: console, discord, slack\)/);
  });
});

describe('/healthz', () => {
  async function probe(health: ReturnType<typeof createHealth>) {
    const server = await startHealthServer(health, { port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
    } finally {
      await server.close();
    }
  }

  it('is 503 while a platform starts, 200 once every platform is connected', async () => {
    const health = createHealth(createMetrics({ defaultMetrics: false }));
    health.starting('console');
    health.starting('discord');
    expect(await probe(health)).toMatchObject({ status: 503, body: { reason: 'console: starting; discord: starting' } });
    health.started('console'); // never reports: connected once started
    health.set('discord', true);
    health.started('discord');
    expect(await probe(health)).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('names the disconnected platform and its reason, and recovers', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const health = createHealth(metrics);
    for (const p of ['discord', 'slack']) {
      health.starting(p);
      health.set(p, true);
      health.started(p);
    }
    health.set('discord', false, 'reconnecting');
    expect(await probe(health)).toMatchObject({ status: 503, body: { reason: 'discord: reconnecting' } });
    expect(await metrics.registry.metrics()).toContain('adapter_connected{platform="discord"} 0');
    health.set('discord', true);
    expect((await probe(health)).status).toBe(200);
  });

  it('a platform that reported itself down at start stays down after start() resolves', async () => {
    const health = createHealth(createMetrics({ defaultMetrics: false }));
    health.starting('discord');
    health.set('discord', false, 'connecting');
    health.started('discord');
    expect((await probe(health)).status).toBe(503);
  });

  it('is 503 while shutting down, so a load balancer drains the instance', async () => {
    const health = createHealth(createMetrics({ defaultMetrics: false }));
    health.starting('slack');
    health.started('slack');
    health.shuttingDown();
    expect(await probe(health)).toMatchObject({ status: 503, body: { reason: 'shutting down' } });
  });
});
