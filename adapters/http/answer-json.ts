// An Answer as the API returns it: everything a page needs to show it (the text, the answer alone, the
// citations, suggestions), and the fact ids rather than the facts' internals (keywords, example questions).
import type { Citation, HandledAnswer, Locale, Notice } from '../../src/index.ts';

export interface AnswerJson {
  answered: boolean;
  locale: Locale;
  /** The answer as a person reads it, citation line included. */
  text: string;
  /** The answer alone, for a page that lays out the citations itself. */
  body: string;
  citations: Citation[];
  suggestions: string[];
  score: number;
  /** The ids of the facts answered with. */
  facts: string[];
  notice?: Notice;
  /** POST it to /v1/feedback with a 👍/👎 (absent for notices, and when no question log is kept). */
  feedbackId?: string;
}

export function answerJson(answer: HandledAnswer): AnswerJson {
  return {
    answered: answer.answered,
    locale: answer.locale,
    text: answer.text,
    body: answer.body,
    citations: answer.citations,
    suggestions: answer.suggestions,
    score: answer.score,
    facts: answer.facts.map((f) => f.id),
    ...(answer.notice ? { notice: answer.notice } : {}),
    ...(answer.feedbackId ? { feedbackId: answer.feedbackId } : {}),
  };
}
