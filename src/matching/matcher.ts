// The matcher: question text (and the turn before, in a conversation) -> the facts that answer it, a
// computation over the figures, or an honest refusal. docs/matching.md walks a question through it.
//
//   1. read the question into a frame: entities, attributes, kind (read-frame.ts)
//   2. fill gaps from the turn before, if it leans on it (resolve-follow-up.ts)
//   3. plan: compute, join entity x attribute, or refuse with the reason (plan-answer.ts)
//   4. a question with no frame at all falls back to how much of it a fact explains (score-facts.ts)
import type { Attribute, Entity, Measure } from '../facts/schema.ts';
import type { KnownFact } from '../facts/knowledge.ts';
import type { Locale, UnderstoodTurn } from '../types.ts';
import { indexValues } from './aggregate.ts';
import { buildFactIndex } from './fact-index.ts';
import type { Frame } from './frame.ts';
import type { MatchResult } from './match-result.ts';
import { planAnswer, type PlanDeps } from './plan-answer.ts';
import { clauseFrame, readFrame, type FrameReaderDeps } from './read-frame.ts';
import { readQuestion } from './read-question.ts';
import { resolveAsked, type Asked, type ResolveDeps } from './resolve-follow-up.ts';
import { scoreFacts, type ScoredQuestion } from './score-facts.ts';
import { buildVocabulary } from './vocabulary.ts';
import { looksLikeQwertyKorean, qwertyToHangul } from './qwerty.ts';
import { createSuggester } from './suggest.ts';
import { cleanText } from './text.ts';
import { stripNoise } from './strip-noise.ts';
import { normaliseChatSpelling } from './chat-spelling.ts';
import { ANSWER_THRESHOLD, MAX_PARTS, READING_NAMED_WEIGHT, READING_UNEXPLAINED_COST } from './tuning.ts';

export interface Matcher {
  match(text: string, locale: Locale, last?: UnderstoodTurn): MatchResult;
  /** How a question is read, step by step (npm run ask -- --explain): for editors tuning the lexicon. */
  explain(text: string, last?: UnderstoodTurn): { question: string; frame: Frame; asked: Asked; result: MatchResult };
  suggest(partial: string, locale: Locale, limit: number): string[];
}

export { ANSWER_THRESHOLD };

// A request for a text of the bot's own: a report, an essay, a poem, code. Asked of the bot ("작성해 줄 수
//있을까요?", "write me"), not said of the asker ("보고서 쓰고 있는데 …": the question follows). "요약",
// a summary of the article, is a question the article answers: its gist.
const ASKS_FOR_A_TEXT = /(?:보고서|리포트|레포트|에세이|기획서|제안서|발표문|보도자료|시\s*한\s*편|이메일|편지|코드|소설|블로그\s*글|칼럼)(?:를|을)?\s*(?:\S+\s+){0,3}?(?:작성해|써|만들어|짜)\s*(?:줘|줄|주세요|주실|주시겠|달라|봐)|(?:^|\b(?:can|could|would|will) you\s+|\bplease\s+|\bpls\s+)(?:write|draft|compose|generate|create)\b(?:\s+\S+){0,5}?\s+(?:report|essay|poem|e-?mail|letter|code|script|memo|blog post|tweet|press release|presentation|slides?|story)\b/;

// A request to look beyond the article: search the web, check online, the live or latest figure.
// ("인터넷 대기업" is the article's own word for internet giants: only with a verb of searching.)
const ASKS_TO_BROWSE = /인터넷\s*(?:에서|으로|에|서)?\s*(?:검색|확인|찾아|찾아봐|알아봐|조회)|(?:웹|구글|네이버)\s*(?:에서|으로|에)?\s*(?:검색|확인|찾아)|검색\s*(?:해\s*(?:줘|봐|줄래|주세요|줄\s*수)|좀)|구글링|실시간\s*(?:으로|확인|검색|데이터)|\bgoogle (?:it|that|this|whether|if|for)\b|\bsearch (?:the )?(?:web|internet|online)\b|\bsearch online\b|\b(?:look|check) (?:it |that |this )?(?:up )?online\b|\bbrowse the (?:web|internet)\b|\b(?:check|verify|look up|find) (?:it |that |this )?on the (?:web|internet)\b|\breal[- ]time (?:data|figures?|numbers?)\b/;

