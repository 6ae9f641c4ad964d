// Turns a frame into what is asked (Asked), borrowing from the turn before when the question leans on
// it: "그럼 미국은?" takes the last attribute for a new entity; "그 회사 창업자는?" the last entity (of the
// kind the pronoun names) for a new attribute; "출처는?" and "언제 기준이야?" speak about the last answer.
// A question that stands by itself is answered by itself: context fills gaps, never overrides.
import type { Entity } from '../facts/schema.ts';
import type { KnownFact } from '../facts/knowledge.ts';
import type { UnderstoodTurn } from '../types.ts';
import type { FactIndex } from './fact-index.ts';
import type { Frame } from './frame.ts';
import { readKinds, type QuestionKinds } from './question-kinds.ts';
import { I_MEANT } from './read-frame.ts';
import { ENTITY_SIMILARITY } from './tuning.ts';

export interface Asked {
  /** What the question is about, in the order named. */
  focus: string[];
  /** The other side of a comparison ("미국보다"). */
  compared: string[];
  /** Named, but not what is asked about (a scene-setting clause, "딥시크처럼"). */
  context: string[];
  attributes: string[];
  kinds: QuestionKinds;
  /** Entities named that no fact speaks of (Japan, Microsoft). */
  uncovered: string[];
  /** Something was taken from the turn before. */
  followUp: boolean;
  /** The last answer's facts, when the question is about that answer ("출처는?"). */
  aboutLast?: string[];
  /** The facts answered last turn, preferred when the same thing is asked again in other words. */
  lastFacts: string[];
  /** "Which other startups...", "그 외에": the last answer's facts are what the question wants beyond. */
  wantsOther?: boolean;
  /** "더 자세히", "tell me more": the last answer again, in full. */
  moreOfLast?: boolean;
  /** A bare "why?", "왜?" about the last answer. */
  asksWhy?: boolean;
  /** Something of the entity the article has no figure for ("그 사람 지분은 몇 퍼센트?"): refused by name. */
  noFigure?: boolean;
}

export interface ResolveDeps {
  index: FactIndex;
  attributeAsks: Map<string, ReadonlySet<string>>;
  entityById: Map<string, Entity>;
  factById: Map<string, KnownFact>;
  /** Whether the article gives figures for an attribute (data centres do, AI capability does not). */
  measured: (attribute: string) => boolean;
  /** An attribute as read by a kind of question ("release" asked with "when" is "release-date"). */
  attributeAs: Map<string, Partial<Record<string, string>>>;
}

// The kind of thing a pronoun points at ("그 회사" is a company, "he" a person).
const POINTS_AT: Array<[RegExp, ReadonlyArray<Entity['kind']>]> = [
  // "그 기사", "that report": the article or data the last answer credits (Nikkei's, Nature's), not this one.
  [/그\s*(?:기사|자료|보도|보고서|데이터|순위표|지수|인덱스|조사)|\b(?:that|this) (?:article|report|data|piece|story|ranking|index|survey|study)\b|\bthe (?:source|original) (?:article|report)\b/, ['organisation']],
  [/그\s*(?:사람|분)|그분|걔|\bhe\b|\bhis\b|\bhim\b|\bshe\b|\bher\b|창업자|\bthe guy\b/, ['person']],
  [/그\s*(?:대학|학교)|\bthe (?:university|school)\b/, ['university']],
  [/그\s*나라|\bthat country\b|\bthe country\b/, ['country', 'region']],
  [/그\s*(?:모델|서비스|제품)|그거|그게|그건|\bthe model\b|\bthat model\b/, ['product', 'organisation']],
  [/그\s*(?:회사|기업|스타트업|곳)|거기|\b(?:the|that|this) (?:company|firm|startup|start-up)\b/, ['company', 'organisation']],
];

