// The question log's side of /metrics: a store that is down shows here (and in one warning line),
// never in the answers.
import { Counter, Gauge, type Registry } from 'prom-client';

export type QuestionLogOperation = 'open' | 'write' | 'vote' | 'prune';

export interface QuestionLogMetrics {
  failed(operation: QuestionLogOperation): void;
  written(count: number): void;
  dropped(count: number): void;
  queued(size: number): void;
}

export const NO_QUESTION_LOG_METRICS: QuestionLogMetrics = { failed() {}, written() {}, dropped() {}, queued() {} };

/** Registers the question log's metrics in the runtime's registry (metrics.registry). */
export function createQuestionLogMetrics(registry: Registry): QuestionLogMetrics {
  const failures = new Counter({
    name: 'question_log_failures_total',
    help: 'Question log operations that failed (the answer went out regardless), by operation',
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  const written = new Counter({ name: 'question_log_written_total', help: 'Questions written to the question log', registers: [registry] });
  const dropped = new Counter({
    name: 'question_log_dropped_total',
    help: 'Questions never logged: the store was down long enough for the bounded queue to overflow',
    registers: [registry],
  });
  const queue = new Gauge({ name: 'question_log_queue', help: 'Questions waiting to be written to the question log', registers: [registry] });
  return {
    failed: (operation) => failures.inc({ operation }),
    written: (count) => written.inc(count),
    dropped: (count) => dropped.inc(count),
    queued: (size) => queue.set(size),
  };
}
