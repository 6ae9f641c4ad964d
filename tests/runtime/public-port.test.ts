// The ports the runtime runs itself. The public port (PORT), for the platforms that receive requests:
// it listens only when a platform mounted a path, serves only those paths, and a port in use stops the
// start naming PORT. The health port (HEALTH_PORT): HEALTH_HOST opens it to other hosts.
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, definePlatform } from '../../src/index.ts';
import { parseConfig } from '../../src/runtime/config.ts';
import { startRuntime, type Runtime } from '../../src/runtime/start-runtime.ts';
import { testCore } from '../helpers/test-context.ts';

const runtimes: Runtime[] = [];
afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.shutdown('test');
});

/** A platform that mounts `paths` on the public port and answers each with its own name. */
const mounting = (name: string, paths: string[]) =>
  definePlatform({
    name,
    variables: z.object({}),
    isConfigured: () => true,
    configure: () => ({}),
    start: async (ctx) => {
      for (const path of paths) ctx.http.mount(path, (_req, res) => void res.end(`${name} ${path}`));
      return { stop: async () => {} };
    },
  });

async function start(port: number, ...platforms: ReturnType<typeof mounting>[]): Promise<Runtime> {
  return startWith({ PORT: String(port) }, ...platforms);
}

async function startWith(env: Record<string, string>, ...platforms: ReturnType<typeof mounting>[]): Promise<Runtime> {
  const { runtime: config } = parseConfig(env);
  const runtime = await startRuntime({ config, core: testCore(), logger: pino({ level: 'silent' }), platforms: platforms.map((definition) => ({ definition, config: {} })) });
  runtimes.push(runtime);
  return runtime;
}

describe('the public port', () => {
  it('serves the paths platforms mounted, and nothing else', async () => {
    const runtime = await start(0, mounting('one', ['/events']), mounting('two', ['/v1/']));
    const base = `http://127.0.0.1:${runtime.publicServer!.port}`;
    expect(await (await fetch(`${base}/events`)).text()).toBe('one /events');
    expect(await (await fetch(`${base}/v1/ask?x=1`)).text()).toBe('two /v1/');
    for (const path of ['/', '/events/', '/v1', '/healthz', '/metrics']) expect((await fetch(base + path)).status, path).toBe(404);
  });

  it('does not listen when no platform mounted anything', async () => {
    const runtime = await start(0, mounting('quiet', []));
    expect(runtime.publicServer).toBeUndefined();
  });

  it('refuses a path two platforms mount', async () => {
    await expect(start(0, mounting('one', ['/events']), mounting('two', ['/events']))).rejects.toThrow(/mounted twice/);
  });

  it('names PORT when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      const err = await start(port, mounting('one', ['/events'])).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).variable).toBe('PORT');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

describe('the health port', () => {
  it('listens on every interface when HEALTH_HOST=0.0.0.0 says so', async () => {
    const runtime = await startWith({ HEALTH_PORT: '0', HEALTH_HOST: '0.0.0.0' }, mounting('quiet', []));
    expect(runtime.server?.address).toBe('0.0.0.0');
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    // From this machine's own outside address, when it has one (the default, loopback, refuses it: http-ports.test.ts).
    if (outside) expect((await fetch(`http://${outside}:${runtime.server!.port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${runtime.server!.port}/metrics`)).status).toBe(200);
  });
});