export function resolveAsked(deps: ResolveDeps, frame: Frame, text: string, lastTurn: UnderstoodTurn | undefined): Asked {
  const { index, entityById } = deps;
  // A turn understood as nothing at all ("그중에 반도체 쪽은?" refused) is passed over: the one before it is what is talked about.
  const empty = (t: UnderstoodTurn) => t.entities.length + t.attributes.length + t.facts.length === 0;
  const last = lastTurn && empty(lastTurn) && lastTurn.before && !empty(lastTurn.before) ? lastTurn.before : lastTurn;
  const named = (role: string, asking = true) => unique(frame.entities.filter((e) => e.role === role && e.inQuestion === asking).map((e) => e.id));
  let focus = named('focus');
  const compared = named('compared');
  // Named in a clause that only sets the scene ("요즘 딥시크 얘기가 많던데, ..."): the subject when the asking clause names none.
  const scene = unique([...named('focus', false), ...named('compared', false)]);
  let context = unique([...named('context'), ...named('context', false)]);
  // Sources (Nature Index, CB Insights) and "this article" are the subject only when nothing else is.
  const weak = (id: string) => entityById.get(id)?.source === true || entityById.get(id)?.kind === 'article';
  if (focus.some((id) => !weak(id))) {
    context = [...context, ...focus.filter(weak)];
    focus = focus.filter((id) => !weak(id));
  }
  const article = (id: string) => entityById.get(id)?.kind === 'article';
  // "how much is it worth, if the article says?" in a conversation: the article is only where to look;
  // "it" is what was talked about.
  if (last && focus.length > 0 && focus.every(article) && frame.refersBack && frame.attributes.some((a) => a.inQuestion && !focus.some((f) => index.factsFor(f, a.id).length > 0))) {
    context = [...context, ...focus];
    focus = [];
  }
  // The asking clause names nothing but the article ("what does the article say about the timing?"):
  // the scene-setting clause's names are what it asks about.
  if (focus.every(article) && scene.length > 0 && (!last || RETURN_TO.test(text))) {
    const strong = scene.filter((id) => !weak(id));
    if (strong.length > 0) {
      context = [...context, ...focus];
      focus = strong;
    }
  } else context = [...context, ...scene];
  // A name the article never speaks of refuses the question only when it was read for certain: ㅁㅅ may be
  // 문샷 or 마소, and a near miss is no name at all when a covered entity was read in the same place.
  const certain = (id: string) => frame.entities.some((e) => e.id === id && e.similarity >= ENTITY_SIMILARITY && !frame.entities.some((o) => o !== e && o.from === e.from && index.covers(o.id)));
  focus = focus.filter((id) => index.covers(id) || certain(id));
  const uncovered = focus.filter((id) => !index.covers(id));
  // An attribute word that is also the name asked about ("the writer", "네이처 인덱스") asks nothing by itself.
  const naming = (a: { from: number; to: number }) => frame.entities.some((e) => e.from <= a.from && a.to <= e.to);
  const asking = frame.attributes.filter((a) => a.inQuestion && !naming(a));
  // In a conversation, words of a clause that asks nothing ("sorry for all the questions") ask nothing.
  const fallback = last ? frame.attributes.filter((a) => a.inQuestion) : frame.attributes.filter((a) => !naming(a)).length > 0 ? frame.attributes.filter((a) => !naming(a)) : frame.attributes;
  // Borrowed from the clauses that set the scene ("She wrote that KAIST slid to 76th. What was its rank
  // before?"), the attributes that answer the kind asked (a rank), not every verb there ("wrote").
  const fitting = asking.length === 0 && !last ? frame.attributes.filter((a) => kindsAnswer(deps, a.id, frame.kinds)) : [];
  const pool = asking.length > 0 ? asking : fitting.length > 0 ? fitting : fallback;
  // "그 돈으로 뭘 한대?" after the policy finance: "that money" is the figure just given, asked nothing new.
  // Only when the word could name that figure (money for a sum of money): "그 학회들 이름" asks something new.
  const namesLast = (a: string) => [...(deps.attributeAsks.get(a) ?? [])].some((k) => k !== 'which' && k !== 'describe' && last?.attributes.some((l) => deps.attributeAsks.get(l)?.has(k)));
  const pointedOnly = last !== undefined && focus.length + compared.length === 0 && frame.pointedAttributes.length > 0 && pool.every((a) => frame.pointedAttributes.includes(a.from) && namesLast(a.id));
  const attributes = onlyWhatAnswersASum(deps, frame.kinds, pointedOnly ? [] : unique(pool.map((a) => a.id)));
  const wantsOther = /\b(?:other|others|else)\b|다른|그\s*외|말고\s*또/.test(text);
  const asked: Asked = { focus, compared, context, attributes, kinds: frame.kinds, uncovered, followUp: false, lastFacts: last?.facts ?? [], ...(wantsOther ? { wantsOther } : {}) };
  // A refused turn still says what was asked: "일본은?" refused, then "한국은?" asks the same of Korea.
  // "딴 얘긴데", "ok diff thing:": the asker says the question stands by itself.
  if (!last || last.entities.length + last.attributes.length + last.facts.length === 0 || TOPIC_SWITCH.test(text)) return asked;

  let kinds = frame.kinds;
  const wantsAggregate = kinds.aggregates.size > 0 || kinds.ofChange !== undefined;
  const hasEntity = focus.length + compared.length > 0;
  const short = frame.unexplained.length <= 2;
  const followUp = (more: Partial<Asked>): Asked => ({ ...asked, ...more, followUp: true });

  // "출처는?", "언제 기준이야?", "Where's that number from?": about the last answer (the last one given,
  // when the turn between was refused), nothing new asked.
  const lastGiven = last.answered && last.facts.length > 0 ? last : last.before?.answered && last.before.facts.length > 0 ? last.before : undefined;
  // A near miss is no attribute here ("which agency reported ..." is not the editor, a reporter).
  const asksAttribute = frame.attributes.some((a) => a.inQuestion && a.similarity >= 1);
  // "이거 어디 기사 인용한 거예요?": "this" is the last figure, and the article word only says where it was read.
  const onlyThisArticle = hasEntity && (frame.refersBack || /(?:^|\s)(?:이거|이게|이건)/.test(text)) && compared.length === 0 && focus.every(article);
  if ((kinds.source || kinds.asOf) && (!hasEntity || onlyThisArticle) && (attributes.length === 0 || !asksAttribute) && lastGiven) {
    return followUp({ aboutLast: lastGiven.facts, focus: lastGiven.entities, attributes: lastGiven.attributes });
  }

  // "며칠자 기사?", "when was that article out?" right after the source was given (Nikkei's article): the
  // source's own article, not this one, unless the question says this one ("이 기사", "this article").
  if (last.kind === 'source' && kinds.asks.has('when') && hasEntity && focus.every(article) && !THIS_ARTICLE.test(text)) {
    const sources = unique(last.facts.flatMap((id) => deps.factById.get(id)?.entities ?? [])).filter((e) => entityById.get(e)?.source);
    for (const source of sources) {
      const dated = ['release-date', 'published'].filter((a) => index.factsFor(source, a).length > 0);
      if (dated.length > 0) return followUp({ focus: [source], attributes: dated.slice(0, 1), context: [...context, ...focus] });
    }
  }

  // "Which DeepSeek model did it beat?" after Qwen 2.5-Max: "it" is what was just asked about, and the
  // name is one the last answer gave in relation to it, not a new subject.
  // So is "오픈AI 모델 중엔 뭐랑 비슷하다고 했어?" after Kimi: OpenAI has no model of its own in the article.
  if (focus.length === 1 && compared.length === 0 && last.entities.length > 0 && !last.entities.includes(focus[0]!)) {
    const mentioned = last.facts.some((id) => deps.factById.get(id)?.entities.includes(focus[0]!));
    const kept = attributes.filter((a) => last.entities.some((e) => index.factsFor(e, a).length > 0));
    const itsOwn = attributes.some((a) => index.factsFor(focus[0]!, a).length > 0);
    if (mentioned && kept.length > 0 && (IT.test(text) || (AMONG_THEIRS.test(text) && !itsOwn))) return followUp({ focus: last.entities, attributes: kept, context: [...context, ...focus], lastFacts: last.facts });
  }

  // "which chinese school is he from?": the country says which school; "he" is who is asked about.
  if (focus.length === 1 && compared.length === 0 && entityById.get(focus[0]!)?.kind === 'country' && !last.entities.includes(focus[0]!)) {
    const { pointed } = referents(deps, text, last);
    if (pointed && entityById.get(pointed)?.kind === 'person') return followUp({ focus: [pointed], context: [...context, ...focus], attributes: attributes.length > 0 ? attributes : last.attributes });
  }

  // "왜?", "why?": the reason for the last answer. "왜" and "why" are also words of the start-ups' growth
  // ("why are startups booming?"); alone after an answer they ask about that answer, and the bot does not
  // reason beyond the article's facts: said so, with what was understood.
  if (WHY_ALONE.test(text.trim()) && !hasEntity && last.answered && last.facts.length > 0) {
    return followUp({ aboutLast: last.facts, asksWhy: true, focus: last.entities, attributes: last.attributes });
  }

  // "더 자세히", "tell me more": nothing new asked, the last answer in full (its facts, not a computation).
  if (MORE_DETAIL.test(text.trim()) && !hasEntity && attributes.length === 0 && last.answered && last.facts.length > 0) {
    return followUp({ aboutLast: last.facts, moreOfLast: true, focus: last.entities, attributes: last.attributes });
  }

  // "개수로는?", "in numbers?" after "몇 배야?": the same two, as a difference.
  if (!hasEntity && attributes.length === 0 && last.kind?.startsWith('ratio') && last.entities.length >= 2 && IN_NUMBERS.test(text.trim())) {
    return followUp({ kinds: { ...kinds, aggregates: new Set(['difference']) }, focus: last.entities, attributes: last.attributes });
  }

  // "10~20위 사이엔?", "and 11th to 20th?": the same question for another band of places (which band
  // is the ranking of facts by the question's words: "10~20위" is in the band's own fact).
  if (!hasEntity && attributes.length === 0 && PLACE_BAND.test(text)) {
    return followUp({ focus: last.entities, attributes: last.attributes, wantsOther: true });
  }

  // "2020년엔?", "2024년은?": the same question for another year.
  if (!hasEntity && attributes.length === 0 && frame.years.length > 0 && short && !kinds.asks.has('when')) {
    return followUp({ focus: last.entities, attributes: last.attributes });
  }

  // "who was #1 then?" after "which Chinese school ranked highest there?": a place among things of the
  // kind just talked about (institutions), not among every ranking of the attribute (countries). Not
  // after a country: "which one was 2nd?" after "중국 대학 몇 개?" asks of universities, counted by country.
  const lastKinds = unique(last.entities.map((e) => entityById.get(e)?.kind));
  const pickable = lastKinds.length === 1 && (lastKinds[0] === 'university' || lastKinds[0] === 'company') ? lastKinds[0] : undefined;
  if (!hasEntity && attributes.length === 0 && kinds.ordinals.length > 0 && !kinds.picks && pickable && last.attributes.some(deps.measured)) {
    kinds = { ...kinds, picks: pickable, aggregates: new Set([...kinds.aggregates, 'nth']) };
    return followUp({ kinds, focus: last.entities, attributes: last.attributes.filter(deps.measured) });
  }

  // "and 21st?", "what about 2nd place?": the same n-th question for another place.
  if (!hasEntity && attributes.length === 0 && kinds.ordinals.length > 0 && last.kind?.startsWith('nth')) {
    kinds = { ...kinds, aggregates: new Set([...kinds.aggregates, 'nth']) };
    return followUp({ kinds, focus: last.entities, attributes: last.attributes });
  }

  // "so what's the gap between them?" after two counts: "gap" is also a word for AI capability, which has
  // no figures to subtract; the reading that can be computed is the last turn's measure for the two.
  if (wantsAggregate && !hasEntity && last.entities.length >= 2 && attributes.length > 0 && !attributes.some(deps.measured) && last.attributes.some(deps.measured)) {
    return followUp({ focus: last.entities, attributes: last.attributes.filter(deps.measured) });
  }

  // "how many times what DeepSeek spent is that?": one side named, "that" is the last figure.
  if ((kinds.aggregates.has('ratio') || kinds.aggregates.has('difference')) && focus.length === 1 && compared.length === 0 && frame.refersBack && last.entities.length > 0 && !last.entities.includes(focus[0]!)) {
    return followUp({ compared: last.entities, attributes: attributes.length > 0 ? attributes : last.attributes });
  }

  // "how many times cheaper is that than GPT-4?": a comparison with only its other side named; the one side is the last answer.
  if (wantsAggregate && focus.length === 0 && compared.length > 0) {
    return followUp({ focus: last.entities.filter((e) => !compared.includes(e)), attributes: attributes.length > 0 ? attributes : last.attributes });
  }

  // "Is that firm American?", "그 회사 중국 회사야?": the country is what is asked of the thing pointed at,
  // which its identity or location answers; not the last question asked of the country.
  if (NATIONALITY.test(text) && focus.length === 1 && entityById.get(focus[0]!)?.kind === 'country') {
    const { pointed } = referents(deps, text, last);
    const about = pointed ? ['location', 'identity'].filter((a) => index.factsFor(pointed, a).length > 0) : [];
    if (pointed && about.length > 0) return followUp({ focus: [pointed], attributes: about.slice(0, 1), compared: [], context: [...context, ...focus] });
  }

  // "아니 그거 말고 네이처 인덱스 2024 순위 말한 거" after Peking University's AI paper rank: the name of a
  // ranking said as a correction, or in a follow-up ("그럼 네이처인덱스 2016년엔 몇 위였어?"), is the
  // attribute asked of the same thing, not the ranking itself.
  if ((CORRECTION.test(text) || frame.followUpShape) && last.entities.length > 0 && focus.length > 0) {
    const spans = frame.attributes.filter((a) => frame.entities.some((e) => e.from === a.from && e.to === a.to && focus.includes(e.id)));
    const onlyRankingNames = focus.every((id) => frame.entities.some((e) => e.id === id && spans.some((a) => a.from === e.from && a.to === e.to)));
    if (spans.length > 0 && onlyRankingNames && !last.entities.some((e) => focus.includes(e))) {
      return followUp({ focus: last.entities, attributes: unique(spans.map((a) => a.id)) });
    }
  }

  // Ellipsis: a new entity, no attribute ("영국은?", "And Germany?", "그럼 미국은 중국의 몇 배야?").
  if (hasEntity && attributes.length === 0 && (frame.followUpShape || short || wantsAggregate || CORRECTION.test(text)) && last.attributes.length > 0) {
    const derived = focus.flatMap((e) => [...index.attributesOf(e)].filter((a) => kindsAnswer(deps, a, kinds)));
    // "and what's Naver doing in Saudi?" asks its own question; "and Germany?", "what about MiniMax?" only
    // swap the entity. A question of its own borrows the last attribute only where it applies.
    const ownQuestion = asksOwnQuestion(text);
    const appliesTo = (attrs: string[]) => attrs.some((a) => focus.some((e) => index.factsFor(e, a).length > 0));
    // "MIT는?" after "하버드 몇 위?" / "이거 언제 발표됐어?": the question asked before the aside about the answer.
    const asBefore = !appliesTo(last.attributes) && last.before && appliesTo(last.before.attributes) ? last.before.attributes : undefined;
    const lastAttributes = asBefore ?? last.attributes;
    const applies = appliesTo(lastAttributes);
    // After a refusal of what the article never gives anyone (the conferences' names), a new name with a
    // kind of its own ("베이징대 2020→2024 순위 변화?") asks that kind, not the refused attribute.
    if (!asBefore && derived.length > 0 && last.attributes.every((a) => index.factsGiving(a).length === 0)) return asked;
    // "how many of those are Baidu's?": "those" points back, so it is the last question asked of Baidu.
    if (ownQuestion && !applies && !wantsAggregate && !frame.refersBack) return asked;
    // "이 기사 누가 쓴거임?" after a valuation: the article has no valuation, but the question's kind
    // names what it has (its writer); that is asked, not the last attribute.
    if (!applies && !wantsAggregate && derived.length > 0 && kinds.asks.size > 0 && !frame.followUpShape) return asked;
    if (derived.length === 0 || frame.followUpShape || wantsAggregate || short) {
      // "영국은 중국보다?" after a difference: the same comparison for the new pair.
      if (!wantsAggregate && compared.length > 0 && (last.kind === 'difference' || last.kind?.startsWith('ratio'))) {
        kinds = { ...kinds, aggregates: new Set([...kinds.aggregates, last.kind === 'difference' ? 'difference' : 'ratio']) };
      }
      // "저장대는?" after "몇 계단 올랐어?": the same rank change for the new entity.
      if (!wantsAggregate && /^(?:rank|count)-(?:up|down|same)$/.test(last.kind ?? '')) kinds = { ...kinds, ofChange: 'any' };
      // "미국이랑은 몇 개 차이나요?": the other side of the comparison is the last turn's entity.
      const twoSided = kinds.aggregates.has('difference') || kinds.aggregates.has('ratio');
      const others = twoSided && focus.length + compared.length < 2 ? last.entities.filter((e) => !focus.includes(e) && !compared.includes(e)) : [];
      return followUp({ kinds, attributes: lastAttributes, compared: [...compared, ...others] });
    }
  }

  // A new attribute (or only a kind) and no entity: the last entity, of the kind a pronoun names.
  if (!hasEntity && (attributes.length > 0 || kinds.asks.size > 0 || wantsAggregate)) {
    // An attribute the article gives once, for one thing ("유니콘 육성 목표", "사진 출처"), needs no entity
    // from before, unless a pronoun points at one that has it, or the talk is of a thing of the same kind:
    // "창업자 누구야" after Zhipu AI asks for Zhipu's founder (not given), not Moonshot's (the only one given).
    const { candidates, pointed, pointedAll } = referents(deps, text, last);
    const kindsBefore = new Set(candidates.slice(0, 2).map((e) => KIND_GROUP[entityById.get(e)?.kind ?? ''] ?? entityById.get(e)?.kind));
    const groupOf = (e: string) => KIND_GROUP[entityById.get(e)?.kind ?? ''] ?? entityById.get(e)?.kind;
    // A question with its own year ("2027년까지 유니콘은 몇 개 육성한다고 했어요?") says enough to stand alone.
    const givenOnceElsewhere = (a: string) => index.factsGiving(a).length === 1 && (frame.years.length > 0 || ![...index.entitiesGiving(a)].some((e) => kindsBefore.has(groupOf(e))));
    const answersAlone = attributes.some((a) => index.generalFacts(a).length > 0 || givenOnceElsewhere(a));
    // After a refusal of something the article never gives ("budget per GPU?"), "deadline?" is about the figure before it.
    const pastRefusal = !last.attributes.some((a) => index.factsGiving(a).length > 0) && last.before !== undefined;
    const useAttributes = attributes.length > 0 ? attributes : pastRefusal ? last.before!.attributes : last.attributes;
    const preferred = pastRefusal && attributes.length === 0 ? { lastFacts: last.before!.facts } : {};
    // "when was that announced?": release asked with when is the release date, which the ranking has, not Harvard.
    const readAs = (a: string) => [a, ...[...kinds.asks].map((k) => deps.attributeAs.get(a)?.[k]).filter((x): x is string => Boolean(x))];
    const has = (e: string, attrs: string[]) => attrs.some((a) => readAs(a).some((x) => index.factsFor(e, x).length > 0));
    // Without a pronoun, the thing talked about is not one of its kind that the last answer only mentions in
    // passing: "본사 어디?" after Baichuan's valuation, answered by the list of unicorns that also names
    // Moonshot, is Baichuan's head office, not Moonshot's. The founder's company, a ranking's source, the
    // maker the last answer gave, and what the last answer gave the same attribute for still are.
    const kindsTalkedOf = new Set(last.entities.map((e) => entityById.get(e)?.kind));
    const relatedAnswer = answeredBy(deps, last);
    const givenLastTime = (e: string) => last.facts.some((id) => deps.factById.get(id)?.answers?.[e]?.some((a) => last.attributes.includes(a)));
    const inPassing = (e: string) => kindsTalkedOf.has(entityById.get(e)?.kind) && !last.entities.includes(e) && !relatedAnswer.includes(e) && !givenLastTime(e);
    const talkedOf = pointed ? candidates : candidates.filter((e) => !inPassing(e));
    const joining = talkedOf.find((e) => has(e, useAttributes));
    // A pronoun ("그 회사", "it") always points back, even where the article lacks the attribute for what it points at.
    // A question word ("언제?", "몇 계단 떨어진 거야?") borrows both, and so does a verb the lexicon does not
    // know ("뭘 넘었다고 했어?"); a bare what/which with a noun it does not know ("what's the weather in
    // Seoul?") is another topic, not a follow-up.
    const specific = wantsAggregate || [...kinds.asks].some((k) => k !== 'which' && k !== 'describe');
    const onlyPredicates = frame.unexplained.every((w) => KOREAN_PREDICATE.test(w));
    const borrowEntity = frame.refersBack || frame.followUpShape || (!answersAlone && (attributes.length === 0 ? onlyPredicates || (specific && short) : short));
    if (borrowEntity) {
      // "so how many times cheaper is that?" after a comparison of two: the same two.
      if (wantsAggregate && last.entities.length >= 2 && attributes.length === 0) return followUp({ focus: last.entities, attributes: last.attributes });
      // "그 사람 지분은 몇 퍼센트?" after his education: a share, a sum or a ratio needs figures, and the
      // last attribute has none; nothing the article gives is that, so it is refused, naming whom it was about.
      const target = candidates[0];
      if (wantsAggregate && attributes.length === 0 && target && !useAttributes.some(deps.measured)) return followUp({ focus: [target], attributes: [], noFigure: true });
      // "그 기사 언제 나왔어?": what the pronoun's kind names, asked by the question's own kind when the
      // last attribute is not one it has.
      if (pointed && attributes.length === 0 && !has(pointed, last.attributes)) return followUp({ focus: [pointed], attributes: [] });
      // The first candidate that the article gives the attribute for; else the first (refused by name).
      // "where did he start the company?": of the things pronouns point at, the one the attribute is given
      // for; "거기 창업자는?" after MiniMax was asked about is MiniMax's founder, refused by name, not the
      // founder of another company the last answer named; else the first the attribute is given for.
      const pointedHas = pointedAll?.find((e) => has(e, useAttributes));
      const joined = pointedHas ?? (pointed && last.entities.includes(pointed) ? pointed : (joining ?? candidates[0]));
      if (joined) return followUp({ focus: [joined], attributes: useAttributes, ...preferred });
    }
  }
  return asked;
}

