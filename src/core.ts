// The core: one object that answers questions about the fact base. Synchronous and pure per call;
// reload() swaps the whole fact base at once (a broken file throws and the old one keeps serving).
import { createTranslator, type Translate } from './answers/i18n.ts';
import { composeAnswer, composeNotice } from './answers/compose-answer.ts';
import { loadFactBase } from './facts/load-facts.ts';
import { buildKnowledge, type Knowledge } from './facts/knowledge.ts';
import { detectLocale } from './matching/detect-locale.ts';
import { lastTurnOf } from './matching/pair-from-history.ts';
import { readLanguageRequest } from './matching/language-request.ts';
import { DEFAULT_FACTS_DIR, DEFAULT_LOCALES_DIR } from './paths.ts';
import { AnswerCache } from './answers/answer-cache.ts';
import { chartBookOf, type ChartBook } from './charts/chart-book.ts';
import type { Answer, ArticleInfo, ConversationContext, Locale, Question, TopicSummary, UnderstoodTurn } from './types.ts';
import type { MatchResult } from './matching/match-result.ts';

/** Longer questions get a short hint instead of an answer: nobody asks about one figure in a page of text. */
export const MAX_QUESTION_CHARS = 1000;

const ANSWER_CACHE_SIZE = 2000;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

export interface Core {
  /**
   * The answer; immutable (frozen), and possibly the same object as for an earlier identical question.
   * With `conversation` (what earlier turns were understood as), follow-ups resolve against it; the
   * answer's `context` is the conversation to pass with the next turn.
   */
  ask(question: Question, conversation?: ConversationContext): Answer;
  /** Up to `limit` (<= 25) answerable questions for a partial text, for autocomplete. */
  suggest(partial: string, locale: Locale, limit?: number): string[];
  topics(locale: Locale): TopicSummary[];
  article(locale: Locale): ArticleInfo;
  t: Translate;
  detectLocale(text: string, hint?: Locale): Locale;
  /**
   * The article's charts with their figures resolved from the facts, for drawing them (src/charts/). The
   * same object until a reload replaces the fact base, so a chart cache can key on it.
   */
  charts(): ChartBook;
  /** Reload and validate facts; throws FactFileError and keeps the old base when a file is broken. */
  reload(): void;
  readonly factCount: number;
  /** How a question is read, step by step (`npm run ask -- --explain`): for editors growing the lexicon. */
  explain(text: string, conversation?: ConversationContext): Explanation;
}

export interface CoreOptions {
  factsDir?: string;
  localesDir?: string;
  /** How many recent answers to keep (default 2000); 0 turns the cache off (the benchmark measures matching). */
  answerCacheSize?: number;
}

