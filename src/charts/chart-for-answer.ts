// Which chart an answer carries, and what in it to highlight: the chart of the answer's first fact that
// cites one (facts come best match first; a computed answer lists the facts it was computed from), and
// the entities whose figures those facts state (China's bar for China; both bars for a comparison).
// A fact with no figure in the chart (the 2016 top-10 sentence about Peking University) highlights
// the drawn entities it is about instead (China's top-10 count).
import type { Answer, Fact } from '../types.ts';
import type { ChartBook, ChartData } from './chart-book.ts';

export interface ChartPick {
  chart: ChartData;
  /** Entity ids, sorted, all drawn in the chart (a stable cache key). */
  highlight: string[];
}

export function chartForAnswer(answer: Answer, book: ChartBook): ChartPick | undefined {
  return answer.answered ? chartForFacts(answer.facts, book) : undefined;
}

/** The chart of the first of `facts` that cites one, highlighting what those facts give figures for. */
export function chartForFacts(facts: readonly Fact[], book: ChartBook): ChartPick | undefined {
  const first = facts.find((f) => f.chart !== undefined && book.byId.has(f.chart));
  if (!first) return undefined;
  const chart = book.byId.get(first.chart!)!;
  const highlight = new Set<string>();
  for (const fact of facts) {
    if (fact.chart !== chart.id) continue;
    const figures = fact.values.map((v) => v.entity).filter((e) => chart.entities.has(e));
    const about = figures.length > 0 ? figures : fact.entities.filter((e) => chart.entities.has(e));
    for (const e of about) highlight.add(e);
  }
  return { chart, highlight: [...highlight].sort() };
}
