// Answers that take one step of arithmetic over the article's own figures of one measure: the most and
// the fewest, the n-th, a sum, a share of the whole, an average, the difference or ratio of two, the
// biggest rank change. Only from structured values (facts' `values`), and each result says how it was
// computed ("5381 ÷ 11800 ≈ 45.6%"). Measures not marked count or rank (money, years) are never computed with.
import type { KnownFact } from '../facts/knowledge.ts';
import type { Measure } from '../facts/schema.ts';
import type { Computation } from './match-result.ts';
import type { Aggregate, QuestionKinds } from './question-kinds.ts';

export interface MeasuredValue {
  entity: string;
  value: number;
  before?: number;
  atLeast?: boolean;
  fact: number;
}

export interface ValueIndex {
  /** Values by measure id: one per entity (the first fact that states it). */
  byMeasure: Map<string, MeasuredValue[]>;
  /** Measures by the attribute they quantify. */
  measuresOf: Map<string, Measure[]>;
  measures: Map<string, Measure>;
}

export function indexValues(facts: KnownFact[], measures: Map<string, Measure>): ValueIndex {
  const byMeasure = new Map<string, MeasuredValue[]>();
  facts.forEach((fact, index) => {
    for (const v of fact.values) {
      if (!measures.has(v.measure)) continue;
      const list = byMeasure.get(v.measure) ?? [];
      if (!list.some((m) => m.entity === v.entity)) {
        list.push({ entity: v.entity, value: v.value, ...(v.before !== undefined ? { before: v.before } : {}), ...(v.atLeast ? { atLeast: true } : {}), fact: index });
      }
      byMeasure.set(v.measure, list);
    }
  });
  const measuresOf = new Map<string, Measure[]>();
  for (const m of measures.values()) if (m.attribute) measuresOf.set(m.attribute, [...(measuresOf.get(m.attribute) ?? []), m]);
  return { byMeasure, measuresOf, measures };
}

export interface Computed {
  computation: Computation;
  /** More computations of the same kind, when the question asks several ("12위랑 21위는?"). */
  more?: Computation[];
  /** The facts whose values were used: they are cited, and their chart shows the answer. */
  facts: number[];
  /** For a place no one holds ("5위는?"): the places the article does name, nearest first. */
  near?: Array<{ entity: string; value: number }>;
}

interface Ask {
  attribute: string;
  kinds: QuestionKinds;
  /** Entities the question names for the computation (focus and compared), in the order named. */
  named: string[];
  /** Of those, the other side of a comparison ("독일보다"): the subject is chosen against it. */
  compared?: string[];
  /** A university's country, so "중국 대학 중" narrows the universities to China's. */
  countryOf: (entity: string) => string | undefined;
  /** An entity's kind (country, university, ...): "1위 대학" is not picked among countries. */
  kindOf?: (entity: string) => string | undefined;
}

/** Results that only say what the article lacks: another measure's real answer is preferred. */
const PARTIAL = new Set(['most-rank-given', 'nth-not-given']);

/** The computation a question asks for, when its kind, its attribute and the values allow one. */
export function computeAggregate(index: ValueIndex, ask: Ask): Computed | undefined {
  const { kinds } = ask;
  const wanted = [...kinds.aggregates];
  // "how many … in the author ranking" asks a count: the ranking's name alone asks no place.
  const rankFirst = (kinds.asks.has('rank') && !kinds.asks.has('count')) || kinds.byRank || kinds.ofChange !== undefined || kinds.aggregates.has('nth');
  // The measure of the kind the question asks (a rank or a count), then the one that holds what it names.
  const holds = (m: Measure) => ask.named.filter((e) => valuesOf(index, m).some((v) => v.entity === e || ask.countryOf(v.entity) === e)).length;
  const fit = (m: Measure) => 2 * Number((m.kind === 'rank') === rankFirst) + holds(m);
  const candidates = (index.measuresOf.get(ask.attribute) ?? []).slice().sort((a, b) => fit(b) - fit(a));
  // "중국 대학은 네이처 인덱스 30위 안에 모두 몇 곳?": one name's counts in several bands of one attribute, added up.
  if (kinds.aggregates.has('sum') && ask.named.length === 1) {
    const bands = candidates.filter((m) => m.kind === 'count').map((m) => ({ m, v: valuesOf(index, m).find((v) => v.entity === ask.named[0]) })).filter((b) => b.v);
    if (bands.length >= 2) {
      const sum = bands.reduce((a, b) => a + b.v!.value, 0);
      return {
        computation: { key: 'sum-bands', vars: { measure: bands[0]!.m.id, measures: bands.map((b) => b.m.id).join(','), entity: ask.named[0]!, sum, expr: bands.map((b) => b.v!.value).join(' + ') } },
        facts: [...new Set(bands.map((b) => b.v!.fact))],
      };
    }
  }
  // A ranking whose 1st place the article names beats one where it names only lower places.
  let partial: Computed | undefined;
  for (const aggregate of orderOf(wanted, kinds)) {
    for (const measure of candidates) {
      const result = compute(index, measure, aggregate, ask);
      if (result && !PARTIAL.has(result.computation.key)) return result;
      partial ??= result;
    }
    if (partial) return partial;
  }
  return undefined;
}