export function createMatcher(
  facts: KnownFact[],
  entities: Entity[],
  measures: Map<string, Measure> = new Map(),
  attributes: readonly Attribute[] = [],
): Matcher {
  const vocab = buildVocabulary(facts, entities, attributes);
  const suggester = createSuggester(facts);
  const ownExamples = exampleQuestionIndex(facts);
  const isKnown = (key: string) => vocab.byKey.has(key);
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const index = buildFactIndex(facts);
  const reader: FrameReaderDeps = { vocab, isKnown, entityById };
  const factById = new Map(facts.map((f) => [f.id, f]));
  const attributeAsks = new Map(attributes.map((a) => [a.id, new Set<string>(a.asks)] as const));
  const values = indexValues(facts, measures);
  const attributeAs = new Map(attributes.map((a) => [a.id, a.as ?? {}] as const));
  const resolveDeps: ResolveDeps = { index, entityById, factById, attributeAsks, attributeAs, measured: (a) => values.measuresOf.has(a) };
  const planDeps: PlanDeps = {
    facts,
    index,
    values,
    attributeById: new Map(attributes.map((a) => [a.id, a])),
    attributeAsks,
    entityById,
    factIndexById: new Map(facts.map((f, i) => [f.id, i])),
  };
  const score = (text: string): ScoredQuestion => scoreFacts(vocab, facts, readQuestion(text, isKnown));

  return {
    match(text, _locale, last) {
      const question = normaliseChatSpelling(stripNoise(text));
      if (looksLikeQwertyKorean(question)) {
        const hangul = qwertyToHangul(question);
        const [asTyped, converted] = [readFrame(reader, question), readFrame(reader, hangul)];
        // Read it as Korean only when that reading explains more: "author" is English, "wndrnr" is 중국.
        if (explains(converted) > explains(asTyped) || (explains(converted) === explains(asTyped) && (score(hangul).ranked[0]?.score ?? 0) > (score(question).ranked[0]?.score ?? 0))) {
          return { ...decide(text, hangul, converted, last), qwerty: true };
        }
        return decide(text, question, asTyped, last);
      }
      return decide(text, question, readFrame(reader, question), last);
    },
    suggest: (partial, locale, limit) => suggester.suggest(partial, locale, limit),
    explain(text, last) {
      const question = normaliseChatSpelling(stripNoise(text));
      const frame = readFrame(reader, question);
      return { question, frame, asked: resolveAsked(resolveDeps, frame, cleanText(question), last), result: this.match(text, 'ko', last) };
    },
  };

  function decide(original: string, text: string, frame: Frame, last: UnderstoodTurn | undefined): MatchResult {
    // Nothing visible is an empty question; only markup or instructions to a chat model is no question about the article.
    if (frame.empty) return cleanText(original) === '' ? { kind: 'empty' } : { kind: 'abstain', score: 0, reason: 'no-content', suggestions: [] };
    // "그거 최신 숫자인지 인터넷에서 확인해줘": the bot reads one article; it says so rather than repeat a figure.
    if (ASKS_TO_BROWSE.test(frame.cleaned)) return { kind: 'abstain', score: 0, reason: 'asks-browsing', suggestions: [] };
    if (ASKS_FOR_A_TEXT.test(frame.cleaned)) return { kind: 'abstain', score: 0, reason: 'asks-task', suggestions: [] };
    // The coverage score is work (a second reading of the whole text): only when a plan needs it.
    let memo: ScoredQuestion | undefined;
    const ownExample = ownExamples.get(exampleKey(text));
    const scored = () => (memo ??= score(text));
    const parts = askingClauses(frame);
    if (parts.length >= 2) {
      const merged = planParts(frame, parts, scored, last, ownExample);
      if (merged) return merged;
    }
    const asked = resolveAsked(resolveDeps, frame, frame.cleaned, last);
    const planned = planAnswer(planDeps, frame, asked, scored, ownExample);
    if (planned) return planned;
    // No plan: the fact that explains most of the question, if it explains enough. A question naming
    // no entity and no attribute the lexicon knows is never answered this way: on the bench's chit-chat
    // and the blind sets such questions were small talk or about what the article lacks (measured:
    // answering them above 0.7 coverage won nothing on the blind sets and answered 16% of chit-chat).
    const framed = asked.focus.length > 0 || asked.attributes.length > 0;
    const { ranked, related, contentWeight, uncovered } = scored();
    const top = ranked[0];
    const near = [...ranked, ...related].slice(0, 3).map((r) => facts[r.index]!);
    if (contentWeight === 0 && ranked.length === 0) return { kind: 'abstain', score: 0, reason: 'no-content', suggestions: near };
    if (uncovered.size > 0) return { kind: 'abstain', score: 0, reason: 'uncovered-entity', suggestions: near, missing: { entity: [...uncovered][0]!, givenFor: [] } };
    // The one exception: a fact's own example question, as its editor wrote it, is answered by that fact
    // (a new fact about a topic the lexicon does not know yet is still reachable).
    const own = framed ? undefined : ownExample;
    if (own !== undefined) return { kind: 'answer', facts: [facts[own]!], score: 1, computations: [], understood: { entities: [], attributes: [] } };
    if (!framed || !top || top.score < ANSWER_THRESHOLD) return { kind: 'abstain', score: Math.max(0, Math.min(1, top?.score ?? 0)), reason: 'low-confidence', suggestions: near };
    const fact = facts[top.index]!;
    // What the next turn leans on: the fact's entities and what it answers for them ("GPU 몇 개 확보한대?"
    // then "정부 말고 딥시크가 갖고 있는 거" keeps the GPUs).
    // What it answers for every one of them is what it is about (the GPUs, not also the plan's date).
    const answers = Object.entries(fact.answers ?? {}).filter(([e]) => e !== 'any');
    const shared = answers.length === 0 ? [] : answers[0]![1].filter((a) => answers.every(([, as]) => as.includes(a)));
    return { kind: 'answer', facts: [fact], score: Math.min(1, top.score), computations: [], understood: { entities: answers.map(([e]) => e), attributes: shared } };
  }

  /**
   * A question in two parts ("Zhipu AI는 언제 세워졌고, 기업가치는 얼마야?", "... and what's Naver doing in Saudi?"):
   * each asking clause is planned on its own, leaning on the one before as a follow-up leans on the turn
   * before; the parts' answers go out together, and a part the article lacks is said, not dropped.
   */
  function planParts(frame: Frame, parts: number[], scored: () => ScoredQuestion, last: UnderstoodTurn | undefined, ownExample: number | undefined): MatchResult | undefined {
    const results: MatchResult[] = [];
    let previous = last;
    for (const i of parts) {
      const part = clauseFrame(frame, i);
      const planned = planAnswer(planDeps, part, resolveAsked(resolveDeps, part, part.cleaned, previous), scored, ownExample);
      if (!planned || planned.kind === 'empty') continue;
      results.push(planned);
      const u = planned.understood;
      // Within one message a refused part still sets the scene for the next ("..., what about Zhipu?").
      if (u) previous = { entities: u.entities, attributes: u.attributes, facts: planned.kind === 'answer' ? planned.facts.map((f) => f.id) : [], answered: true, locale: 'ko' };
    }
    const answers = results.filter((r): r is Extract<MatchResult, { kind: 'answer' }> => r.kind === 'answer');
    if (answers.length === 0) return results[0];
    // "which gpus? h100s?" after "how many GPUs does DeepSeek have?": the part that only repeats the last
    // answer adds nothing; what is new is the part the article lacks.
    const refusedParts = results.filter((r) => r.kind === 'abstain');
    const repeats = (a: Extract<MatchResult, { kind: 'answer' }>) => a.facts.every((f) => last?.facts.includes(f.id));
    if (refusedParts.length > 0 && answers.every(repeats)) return refusedParts[0];
    const facts = [...new Set(answers.flatMap((a) => a.facts))].slice(0, MAX_PARTS);
    const refused = results.filter((r): r is Extract<MatchResult, { kind: 'abstain' }> => r.kind === 'abstain' && r.missing !== undefined);
    return {
      kind: 'answer',
      facts,
      score: Math.min(...answers.map((a) => a.score)),
      computations: answers.flatMap((a) => a.computations),
      missing: [...answers.flatMap((a) => a.missing ?? []), ...refused.map((r) => r.missing!)],
      understood: {
        entities: [...new Set(answers.flatMap((a) => a.understood?.entities ?? []))],
        attributes: [...new Set(answers.flatMap((a) => a.understood?.attributes ?? []))],
      },
      ...(answers.some((a) => a.followUp) ? { followUp: true } : {}),
    };
  }
}

