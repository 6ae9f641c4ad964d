// Plans the answer to what is asked (resolve-follow-up.ts): a computation over the figures, the facts
// that join each asked entity with each asked attribute, or an honest refusal that names what the
// article does not give ("기사에는 미니맥스의 창업자가 나오지 않아요") and who it does give it for.
import type { Attribute, Entity } from '../facts/schema.ts';
import { statedAsOf, type KnownFact } from '../facts/knowledge.ts';
import { computeAggregate, type Computed, type ValueIndex } from './aggregate.ts';
import type { FactIndex } from './fact-index.ts';
import type { Frame } from './frame.ts';
import type { Computation, MatchResult, Missing, Understood } from './match-result.ts';
import type { AskKind } from './question-kinds.ts';
import { kindsAnswer, type Asked } from './resolve-follow-up.ts';
import type { ScoredQuestion } from './score-facts.ts';
import { BLOCKING_SIMILARITY, CHOSEONG_SIMILARITY, MAX_PARTS, PLANNED_CONFIDENCE } from './tuning.ts';
import { best, figureCheck, join, lazyRank, type Ranking } from './join-facts.ts';

export interface PlanDeps {
  facts: readonly KnownFact[];
  index: FactIndex;
  values: ValueIndex;
  attributeById: Map<string, Attribute>;
  attributeAsks: Map<string, ReadonlySet<string>>;
  entityById: Map<string, Entity>;
  factIndexById: Map<string, number>;
}

type Answer = Extract<MatchResult, { kind: 'answer' }>;
type Abstain = Extract<MatchResult, { kind: 'abstain' }>;

/** What every step of a plan reads: the question as prepared, and the means to rank and refuse. */
interface Plan {
  deps: PlanDeps;
  frame: Frame;
  asked: Asked;
  /** The attributes asked, read by kind ("founded" asked with "who" is "founder"). */
  attributes: string[];
  /** What the question is about, at most MAX_PARTS. */
  focus: string[];
  /** Of those, the ones the article speaks of. */
  covered: string[];
  /** Focus and compared, for computations. */
  named: string[];
  /** How surely each attribute was read (a near miss must not refuse a question). */
  strength: Map<string, number>;
  rank: Ranking;
  scored: () => ScoredQuestion;
  followUp: { followUp?: boolean };
  /** The fact whose editor wrote this very question as an example, if one did (known without scoring). */
  ownExample?: number;
}

/**
 * The answer for what is asked, or undefined when the frame holds nothing to plan from (then the
 * coverage score decides, see matcher.ts). The steps are tried in order; each says when it applies.
 */
export function planAnswer(deps: PlanDeps, frame: Frame, asked: Asked, scored: () => ScoredQuestion, ownExample?: number): MatchResult | undefined {
  const plan = preparePlan(deps, frame, asked, scored, ownExample);
  if (asked.noFigure) return abstain(deps, scored, 'not-given', { entity: asked.focus[0]!, givenFor: [] }, understood(asked.focus, []), plan.followUp);
  const planned =
    aboutTheLastAnswer(plan) ??
    computeOverFigures(plan) ??
    cannotCompute(plan) ??
    refuseWhatTheArticleLacks(plan) ??
    whichOfACountry(plan) ??
    (plan.covered.length > 0 && plan.attributes.length > 0
      ? joinEntitiesWithAttributes(plan)
      : plan.covered.length > 0
        ? attributeByKind(plan)
        : attributeAlone(plan));
  return planned && !asked.aboutLast ? whyAsked(plan, asOfAsked(plan, planned)) : planned;
}

/** The facts the article gives as the reason for these (their `because`), as fact indexes. */
function reasonsFor(deps: PlanDeps, facts: readonly KnownFact[]): number[] {
  return unique(facts.flatMap((f) => f.because ?? [])).map((id) => deps.factIndexById.get(id)).filter((i): i is number => i !== undefined);
}

/** Attributes that are themselves a reason (what drives the start-ups): "why" is answered by them. */
const REASON_ATTRIBUTES = new Set(['startup-growth']);

// "딥시크 발표가 왜 트럼프 계획에 찬물을 끼얹었다는 거야?": why, of a fact named in the question.
const WHY_OF_A_FACT = /(?:^|\s)왜(?:\s|$)|이유(?:는|가|를|도)?(?:\s|$)|\bwhy\b|\bhow come\b|\bfor what reason\b/;

// A question that opens with why ("why is Alibaba investing in all those startups?") asks nothing else.
const OPENS_WITH_WHY = /^(?:(?:so|and|ok|근데|그럼|그런데)\s+)?(?:왜|why|how come)\b/;

/**
 * A reason asked of what the question names: the reason the article gives (the fact's `because`), where
 * it gives one. A question that only asks why, of a fact with no reason and that gives none itself (the
 * start-ups' growth drivers are a reason), is refused as a bare "why?" is: the fact alone answers another question.
 */
