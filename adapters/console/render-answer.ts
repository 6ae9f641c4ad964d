// Plain text for a terminal: the answer, the citation, suggestions. Control characters from the
// question never reach the screen because answers are built from the fact base, not echoed.
import type { Answer } from '../../src/index.ts';

export function renderAnswer(answer: Answer): string {
  return answer.text;
}
