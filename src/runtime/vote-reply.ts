// What a reader is told after clicking 👍 or 👎 (only them: every platform acknowledges a vote
// privately), in the answer's language, the same words on every platform (locales/<lang>/runtime.json).
import type { Translate } from '../answers/i18n.ts';
import type { VoteOutcome, VoteValue } from '../platform.ts';
import type { Locale } from '../types.ts';

const EMOJI: Record<VoteValue, string> = { up: '👍', down: '👎' };

export function voteReply(t: Translate, locale: Locale, value: VoteValue, outcome: VoteOutcome): string {
  switch (outcome) {
    case 'recorded':
      return t(locale, `runtime:vote.${value}`);
    case 'changed':
      return t(locale, 'runtime:vote.changed', { vote: EMOJI[value] });
    case 'unchanged':
      return t(locale, 'runtime:vote.unchanged', { vote: EMOJI[value] });
    case 'invalid':
      return t(locale, 'runtime:vote.invalid');
    default:
      return t(locale, 'runtime:vote.unavailable');
  }
}

/** A button's label: the emoji and a few words (screen readers read the words). */
export function feedbackLabel(t: Translate, locale: Locale, value: VoteValue): string {
  return `${EMOJI[value]} ${t(locale, `runtime:feedback.${value}`)}`;
}