function whyAsked({ deps, frame, asked, scored, followUp }: Plan, planned: MatchResult): MatchResult {
  if (planned.kind !== 'answer' || planned.computations.length > 0 || !WHY_OF_A_FACT.test(frame.cleaned)) return planned;
  const reasons = reasonsFor(deps, planned.facts);
  const givesAReason = (planned.understood?.attributes ?? []).some((a) => REASON_ATTRIBUTES.has(a));
  if (reasons.length === 0 && OPENS_WITH_WHY.test(frame.cleaned) && !givesAReason) return abstain(deps, scored, 'asks-why', { givenFor: [] }, understood(asked.focus, asked.attributes), followUp);
  if (reasons.length === 0) return planned;
  return { ...planned, facts: [...planned.facts, ...reasons.map((i) => deps.facts[i]!)], computations: [{ key: 'because', vars: {} }] };
}

// "클라우드신 숫자는 언제 기준이야?", "as of when is China's 449?": the date of a figure, asked with the figure
// named (a bare "언제 기준이야?" after an answer is about the last answer: aboutTheLastAnswer).
const AS_OF_ASKED = /언제\s*기준|몇\s*년\s*(?:도\s*)?기준|기준\s*(?:연도|년도|시점|날짜|일자)|기준(?:은|이)?\s*(?:언제|몇)|\bas of when\b|\bwhat date is (?:that|this|it|the)\b|\bhow (?:recent|current|up to date) is\b/;

/** A figure's date asked: the date the article gives it, or a refusal saying the article dates it nowhere. */
function asOfAsked({ deps, frame, asked, scored, followUp }: Plan, planned: MatchResult): MatchResult {
  if (planned.kind !== 'answer' || planned.computations.length > 0 || !AS_OF_ASKED.test(frame.cleaned)) return planned;
  if (!planned.facts.some((f) => statedAsOf(f, 'en'))) return abstain(deps, scored, 'no-as-of', { givenFor: [] }, planned.understood ?? understood(asked.focus, asked.attributes), followUp);
  return { ...planned, computations: [{ key: 'as-of', vars: { facts: planned.facts.map((f) => f.id).join(',') } }], understood: { ...(planned.understood ?? understood([], [])), kind: 'as-of' } };
}

function preparePlan(deps: PlanDeps, frame: Frame, asked: Asked, scored: () => ScoredQuestion, ownExample: number | undefined): Plan {
  // In a superlative ("가장 먼저 설립된 곳은 어디야?") "where" and "which" ask for the one found, not a place.
  const superlative = asked.kinds.aggregates.size > 0 || asked.kinds.ofChange !== undefined;
  let attributes = superlative ? asked.attributes : applyAs(deps, asked.attributes, asked.kinds.asks);
  let focus = asked.focus.slice(0, MAX_PARTS);
  // "In the Cloudscene data, which rank does Korea hold?": a source names what it measured.
  if (attributes.length === 0) attributes = attributesOfSources(deps, [...focus, ...asked.context]);
  // "Where do the article's rankings come from?": the sources of its charts.
  const onlyTheArticle = focus.every((e) => deps.entityById.get(e)?.kind === 'article');
  if (attributes.length === 0 && asked.kinds.source && onlyTheArticle && deps.attributeById.has('chart-sources')) attributes = ['chart-sources'];
  // "기사에 나온 AI 논문 순위는 어느 신문 기사를 근거로 했나요?": the article's own words (기사, 신문) are
  // filler around a question about a figure, unless nothing but the article is asked about.
  if (attributes.some((a) => !isAboutArticle(deps, a)) && onlyTheArticle) {
    attributes = attributes.filter((a) => !isAboutArticle(deps, a));
    focus = [];
  }
  // "영국은 중국보다 몇 개야?": a figure asked against another named one is their difference.
  const kinds = asked.kinds;
  if (asked.compared.length > 0 && focus.length > 0 && kinds.aggregates.size === 0 && (['count', 'amount', 'rank'] as AskKind[]).some((k) => kinds.asks.has(k))) {
    asked = { ...asked, kinds: { ...kinds, aggregates: new Set(['difference']) } };
  }
  const strength = new Map<string, number>();
  for (const m of frame.attributes) strength.set(m.id, Math.max(strength.get(m.id) ?? 0, m.similarity));
  for (const a of attributes) if (!strength.has(a)) strength.set(a, 1);
  return {
    deps,
    frame,
    asked,
    attributes,
    focus,
    covered: focus.filter((e) => deps.index.covers(e)),
    // Every name for a computation ("미국·중국·독일·영국 4개국"), though only MAX_PARTS are answered apart.
    named: unique([...asked.focus, ...asked.compared]),
    strength,
    // The coverage score only breaks ties between candidate facts: computed the first time one is needed.
    rank: lazyRank(scored, ownExample),
    scored,
    ...(ownExample !== undefined ? { ownExample } : {}),
    followUp: asked.followUp ? { followUp: true } : {},
  };
}

