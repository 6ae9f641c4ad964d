// Runs the chosen platforms as one process: one PlatformContext per platform (its configuration, its
// connection state for /healthz, its answers in flight), the handle() pipeline, the question log and
// readers' votes, the state several instances share (REDIS_URL: Slack's event dedupe, rate limits,
// conversations), the public HTTP port shared by the platforms that mount a path on it, /healthz and
// /metrics on HEALTH_PORT, fact reloads and a graceful shutdown. src/main.ts only reads the
// configuration and wires signals to this.
import { createChartRenderer, type ChartRenderer } from '../charts/chart-renderer.ts';
import type { Core } from '../core.ts';
import { ConfigError, type PlatformContext, type PlatformVote, type RunningPlatform, type VoteOutcome } from '../platform.ts';
import { openQuestionLog, type QuestionLogConfig } from '../question-log/question-log-config.ts';
import type { QuestionLog } from '../question-log/question-log.ts';
import { createMemoryEventDedupe, DEFAULT_DEDUPE_LIMITS, type EventDedupe } from '../shared-state/event-dedupe.ts';
import { openSharedState, type SharedState } from '../shared-state/open-shared-state.ts';
import type { SharedStateConfig } from '../shared-state/shared-state-config.ts';
import type { RuntimeConfig } from './config.ts';
import type { Logger } from './logger.ts';
import { errorForLog } from './error-for-log.ts';
import { createHandle, type Handle } from './handle-question.ts';
import { createHealth, type Health } from './health.ts';
import { startHealthServer } from './health-server.ts';
import type { HttpServer } from './http-server.ts';
import { createInFlight, DEFAULT_IN_FLIGHT_LIMITS, type InFlight } from './in-flight.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createPublicHttp } from './public-http.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { replyLocale } from './reply-locale.ts';
import { reloadFacts, watchFacts } from './fact-reload.ts';
import type { SelectedPlatform } from './select-platforms.ts';

/**
 * Start-up waits this long for the question log to open (its worker started, its migrations applied),
 * so that the first questions are written even when the process ends at once (a piped terminal chat).
 * A store that is down answers sooner (the connection is refused); one that hangs is retried later.
 */
const QUESTION_LOG_READY_MS = 10_000;

/** How long shutdown waits for answers in flight: less than the process's grace period (main.ts), so the platforms still disconnect cleanly. */
export const DEFAULT_DRAIN_MS = 3_500;

export interface RuntimeOptions {
  config: RuntimeConfig;
  core: Core;
  logger: Logger;
  platforms: SelectedPlatform[];
  metrics?: Metrics;
  drainMs?: number;
  /** The question log's configuration (DATA_DIR, DATABASE_URL, ...); none: no log is kept. */
  questionLog?: QuestionLogConfig;
  /** REDIS_URL and its key prefix; none, or no URL: dedupe, limits and conversations in this process's memory. */
  sharedState?: SharedStateConfig;
}

export interface Runtime {
  handle: Handle;
  health: Health;
  metrics: Metrics;
  /** The question log, unless QUESTION_LOG=0 (or none was configured). */
  questionLog?: QuestionLog;
  /** The /healthz + /metrics server, on HEALTH_PORT (none when HEALTH_PORT is unset). */
  server?: HttpServer;
  /** The public port (PORT), when a platform mounted a path on it. */
  publicServer?: HttpServer;
  /** Resolves when every started platform has finished by itself (the terminal chat at end of input). */
  finished?: Promise<void>;
  reload(trigger: string): boolean;
  /** Stop taking events everywhere, let answers in flight finish, disconnect, close the servers. Idempotent. */
  shutdown(reason: string): Promise<void>;
}

