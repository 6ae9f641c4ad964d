// The join at the heart of a plan: each asked entity with each asked attribute, through the facts'
// `answers` (fact-index.ts), one fact per pair; and the checks that the very figure asked is given
// (a rank, a year's value), and the coverage score that breaks ties between candidate facts.
import type { Frame } from './frame.ts';
import type { Missing } from './match-result.ts';
import type { PlanDeps } from './plan-answer.ts';
import type { Asked } from './resolve-follow-up.ts';
import type { ScoredQuestion } from './score-facts.ts';
import { MAX_PARTS, RELATED_WEIGHT } from './tuning.ts';

/** Whether the article gives the very figure asked (a rank, a year's value) for an entity's attribute. */
export type FigureCheck = (entity: string, attribute: string) => Missing | undefined;

/** The facts that give each attribute for each entity: one per (entity, attribute), the best ranked. */
export function join(deps: PlanDeps, entities: string[], attributes: string[], rank: Ranking, lastFacts: string[], check?: FigureCheck, wantsOther = false, wantsFigure = false) {
  const facts: number[] = [];
  const joinedEntities: string[] = [];
  const joinedAttributes: string[] = [];
  let lacking: Missing | undefined;
  const last = new Set(lastFacts.map((id) => deps.factIndexById.get(id)).filter((i): i is number => i !== undefined));
  for (const e of entities) {
    for (const a of attributes) {
      let candidates = deps.index.factsFor(e, a);
      if (candidates.length === 0) continue;
      const missing = check?.(e, a);
      if (missing) {
        lacking ??= missing;
        continue;
      }
      // Asked again in other words ("그건 언제까지래?"): the fact answered last time, if it is one of them;
      // asked for others ("which other startups do they back?"): another one, if there is one.
      // A figure asked ("how many", "몇 위") is answered by a fact that carries one for the entity, before
      // one that only talks about it: the filler of a long question must not tip the choice.
      if (wantsFigure && candidates.length > 1) {
        const measures = new Set((deps.values.measuresOf.get(a) ?? []).map((m) => m.id));
        const carrying = candidates.filter((i) => deps.facts[i]!.values.some((v) => v.entity === e && measures.has(v.measure)));
        if (carrying.length > 0) candidates = carrying;
      }
      const fresh = candidates.filter((i) => !last.has(i));
      const again = wantsOther ? undefined : candidates.find((i) => last.has(i));
      const pick = again ?? best(wantsOther && fresh.length > 0 ? fresh : candidates, rank);
      if (!facts.includes(pick)) facts.push(pick);
      if (!joinedEntities.includes(e)) joinedEntities.push(e);
      if (!joinedAttributes.includes(a)) joinedAttributes.push(a);
      if (facts.length >= MAX_PARTS) break;
    }
  }
  return { facts, entities: joinedEntities, attributes: joinedAttributes, ...(lacking ? { lacking } : {}) };
}

/**
 * "한국 데이터센터 세계 몇 위야?": the article gives Korea's count but no rank. "푸단대 2016년 순위": it gives
 * Fudan's 2024 rank only. A rank is checked only where the measure ranks things of the entity's kind
 * (a country among countries), and a year only against the measure's years.
 */
export function figureCheck(deps: PlanDeps, frame: Frame, asked: Asked): FigureCheck {
  const wantsRank = asked.kinds.asks.has('rank') && !asked.kinds.asks.has('count') && !asked.kinds.asks.has('amount');
  // The article's own year is often "now" ("2025년 현재 몇 개?"), so it is checked only against a series
  // of years: "2025년 순위" where the article gives the ranks of 2016 and 2024 asks a year it does not give.
  const articleYear = Number(deps.facts[0]?.article.date.slice(0, 4));
  const years = frame.years.filter((y) => y !== articleYear);
  return (entity, attribute) => {
    const measures = deps.values.measuresOf.get(attribute) ?? [];
    if (measures.length === 0) return undefined;
    const kind = deps.entityById.get(entity)?.kind;
    const valueOf = (m: { id: string }) => deps.values.byMeasure.get(m.id)?.find((v) => v.entity === entity);
    const sameKind = (m: { id: string }) => (deps.values.byMeasure.get(m.id) ?? []).some((v) => deps.entityById.get(v.entity)?.kind === kind);
    const ranks = measures.filter((m) => m.kind === 'rank' && sameKind(m));
    if (wantsRank && ranks.length > 0 && !ranks.some(valueOf)) return { entity, attribute, measure: ranks[0]!.id, givenFor: [] };
    const held = measures.filter((m) => valueOf(m) && (wantsRank ? m.kind === 'rank' : true));
    const series = new Set(held.flatMap((m) => [m.year, valueOf(m)!.before !== undefined ? m.beforeYear : undefined]).filter((y) => y !== undefined)).size >= 2;
    for (const year of series ? frame.years : years) {
      if (held.length === 0) continue;
      const fits = held.some((m) => m.year === year || (m.beforeYear === year && valueOf(m)!.before !== undefined) || (m.year === undefined && m.beforeYear === undefined));
      if (!fits) return { entity, attribute, measure: held[0]!.id, year, givenFor: [] };
    }
    return undefined;
  };
}

/** A fact's coverage score, for breaking ties between candidates. */
export interface Ranking {
  get(fact: number): number | undefined;
}

/** `ownExample`: the fact whose editor wrote this very question as one of its examples, if one did. */
export function lazyRank(scored: () => ScoredQuestion, ownExample?: number): Ranking {
  let map: Map<number, number> | undefined;
  return { get: (fact) => (map ??= rankOf(scored(), ownExample)).get(fact) };
}

function rankOf(scored: ScoredQuestion, ownExample: number | undefined): Map<number, number> {
  const map = new Map<number, number>();
  // A fact's own example question, as its editor wrote it, is answered by that fact among the candidates
  // for what it asks ("Which Chinese university was in the top 10 in 2016?" is the 2016 fact's, though the
  // 2024 fact that mentions 2016 explains as many of its words).
  if (ownExample !== undefined) map.set(ownExample, Number.POSITIVE_INFINITY);
  for (const r of scored.ranked) if (!map.has(r.index)) map.set(r.index, r.score);
  for (const r of scored.related) if (!map.has(r.index)) map.set(r.index, r.score * RELATED_WEIGHT);
  return map;
}

/** The best-scored of several facts (the first in file order on a tie). */
export function best(candidates: readonly number[], rank: Ranking): number {
  let pick = candidates[0]!;
  if (candidates.length === 1) return pick;
  for (const i of candidates) if ((rank.get(i) ?? 0) > (rank.get(pick) ?? 0)) pick = i;
  return pick;
}