const understood = (entities: string[], attributes: string[], kind?: string): Understood => ({ entities, attributes, ...(kind ? { kind } : {}) });

/** "출처는?", "언제 기준이야?": the last answer again, its source or date in front. */
function aboutTheLastAnswer({ deps, asked, scored, followUp }: Plan): MatchResult | undefined {
  const facts = (asked.aboutLast ?? []).map((id) => deps.factIndexById.get(id)).filter((i): i is number => i !== undefined);
  if (facts.length === 0) return undefined;
  if (asked.asksWhy) {
    // The reason the article itself gives (the facts' `because`), else an honest refusal: never a guess.
    const reasons = reasonsFor(deps, facts.map((i) => deps.facts[i]!));
    if (reasons.length === 0) return abstain(deps, scored, 'asks-why', { givenFor: [] }, understood(asked.focus, asked.attributes), followUp);
    return { ...answer(deps, reasons, understood(asked.focus, asked.attributes), [], followUp), computations: [{ key: 'because', vars: {} }] };
  }
  if (asked.moreOfLast) return answer(deps, facts, understood(asked.focus, asked.attributes), [], followUp);
  const key = asked.kinds.asOf ? 'as-of' : 'source';
  // "그 자료는 누가, 언제 발표한 건가요?": the source, and when the source published it where the article says.
  if (key === 'source' && asked.kinds.asks.has('when')) {
    const sources = unique(facts.flatMap((i) => deps.facts[i]!.entities.filter((e) => deps.entityById.get(e)?.source)));
    const dated = sources.flatMap((e) => [...deps.index.factsFor(e, 'release-date'), ...deps.index.factsFor(e, 'published')]);
    for (const i of dated) if (!facts.includes(i)) facts.push(i);
  }
  // The article's own date is not the figure's: a figure it dates nowhere is said to be undated.
  if (key === 'as-of' && !facts.some((i) => statedAsOf(deps.facts[i]!, 'en'))) {
    return abstain(deps, scored, 'no-as-of', { givenFor: [] }, understood(asked.focus, asked.attributes), followUp);
  }
  return {
    kind: 'answer',
    facts: facts.map((i) => deps.facts[i]!),
    score: PLANNED_CONFIDENCE,
    computations: [{ key, vars: { facts: asked.aboutLast!.join(',') } }],
    understood: understood(asked.focus, asked.attributes, key),
    ...followUp,
  };
}

// "기사에 나온 대학 중", "of those mentioned": the question itself limits a superlative to what the article names.
const AMONG_THE_NAMED = /(?:기사에|기사에서|여기|위에)\s*(?:나온|나오는|언급된|언급한|소개된|등장한)|언급된|\b(?:mentioned|named|listed|given|cited)\b|\bin the article\b/;

/** One step of arithmetic over one measure: the most, the n-th, a sum, a share, a ratio, a rank change. */
function computeOverFigures({ deps, frame, asked, attributes, named, scored, followUp }: Plan): MatchResult | undefined {
  if (asked.kinds.aggregates.size === 0 && asked.kinds.ofChange === undefined) return undefined;
  let placeNotGiven: { attribute: string; computed: Computed } | undefined;
  for (const attribute of attributes.length > 0 ? attributes : attributesWithMeasures(deps, named)) {
    const computed = computeAggregate(deps.values, { attribute, kinds: asked.kinds, named, compared: asked.compared, countryOf: (e) => deps.entityById.get(e)?.country, kindOf: (e) => deps.entityById.get(e)?.kind });
    if (!computed) continue;
    // "5위는?" where the article names no one in that place: refused, unless another attribute answers.
    if (computed.computation.key === 'nth-not-given') {
      // Only of a ranking asked about: not of every ranking the names asked about appear in.
      if (attributes.length > 0) placeNotGiven ??= { attribute, computed };
      continue;
    }
    const found = computed.computation.vars.entity;
    // "Who is 1st?" when the article names only lower places is not answered with the highest it names,
    // unless the question asks among those ("of the universities mentioned").
    if (computed.computation.key === 'most-rank-given' && !AMONG_THE_NAMED.test(frame.cleaned)) {
      const { measure, entity, value } = computed.computation.vars as { measure: string; entity: string; value: number };
      return abstain(deps, scored, 'top-not-given', { attribute, measure, givenFor: [entity], best: { entity, value } }, understood([], [attribute]), followUp);
    }
    return {
      kind: 'answer',
      facts: computed.facts.map((i) => deps.facts[i]!),
      score: PLANNED_CONFIDENCE,
      computations: [computed.computation, ...(computed.more ?? [])],
      // What the next turn leans on: the one the computation found ("the US"), else what was named.
      understood: understood(typeof found === 'string' ? [found] : named, [attribute], computed.computation.key),
      ...followUp,
    };
  }
  if (placeNotGiven) {
    const { measure, n } = placeNotGiven.computed.computation.vars as { measure: string; n: number };
    const places = placeNotGiven.computed.near ?? [];
    return abstain(deps, scored, 'place-not-given', { attribute: placeNotGiven.attribute, measure, place: n, givenFor: places.map((p) => p.entity), places }, understood([], [placeNotGiven.attribute], 'nth-rank'), followUp);
  }
  return undefined;
}

