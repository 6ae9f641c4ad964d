// STUB: replaced by the real matcher.
import Fuse from 'fuse.js';
import type { Entity } from '../facts/schema.ts';
import type { KnownFact } from '../facts/knowledge.ts';
import type { Locale } from '../types.ts';
import type { MatchResult } from './match-result.ts';

export interface Matcher {
  match(text: string, locale: Locale): MatchResult;
  suggest(partial: string, locale: Locale, limit: number): string[];
}

export function createMatcher(facts: KnownFact[], _entities: Entity[]): Matcher {
  const docs = facts.map((f) => ({ f, text: [...f.questions.ko, ...f.questions.en, ...f.keywords.ko, ...f.keywords.en].join(' ') }));
  const fuse = new Fuse(docs, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
  return {
    match(text) {
      if (!text.trim()) return { kind: 'empty' };
      const hit = fuse.search(text.slice(0, 200))[0];
      if (!hit || (hit.score ?? 1) > 0.5) return { kind: 'abstain', score: 0, reason: 'low-confidence', suggestions: facts.slice(0, 3) };
      return { kind: 'answer', facts: [hit.item.f], score: 1 - (hit.score ?? 0) };
    },
    suggest(partial, locale, limit) {
      return facts.flatMap((f) => f.questions[locale]).filter((q) => q.includes(partial)).slice(0, limit);
    },
  };
}