interface Started {
  name: string;
  instance: RunningPlatform;
  inFlight: InFlight;
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, core, logger, platforms } = options;
  const drainMs = options.drainMs ?? DEFAULT_DRAIN_MS;
  const metrics = options.metrics ?? createMetrics();
  const health = createHealth(metrics);
  metrics.factsLoaded(core.factCount);
  const questionLog = options.questionLog ? openQuestionLog(options.questionLog, { logger, registry: metrics.registry }) : undefined;
  // With REDIS_URL the instances share these; without, this process keeps them (bounded) in memory.
  const shared: SharedState | undefined = options.sharedState?.redisUrl
    ? await openSharedState({ config: options.sharedState, rateLimit: config.rateLimit, logger, registry: metrics.registry })
    : undefined;
  if (questionLog) await readyWithin(questionLog, QUESTION_LOG_READY_MS);
  const dedupe: EventDedupe = shared?.dedupe ?? createMemoryEventDedupe(DEFAULT_DEDUPE_LIMITS);
  const handle = createHandle({
    core,
    logger,
    metrics,
    limiter: shared?.limiter ?? createRateLimiter(config.rateLimit),
    ...(shared ? { conversations: shared.conversations } : {}),
    ...(questionLog ? { questionLog } : {}),
    // The terminal chat has one user, the operator: piping a file of questions must not be throttled.
    unlimited: new Set(platforms.filter((p) => p.definition.fallback).map((p) => p.definition.name)),
  });
  const vote = async (platform: string, v: PlatformVote): Promise<VoteOutcome> => {
    if (!questionLog) return 'unavailable';
    const outcome = await questionLog.vote({ answerId: v.feedbackId, platform, userId: v.userId, value: v.value, ...(v.question ? { text: v.question } : {}) });
    logger.info({ platform, value: v.value, outcome }, 'vote');
    return outcome;
  };
  const firstDelivery = (id: string) => dedupe.firstTime(id).catch(() => true);
  const closeState = async () => {
    await Promise.all([questionLog?.close(), shared?.close()].map((p) => p?.catch((err: unknown) => logger.warn({ err: errorForLog(err) }, 'state did not close cleanly'))));
  };
  const publicHttp = createPublicHttp();
  const charts = createChartRenderer(core);
  // Drawn in the background while the platforms connect, so the first answer's picture is ready; the
  // terminal chat alone draws no PNG and so never loads ECharts and resvg. CHARTS_WARM_UP=0 leaves
  // each picture to its first request (a small machine, or a test process that asks for no chart).
  if (config.chartsWarmUp && platforms.some((p) => p.definition.pictures)) {
    void charts.warm().catch((err: unknown) => logger.warn({ err: errorForLog(err) }, 'could not draw the charts ahead; each is drawn when first asked for'));
  }

  const running: Started[] = [];
  const each = async (what: string, work: (p: Started) => Promise<void> | undefined) => {
    await Promise.all(
      running.map(async (p) => {
        try {
          await work(p);
        } catch (err) {
          logger.error({ platform: p.name, err: errorForLog(err) }, `platform failed to ${what} cleanly`);
        }
      }),
    );
  };
  const stopAll = async () => {
    await Promise.all([publicHttp.close(), each('stop', (p) => p.instance.stop())]);
    await drained(running, drainMs, logger);
    await each('close', (p) => p.instance.close?.());
    for (const p of running) logger.info({ platform: p.name }, 'platform stopped');
  };

  for (const { definition, config: platformConfig } of platforms) {
    health.starting(definition.name);
    const ctx = contextFor(definition.name, platformConfig, { core, charts, logger, handle, health, config, http: publicHttp, vote, firstDelivery });
    try {
      running.push({ name: definition.name, instance: await definition.start(ctx), inFlight: ctx.inFlight });
    } catch (err) {
      // Leave nothing half-connected behind when a later platform's configuration is wrong.
      await stopAll();
      await closeState();
      throw err;
    }
    health.started(definition.name);
    logger.info({ platform: definition.name }, 'platform started');
  }

  let publicServer: HttpServer | undefined;
  if (publicHttp.mounted.length > 0) {
    try {
      publicServer = await publicHttp.listen(config.port);
    } catch (err) {
      await stopAll();
      await closeState();
      const code = (err as { code?: unknown }).code;
      throw new ConfigError('PORT', `Cannot listen on PORT ${config.port} (${String(code ?? err)}): choose a free port.`);
    }
    logger.info({ port: publicServer.port, paths: publicHttp.mounted }, `listening on http://0.0.0.0:${publicServer.port} for ${publicHttp.mounted.join(', ')}`);
  }

  let server: HttpServer | undefined;
  if (config.healthPort !== undefined) {
    try {
      server = await startHealthServer(health, { port: config.healthPort, host: config.healthHost, ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}) });
    } catch (err) {
      await stopAll();
      await closeState();
      const code = (err as { code?: unknown }).code;
      throw new ConfigError('HEALTH_PORT', `Cannot listen on HEALTH_PORT ${config.healthPort} at HEALTH_HOST ${config.healthHost} (${String(code ?? err)}): choose a free port, or an address of this machine.`);
    }
    logger.info({ port: server.port, host: server.address, metricsToken: Boolean(config.metricsToken) }, `health and metrics on http://${hostForUrl(server.address)}:${server.port}/healthz and /metrics`);
  }

  const reload = (trigger: string) => reloadFacts(core, logger, metrics, trigger);
  const watcher = config.factsWatch
    ? watchFacts(
        config.factsDir,
        () => reload('file change'),
        (err) => logger.warn({ err: err.message, dir: config.factsDir }, 'fact folder watch stopped; reload with SIGHUP'),
      )
    : undefined;
  if (watcher) logger.info({ dir: config.factsDir }, 'watching the fact folder for changes');

  const selfFinishing = running.map((r) => r.instance.done).filter((d): d is Promise<void> => Boolean(d));
  const finished = selfFinishing.length > 0 && selfFinishing.length === running.length ? Promise.all(selfFinishing).then(() => undefined) : undefined;

  let closing: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    closing ??= (async () => {
      logger.info({ reason }, 'shutting down: finishing answers in flight');
      health.shuttingDown();
      watcher?.close();
      await stopAll();
      // After the last answer: its question is in the log's queue, written now.
      await closeState();
      await server?.close();
      logger.info('shutdown complete');
    })();
    return closing;
  };

  return {
    handle,
    health,
    metrics,
    ...(questionLog ? { questionLog } : {}),
    ...(server ? { server } : {}),
    ...(publicServer ? { publicServer } : {}),
    ...(finished ? { finished } : {}),
    reload,
    shutdown,
  };
}

