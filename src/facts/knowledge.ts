// The fact base in the shape the core serves it: facts flattened across articles, each knowing its
// article and chart, plus the matcher built over them. Built once per load (and per reload).
import type { Attribute, Chart, Entity, FactFile, Measure } from './schema.ts';
import type { FactBase } from './load-facts.ts';
import type { Bilingual, Fact } from '../types.ts';
import { createMatcher, type Matcher } from '../matching/matcher.ts';
import { termKey } from '../matching/question-words.ts';

export type ArticleMeta = FactFile['article'];
export interface ChartMeta {
  id: string;
  caption: Bilingual;
  source: Bilingual;
}

/** A chart of an article, with what its picture draws (see src/charts/). */
export interface KnownChart extends Chart {
  article: ArticleMeta;
}

export interface KnownFact extends Fact {
  article: ArticleMeta;
  chartInfo?: ChartMeta;
}

/**
 * What a fact's figure is as of, when the article says: the fact's own asOf ("1월 기준"), else the year
 * in its chart's caption ("(2024년 기준)"). Undefined when the article does not say.
 */
export function statedAsOf(fact: KnownFact, locale: 'ko' | 'en'): string | undefined {
  if (fact.asOf) return fact.asOf[locale];
  const inCaption = fact.chartInfo?.caption[locale]?.match(/\((\d{4})[^)]*\)/);
  if (inCaption) return locale === 'ko' ? `${inCaption[1]}년` : inCaption[1]!;
  return undefined;
}

export interface Knowledge {
  facts: KnownFact[];
  entities: Entity[];
  entityById: Map<string, Entity>;
  attributeById: Map<string, Attribute>;
  measures: Map<string, Measure>;
  topics: FactFile['topics'];
  /** Every article's charts, in file order. */
  charts: KnownChart[];
  /** The first article: the one the bot is about (for /about and abstentions). */
  article: ArticleMeta;
  matcher: Matcher;
}

export function buildKnowledge(base: FactBase): Knowledge {
  const facts: KnownFact[] = [];
  const measures = new Map<string, Measure>();
  const allCharts: KnownChart[] = [];
  for (const { data } of base.articles) {
    for (const chart of data.charts) allCharts.push({ ...chart, article: data.article });
    for (const m of data.measures) measures.set(m.id, m);
    const expand = synonymExpander(data.synonyms);
    const charts = new Map(data.charts.map((c) => [c.id, c]));
    for (const fact of data.facts) {
      const chartInfo = fact.chart ? charts.get(fact.chart) : undefined;
      const keywords = { ko: expand(fact.keywords.ko), en: expand(fact.keywords.en) };
      facts.push({ ...fact, keywords, article: data.article, ...(chartInfo ? { chartInfo } : {}) });
    }
  }
  const first = base.articles[0]!.data;
  const topics = base.articles.flatMap((a) => a.data.topics).filter((t, i, all) => all.findIndex((o) => o.id === t.id) === i);
  return {
    facts,
    entities: base.entities,
    entityById: new Map(base.entities.map((e) => [e.id, e])),
    attributeById: new Map(base.attributes.map((a) => [a.id, a])),
    measures,
    topics,
    charts: allCharts,
    article: first.article,
    matcher: createMatcher(facts, base.entities, measures, base.attributes),
  };
}

/** Adds every synonym of a keyword (same language or not: groups may mix 설립 and founded). */
function synonymExpander(groups: string[][]): (keywords: string[]) => string[] {
  const byWord = new Map<string, string[]>();
  for (const group of groups) for (const word of group) byWord.set(termKey(word), [...(byWord.get(termKey(word)) ?? []), ...group]);
  return (keywords) => [...new Set(keywords.flatMap((k) => [k, ...(byWord.get(termKey(k)) ?? [])]))];
}