// A request for more of the same, and nothing else: "더 자세히", "자세히 알려줘", "tell me more", "more details?".
const MORE_DETAIL = /^(?:(?:좀\s*)?더\s*자세히|자세히|상세히|더\s*알려\s*줘|좀\s*더)(?:\s*(?:알려\s*(?:줘|줄래|주세요)|설명해\s*(?:줘|주세요)|요|좀))*\s*[?.!]*$|^(?:tell me more|more details?|more detail please|elaborate|details?\s*please|go on|more)\s*[?.!]*$/i;

// A yes-or-no question whether something is of a country: "is that firm American?", "그 회사 미국 회사야?".
const NATIONALITY = /^(?:is|was|are)\b.*\b(?:american|chinese|korean|japanese|british|german|a us|a u\.s\.)\b|(?:미국|중국|한국|국내|일본|영국|독일)\s*(?:회사|기업|기관|업체|곳|스타트업)(?:야|이야|인가|인가요|예요|이에요|임|이지|지|냐)?\s*[?？]?$/i;

// "다시 문샷 얘기로 돌아가서", "back to DeepSeek": the scene-setting clause names the subject again.
const RETURN_TO = /다시\s*\S+\s*(?:얘기|이야기)|(?:얘기|이야기)로\s*돌아|\bback to\b|\bgoing back to\b|\breturning to\b/i;