/** The clauses that ask something of their own (a name or an attribute): the parts of a several-part question. */
function askingClauses(frame: Frame): number[] {
  if (frame.kinds.aggregates.size > 0 && frame.clauses.length > 1 && frame.clauses.filter((c) => c.asks).length < 2) return [];
  return frame.clauses
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.asks && (frame.entities.some((e) => e.from >= c.from && e.from <= c.to && e.role !== 'context') || frame.attributes.some((a) => a.from >= c.from && a.from <= c.to) || readKindsOf(c)))
    .map(({ i }) => i);
}

/**
 * Whether a clause asks a kind of question on its own ("몇 살이야?" after "창업자는 누구고,"), or a
 * computation of its own over what the clause before named ("차이는 얼마이고, 두 나라를 합치면 몇 개야?").
 */
function readKindsOf(clause: { text: string }): boolean {
  return /몇\s*살|언제|얼마|누구|how old|when|how much|who|합치면|합하면|더하면|몇\s*배|\bcombined\b|\bin total\b|\bhow many times\b/.test(clause.text.toLowerCase());
}

/** How much of a question a frame explains: entities and attributes named, less the words left over. */
function explains(frame: Frame): number {
  return (frame.entities.length + frame.attributes.length) * READING_NAMED_WEIGHT - frame.unexplained.length * READING_UNEXPLAINED_COST;
}

/** A question as an example is compared: cleaned, without spaces or closing punctuation. */
function exampleKey(text: string): string {
  return cleanText(text).replace(/[\s?!.。？！]+/g, '');
}

/** Each fact's example questions, to the fact; an example two facts share belongs to neither. */
function exampleQuestionIndex(facts: KnownFact[]): Map<string, number> {
  const index = new Map<string, number>();
  const shared = new Set<string>();
  facts.forEach((fact, i) => {
    for (const q of [...fact.questions.ko, ...fact.questions.en]) {
      const key = exampleKey(q);
      if (key === '' || shared.has(key)) continue;
      if (index.has(key) && index.get(key) !== i) {
        index.delete(key);
        shared.add(key);
      } else index.set(key, i);
    }
  });
  return index;
}