/**
 * "so how many times bigger is Stargate?" after two money figures: a ratio or a difference the figures do
 * not allow (money is not computed with, or the two are of different measures) is said, not answered with
 * one of the two facts again.
 */
function cannotCompute({ deps, frame, asked, named, attributes, rank, scored, followUp }: Plan): MatchResult | undefined {
  const ratio = asked.kinds.aggregates.has('ratio');
  const twoSided = ratio || asked.kinds.aggregates.has('difference');
  if (!twoSided) return undefined;
  if (asked.followUp) {
    if (asked.focus.length + asked.compared.length < 2) return undefined;
    return abstain(deps, scored, 'cannot-compute', { givenFor: [] }, understood([...asked.focus, ...asked.compared], asked.attributes), followUp);
  }
  // On its own, "Stargate is $500B and DeepSeek cost $5.6M: how many times bigger?", "기업가치는 조달액의
  // 몇 배?": a ratio of two figures the article gives but that are not of one measure is said, with the
  // figures (a difference's wording, "than", "보다", is too common to read one this way).
  if (!ratio) return undefined;
  // The other side may be in the clause that sets the scene ("Stargate is $500B and DeepSeek cost $5.6M").
  const sides = [...new Set([...named, ...asked.context])];
  const joined = join(deps, sides, attributes, rank, [], figureCheck(deps, frame, asked), false, true);
  if (joined.facts.length < 2) return undefined;
  return abstain(deps, scored, 'cannot-compute', { givenFor: [], quoted: joined.facts.map((i) => deps.facts[i]!.id) }, understood(joined.entities, joined.attributes), followUp);
}

/**
 * Refusals that need no join: something the article never gives for anyone (revenue, users, share price:
 * "알리바바 주가" is not answered with Alibaba's investments), or a name it never speaks of ("Japan",
 * "Nvidia GPUs in Korea").
 */
function refuseWhatTheArticleLacks(plan: Plan): MatchResult | undefined {
  const { deps, frame, asked, attributes, focus, covered, strength, scored, followUp } = plan;
  const kindOf = (e: string) => deps.entityById.get(e)?.kind;
  // A name the article never speaks of, narrowing what is asked ("Nvidia GPUs"); but "중국이랑 일본의
  // 데이터센터" names two countries: Japan's part is said to be missing, China's answered.
  const narrowing = asked.uncovered.find(
    (u) => !covered.some((c) => kindOf(c) === kindOf(u)) && frame.entities.some((e) => e.id === u && frame.attributes.some((a) => a.from === e.to + 1)),
  );
  const firstAttribute = attributes[0] ? { attribute: attributes[0] } : {};
  if (narrowing) return abstain(deps, scored, 'uncovered-entity', { entity: narrowing, ...firstAttribute, givenFor: [] }, understood([narrowing], attributes), followUp);
  const notInArticle = attributes.find((a) => deps.index.factsGiving(a).length === 0 && deps.attributeById.has(a) && (strength.get(a) ?? 0) >= BLOCKING_SIMILARITY);
  if (notInArticle) {
    // Named with the thing the question names ("알리바바 매출"); one borrowed from the turn before is not
    // said ("which 3 conferences exactly?" after Nikkei's date is not "the conferences of Nikkei").
    const entity = [covered[0], asked.uncovered[0]].find((e) => e !== undefined && frame.entities.some((m) => m.id === e));
    return abstain(deps, scored, 'not-given', { ...(entity ? { entity } : {}), attribute: notInArticle, givenFor: [] }, understood(focus, [notInArticle]), followUp);
  }
  if (covered.length === 0 && asked.uncovered.length > 0) {
    return abstain(deps, scored, 'uncovered-entity', { entity: asked.uncovered[0]!, ...firstAttribute, givenFor: [] }, understood(asked.uncovered, attributes), followUp);
  }
  return undefined;
}

