// The charts as the renderers see them: each panel's rows resolved to names and figures from the
// facts' structured values (never typed twice). Built once per fact base: core.charts() hands out the
// same book until a reload, so a renderer can key its cache on it and rebuild when it changes.
import { chartValues } from '../facts/chart-values.ts';
import type { Knowledge } from '../facts/knowledge.ts';
import type { Bilingual, Fact } from '../types.ts';

export interface ChartRow {
  entity: string;
  /** The entity's first name in each language (entities.yaml). */
  name: Bilingual;
  value: number;
  /** The earlier figure (the 2016 rank), when the facts give one. */
  before?: number;
  /** The facts that state this figure. */
  facts: string[];
}

export interface ChartPanelData {
  measure: string;
  /** count: bars from zero; rank: positions where 1 is best. */
  kind: 'count' | 'rank';
  /** The measure's name (facts' measures), shown above the panel when a chart has several. */
  label: Bilingual;
  axis: Bilingual;
  periods?: { before: Bilingual; after: Bilingual };
  rows: ChartRow[];
}

export interface ChartData {
  id: string;
  caption: Bilingual;
  source: Bilingual;
  article: { outlet: Bilingual; title: Bilingual; date: string };
  panels: ChartPanelData[];
  /** Every entity the picture draws: a highlight outside it has nothing to colour. */
  entities: ReadonlySet<string>;
}

export interface ChartBook {
  charts: readonly ChartData[];
  byId: ReadonlyMap<string, ChartData>;
  /** The facts that cite a drawn chart, by id: a conversation's earlier turns name facts by id. */
  chartFacts: ReadonlyMap<string, Fact>;
}

const books = new WeakMap<Knowledge, ChartBook>();

/** The chart book of a fact base (memoised: one per loaded base). */
export function chartBookOf(knowledge: Knowledge): ChartBook {
  let book = books.get(knowledge);
  if (!book) books.set(knowledge, (book = buildChartBook(knowledge)));
  return book;
}

function buildChartBook(k: Knowledge): ChartBook {
  const charts = k.charts
    .filter((chart) => chart.panels.length > 0)
    .map((chart): ChartData => {
      const panels = chart.panels.map((panel): ChartPanelData => {
        const measure = k.measures.get(panel.measure);
        // The loader refuses unknown measures and rows without a figure (src/facts/check-charts.ts).
        if (!measure) throw new Error(`chart ${chart.id}: unknown measure ${panel.measure}`);
        const { values } = chartValues(k.facts, chart.id, panel.measure);
        const rows = panel.entities.map((entity): ChartRow => {
          const v = values.get(entity);
          if (!v) throw new Error(`chart ${chart.id}: no ${panel.measure} value for ${entity}`);
          const names = k.entityById.get(entity)?.names;
          const name = { ko: names?.ko[0] ?? entity, en: names?.en[0] ?? entity };
          return { entity, name, value: v.value, ...(v.before !== undefined ? { before: v.before } : {}), facts: v.facts };
        });
        return {
          measure: panel.measure,
          // Money is drawn as bars, like counts.
          kind: measure.kind === 'rank' ? 'rank' : 'count',
          label: measure.label,
          axis: panel.axis,
          ...(panel.periods ? { periods: panel.periods } : {}),
          rows,
        };
      });
      const a = chart.article;
      return {
        id: chart.id,
        caption: chart.caption,
        source: chart.source,
        article: { outlet: a.outlet, title: a.title, date: a.date },
        panels,
        entities: new Set(panels.flatMap((p) => p.rows.map((r) => r.entity))),
      };
    });
  const byId = new Map(charts.map((c) => [c.id, c]));
  const chartFacts = new Map(k.facts.filter((f) => f.chart !== undefined && byId.has(f.chart)).map((f) => [f.id, f as Fact]));
  return { charts, byId, chartFacts };
}