/** The log's open, or `ms`, whichever comes first (the log goes on opening in the background). */
async function readyWithin(log: QuestionLog, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([log.ready(), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** Waits until no platform has an answer in flight, or `ms` has passed (then says how many were cut off). */
async function drained(running: Started[], ms: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const idle = Promise.all(running.map((p) => p.inFlight.idle())).then(() => true);
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const done = await Promise.race([idle, late]);
  clearTimeout(timer);
  if (!done) logger.warn({ in_flight: running.reduce((n, p) => n + p.inFlight.count, 0), drain_ms: ms }, 'stopped waiting for answers in flight');
}

function contextFor(
  platform: string,
  platformConfig: unknown,
  deps: {
    core: Core;
    charts: ChartRenderer;
    logger: Logger;
    handle: Handle;
    health: Health;
    config: RuntimeConfig;
    http: PlatformContext['http'];
    vote(platform: string, vote: PlatformVote): Promise<VoteOutcome>;
    firstDelivery(id: string): Promise<boolean>;
  },
): PlatformContext {
  const logger = deps.logger.child({ platform });
  const { core } = deps;
  const defaultLocale = deps.config.defaultLocale;
  return {
    core,
    charts: deps.charts,
    config: platformConfig,
    settings: { defaultLocale, rateLimit: { max: deps.config.rateLimit.max, windowSeconds: deps.config.rateLimit.windowMs / 1000 } },
    logger,
    handle: deps.handle,
    vote: (v) => deps.vote(platform, v),
    firstDelivery: deps.firstDelivery,
    locale: (text, uiLocale) => replyLocale(core, text, uiLocale ?? defaultLocale),
    inFlight: createInFlight(DEFAULT_IN_FLIGHT_LIMITS, () => logger.warn({ max_age_ms: DEFAULT_IN_FLIGHT_LIMITS.maxAgeMs }, 'an answer took too long to deliver; no longer waiting for it')),
    http: deps.http,
    setConnected(connected, reason, part) {
      const before = deps.health.status().platforms[platform];
      deps.health.set(platform, connected, reason, part);
      const after = deps.health.status().platforms[platform];
      if (before?.connected !== after?.connected) {
        if (after?.connected) logger.info('platform connected');
        else logger.warn({ reason: after?.reason ?? 'disconnected' }, 'platform disconnected');
      }
    },
  };
}

/** An address as it goes in a URL: IPv6 in brackets. */
function hostForUrl(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
