// What every adapter test needs: one real core per test file, and a PlatformContext like the runtime
// builds (src/runtime/start-runtime.ts): the adapter's configuration parsed from an environment by its
// own variables and configure(), the runtime's handle() pipeline, a public HTTP port, and the log lines
// and connection reports captured for assertions.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import {
  createChartRenderer,
  createCore,
  createInFlight,
  createPublicHttp,
  type Answer,
  type ChartRenderer,
  type Core,
  type Locale,
  type PlatformContext,
  type PlatformDefinition,
  type PlatformQuestion,
  type PublicHttpServer,
} from '../../src/index.ts';
import { createHandle } from '../../src/runtime/handle-question.ts';
import type { QuestionLog } from '../../src/question-log/question-log.ts';
import { createMemoryEventDedupe } from '../../src/shared-state/event-dedupe.ts';
import { createMetrics } from '../../src/runtime/metrics.ts';
import { createRateLimiter } from '../../src/runtime/rate-limiter.ts';
import { replyLocale } from '../../src/runtime/reply-locale.ts';

let sharedCore: Core | undefined;
/** One core per test file: loading and indexing the facts is the slow part. */
export function testCore(): Core {
  sharedCore ??= createCore();
  return sharedCore;
}

const renderers = new WeakMap<Core, ChartRenderer>();
/**
 * One chart renderer per core, as the runtime keeps one per process: a picture drawn for one test is
 * served from memory to the next. Nothing is drawn ahead (the runtime's warm-up is its own test): ECharts'
 * import would otherwise land inside some test's 3 s Discord window.
 */
export function testCharts(core: Core = testCore()): ChartRenderer {
  let charts = renderers.get(core);
  if (!charts) renderers.set(core, (charts = createChartRenderer(core)));
  return charts;
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface CapturedContext<C> {
  ctx: PlatformContext<C>;
  /** The public port the adapter may mount paths on; listen() it after start(). */
  http: PublicHttpServer;
  /** Every log line the adapter wrote (JSON, parsed). */
  logs: LogLine[];
  /** Every ctx.setConnected call. */
  connection: { connected: boolean; reason?: string }[];
}

/** Stands in for the runtime's handle(); `runtime` is the real one, for a test that only watches. */
export type HandleOverride = (q: PlatformQuestion, core: Core, runtime: (q: PlatformQuestion) => Promise<Answer | null>) => Answer | null | Promise<Answer | null>;

export interface ContextOptions {
  core?: Core;
  /** The environment the adapter's configuration is parsed from (its own variables only). */
  env?: Record<string, string | undefined>;
  /** BOT_DEFAULT_LOCALE (default ko). */
  defaultLocale?: Locale;
  /** Replaces the runtime's handle() (core.ask with conversations, rate limits and metrics). */
  handle?: HandleOverride;
  /** The runtime's rate limit (default: a limit no test reaches by accident). */
  rateLimit?: { max: number; windowMs: number };
  /** Bounds on answers in flight (default: the runtime's). */
  inFlight?: PlatformContext['inFlight'];
  /** Never rate limited, as the runtime treats the terminal chat (its one user is the operator). */
  unlimited?: boolean;
  /** A question log for ctx.handle to record in and ctx.vote to vote in (default: none; votes are 'unavailable'). */
  questionLog?: QuestionLog;
  /** The chart renderer (default: the core's shared one, testCharts). */
  charts?: ChartRenderer;
}

/** The adapter's configuration from `env`, as the runtime makes it (its variables, then configure()). */
export function configFor<C>(platform: PlatformDefinition<C>, env: Record<string, string | undefined>): C {
  return platform.configure(platform.variables.parse(env) as Record<string, unknown>);
}

export function captureContext<C>(platform: PlatformDefinition<C> | undefined, options: ContextOptions = {}): CapturedContext<C> {
  const core = options.core ?? testCore();
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const connection: CapturedContext<C>['connection'] = [];
  const logger = pino({ level: 'debug' }, sink);
  const rateLimit = options.rateLimit ?? { max: 10_000, windowMs: 1_000 };
  const runtimeHandle = createHandle({
    core,
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    limiter: createRateLimiter(rateLimit),
    ...(options.unlimited && platform ? { unlimited: new Set([platform.name]) } : {}),
    ...(options.questionLog ? { questionLog: options.questionLog } : {}),
  });
  const dedupe = createMemoryEventDedupe();
  const platformName = platform?.name ?? 'test';
  const defaultLocale = options.defaultLocale ?? 'ko';
  const http = createPublicHttp();
  const ctx: PlatformContext<C> = {
    core,
    charts: options.charts ?? testCharts(core),
    config: platform ? configFor(platform, options.env ?? {}) : (undefined as C),
    settings: { defaultLocale, rateLimit: { max: rateLimit.max, windowSeconds: rateLimit.windowMs / 1000 } },
    logger,
    handle: async (q) => (options.handle ? options.handle(q, core, runtimeHandle) : runtimeHandle(q)),
    vote: async (v) =>
      options.questionLog
        ? options.questionLog.vote({ answerId: v.feedbackId, platform: platformName, userId: v.userId, value: v.value, ...(v.question ? { text: v.question } : {}) })
        : 'unavailable',
    firstDelivery: (id) => dedupe.firstTime(id),
    locale: (text, ui) => replyLocale(core, text, ui ?? defaultLocale),
    inFlight: options.inFlight ?? createInFlight(),
    http,
    setConnected: (connected, reason) => connection.push({ connected, ...(reason ? { reason } : {}) }),
  };
  return { ctx, http, logs, connection };
}