// After a ratio, the plain difference: "개수로는?", "숫자로는?", "in numbers?", "in absolute terms?".
const IN_NUMBERS = /^(?:그럼\s*)?(?:개수|숫자|갯수|수)로(?:는|치면)?\s*[?？]*$|^(?:and\s+)?in (?:absolute )?(?:numbers|terms of numbers|absolute terms)\s*[?]*$/i;

// The asker moves on: "딴 얘긴데", "다른 질문인데", "ok diff thing", "unrelated, but", "new question".
const TOPIC_SWITCH = /^(?:btw|by the way|그나저나|그건 그렇고|아 맞다|참,)|딴\s*(?:얘기|이야기|질문)|다른\s*(?:얘기|이야기|질문)(?:인데|이긴|인데요)|주제\s*바꿔|\bdiff(?:erent)? (?:thing|question|topic)\b|\bunrelated\b|\bnew question\b|\bchanging (?:the )?(?:topic|subject)\b|\bon another note\b/;

// The asker corrects the last question: "I meant Shanghai Jiao Tong", "말한 건데", "아니 그거 말고".
const CORRECTION = new RegExp(String.raw`${I_MEANT.source}|\bi mean\b|말고|\bnot\b.*\bbut\b|\bsorry,? (?:i meant|not)\b`);