export function createCore(options: CoreOptions = {}): Core {
  const factsDir = options.factsDir ?? DEFAULT_FACTS_DIR;
  const t = createTranslator(options.localesDir ?? DEFAULT_LOCALES_DIR);
  let knowledge: Knowledge = buildKnowledge(loadFactBase(factsDir));
  // People ask the same things again ("중국 데이터센터 몇 개?"): recent answers are kept, per fact base.
  const cacheSize = options.answerCacheSize ?? ANSWER_CACHE_SIZE;
  let recent = new AnswerCache(cacheSize);

  function answerOnce(k: Knowledge, raw: string, hint: Locale | undefined, last: UnderstoodTurn | undefined): Answer {
    // A turn with no letters ("#10?", "2020?") is in the language the conversation is in.
    let locale = detectLocale(raw.slice(0, MAX_QUESTION_CHARS), last?.locale ?? hint);
    if (raw.length > MAX_QUESTION_CHARS) return composeNotice(k, t, locale, 'too-long');
    // "영어로", "in Korean please": that language; with nothing else asked, the last answer again in it.
    const wants = readLanguageRequest(raw);
    if (wants?.bare && last && last.facts.length > 0) return again(k, last, wants.locale);
    const match = k.matcher.match(raw, locale, last);
    // Latin text that could be Korean typed in English mode is Korean only if it was read that way.
    if (locale === 'ko' && /[a-z]/i.test(raw) && !HANGUL.test(raw)) locale = match.qwerty ? 'ko' : 'en';
    if (wants) locale = wants.locale;
    if (match.kind === 'empty') return composeNotice(k, t, locale, 'empty');
    const answer = composeAnswer(k, t, locale, match);
    return { ...answer, context: { turns: [turnOf(answer, match)] } };
  }

  /** The last answer's facts again, in the language asked for (what was computed from them is not kept). */
  function again(k: Knowledge, last: UnderstoodTurn, locale: Locale): Answer {
    const facts = last.facts.map((id) => k.facts.find((f) => f.id === id)).filter((f) => f !== undefined);
    const match: MatchResult = { kind: 'answer', facts, score: 1, computations: [], understood: { entities: last.entities, attributes: last.attributes, ...(last.kind ? { kind: last.kind } : {}) } };
    const answer = composeAnswer(k, t, locale, match);
    return { ...answer, context: { turns: [turnOf(answer, match)] } };
  }

  return {
    t,
    detectLocale,
    get factCount() {
      return knowledge.facts.length;
    },
    explain(text, conversation) {
      const k = knowledge;
      const question = String(text ?? '').slice(0, MAX_QUESTION_CHARS);
      const e = k.matcher.explain(question, conversation ? lastTurnOf(question, conversation.turns) : undefined);
      const r = e.result;
      return {
        question: e.question,
        clauses: e.frame.clauses.map((c) => ({ text: c.text, asks: c.asks })),
        entities: e.frame.entities.map((m) => ({ id: m.id, role: m.role, inQuestion: m.inQuestion, similarity: m.similarity })),
        attributes: e.frame.attributes.map((m) => ({ id: m.id, inQuestion: m.inQuestion, similarity: m.similarity })),
        kinds: { asks: [...e.frame.kinds.asks], aggregates: [...e.frame.kinds.aggregates], ordinals: e.frame.kinds.ordinals, source: e.frame.kinds.source, asOf: e.frame.kinds.asOf },
        unexplained: e.frame.unexplained,
        asked: { focus: e.asked.focus, compared: e.asked.compared, context: e.asked.context, attributes: e.asked.attributes, followUp: e.asked.followUp },
        result:
          r.kind === 'answer'
            ? { kind: 'answer', facts: r.facts.map((f) => f.id), computations: r.computations.map((c) => c.key) }
            : r.kind === 'abstain'
              ? { kind: 'abstain', reason: r.reason, ...(r.missing ? { missing: r.missing } : {}) }
              : { kind: 'empty' },
      };
    },
    reload() {
      const next = buildKnowledge(loadFactBase(factsDir));
      knowledge = next;
      recent = new AnswerCache(cacheSize);
    },
    ask(question, conversation) {
      const k = knowledge; // one fact base for the whole call, even if a reload lands meanwhile
      const cache = recent;
      const raw = typeof question.text === 'string' ? question.text : '';
      const hint = question.locale === 'en' || question.locale === 'ko' ? question.locale : undefined;
      const last = conversation ? lastTurnOf(raw, conversation.turns) : undefined;
      // A follow-up depends on the turn before it; only a question asked on its own is cached.
      const key = cacheSize > 0 && raw.length <= MAX_QUESTION_CHARS && !last ? `${hint ?? ''}\u0000${raw}` : undefined;
      const cached = key === undefined ? undefined : cache.get(key);
      if (cached) return cached;
      // Frozen, so one cached answer can be handed to every asker: nobody can change it for the next.
      const answer = deepFreeze(withHistory(answerOnce(k, raw, hint, last), conversation));
      if (key !== undefined) cache.set(key, answer);
      return answer;
    },
    charts() {
      return chartBookOf(knowledge);
    },
    suggest(partial, locale, limit = 25) {
      return knowledge.matcher.suggest(String(partial ?? '').slice(0, 200), locale, Math.min(Math.max(limit, 0), 25));
    },
    topics(locale) {
      return knowledge.topics.map((topic) => {
        const facts = knowledge.facts.filter((f) => f.topic === topic.id);
        return {
          id: topic.id,
          title: topic.title[locale],
          factCount: facts.length,
          examples: facts.map((f) => f.questions[locale][0]).filter((q): q is string => Boolean(q)),
        };
      });
    },
    article(locale) {
      const a = knowledge.article;
      return {
        outlet: a.outlet[locale],
        title: a.title[locale],
        date: a.date,
        writer: a.writer[locale],
        editor: a.editor[locale],
        ...(a.url ? { url: a.url } : {}),
      };
    },
  };
}

/** How many understood turns a conversation keeps: follow-ups lean on the last one or two. */
const CONTEXT_TURNS = 3;

/** This turn as the next one may lean on it: what it was understood to ask, and what answered it. */
function turnOf(answer: Answer, match: MatchResult): UnderstoodTurn {
  const understood = match.kind === 'empty' ? undefined : match.understood;
  return {
    entities: understood?.entities ?? [],
    attributes: understood?.attributes ?? [],
    ...(understood?.kind ? { kind: understood.kind } : {}),
    facts: answer.facts.map((f) => f.id),
    answered: answer.answered,
    locale: answer.locale,
  };
}

/** The conversation after this turn: the earlier turns, then this one (a few at most). */
function withHistory(answer: Answer, conversation: ConversationContext | undefined): Answer {
  if (!answer.context || !conversation || conversation.turns.length === 0) return answer;
  return { ...answer, context: { turns: [...conversation.turns, ...answer.context.turns].slice(-CONTEXT_TURNS) } };
}

/** How the core read a question: what `npm run ask -- --explain` prints. */
export interface Explanation {
  question: string;
  clauses: Array<{ text: string; asks: boolean }>;
  entities: Array<{ id: string; role: string; inQuestion: boolean; similarity: number }>;
  attributes: Array<{ id: string; inQuestion: boolean; similarity: number }>;
  kinds: { asks: string[]; aggregates: string[]; ordinals: number[]; source: boolean; asOf: boolean };
  unexplained: string[];
  asked: { focus: string[]; compared: string[]; context: string[]; attributes: string[]; followUp: boolean };
  result: { kind: 'answer'; facts: string[]; computations: string[] } | { kind: 'abstain'; reason: string; missing?: unknown } | { kind: 'empty' };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
