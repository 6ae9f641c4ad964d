// "차트 보여줘", "show the chart", "데이터센터 그래프": a request for a picture rather than a figure. Which
// chart: the one the rest of the words ask about ("데이터센터"), else the one of the conversation's most
// recent answer that came from a chart (the thread's "중국 데이터센터 몇 개?"), else the list to choose from.
import type { Answer, Fact, Question } from '../types.ts';
import type { ChartBook } from './chart-book.ts';
import { chartForAnswer, chartForFacts, type ChartPick } from './chart-for-answer.ts';

/** Words that ask for a picture. "figure" is left out: "what is the figure for China?" asks for a number. */
const CHART_WORDS = /(차트|그래프|도표|막대그래프|\bcharts?\b|\bgraphs?\b|\bplots?\b|\bdiagrams?\b)/giu;
/** Words around a request that say nothing about which chart: dropped before the rest is asked. */
const REQUEST_WORDS =
  /(보여\s*주세요|보여\s*줘요?|보여\s*줄래|보여\s*줄\s*수\s*있어|보여\s*봐|보고\s*싶어|볼래|보자|그려\s*줘|그려\s*주세요|주세요|좀|\b(please|pls|show|me|the|a|an|can|could|would|you|i|see|display|draw|give|of|for|about|let)\b)/giu;

/**
 * Words that ask to be shown something. Without one, a chart word may be part of a question the article
 * answers ("기사 도표들의 출처는 어디야?", "Where do the charts come from?"): the answer stands then.
 */
const SHOW_WORDS = /(보여|보이|그려|볼래|볼\s*수|보자|보고\s*싶|\b(show|see|display|draw|view|plot)\b)/iu;

export function isChartRequest(text: string): boolean {
  CHART_WORDS.lastIndex = 0;
  return CHART_WORDS.test(text);
}

export type ChartRequestPick = { pick: ChartPick } | { choose: true };

export function chartForRequest(
  text: string,
  answer: Answer,
  book: ChartBook,
  ask: (question: Question) => Answer,
): ChartRequestPick | undefined {
  // A notice (over the rate limit, an empty or over-long question) is the reply, whatever the words.
  if (answer.notice !== undefined || !isChartRequest(text)) return undefined;
  const rest = text.replace(CHART_WORDS, ' ').replace(REQUEST_WORDS, ' ').replace(/[?!.,~…\s]+/gu, ' ').trim();
  if (answer.answered && !SHOW_WORDS.test(text)) {
    // A question that mentions a chart: the answer stands (with its own chart, if it has one), unless the
    // words are a chart's title ("네이처 인덱스 그래프") and the answer has no chart of its own.
    if (chartForAnswer(answer, book)) return undefined;
    const titled = rest ? chartByTitle(rest, book) : undefined;
    return titled ? { pick: titled } : undefined;
  }
  if (rest) {
    const named = chartForAnswer(ask({ text: rest, locale: answer.locale }), book) ?? chartByTitle(rest, book);
    if (named) return { pick: named };
  }
  const fromAnswer = chartForAnswer(answer, book);
  if (fromAnswer) return { pick: fromAnswer };
  // The conversation so far, newest first: the last turn that was answered from a chart.
  for (const turn of [...(answer.context?.turns ?? [])].reverse()) {
    if (!turn.answered) continue;
    const facts = turn.facts.map((id) => book.chartFacts.get(id)).filter((f): f is Fact => f !== undefined);
    const pick = chartForFacts(facts, book);
    if (pick) return { pick };
  }
  return { choose: true };
}

/** The chart whose caption or labels hold most of the words ("네이처 인덱스" is in one caption only). */
function chartByTitle(rest: string, book: ChartBook): ChartPick | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/\s+/gu, '');
  // Two Hangul syllables are a word ("순위"); two Latin letters ("do", "of") are too common to tell a chart.
  const words = rest.split(/\s+/u).map(squash).filter((w) => w.length >= (/[가-힣]/u.test(w) ? 2 : 3));
  let best: { pick: ChartPick; score: number; tie: boolean } | undefined;
  for (const chart of book.charts) {
    const labels = [chart.caption, ...chart.panels.flatMap((p) => [p.label, p.axis])].flatMap((b) => [b.ko, b.en]);
    const haystack = squash(labels.join(' '));
    const score = words.filter((w) => haystack.includes(w)).length;
    if (score === 0) continue;
    if (!best || score > best.score) best = { pick: { chart, highlight: [] }, score, tie: false };
    else if (score === best.score) best.tie = true;
  }
  return best && !best.tie ? best.pick : undefined;
}