/** "Which Korean model performs like DeepSeek?": the answer is a thing of that country, not the country. */
function whichOfACountry(plan: Plan): MatchResult | undefined {
  const which = planWhichOf(plan.deps, plan.asked, plan.covered, plan.attributes, plan.rank);
  return which ? answer(plan.deps, [which.fact], understood([which.entity], which.attributes), [], plan.followUp) : undefined;
}

/** Each asked entity with each asked attribute, through the facts' `answers`; else a refusal that names the gap. */
function joinEntitiesWithAttributes(plan: Plan): MatchResult {
  const { deps, frame, asked, attributes, covered, rank, scored, followUp } = plan;
  const wantsFigure = asked.kinds.ofChange === undefined && (['count', 'amount', 'rank'] as AskKind[]).some((k) => asked.kinds.asks.has(k));
  const joined = join(deps, covered, attributes, rank, asked.lastFacts, figureCheck(deps, frame, asked), asked.wantsOther, wantsFigure);
  if (joined.facts.length > 0) {
    // "How much money has China committed to its AI plan?": a sum is asked (money, investment) and the
    // article gives China's plan but no sum for it; the plan alone answers another question. Refused,
    // naming the sum asked.
    const specific = (['amount', 'count'] as AskKind[]).filter((k) => asked.kinds.asks.has(k));
    const answersKind = (a: string) => specific.some((k) => deps.attributeAsks.get(a)?.has(k));
    const sumAsked = attributes.filter(answersKind);
    if (specific.length > 0 && sumAsked.length > 0 && !joined.attributes.some(answersKind) && covered.length >= 1) {
      return abstain(deps, scored, 'not-given', { entity: covered[0]!, attribute: sumAsked[0]!, givenFor: [...deps.index.entitiesGiving(sumAsked[0]!)] }, understood(covered, sumAsked), followUp);
    }
    // "지푸 AI 기업가치 정확히 얼마?": the list of unicorns says only "over $1bn". An exact figure asked of
    // an entity no joined fact gives a figure for is refused, saying what the article does say.
    const figureAttribute = (a: string) => ['amount', 'count', 'rank'].some((k) => deps.attributeAsks.get(a)?.has(k));
    if (EXACTLY.test(frame.cleaned) && joined.entities.length === 1 && (wantsFigure || joined.attributes.every(figureAttribute))) {
      const entity = joined.entities[0]!;
      const carries = joined.facts.some((i) => deps.facts[i]!.values.some((v) => v.entity === entity));
      if (!carries && joined.facts.every((i) => ONLY_A_BOUND.test(deps.facts[i]!.answer.ko))) {
        const said = deps.facts[joined.facts[0]!]!.id;
        return abstain(deps, scored, 'no-exact-figure', { entity, attribute: joined.attributes[0]!, givenFor: [], said }, understood(joined.entities, joined.attributes), followUp);
      }
    }
    // "지푸AI에 알리바바가 얼마 투자했냐": the sum found is another company's (Moonshot's, which Alibaba
    // invested in), and the company asked about has none: refused for it, not answered with Moonshot's.
    const valued = joined.facts.flatMap((i) => deps.facts[i]!.values.map((v) => v.entity));
    const kindOfEntity = (e: string) => deps.entityById.get(e)?.kind;
    const lacking = covered.filter((e) => !joined.entities.includes(e) && valued.some((v) => kindOfEntity(v) === kindOfEntity(e)));
    if (specific.includes('amount') && valued.length > 0 && !valued.some((v) => covered.includes(v)) && lacking.length > 0) {
      return abstain(deps, scored, 'not-given', { entity: lacking[0]!, attribute: joined.attributes[0]!, givenFor: [] }, understood(lacking, joined.attributes), followUp);
    }
    // A part asked about a like entity that the article lacks ("중국이랑 일본 각각") is said, not dropped.
    const kinds = new Set(joined.entities.map((e) => deps.entityById.get(e)?.kind));
    const missing: Missing[] = [...covered.filter((e) => !joined.entities.includes(e)), ...asked.uncovered]
      .filter((e) => kinds.has(deps.entityById.get(e)?.kind))
      .map((e) => ({ entity: e, attribute: joined.attributes[0]!, givenFor: [] }));
    return answer(deps, joined.facts, understood(joined.entities, joined.attributes), missing, followUp);
  }
  // The word that named the attribute also named the entity ("네이처 인덱스가 뭐야?"): ask by kind.
  const byKind = attributesByKind(deps, covered, asked.kinds.asks);
  const shared = frame.attributes.filter((a) => frame.entities.some((e) => e.from === a.from && e.to === a.to && covered.includes(e.id))).map((a) => a.id);
  // Or the attribute read does not answer the kind asked ("how much is Stargate to invest in AI?": "invest
  // in" reads as who the investors are, and "how much" asks a sum): the entity's attribute that does.
  const specificKinds = [...asked.kinds.asks].filter((k) => k !== 'which' && k !== 'describe');
  const unfitting = !asked.followUp && asked.lastFacts.length === 0 && byKind.length <= 2 && specificKinds.length > 0 && attributes.every((a) => !kindsAnswer(deps, a, asked.kinds));
  if (((shared.length > 0 && attributes.every((a) => shared.includes(a))) || unfitting) && byKind.length > 0) {
    const viaKind = join(deps, covered, byKind, rank, asked.lastFacts);
    if (viaKind.facts.length > 0) return answer(deps, viaKind.facts, understood(viaKind.entities, viaKind.attributes), [], followUp);
  }
  // A source named with what it measured ("CB인사이트 기준 기업가치"): the facts it is the source of.
  const sources = covered.filter((e) => deps.entityById.get(e)?.source);
  const weak = covered.filter((e) => deps.entityById.get(e)?.source || deps.entityById.get(e)?.kind === 'article');
  if (sources.length > 0 && weak.length === covered.length) {
    // "닛케이의 AI 논문 기사는 언제 나온 거야?": the kind asks about the source itself first.
    const aboutSource = join(deps, sources, attributesByKind(deps, sources, asked.kinds.asks), rank, asked.lastFacts);
    if (aboutSource.facts.length > 0 && asked.kinds.asks.size > 0) return answer(deps, aboutSource.facts, understood(aboutSource.entities, aboutSource.attributes), [], followUp);
    const credited = attributes.flatMap((a) => deps.index.factsGiving(a)).filter((i) => deps.facts[i]!.entities.some((e) => sources.includes(e)));
    if (credited.length > 0) return answer(deps, [best(credited, rank)], understood(covered, attributes), [], followUp);
  }
  const lacking = joined.lacking ?? { entity: covered[0]!, attribute: attributes[0]!, givenFor: [...deps.index.entitiesGiving(attributes[0]!)] };
  return abstain(deps, scored, 'not-given', lacking, understood(covered, attributes), followUp);
}

