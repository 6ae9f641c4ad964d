// Answers that take one step of arithmetic on the article's own figures: the difference between two
// entities on one measure ("how many more data centres does the UK have than China?") and a rank
// change ("how many places did SNU climb?"). Only from structured values; never a new figure otherwise.
import type { KnownFact } from '../facts/knowledge.ts';
import type { Measure } from '../facts/schema.ts';
import type { FactValue } from '../types.ts';
import type { Computation, MatchResult } from './match-result.ts';
import type { ScoredQuestion } from './score-facts.ts';
import { cleanText } from './text.ts';

const COMPARE = /보다|차이|격차|비교|더\s?많|더\s?적|than|more|fewer|less|differ|gap|compar|\bvs\b|versus/;
const RATIO = /몇\s?배|배나|배\s?(많|더|적)|times|\bfold\b|ratio/;
const RANK_MOVE = /계단|단계|올랐|올라|상승|하락|떨어|내려|climb|rise|rose|risen|drop|fall|fell|fallen|places|spots|moved|improv|declin/;

interface Located {
  fact: KnownFact;
  value: FactValue;
  rank: number;
}

export function computeAnswer(text: string, scored: ScoredQuestion, facts: KnownFact[], measures: Map<string, Measure>): Extract<MatchResult, { kind: 'answer' }> | undefined {
  const q = cleanText(text);
  const rankOf = new Map(scored.ranked.map((r, i) => [r.index, i]));
  // Values of asked-about entities, in facts that the question matched at all (best match first).
  const located: Located[] = [];
  for (const [index, rank] of rankOf) {
    const fact = facts[index]!;
    for (const value of fact.values) if (scored.entities.has(value.entity)) located.push({ fact, value, rank });
  }
  located.sort((a, b) => a.rank - b.rank);
  if (located.length === 0) return undefined;

  if (COMPARE.test(q) || RATIO.test(q)) {
    for (const first of located) {
      const measure = measures.get(first.value.measure);
      if (measure?.kind !== 'count') continue;
      const other = located.find((l) => l.value.measure === first.value.measure && l.value.entity !== first.value.entity);
      if (!other) continue;
      const [more, less] = first.value.value >= other.value.value ? [first, other] : [other, first];
      const ratio = RATIO.test(q) && less.value.value > 0;
      return answer([more.fact, less.fact], {
        key: ratio ? 'ratio' : 'difference',
        vars: {
          more: more.value.entity,
          less: less.value.entity,
          diff: more.value.value - less.value.value,
          times: ratio ? (Math.round((more.value.value / less.value.value) * 10) / 10).toFixed(1) : '',
          moreValue: more.value.value,
          lessValue: less.value.value,
          measure: measure.id,
        },
      });
    }
  }
  if (RANK_MOVE.test(q)) {
    const moved = located.find((l) => l.value.before !== undefined && measures.get(l.value.measure)?.kind === 'rank');
    if (moved) {
      const before = moved.value.before!;
      const after = moved.value.value;
      const key = after < before ? 'rank-up' : after > before ? 'rank-down' : 'rank-same';
      return answer([moved.fact], {
        key,
        vars: { entity: moved.value.entity, before, after, diff: Math.abs(before - after), measure: moved.value.measure },
      });
    }
  }
  return undefined;
}

function answer(facts: KnownFact[], computation: Computation): Extract<MatchResult, { kind: 'answer' }> {
  return { kind: 'answer', facts: facts.filter((f, i) => facts.indexOf(f) === i), score: 0.9, computation };
}
