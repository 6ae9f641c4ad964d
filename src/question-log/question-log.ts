// The question log as the runtime uses it: record() queues a question's outcome and returns at once (no
// I/O, no hashing, no normalising on an answer's path); a timer writes the queue in batches. A store
// that is down never stops an answer: the first failure logs one warning, every failure counts in
// /metrics, the queue (bounded) is retried with a growing pause, and the recovery logs one line.
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { LRUCache } from 'lru-cache';
import type { Answer } from '../types.ts';
import type { Logger } from '../runtime/logger.ts';
import { createUserHasher } from '../runtime/hash-user.ts';
import { normaliseQuestion } from './normalise-question.ts';
import { NO_QUESTION_LOG_METRICS, type QuestionLogMetrics, type QuestionLogOperation } from './question-log-metrics.ts';
import type { QuestionLogStore, QuestionOutcome, QuestionRow, StoreInfo, VoteResult, VoteValue } from './question-log-store.ts';

export const DEFAULT_RETENTION_DAYS = 90;
/** How often the queue is written: often enough that a report is current, rare enough to batch. */
const FLUSH_INTERVAL_MS = 500;
/** A queue this long is written at once instead of waiting for the timer. */
const BATCH_SIZE = 200;
/** What the queue holds while the store is down (about 2 MB); beyond it the oldest are dropped. */
const MAX_QUEUE = 10_000;
/** Retry pauses grow 1 s, 2 s, 4 s ... up to 30 s while the store stays down. */
const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 30_000;
/** Retention runs at start and then this often. */
const PRUNE_INTERVAL_MS = 6 * 3600_000;
/** A reader votes within minutes: the question text waits this long in memory for a possible 👎. */
const VOTE_TEXT_TTL_MS = 3600_000;
const VOTE_TEXT_MAX = 10_000;
/** The longest question the core answers (MAX_QUESTION_CHARS); longer ones are never logged anyway. */
const MAX_TEXT_CHARS = 1000;
/** Shutdown waits this long for the last batch; a store that is down then loses it (and says so). */
const CLOSE_FLUSH_TIMEOUT_MS = 3000;

const ANSWER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface RecordInput {
  platform: string;
  /** The platform's user id, hashed before it is written (with the database's salt). */
  userId?: string | undefined;
  /** The question as asked: kept only when refused (or, in memory for an hour, for a 👎). */
  text: string;
  answer: Pick<Answer, 'answered' | 'locale' | 'facts' | 'score' | 'notice'>;
  /** When it was asked (default now). */
  at?: Date;
}

export interface VoteInput {
  /** The id record() returned for the answer (carried by the feedback button). */
  answerId: string;
  platform: string;
  userId: string | undefined;
  value: VoteValue;
  /** The question, when the adapter has it; otherwise the text recorded with the answer, if still in memory. */
  text?: string;
  at?: Date;
}

/** recorded / changed / unchanged, 'invalid' (no user, or not an answer id), or 'unavailable' (store down). */
export type VoteOutcome = VoteResult | 'invalid' | 'unavailable';

export interface QuestionLog {
  /** Queues the outcome; returns the answer id for feedback buttons (undefined for notices: empty, too long, rate limited). Never throws. */
  record(input: RecordInput): string | undefined;
  /** One vote per user per answer; a second click changes it. Waits for the store; never throws. */
  vote(input: VoteInput): Promise<VoteOutcome>;
  /** Resolves true once the store is open (migrated), false if opening failed (it is retried on the next write). */
  ready(): Promise<boolean>;
  /** Writes what is queued now (tests, shutdown). */
  flush(): Promise<void>;
  /** Deletes rows older than the retention; runs by itself at start and every 6 hours. */
  prune(): Promise<{ questions: number; votes: number } | undefined>;
  /** Writes the queue (waiting at most 3 s), then closes the store. */
  close(): Promise<void>;
  readonly store: QuestionLogStore;
  /** Questions waiting to be written. */
  readonly pending: number;
  /** False until the store opened, and while it is failing. */
  readonly available: boolean;
}

export interface QuestionLogOptions {
  store: QuestionLogStore;
  logger: Logger;
  metrics?: QuestionLogMetrics;
  retentionDays?: number;
  flushIntervalMs?: number;
  maxQueue?: number;
  now?: () => number;
}