// Asking for the exact figure: "정확히 얼마", "딱 얼마", "exactly how much", "the precise number".
const EXACTLY = /정확(?:히|한)|딱\s*(?:얼마|몇)|\bexact(?:ly)?\b|\bprecise(?:ly)?\b/;

// A figure given only as a bound in a fact's Korean answer: "10억달러 이상", "300개가 넘는", "몇천 개".
const ONLY_A_BOUND = /\d[\d,.]*\s*[가-힣]{0,4}\s*(?:이상|이하|미만|남짓|넘는|넘게|넘어)|몇\s*(?:천|만|백)/;

// Words that lean on an earlier turn: "그럼 미국은?", "and Germany?", "what about the US?".
const LEANS_ON_BEFORE = /^(?:그럼|그러면)|^(?:and|what about|how about)\b/;

/**
 * Only an entity: the kind of question picks its attribute ("문샷 AI는 언제?" is when it was founded),
 * unless the question says more than the lexicon knows ("weather in Seoul tomorrow"). A specific kind
 * (when, rank, how many) tolerates one word the lexicon does not know ("ended joint 6th").
 */
function attributeByKind({ deps, frame, asked, covered, rank, scored, followUp }: Plan): MatchResult | undefined {
  // One word, a name only approximately, asked nothing about ("고마워" is one jamo from a company 고마어):
  // small talk. Initials (ㅁㅅ) are a way of writing a name, not a misspelling of one.
  const oneWord = !/\s/.test(frame.cleaned.trim());
  const approximate = frame.entities.filter((e) => e.inQuestion).every((e) => e.similarity < 1 && e.similarity !== CHOSEONG_SIMILARITY);
  if (oneWord && approximate && asked.kinds.asks.size === 0 && !asked.followUp) return abstain(deps, scored, 'low-confidence', { givenFor: [] }, understood([], []), followUp);
  // "그럼 미국은?" with nothing before it: what about the US is not said, and the article says several
  // things about it. Refused with what it does say, never one of them picked at random.
  const onlyAName = LEANS_ON_BEFORE.test(frame.cleaned) && !asked.followUp && [...asked.kinds.asks].every((k) => k === 'which' || k === 'describe') && asked.kinds.aggregates.size === 0;
  if (onlyAName && covered.length === 1 && deps.index.attributesOf(covered[0]!).size > 1) {
    return abstain(deps, scored, 'low-confidence', { entity: covered[0]!, givenFor: [] }, understood(covered, []), followUp);
  }
  const specific = [...asked.kinds.asks].some((k) => k !== 'which' && k !== 'describe');
  if (frame.unexplained.length > (specific ? 1 : 0) && !asked.followUp) return undefined;
  const byKind = attributesByKind(deps, covered, asked.kinds.asks);
  const viaKind = join(deps, covered, byKind, rank, asked.lastFacts, figureCheck(deps, frame, asked));
  if (viaKind.facts.length > 0 && viaKind.attributes.length <= 2) return answer(deps, viaKind.facts, understood(viaKind.entities, viaKind.attributes), [], followUp);
  // "2016년에 하버드 몇위였음?": the kind picks the ranking, and the article gives Harvard's 2024 place only.
  if (viaKind.facts.length === 0 && viaKind.lacking) return abstain(deps, scored, 'not-given', viaKind.lacking, understood(covered, byKind.slice(0, 1)), followUp);
  return undefined;
}

