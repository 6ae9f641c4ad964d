// What a 👍/👎 button under an answer carries: the answer's id in the question log, the answer's
// language (for the private thank-you), and the question when it fits, so that a 👎 keeps it even when
// the click reaches another instance behind the load balancer (which never saw the question). A vote
// changes nothing but the clicker's own vote on that answer id, so the value needs no more trust than that.
import type { HandledAnswer, Locale, VoteValue } from '../../src/index.ts';

/** Slack's limit on a button's value. */
const MAX_VALUE = 2000;

export const FEEDBACK_ACTION_IDS: Record<VoteValue, string> = { up: 'feedback_up', down: 'feedback_down' };

export interface FeedbackRequest {
  feedbackId: string;
  locale: Locale;
  question?: string;
}

/** The value both buttons carry, or undefined when the answer has nothing to vote on (a notice, no log). */
export function feedbackValue(question: string, answer: Pick<HandledAnswer, 'feedbackId' | 'locale' | 'notice'>): string | undefined {
  if (!answer.feedbackId || answer.notice) return undefined;
  const base = { a: answer.feedbackId, l: answer.locale };
  const withQuestion = JSON.stringify({ ...base, q: question });
  return withQuestion.length <= MAX_VALUE ? withQuestion : JSON.stringify(base);
}

/** The value read back; undefined when it is not ours. */
export function readFeedbackValue(value: string): FeedbackRequest | undefined {
  try {
    const parsed = JSON.parse(value) as { a?: unknown; l?: unknown; q?: unknown };
    if (typeof parsed?.a !== 'string') return undefined;
    const locale: Locale = parsed.l === 'en' ? 'en' : 'ko';
    return { feedbackId: parsed.a, locale, ...(typeof parsed.q === 'string' ? { question: parsed.q } : {}) };
  } catch {
    return undefined;
  }
}
