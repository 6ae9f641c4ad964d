// The one pipeline every platform question goes through (ctx.handle): rate limit, core.ask, metrics,
// one structured log line, the question log. It never throws: a failure inside the core becomes a
// localised error Answer. The rate limit and conversations may live in Redis (several instances): both
// are awaited, each bounded by its own short timeout; the question log is only queued (its writes are
// off the answer's path).
import { performance } from 'node:perf_hooks';
import type { Core } from '../core.ts';
import type { HandledAnswer, PlatformQuestion } from '../platform.ts';
import type { QuestionLog } from '../question-log/question-log.ts';
import type { Answer, ConversationContext, Locale, Notice } from '../types.ts';
import type { Logger } from './logger.ts';
import type { Metrics, Outcome } from './metrics.ts';
import type { RateDecision } from './rate-limiter.ts';
import { createUserHasher } from './hash-user.ts';
import { replyLocale } from './reply-locale.ts';
import { errorForLog } from './error-for-log.ts';
import { createMemoryConversationStore, type ConversationStore } from './conversation-store.ts';
import { chartForRequest } from '../charts/chart-request.ts';

export interface HandleDeps {
  core: Core;
  logger: Logger;
  metrics: Metrics;
  /** Per-user rate limit: in memory, or shared through Redis (then asynchronous). */
  limiter: { check(key: string): RateDecision | Promise<RateDecision> };
  /** Where each question's outcome is recorded (undefined: QUESTION_LOG=0, or a test without one). */
  questionLog?: Pick<QuestionLog, 'record'>;
  /** Platforms whose questions are never rate limited (the local terminal chat: its one user is the operator). */
  unlimited?: ReadonlySet<string>;
  hashUser?: (platform: string, userId: string | undefined) => string | undefined;
  /** Where follow-up context is kept between turns (default: in memory, 10 minutes, 10,000 conversations). */
  conversations?: ConversationStore;
}

export type Handle = (question: PlatformQuestion) => Promise<HandledAnswer | null>;

export function createHandle(deps: HandleDeps): Handle {
  const { core, logger, metrics, limiter } = deps;
  const hashUser = deps.hashUser ?? createUserHasher();
  const unlimited = deps.unlimited ?? new Set<string>();
  const conversations = deps.conversations ?? createMemoryConversationStore();

  return async (question) => {
    const platform = String(question.platform || 'unknown');
    const user = hashUser(platform, question.userId);
    const text = typeof question.text === 'string' ? question.text : '';

    if (!unlimited.has(platform)) {
      // Users without an id share one bucket per platform rather than escaping the limit.
      const decision = await checkLimit(limiter, `${platform}\0${question.userId ?? ''}`, logger, platform);
      if (decision !== 'allowed') {
        const locale = safeLocale(core, text, question.locale);
        if (decision === 'silent') {
          // Debug only: a flood must not become a flood of log lines.
          metrics.question(platform, locale, 'silenced');
          logger.debug({ platform, locale, user, notice: 'rate-limited', silenced: true }, 'question silenced (rate limited)');
          return null;
        }
        metrics.question(platform, locale, 'rate-limited');
        logger.info({ platform, locale, answered: false, facts: [], score: 0, latency_ms: 0, user, notice: 'rate-limited' }, 'question');
        return noticeAnswer(core, locale, 'rate-limited');
      }
    }

    // One conversation per platform and adapter-given key; a store that fails only costs the follow-up.
    // A replay (question.context) is answered in the snapshot it brings and leaves the store alone.
    const { context: replay, ...asked } = question;
    const conversationKey = !replay && question.conversation ? `${platform}\u0000${question.conversation}` : undefined;
    let context: ConversationContext | undefined = replay;
    if (conversationKey) {
      try {
        context = await conversations.get(conversationKey);
      } catch (err) {
        logger.warn({ platform, err: errorForLog(err).message }, 'conversation store failed; answering without context');
      }
    }

    const started = performance.now();
    let answer: Answer;
    try {
      answer = core.ask({ ...asked, text }, context);
    } catch (err) {
      const locale = safeLocale(core, text, question.locale);
      logger.error({ platform, locale, user, err: errorForLog(err) }, 'core.ask failed; sent the error notice');
      answer = noticeAnswer(core, locale, 'error');
    }
    const seconds = (performance.now() - started) / 1000;
    // "차트 보여줘" shows a chart of the conversation; it is not a turn of it ("그럼 미국은?" after it still
    // follows the question before), so the stored conversation stays as it was.
    const chartRequest = answer.context !== undefined && chartForRequest(text, answer, core.charts(), (q) => core.ask(q)) !== undefined;
    if (conversationKey && answer.context && !chartRequest) {
      try {
        await conversations.set(conversationKey, answer.context);
      } catch (err) {
        logger.warn({ platform, err: errorForLog(err).message }, 'conversation store failed; the next turn starts fresh');
      }
    }
    metrics.question(platform, answer.locale, outcomeOf(answer), seconds);
    logger.info(
      {
        platform,
        locale: answer.locale,
        answered: answer.answered,
        facts: answer.facts.map((f) => f.id),
        score: answer.score,
        latency_ms: Math.round(seconds * 100_000) / 100,
        user,
        ...(answer.notice ? { notice: answer.notice } : {}),
      },
      'question',
    );
    // A replay (Slack's share button) is a question already logged, not a new one.
    const feedbackId = replay ? undefined : deps.questionLog?.record({ platform, userId: question.userId, text, answer });
    return feedbackId ? { ...answer, feedbackId } : answer;
  };
}

/** The limiter's decision; a limiter that fails (a bug, a store that throws) lets the question through. */
async function checkLimit(limiter: HandleDeps['limiter'], key: string, logger: Logger, platform: string): Promise<RateDecision> {
  try {
    return await limiter.check(key);
  } catch (err) {
    logger.warn({ platform, err: errorForLog(err).message }, 'rate limiter failed; the question goes through');
    return 'allowed';
  }
}

function outcomeOf(answer: Answer): Outcome {
  if (answer.notice) return answer.notice;
  return answer.answered ? 'answered' : 'unanswered';
}

function safeLocale(core: Core, text: string, hint: Locale | undefined): Locale {
  return replyLocale(core, text, hint ?? 'ko');
}

/** A notice the runtime composes itself (rate limit, failure): the localised text from the core's namespace. */
export function noticeAnswer(core: Core, locale: Locale, notice: Notice): Answer {
  const body = core.t(locale, `core:notice.${notice}`);
  return { answered: false, locale, text: body, body, facts: [], citations: [], suggestions: [], score: 0, notice };
}
