// "미국 데이터센터 몇 개야?" / "중국은?" / "둘이 몇 개 차이나?": "the two" are the last turn's entity and the
// one asked about the same thing just before it. The matcher sees only the last turn; this widens it.
// Exported for the matcher's callers: lastTurnOf.
import type { UnderstoodTurn } from '../types.ts';

const THE_TWO = /둘|두\s*(?:개|곳|나라|회사|대학|기관)|양쪽|\bboth\b|\bthe two\b|\bthem\b|\bbetween them\b|\bthose two\b/i;
// A comparison or a sum after two turns that asked the same of two things is of those two: "차이는?",
// "우크라가 몇 개 더 많아?" (than Korea, asked just before), "how many times more?", "합치면?".
const COMPARES = /차이|격차|몇\s*배|더\s*(?:많|적|높|낮|크|작)|합치|합하|합쳐|\bdifference\b|\bgap\b|\btimes\b|\bmore\b|\bfewer\b|\bless\b|\bcombined\b|\btogether\b|\bvs\.?\b|\bversus\b/i;

/** The last turn as the next question leans on it: with both entities when it speaks of two (below), and the turn before it. */
export function lastTurnOf(text: string, all: readonly UnderstoodTurn[]): UnderstoodTurn | undefined {
  // A turn that was understood as nothing ("just guess", an injection, "고마워") neither adds to the
  // conversation nor ends it: "when was it founded then?" still speaks of Zhipu from before them.
  const turns = all.some(understoodSomething) ? all.filter(understoodSomething) : all;
  const last = lastTurnWithPair(text, turns);
  const before = turns.at(-2);
  if (!last || !before) return last;
  const { before: _, ...earlier } = before;
  return { ...last, before: earlier };
}

function understoodSomething(turn: UnderstoodTurn): boolean {
  return turn.entities.length + turn.attributes.length + turn.facts.length > 0;
}

/** The last turn, holding both entities when the question speaks of two and the two turns before ask the same. */
export function lastTurnWithPair(text: string, turns: readonly UnderstoodTurn[]): UnderstoodTurn | undefined {
  const last = turns.at(-1);
  const before = turns.at(-2);
  if (!last || !before || last.entities.length !== 1 || !(THE_TWO.test(text) || COMPARES.test(text))) return last;
  const other = before.entities.find((e) => !last.entities.includes(e));
  const sameQuestion = last.attributes.some((a) => before.attributes.includes(a));
  if (!other || before.entities.length !== 1 || !sameQuestion) return last;
  return { ...last, entities: [other, ...last.entities], facts: [...before.facts, ...last.facts] };
}
