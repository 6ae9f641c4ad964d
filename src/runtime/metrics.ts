// Prometheus metrics (prom-client) in a Registry of their own, so tests and several cores in one
// process never share counters. Served at GET /metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What happened to a question: answered, not in the article, a notice (empty, too-long, error), or rate limited. */
export type Outcome = 'answered' | 'unanswered' | 'empty' | 'too-long' | 'error' | 'rate-limited' | 'silenced';

export interface Metrics {
  registry: Registry;
  question(platform: string, locale: string, outcome: Outcome, seconds?: number): void;
  /** With `part`: one of the platform's several connections (a Discord shard). */
  connected(platform: string, connected: boolean, part?: string): void;
  factReload(ok: boolean): void;
  factsLoaded(count: number): void;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const questions = new Counter({
    name: 'questions_total',
    help: 'Questions received, by platform, locale and outcome',
    labelNames: ['platform', 'locale', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'answer_latency_seconds',
    help: 'Time to compose an answer (core.ask), by platform',
    labelNames: ['platform'] as const,
    // core.ask takes microseconds to a few milliseconds; the upper buckets catch a pathological question.
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const adapterConnected = new Gauge({
    name: 'adapter_connected',
    help: '1 when the platform adapter is connected, 0 otherwise',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const partConnected = new Gauge({
    name: 'adapter_part_connected',
    help: "1 when one of a platform's several connections (a Discord shard) is connected, 0 otherwise",
    labelNames: ['platform', 'part'] as const,
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'fact_reloads_total',
    help: 'Fact base reloads, by result (success: new facts serving; failure: the old ones kept)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const facts = new Gauge({ name: 'facts_loaded', help: 'Facts in the fact base now serving', registers: [registry] });
  return {
    registry,
    question(platform, locale, outcome, seconds) {
      questions.inc({ platform, locale, outcome });
      if (seconds !== undefined) latency.observe({ platform }, seconds);
    },
    connected(platform, connected, part) {
      if (part === undefined) adapterConnected.set({ platform }, connected ? 1 : 0);
      else partConnected.set({ platform, part }, connected ? 1 : 0);
    },
    factReload(ok) {
      reloads.inc({ result: ok ? 'success' : 'failure' });
    },
    factsLoaded(count) {
      facts.set(count);
    },
  };
}