/** Only an attribute, asked as a question: the fact that gives it with no entity named, or the only one that gives it. */
function attributeAlone({ deps, frame, asked, attributes, rank, scored, followUp, ownExample }: Plan): MatchResult | undefined {
  const asks = frame.clauses.some((c) => c.asks) || frame.unexplained.length === 0;
  if (attributes.length === 0 || !asks) return undefined;
  // "햐뜌햐 투자액": the attribute of a name the article does not know is not the attribute of what it does.
  if (frame.unknownName) {
    const givenFor = [...deps.index.entitiesGiving(attributes[0]!)];
    return abstain(deps, scored, 'unknown-name', { attribute: attributes[0]!, givenFor }, understood([], attributes), followUp);
  }
  const facts: number[] = [];
  const entities: string[] = [];
  // A specific kind the attribute does not answer ("내일 팀 회의 몇 시였지?" is no question about staff).
  const specific = [...asked.kinds.asks].filter((k) => k !== 'which' && k !== 'describe');
  for (const a of attributes.slice(0, MAX_PARTS)) {
    if (specific.length > 0 && !specific.some((k) => deps.attributeAsks.get(a)?.has(k))) continue;
    const general = deps.index.generalFacts(a);
    const giving = deps.index.factsGiving(a);
    // The question is one an editor wrote for one of these facts ("How many large data centres are there
    // in the world?" is the world total's, not the ranking's): that fact.
    const own = ownExample !== undefined && giving.length > 1 && giving.includes(ownExample) ? ownExample : undefined;
    if (own !== undefined) {
      facts.push(own);
      entities.push(...Object.entries(deps.facts[own]!.answers ?? {}).filter(([e, as]) => e !== 'any' && as.includes(a)).map(([e]) => e));
    } else if (general.length > 0) facts.push(best(general, rank));
    else if (giving.length === 1) {
      facts.push(giving[0]!);
      entities.push(...deps.index.entitiesGiving(a));
    }
  }
  return facts.length > 0 ? answer(deps, unique(facts), understood(unique(entities), attributes), [], followUp) : undefined;
}

/** Attributes that give something kind-like ("모델", "startup", "회사"): in "which Korean model" they name what is sought. */
const SOUGHT_KINDS = new Set(['model', 'ai-startups', 'unicorns', 'maker']);

/**
 * "Which Korean model was said to perform like DeepSeek?", "what was the model that some Chinese startup
 * said beat Claude?": a which-question about a kind of thing from a country. The answer is one of that
 * country's things that the article gives the other attributes for, preferring the fact that speaks of
 * the named yardstick (DeepSeek, Claude).
 */
function planWhichOf(deps: PlanDeps, asked: Asked, covered: string[], attributes: string[], rank: Ranking) {
  // "중국 스타트업 어디였지": 어디 after a kind of thing asks which one, not a place.
  const which = asked.kinds.asks.has('which') || asked.kinds.asks.has('who') || asked.kinds.asks.has('where');
  const sought = attributes.filter((a) => SOUGHT_KINDS.has(a));
  const countries = covered.filter((e) => deps.entityById.get(e)?.kind === 'country');
  if (!which || sought.length === 0 || countries.length === 0) return undefined;
  // Other names are the yardstick's side ("앤트로픽 클로드보다 … 중국 스타트업"): of another country.
  const yardsticks = covered.filter((e) => !countries.includes(e));
  if (yardsticks.some((e) => { const c = deps.entityById.get(e)?.country; return c === undefined || countries.includes(c); })) return undefined;
  const compared = [...asked.compared, ...yardsticks];
  const asking = attributes.filter((a) => !SOUGHT_KINDS.has(a) && !isAboutArticle(deps, a));
  const wanted = asking.length > 0 ? asking : sought;
  let best: { fact: number; entity: string; attributes: string[]; score: number } | undefined;
  for (const [id, e] of deps.entityById) {
    // The yardstick itself is not the answer ("like DeepSeek" is not DeepSeek).
    if (!e.country || !countries.includes(e.country) || compared.includes(id) || asked.context.includes(id)) continue;
    for (const a of wanted) {
      for (const fact of deps.index.factsFor(id, a)) {
        const entities = deps.facts[fact]!.entities;
        const score = entities.filter((x) => compared.includes(x)).length * 10 + entities.filter((x) => asked.context.includes(x)).length + (rank.get(fact) ?? 0);
        if (!best || score > best.score) best = { fact, entity: id, attributes: [a], score };
      }
    }
  }
  return best;
}

