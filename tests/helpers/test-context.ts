// What every adapter test needs: one real core per test file, and a PlatformContext like src/main.ts
// builds, with the log lines and connection reports captured for assertions.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createCore, createInFlight, type Answer, type Core, type PlatformContext, type PlatformQuestion } from '../../src/index.ts';
import { createHandle } from '../../src/runtime/handle-question.ts';
import { createMetrics } from '../../src/runtime/metrics.ts';
import { createRateLimiter } from '../../src/runtime/rate-limiter.ts';

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

/** Stands in for the runtime's handle(); `runtime` is the real one, for a test that only watches. */
export type HandleOverride = (q: PlatformQuestion, core: Core, runtime: (q: PlatformQuestion) => Promise<Answer | null>) => Answer | null | Promise<Answer | null>;

export interface ContextOptions {
  core?: Core;
  env?: Record<string, string | undefined>;
  /** Replaces the runtime's handle() (core.ask with conversations, rate limits and metrics; the limit is high here). */
  handle?: HandleOverride;
  /** Bounds on answers in flight (default: the runtime's). */
  inFlight?: PlatformContext['inFlight'];
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
  const logger = pino({ level: 'debug' }, sink);
  // The runtime's own pipeline, as src/main.ts wires it (a limit no test reaches by accident).
  const runtimeHandle = createHandle({ core, logger, metrics: createMetrics({ defaultMetrics: false }), limiter: createRateLimiter({ max: 10_000, windowMs: 1_000 }) });
  const ctx: PlatformContext = {
    core,
    env: options.env ?? {},
    logger,
    handle: async (q) => (options.handle ? options.handle(q, core, runtimeHandle) : runtimeHandle(q)),
    inFlight: options.inFlight ?? createInFlight(),
    setConnected: (connected, reason) => connection.push({ connected, ...(reason ? { reason } : {}) }),
  };
  return { ctx, logs, connection };
}
