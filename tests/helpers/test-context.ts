// What every adapter test needs: one real core per test file, and a PlatformContext like src/main.ts
// builds, with the log lines and connection reports captured for assertions.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createCore, type Answer, type Core, type PlatformContext, type PlatformQuestion } from '../../src/index.ts';

let sharedCore: Core | undefined;
/** One core per test file: loading and indexing the facts is the slow part. */
export function testCore(): Core {
  sharedCore ??= createCore();
  return sharedCore;
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface CapturedContext {
  ctx: PlatformContext;
  /** Every log line the adapter wrote (JSON, parsed). */
  logs: LogLine[];
  /** Every ctx.setConnected call. */
  connection: { connected: boolean; reason?: string }[];
}

export interface ContextOptions {
  core?: Core;
  env?: Record<string, string | undefined>;
  /** Replaces the runtime's handle() (which is core.ask plus rate limits and metrics). */
  handle?: (q: PlatformQuestion, core: Core) => Answer | null;
  routes?: PlatformContext['routes'];
}

export function captureContext(options: ContextOptions = {}): CapturedContext {
  const core = options.core ?? testCore();
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const connection: CapturedContext['connection'] = [];
  const ctx: PlatformContext = {
    core,
    env: options.env ?? {},
    logger: pino({ level: 'debug' }, sink),
    handle: async (q) => (options.handle ? options.handle(q, core) : core.ask(q)),
    routes: options.routes ?? {},
    setConnected: (connected, reason) => connection.push({ connected, ...(reason ? { reason } : {}) }),
  };
  return { ctx, logs, connection };
}
