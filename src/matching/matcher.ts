// The matcher: question text -> the fact that answers it, a computed comparison, or an abstention.
import type { Entity, Measure } from '../facts/schema.ts';
import type { KnownFact } from '../facts/knowledge.ts';
import type { Locale } from '../types.ts';
import type { MatchResult } from './match-result.ts';
import { readQuestion } from './read-question.ts';
import { scoreFacts, type ScoredQuestion } from './score-facts.ts';
import { buildVocabulary } from './vocabulary.ts';
import { looksLikeQwertyKorean, qwertyToHangul } from './qwerty.ts';
import { computeAnswer } from './compute.ts';
import { createSuggester } from './suggest.ts';
import { cleanText } from './text.ts';

export interface Matcher {
  match(text: string, locale: Locale): MatchResult;
  suggest(partial: string, locale: Locale, limit: number): string[];
}

/** Below this share of the question explained, the bot says the article does not answer it. */
export const ANSWER_THRESHOLD = 0.55;

export function createMatcher(facts: KnownFact[], entities: Entity[], measures: Map<string, Measure> = new Map()): Matcher {
  const vocab = buildVocabulary(facts, entities);
  const suggester = createSuggester(facts);

  const isKnown = (key: string) => vocab.byKey.has(key);
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const score = (text: string): ScoredQuestion => scoreFacts(vocab, facts, readQuestion(text, isKnown));

  return {
    match(text) {
      if (looksLikeQwertyKorean(text)) {
        const hangul = qwertyToHangul(text);
        const [asTyped, converted] = [score(text), score(hangul)];
        // Read it as Korean only when that reading explains more: "author" is English, "wndrnr" is 중국.
        if ((converted.ranked[0]?.score ?? 0) > (asTyped.ranked[0]?.score ?? 0)) return { ...decide(hangul, converted), qwerty: true };
        return decide(text, asTyped);
      }
      return decide(text, score(text));
    },
    suggest: (partial, locale, limit) => suggester.suggest(partial, locale, limit),
  };

  function decide(text: string, scored: ScoredQuestion): MatchResult {
    if (scored.contentWeight === 0 && scored.ranked.length === 0) {
      // Nothing visible (only spaces, control or zero-width characters) is an empty question.
      return cleanText(text) === '' ? { kind: 'empty' } : abstain(scored, 'no-content');
    }
    if (scored.uncovered.size > 0) {
      // "일본 데이터센터": nothing on Japan, but the question's other words still say what to suggest.
      return abstain(score(withoutNames(text, scored.uncovered)), 'uncovered-entity', 0);
    }
    const computed = computeAnswer(text, scored, facts, measures);
    if (computed) return computed;
    const top = scored.ranked[0];
    if (!top || top.score < ANSWER_THRESHOLD) return abstain(scored, 'low-confidence');
    return { kind: 'answer', facts: [facts[top.index]!], score: Math.min(1, top.score) };
  }

  function abstain(scored: ScoredQuestion, reason: 'low-confidence' | 'uncovered-entity' | 'no-content', confidence?: number): MatchResult {
    const near = [...scored.ranked, ...scored.related].slice(0, 3).map((r) => facts[r.index]!);
    const score = confidence ?? Math.max(0, Math.min(1, scored.ranked[0]?.score ?? 0));
    return { kind: 'abstain', score, reason, suggestions: near };
  }

  function withoutNames(text: string, ids: Set<string>): string {
    let rest = text.toLowerCase();
    for (const id of ids) {
      const names = [...(entityById.get(id)?.names.ko ?? []), ...(entityById.get(id)?.names.en ?? [])];
      for (const name of names.sort((a, b) => b.length - a.length)) rest = rest.split(name.toLowerCase()).join(' ');
    }
    return rest;
  }
}