/** Places named around one the article does not name, said with the refusal ("5위는?"). */
const NEAR_PLACES = 4;

/** Which aggregate to try first when a question shows several ("합치면 몇 배" is a ratio; "most" + "change"). */
function orderOf(wanted: Aggregate[], kinds: QuestionKinds): Aggregate[] {
  // A superlative about a change ("제일 많이 오른") outranks a difference its wording may also suggest.
  const priority: Aggregate[] = kinds.ofChange !== undefined ? ['most', 'least', 'ratio', 'share', 'sum', 'average', 'difference', 'nth'] : ['ratio', 'share', 'sum', 'average', 'difference', 'nth', 'most', 'least'];
  const out = priority.filter((a) => wanted.includes(a));
  // "몇 계단 올랐어?" names no aggregate, but a rank change of one entity is one step too.
  if (kinds.ofChange !== undefined && !out.includes('most') && !out.includes('least')) out.push('change' as Aggregate);
  return out;
}

function valuesOf(index: ValueIndex, measure: Measure): MeasuredValue[] {
  return index.byMeasure.get(measure.id) ?? [];
}

function compute(index: ValueIndex, measure: Measure, aggregate: Aggregate | 'change', ask: Ask): Computed | undefined {
  const all = valuesOf(index, measure);
  if (all.length === 0) return undefined;
  const items = all.filter((v) => v.entity !== measure.total);
  // Each name once: a name read as both subject and compared ("Korea vs China … does China have") is one side.
  let named = [...new Set(ask.named)].map((e) => items.find((v) => v.entity === e)).filter((v): v is MeasuredValue => v !== undefined);
  // A country named over a measure of universities narrows it to that country's ("중국 대학 중 가장 높은").
  const countries = ask.named.filter((e) => items.some((v) => ask.countryOf(v.entity) === e));
  if (named.length === 0 && countries.length > 0) named = items.filter((v) => countries.includes(ask.countryOf(v.entity) ?? ''));
  // Named entities narrow the set ("미국, 독일, 영국, 중국 가운데"); otherwise every entity of the measure.
  const pool = named.length >= 2 ? named : items;
  // "AI 논문 순위 1위 대학": the universities' ranking, not the countries' one of the same attribute.
  const picks = ask.kinds.picks;
  if (picks && ask.kindOf && (aggregate === 'most' || aggregate === 'least' || aggregate === 'nth') && !pool.some((v) => ask.kindOf!(v.entity) === picks)) return undefined;
  const facts = (list: MeasuredValue[]) => [...new Set(list.map((v) => v.fact))];
  const base = { measure: measure.id };
  const rank = measure.kind === 'rank';

  switch (aggregate) {
    case 'most':
    case 'least': {
      const change = ask.kinds.ofChange;
      if (change !== undefined) {
        const moved = pool.filter((v) => v.before !== undefined && rank);
        if (moved.length < 2) return undefined;
        // Places climbed: a rank going from 89 to 6 climbed 83. "가장 많이 떨어진": the largest fall.
        // "변동 폭이 더 큰": the largest move either way.
        const climb = (v: MeasuredValue) => (change === 'any' ? Math.abs(v.before! - v.value) : (v.before! - v.value) * (change === 'down' ? -1 : 1));
        const pick = best(moved, climb, aggregate === 'most');
        const diff = Math.abs(pick.before! - pick.value);
        const direction = change === 'down' || (change === 'any' && pick.value > pick.before!) ? 'fall' : 'climb';
        const key = `${aggregate}-${direction}`;
        return { computation: { key, vars: { ...base, entity: pick.entity, before: pick.before!, after: pick.value, diff, scope: scopeOf(named, pool) } }, facts: facts(moved) };
      }
      if (pool.length < 2 || pool.some((v) => v.atLeast)) return undefined;
      // A rank is best when lowest (1st); a count when highest.
      const pick = best(pool, (v) => (rank ? -v.value : v.value), aggregate === 'most');
      // The article names some of a ranking, not its top: "who is 1st" is answered with what it gives,
      // saying that 1st place is not among them (never "Tsinghua ranks highest" unqualified).
      const topNotGiven = rank && aggregate === 'most' && pool === items && pick.value !== 1;
      const key = topNotGiven ? 'most-rank-given' : `${aggregate}-${measure.kind}`;
      return { computation: { key, vars: { ...base, entity: pick.entity, value: pick.value, scope: scopeOf(named, pool) } }, facts: facts(pool) };
    }
    case 'nth': {
      const n = ask.kinds.ordinal;
      if (n === undefined) return undefined;
      if (rank) {
        // "from 40th to 9th": the one that moved from the one place to the other.
        const [first, second] = ask.kinds.ordinals;
        if (second !== undefined) {
          const moved = all.filter((v) => v.before === first && v.value === second);
          if (moved.length === 1) return { computation: { key: 'nth-move', vars: { ...base, entity: moved[0]!.entity, before: first!, after: second } }, facts: facts(moved) };
        }
        // Each place asked ("1위 학교랑 10위 학교", "ranked 12th and 21st"), where exactly one holds it.
        const places = ask.kinds.ofChange === undefined ? [...new Set(ask.kinds.ordinals)] : [n];
        const found = places.map((p) => ({ p, hits: all.filter((v) => v.value === p) })).filter((x) => x.hits.length === 1);
        if (found.length === 0) {
          // "5위는?" where the article names no one in that place: the places it does name, nearest first.
          if (places.length === 1 && places[0] !== 1 && !all.some((v) => v.value === places[0])) {
            const place = places[0]!;
            const near = [...pool].sort((a, b) => Math.abs(a.value - place) - Math.abs(b.value - place) || a.value - b.value).slice(0, NEAR_PLACES).sort((a, b) => a.value - b.value);
            return { computation: { key: 'nth-not-given', vars: { ...base, n: place } }, facts: [], near: near.map((v) => ({ entity: v.entity, value: v.value })) };
          }
          // "1위 대학은?" where the article names no 1st of that kind: what it gives, saying so.
          if (!picks || !ask.kindOf || places.length !== 1 || places[0] !== 1) return undefined;
          const given = pool.filter((v) => ask.kindOf!(v.entity) === picks);
          if (given.length < 2) return undefined;
          const top = best(given, (v) => -v.value, true);
          return { computation: { key: 'most-rank-given', vars: { ...base, entity: top.entity, value: top.value, scope: '' } }, facts: facts(given) };
        }
        const [head, ...rest] = found.map(({ p, hits }) => ({ key: 'nth-rank', vars: { ...base, entity: hits[0]!.entity, n: p } }));
        return { computation: head!, ...(rest.length > 0 ? { more: rest } : {}), facts: facts(found.flatMap((x) => x.hits)) };
      }
      const sorted = [...pool].sort((a, b) => b.value - a.value);
      const pick = sorted[n - 1];
      if (!pick || n < 1) return undefined;
      return { computation: { key: 'nth-count', vars: { ...base, entity: pick.entity, value: pick.value, n } }, facts: facts(sorted.slice(0, n)) };
    }
    case 'sum': {
      if (rank || named.length < 2) return undefined;
      const sum = named.reduce((a, v) => a + v.value, 0);
      return { computation: { key: 'sum', vars: { ...base, entities: named.map((v) => v.entity).join(','), sum, expr: named.map((v) => v.value).join(' + ') } }, facts: facts(named) };
    }
    case 'share': {
      if (rank) return undefined;
      const whole = measure.total ? all.find((v) => v.entity === measure.total) : undefined;
      const total = whole?.value ?? measure.outOf;
      if (!total) return undefined;
      const parts = named.length > 0 ? named : [];
      if (parts.length === 0) return undefined;
      const value = parts.reduce((a, v) => a + v.value, 0);
      if (ask.kinds.rest && whole) {
        const expr = `${parts.map((v) => v.value).join(' + ')} = ${value}`;
        return { computation: { key: 'rest-of-total', vars: { ...base, entities: parts.map((v) => v.entity).join(','), value, total, rest: total - value, expr, whole: whole.entity } }, facts: facts([...parts, whole]) };
      }
      const pct = Math.round((value / total) * 1000) / 10;
      const expr = `${parts.map((v) => v.value).join(' + ')} ÷ ${total}`;
      return {
        computation: { key: whole ? 'share-of-total' : 'share-of-fixed', vars: { ...base, entities: parts.map((v) => v.entity).join(','), value, total, pct: pct.toFixed(1), expr, whole: whole?.entity ?? '' } },
        facts: facts(whole ? [...parts, whole] : parts),
      };
    }
    case 'average': {
      if (rank || pool.length < 2) return undefined;
      const avg = Math.round((pool.reduce((a, v) => a + v.value, 0) / pool.length) * 10) / 10;
      return { computation: { key: 'average', vars: { ...base, entities: pool.map((v) => v.entity).join(','), avg, expr: `(${pool.map((v) => v.value).join(' + ')}) ÷ ${pool.length}` } }, facts: facts(pool) };
    }
    case 'difference':
    case 'ratio': {
      if (named.length < 2) return undefined;
      const [a, b] = sidesOf(named, ask);
      if (rank) {
        if (aggregate === 'ratio') return undefined;
        const [higher, lower] = a.value <= b.value ? [a, b] : [b, a];
        return { computation: { key: 'rank-gap', vars: { ...base, higher: higher.entity, lower: lower.entity, higherValue: higher.value, lowerValue: lower.value, diff: lower.value - higher.value } }, facts: facts([a, b]) };
      }
      const [more, less] = a.value >= b.value ? [a, b] : [b, a];
      if (aggregate === 'ratio') {
        if (less.value <= 0 || less.atLeast) return undefined;
        const precise = more.value / less.value;
        const rounded = Math.round(precise * 10) / 10;
        return {
          computation: {
            // "1억달러 이상" over 560만달러 is at least 17.9 times.
            key: more.atLeast ? 'ratio-at-least' : 'ratio',
            vars: { ...base, more: more.entity, less: less.entity, moreValue: more.value, lessValue: less.value, times: Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1), precise: precise.toFixed(2) },
          },
          facts: facts([more, less]),
        };
      }
      if (less.atLeast) return undefined;
      // "1억달러 이상" minus 560만달러 is at least 9440만달러.
      return { computation: { key: more.atLeast ? 'difference-at-least' : 'difference', vars: { ...base, more: more.entity, less: less.entity, moreValue: more.value, lessValue: less.value, diff: more.value - less.value } }, facts: facts([more, less]) };
    }
    case 'change': {
      // "중국 대학들의 순위는 얼마나 올랐어?": several at once are the fact that tells them all, not the first.
      if (named.length > 1) return undefined;
      const one = named[0] ?? (ask.named.length === 0 && pool.length === 1 ? pool[0] : undefined);
      if (!one || one.before === undefined) return undefined;
      if (rank) {
        const key = one.value < one.before ? 'rank-up' : one.value > one.before ? 'rank-down' : 'rank-same';
        return { computation: { key, vars: { ...base, entity: one.entity, before: one.before, after: one.value, diff: Math.abs(one.before - one.value) } }, facts: facts([one]) };
      }
      const key = one.value > one.before ? 'count-up' : one.value < one.before ? 'count-down' : 'count-same';
      return { computation: { key, vars: { ...base, entity: one.entity, before: one.before, after: one.value, diff: Math.abs(one.value - one.before) } }, facts: facts([one]) };
    }
  }
  return undefined;
}

/**
 * The two sides of a comparison. With more names than two (a follow-up borrowed the last turn's pair),
 * the other side is the one compared against, and the subject the name on the side the question asks
 * ("독일보다 몇 개 적어?" after China and the US: China, which has fewer).
 */
function sidesOf(named: MeasuredValue[], ask: Ask): [MeasuredValue, MeasuredValue] {
  if (named.length === 2) return [named[0]!, named[1]!];
  const other = named.find((v) => ask.compared?.includes(v.entity)) ?? named[named.length - 1]!;
  const rest = named.filter((v) => v !== other);
  const direction = ask.kinds.direction;
  const fits = rest.find((v) => (direction === 'less' ? v.value < other.value : direction === 'more' ? v.value > other.value : false));
  return [fits ?? rest[0]!, other];
}

function best(list: MeasuredValue[], score: (v: MeasuredValue) => number, highest: boolean): MeasuredValue {
  return list.reduce((a, b) => ((highest ? score(b) > score(a) : score(b) < score(a)) ? b : a));
}

/** The entities a superlative was taken over, when the question named them. */
function scopeOf(named: MeasuredValue[], pool: MeasuredValue[]): string {
  return named.length >= 2 && pool === named ? named.map((v) => v.entity).join(',') : '';
}
