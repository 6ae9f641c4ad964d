// What the "share in channel" button under an /ask answer carries, so that the shared answer is the one
// the asker saw, follow-ups included: the question and what the conversation was understood as before
// it ("그럼 미국은?" means nothing without it). The click asks the core again with exactly these, so no
// answer text ever comes from the client, and no server-side state is needed (any instance can share).
// Answer.context is the conversation after this turn, its last turn this one: all but the last is the
// conversation the question was asked in.
import type { ConversationContext, HandledAnswer } from '../../src/index.ts';

/** Slack's limit on a button's value. */
const MAX_VALUE = 2000;

export interface ShareRequest {
  question: string;
  /** The conversation the question was answered in (absent for a question that stood alone). */
  context?: ConversationContext;
  /** The original answer's id in the question log: the shared copy's 👍/👎 vote on it. */
  feedbackId?: string;
}

/** The button value, or undefined when even the question alone does not fit. */
export function shareValue(question: string, answer: Pick<HandledAnswer, 'context' | 'feedbackId'>): string | undefined {
  const before = answer.context?.turns.slice(0, -1) ?? [];
  const id = answer.feedbackId ? { a: answer.feedbackId } : {};
  const withContext = JSON.stringify({ q: question, ...(before.length > 0 ? { c: { turns: before } } : {}), ...id });
  if (withContext.length <= MAX_VALUE) return withContext;
  const alone = JSON.stringify({ q: question, ...id });
  return alone.length <= MAX_VALUE ? alone : undefined;
}

/** The value read back. Anything that is not our JSON (an older message's plain question, a forged value) is a question. */
export function readShareValue(value: string): ShareRequest {
  try {
    const parsed = JSON.parse(value) as { q?: unknown; c?: unknown; a?: unknown };
    if (parsed && typeof parsed === 'object' && typeof parsed.q === 'string') {
      const context = asContext(parsed.c);
      const feedbackId = typeof parsed.a === 'string' && parsed.a.length <= 64 ? parsed.a : undefined;
      return { question: parsed.q, ...(context ? { context } : {}), ...(feedbackId ? { feedbackId } : {}) };
    }
  } catch {
    // not JSON: a plain question
  }
  return { question: value };
}

/** A context of the expected shape (the core only reads ids from it), else nothing. */
function asContext(value: unknown): ConversationContext | undefined {
  const turns = (value as { turns?: unknown } | null)?.turns;
  if (!Array.isArray(turns) || turns.length > 10) return undefined;
  const strings = (v: unknown) => Array.isArray(v) && v.length <= 50 && v.every((x) => typeof x === 'string');
  const ok = turns.every(
    (t: unknown) =>
      t !== null &&
      typeof t === 'object' &&
      strings((t as Record<string, unknown>).entities) &&
      strings((t as Record<string, unknown>).attributes) &&
      strings((t as Record<string, unknown>).facts) &&
      typeof (t as Record<string, unknown>).answered === 'boolean' &&
      ((t as Record<string, unknown>).kind === undefined || typeof (t as Record<string, unknown>).kind === 'string') &&
      ((t as Record<string, unknown>).locale === 'ko' || (t as Record<string, unknown>).locale === 'en'),
  );
  return ok ? { turns: turns as ConversationContext['turns'] } : undefined;
}