// "오픈AI 모델 중엔", "among OpenAI's models": a name narrowing what is asked of the thing talked about.
const AMONG_THEIRS = /\S+\s*(?:중엔|중에는|중에서|중에선)|\bamong\b|\bof (?:the|its|their) /;

// A band of places: "10~20위", "21-30위", "11th to 20th", "between 21st and 30th".
const PLACE_BAND = /\d+\s*(?:위\s*)?[~\-–]\s*\d+\s*위|\d+(?:st|nd|rd|th)?\s*(?:to|-|–|and)\s*\d+(?:st|nd|rd|th)\b/;

// "it" or "그게" as what a question is about.
const IT = /\b(?:it|it's|its)\b|(?:^|\s)(?:그게|그건|그거|이게|이건)(?:\s|$)/;

// This article, said as such: "이 기사", "이번 기사", "본문", "this article", "this piece".
const THIS_ARTICLE = /이\s*기사|이번\s*(?:기사|편)|본문|이\s*글|뉴스투데이|\bthis (?:article|piece|story|post|part)\b|\bnewstoday\b/i;

// Only asking why: "왜?", "왜요", "이유는?", "why?", "why is that?", "how come?".
const WHY_ALONE = /^(?:(?:근데|그런데|그럼)\s*)?(?:(?:그건|그게|그거|이건|이게)\s*)?(?:왜(?:요|죠|지|야)?|이유(?:는|가\s*뭐(?:야|예요)?)?|왜\s*그런(?:데|거야|가요)?|why(?: is that| so| not)?|how come|for what reason|what(?:'s| is) the reason)\s*[?.!]*$/i;

// A Korean verb or adjective as inflected in a question: "넘었다고", "했어", "되나요".
const KOREAN_PREDICATE = /[가-힣](?:다고|다는|었|았|했|됐|였|는지|나요|냐|니|어|아|야|지|요|까)$/;

/**
 * The entities a follow-up may mean, best first: the last asked-about ones, then those in the last answer;
 * `pointed`: the first of the kind a pronoun names ("그 회사", "he"), when one does.
 */
function referents(deps: ResolveDeps, text: string, last: UnderstoodTurn): { candidates: string[]; pointed?: string; pointedAll?: string[] } {
  const fromFacts = last.facts.flatMap((id) => {
    const fact = deps.factById.get(id);
    return fact ? [...Object.keys(fact.answers ?? {}), ...fact.entities] : [];
  });
  // The article itself only when it was what the last turn asked about ("which outlet published it?").
  const named = unique([...last.entities, ...fromFacts]).filter((e) => deps.entityById.has(e) && (deps.entityById.get(e)!.kind !== 'article' || last.entities.includes(e)));
  // After "who came up with that number?", "that firm" is the source just named (CB Insights).
  const all = last.kind === 'source' ? [...named.filter((e) => deps.entityById.get(e)!.source), ...named.filter((e) => !deps.entityById.get(e)!.source)] : named;
  let first: { candidates: string[]; pointed: string } | undefined;
  const pointedAll: string[] = [];
  for (const [pattern, kinds] of POINTS_AT) {
    if (!pattern.test(text)) continue;
    const ofKind = all.filter((e) => kinds.includes(deps.entityById.get(e)!.kind));
    if (ofKind.length === 0) continue;
    first ??= { candidates: [...ofKind, ...all.filter((e) => !ofKind.includes(e))], pointed: ofKind[0]! };
    if (!pointedAll.includes(ofKind[0]!)) pointedAll.push(ofKind[0]!);
  }
  if (first) return { ...first, pointedAll };
  // After "who invested in Moonshot?", "they" are the investors the answer named, not Moonshot.
  if (/\b(?:they|them|their|those)\b|그들|그 회사들|걔네/.test(text)) {
    const answered = answeredBy(deps, last);
    if (answered.length > 0) return { candidates: unique([...answered, ...all]) };
  }
  return { candidates: all };
}

/** The entities the last answer gave as what was asked ("who made Kimi?": Moonshot), for a relation asked. */
function answeredBy(deps: ResolveDeps, last: UnderstoodTurn): string[] {
  const relation = last.attributes.filter((a) => RELATIONS.has(a));
  if (relation.length === 0) return [];
  return last.facts.flatMap((id) => Object.entries(deps.factById.get(id)?.answers ?? {}).filter(([e, attrs]) => !last.entities.includes(e) && attrs.some((a) => relation.includes(a))).map(([e]) => e));
}

/** Kinds a reader talks of alike: a company, a project like Stargate and a model can all have partners or founders. */
const KIND_GROUP: Record<string, string> = { company: 'thing', organisation: 'thing', product: 'thing', country: 'place', region: 'place' };

/** Attributes whose answer is another entity (who invested, who made it): a pronoun next may mean that entity. */
const RELATIONS = new Set(['investors', 'maker', 'founder', 'partner', 'announcer']);

/**
 * "창업 1년 만에 얼마 땡겼냐": when a sum is all that is asked, of the attributes read the ones that give a
 * sum (the funding), not those that only time it (the founding).
 */
function onlyWhatAnswersASum(deps: { attributeAsks?: Map<string, ReadonlySet<string>> }, kinds: QuestionKinds, attributes: string[]): string[] {
  const specific = [...kinds.asks].filter((k) => k !== 'which' && k !== 'describe');
  if (attributes.length < 2 || specific.length !== 1 || specific[0] !== 'amount') return attributes;
  const sums = attributes.filter((a) => kindsAnswer(deps, a, kinds));
  return sums.length > 0 ? sums : attributes;
}

/** Whether an attribute answers one of the question's kinds (founded answers "when"). */
export function kindsAnswer(deps: { attributeAsks?: Map<string, ReadonlySet<string>> }, attribute: string, kinds: QuestionKinds): boolean {
  const asks = deps.attributeAsks?.get(attribute);
  if (!asks) return false;
  for (const k of kinds.asks) if (k !== 'which' && k !== 'describe' && asks.has(k)) return true;
  return false;
}

const FOLLOW_UP_PREFIX = /^(?:and|so|ok|also|then|그럼|그러면|그리고|근데|그렇다면)\s+|^(?:what|how) about\s+|(?:는|은|도)요?\s*[?？]?$/;

/** Whether a follow-up asks a question of its own beyond "and X?" / "what about X?" / "X는?". */
function asksOwnQuestion(text: string): boolean {
  const rest = text.replace(FOLLOW_UP_PREFIX, '').replace(FOLLOW_UP_PREFIX, '');
  const kinds = readKinds(rest);
  return [...kinds.asks].some((k) => k !== 'which' || /\b(?:what|which)\b.*\b(?:doing|do|did|does|is|are|was)\b|뭐\s*(?:해|하|했|한|할)/.test(rest));
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