interface Pending {
  id: string;
  at: number;
  platform: string;
  userId: string | undefined;
  locale: string;
  outcome: QuestionOutcome;
  score: number;
  facts: string[];
  text: string | null;
}

export function createQuestionLog(options: QuestionLogOptions): QuestionLog {
  const { store, logger } = options;
  const metrics = options.metrics ?? NO_QUESTION_LOG_METRICS;
  const retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * 86_400_000;
  const flushIntervalMs = options.flushIntervalMs ?? FLUSH_INTERVAL_MS;
  const maxQueue = options.maxQueue ?? MAX_QUEUE;
  const now = options.now ?? Date.now;
  const where = { store: store.kind, location: store.location };

  let info: StoreInfo | undefined;
  let hashUser: ((platform: string, userId: string | undefined) => string | undefined) | undefined;
  let opening: Promise<boolean> | undefined;
  let queue: Pending[] = [];
  let flushing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let pruneTimer: NodeJS.Timeout | undefined;
  let closed = false;
  // Outage state: one warning when it starts, one line when it ends.
  let down = false;
  let warnedDropping = false;
  let failures = 0;
  let retryAt = 0;
  const recentText = new LRUCache<string, string>({ max: VOTE_TEXT_MAX, ttl: VOTE_TEXT_TTL_MS });

  const failed = (operation: QuestionLogOperation, err: unknown) => {
    metrics.failed(operation);
    failures += 1;
    retryAt = now() + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
    const detail = { ...where, operation, err: err instanceof Error ? err.message : String(err), queued: queue.length };
    // After close() nothing is retried: the loss was reported once ('shutting down with questions not written').
    if (!down && !closed) {
      down = true;
      logger.warn(detail, 'question log unavailable: answers go on; questions wait in memory (bounded) and are retried');
    } else logger.debug(detail, 'question log still unavailable');
  };
  const succeeded = () => {
    failures = 0;
    retryAt = 0;
    if (down) {
      down = false;
      warnedDropping = false;
      logger.info({ ...where, queued: queue.length }, 'question log is back');
    }
  };

  const ensureOpen = (): Promise<boolean> => {
    if (info) return Promise.resolve(true);
    opening ??= store
      .open()
      .then(
        (opened) => {
          info = opened;
          hashUser = createUserHasher(opened.userSalt);
          logger.info({ ...where, schema: opened.schemaVersion, migrated: opened.applied }, 'question log open');
          succeeded();
          startPruning();
          return true;
        },
        (err: unknown) => {
          failed('open', err);
          return false;
        },
      )
      .finally(() => {
        opening = undefined;
      });
    return opening;
  };

  const trim = () => {
    const over = queue.length - maxQueue;
    if (over <= 0) return;
    queue = queue.slice(over);
    metrics.dropped(over);
    if (!warnedDropping) {
      warnedDropping = true;
      logger.warn({ ...where, max: maxQueue }, 'question log queue full: the oldest questions are dropped until the store is back');
    }
  };

  const toRow = (p: Pending): QuestionRow => ({
    id: p.id,
    askedAt: new Date(p.at),
    platform: p.platform,
    locale: p.locale,
    userHash: hashUser?.(p.platform, p.userId) ?? null,
    outcome: p.outcome,
    score: p.score,
    facts: p.facts,
    text: p.text,
    normalised: p.text === null ? null : normaliseQuestion(p.text),
  });

  const schedule = (soon = false) => {
    if (closed || timer || queue.length === 0) return;
    const delay = Math.max(soon ? 0 : flushIntervalMs, retryAt - now());
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, delay);
    timer.unref();
  };

  const flush = (): Promise<void> => {
    if (flushing) return flushing.then(() => (queue.length > 0 && now() >= retryAt ? flush() : undefined));
    const run = async () => {
      // What is queued now, in writes of the store's batch size, letting answers run between writes.
      // Questions recorded meanwhile wait for the next flush, so a steady stream makes few, full writes.
      let due = queue.length;
      while (due > 0 && now() >= retryAt) {
        if (!(await ensureOpen())) return;
        const batch = queue.splice(0, Math.min(due, store.batchSize));
        if (batch.length === 0) return; // the bound dropped what was due
        due -= batch.length;
        try {
          await store.insertQuestions(batch.map(toRow));
          metrics.written(batch.length);
          succeeded();
        } catch (err) {
          queue = batch.concat(queue);
          trim();
          failed('write', err);
          return;
        }
        if (due > 0) await nextTurn();
      }
    };
    // .finally runs after this assignment even when run() finishes at once (nothing to write).
    flushing = run().finally(() => {
      flushing = undefined;
      metrics.queued(queue.length);
      schedule();
    });
    return flushing;
  };

  const prune = async () => {
    if (!(await ensureOpen())) return undefined;
    try {
      const deleted = await store.deleteBefore(new Date(now() - retentionMs));
      succeeded();
      if (deleted.questions + deleted.votes > 0) logger.info({ ...where, ...deleted, retention_days: retentionMs / 86_400_000 }, 'question log: old rows deleted');
      return deleted;
    } catch (err) {
      failed('prune', err);
      return undefined;
    }
  };
  const startPruning = () => {
    if (pruneTimer || closed) return;
    void prune();
    pruneTimer = setInterval(() => void prune(), PRUNE_INTERVAL_MS);
    pruneTimer.unref();
  };

  // Open now, so a misconfigured store shows in the first seconds' log, not at the first question.
  void ensureOpen();

  return {
    store,
    get pending() {
      return queue.length;
    },
    get available() {
      return info !== undefined && !down;
    },

    record(input) {
      try {
        const outcome = outcomeOf(input.answer);
        if (!outcome || closed) return undefined;
        const id = randomUUID();
        const text = typeof input.text === 'string' ? input.text.slice(0, MAX_TEXT_CHARS) : '';
        queue.push({
          id,
          at: input.at?.getTime() ?? now(),
          platform: String(input.platform),
          userId: input.userId,
          locale: input.answer.locale,
          outcome,
          score: input.answer.score,
          facts: input.answer.facts.map((f) => f.id),
          text: outcome === 'refused' ? text : null,
        });
        recentText.set(id, text);
        trim();
        schedule(queue.length >= BATCH_SIZE);
        return id;
      } catch (err) {
        // Only a bug gets here; the answer must still go out.
        metrics.failed('write');
        logger.error({ err: err instanceof Error ? err.message : String(err) }, 'question log: record failed');
        return undefined;
      }
    },

    async vote(input) {
      if (typeof input.answerId !== 'string' || !ANSWER_ID.test(input.answerId)) return 'invalid';
      if (typeof input.userId !== 'string' || input.userId === '') return 'invalid';
      if (input.value !== 'up' && input.value !== 'down') return 'invalid';
      if (!(await ensureOpen())) return 'unavailable';
      const text = input.value === 'down' ? (input.text ?? recentText.get(input.answerId) ?? null) : null;
      try {
        const result = await store.upsertVote({
          answerId: input.answerId,
          userHash: hashUser!(input.platform, input.userId)!,
          value: input.value,
          text: text === null ? null : text.slice(0, MAX_TEXT_CHARS),
          votedAt: input.at ?? new Date(now()),
        });
        succeeded();
        schedule();
        return result;
      } catch (err) {
        failed('vote', err);
        return 'unavailable';
      }
    },

    ready: ensureOpen,
    flush,
    prune,

    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      if (pruneTimer) clearInterval(pruneTimer);
      retryAt = 0; // one last try, whatever the pause
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([flush(), new Promise<void>((resolve) => (timeout = setTimeout(resolve, CLOSE_FLUSH_TIMEOUT_MS)))]);
      clearTimeout(timeout);
      if (queue.length > 0) logger.warn({ ...where, lost: queue.length }, 'question log: shutting down with questions not written');
      try {
        await store.close();
      } catch (err) {
        logger.warn({ ...where, err: err instanceof Error ? err.message : String(err) }, 'question log did not close cleanly');
      }
    },
  };
}

/** Notices other than a failure (empty, too long, rate limited) are not questions the article could answer: not logged. */
function outcomeOf(answer: RecordInput['answer']): QuestionOutcome | undefined {
  if (answer.notice === 'error') return 'error';
  if (answer.notice) return undefined;
  return answer.answered ? 'answered' : 'refused';
}
