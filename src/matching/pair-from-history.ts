// "미국 데이터센터 몇 개야?" / "중국은?" / "둘이 몇 개 차이나?": "the two" are the last turn's entity and the
// one asked about the same thing just before it. The matcher sees only the last turn; this widens it.
import type { UnderstoodTurn } from '../types.ts';

const THE_TWO = /둘|두\s*(?:개|곳|나라|회사|대학|기관)|양쪽|\bboth\b|\bthe two\b|\bthem\b|\bbetween them\b|\bthose two\b/i;

/** The last turn, holding both entities when the question speaks of two and the two turns before ask the same. */
export function lastTurnWithPair(text: string, turns: readonly UnderstoodTurn[]): UnderstoodTurn | undefined {
  const last = turns.at(-1);
  const before = turns.at(-2);
  if (!last || !before || last.entities.length !== 1 || !THE_TWO.test(text)) return last;
  const other = before.entities.find((e) => !last.entities.includes(e));
  const sameQuestion = last.attributes.some((a) => before.attributes.includes(a));
  if (!other || before.entities.length !== 1 || !sameQuestion) return last;
  return { ...last, entities: [other, ...last.entities], facts: [...before.facts, ...last.facts] };
}