/** The attributes the facts credited to a named source give ("클라우드신 자료" is about data centres). */
function attributesOfSources(deps: PlanDeps, entities: string[]): string[] {
  const sources = entities.filter((e) => deps.entityById.get(e)?.source);
  if (sources.length === 0) return [];
  const out = new Set<string>();
  for (const fact of deps.facts) {
    if (!fact.entities.some((e) => sources.includes(e))) continue;
    for (const [entity, attrs] of Object.entries(fact.answers ?? {})) if (!sources.includes(entity)) for (const a of attrs) out.add(a);
  }
  return out.size <= 2 ? [...out] : [];
}

/** Whether an attribute is one the article gives about itself (its writer, date, title). */
function isAboutArticle(deps: PlanDeps, attribute: string): boolean {
  let about = articleAttributes.get(deps);
  if (!about) {
    about = new Set();
    for (const [id, e] of deps.entityById) if (e.kind === 'article') for (const a of deps.index.attributesOf(id)) about.add(a);
    articleAttributes.set(deps, about);
  }
  return about.has(attribute);
}
const articleAttributes = new WeakMap<PlanDeps, Set<string>>();

/** "founded" asked with "who" is the founder; "release" asked with "when" is the release date. */
function applyAs(deps: PlanDeps, attributes: string[], asks: Set<AskKind>): string[] {
  const out: string[] = [];
  for (const a of attributes) {
    const as = deps.attributeById.get(a)?.as ?? {};
    const mapped = [...asks].map((k) => as[k]).filter((x): x is string => Boolean(x));
    // Asked both ways ("when was it founded and by whom"): keep the attribute and its reading.
    const keep = mapped.length === 0 || [...asks].some((k) => deps.attributeAsks.get(a)?.has(k));
    for (const x of [...(keep ? [a] : []), ...mapped]) if (!out.includes(x)) out.push(x);
  }
  // The general word beside its specific reading ("public launch date": release and release-date): the specific one.
  return out.filter((a) => !Object.values(deps.attributeById.get(a)?.as ?? {}).some((specific) => specific !== a && out.includes(specific!)));
}

/** The attributes of these entities that answer the question's kind (when, who, how many, ...). */
function attributesByKind(deps: PlanDeps, entities: string[], asks: Set<AskKind>): string[] {
  const specific = [...asks].filter((k) => k !== 'which' && k !== 'describe');
  const wanted = specific.length > 0 ? specific : asks.has('describe') || asks.has('which') ? (['describe'] as AskKind[]) : [];
  const out: string[] = [];
  for (const e of entities) {
    for (const a of deps.index.attributesOf(e)) {
      if (wanted.some((k) => deps.attributeAsks.get(a)?.has(k)) && !out.includes(a)) out.push(a);
    }
  }
  // "딥시크가 뭐야?": of the describing attributes, what it is comes first.
  if (out.includes('identity') && wanted.includes('describe')) return ['identity'];
  return out;
}

function attributesWithMeasures(deps: PlanDeps, entities: string[]): string[] {
  const out = new Set<string>();
  for (const e of entities) for (const a of deps.index.attributesOf(e)) if (deps.values.measuresOf.has(a)) out.add(a);
  return [...out];
}

function answer(deps: PlanDeps, facts: number[], understood: Understood, missing: Missing[], followUp: { followUp?: boolean }): Answer {
  return {
    kind: 'answer',
    facts: facts.slice(0, MAX_PARTS).map((i) => deps.facts[i]!),
    score: PLANNED_CONFIDENCE,
    computations: [] as Computation[],
    understood,
    ...(missing.length > 0 ? { missing } : {}),
    ...followUp,
  };
}

function abstain(deps: PlanDeps, scored: () => ScoredQuestion, reason: Abstain['reason'], missing: Missing, understood: Understood, followUp: { followUp?: boolean }): Abstain {
  // Suggest what the article does give: the attribute for others, else the entity's other facts.
  const giving = missing.attribute ? deps.index.factsGiving(missing.attribute) : [];
  const about = missing.entity ? [...deps.index.attributesOf(missing.entity)].flatMap((a) => deps.index.factsFor(missing.entity!, a)) : [];
  const fromScore = giving.length + about.length >= 3 ? [] : [...scored().ranked.map((r) => r.index), ...scored().related.map((r) => r.index)];
  const near = unique([...giving, ...about, ...fromScore]).slice(0, 3);
  return { kind: 'abstain', score: 0, reason, suggestions: near.map((i) => deps.facts[i]!), missing, understood, ...followUp };
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
