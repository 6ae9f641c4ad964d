// One chart in one language with its highlight: every string the picture, the terminal chart and the
// alt text show (names, formatted figures, rank changes, source and article lines) is made here, once,
// so the three renderings always say the same thing.
import type { Translate } from '../answers/i18n.ts';
import type { Locale } from '../types.ts';
import type { ChartData } from './chart-book.ts';

export type Change = 'up' | 'down' | 'same';

export interface LocalisedRow {
  entity: string;
  name: string;
  value: number;
  before?: number;
  /** "5,381", "54위", "54th". */
  valueText: string;
  beforeText?: string;
  /** Rank moves only: "▲2" (climbed two places: a lower number is a better rank). */
  change?: Change;
  changeText?: string;
  highlighted: boolean;
}

export interface LocalisedPanel {
  kind: 'count' | 'rank';
  /** The measure's name, for charts with several panels. */
  title: string;
  axis: string;
  periods?: { before: string; after: string };
  rows: LocalisedRow[];
  /** A figure of this panel as written ("1,000", "10위"), for axis ticks. */
  format(n: number): string;
}

export interface LocalisedChart {
  id: string;
  locale: Locale;
  title: string;
  panels: LocalisedPanel[];
  highlight: readonly string[];
  /** "Orange: what you asked about", when something is highlighted. */
  highlightNote?: string;
  /** "asked": marks the asked rows in text and alt text. */
  asked: string;
  sourceLine: string;
  articleLine: string;
  /** The credited source alone, for alt text. */
  source: string;
}

const ORDINAL = new Intl.PluralRules('en-US', { type: 'ordinal' });
const NUMBER = { ko: new Intl.NumberFormat('ko-KR'), en: new Intl.NumberFormat('en-US') } as const;

export function localiseChart(chart: ChartData, locale: Locale, t: Translate, highlight: readonly string[]): LocalisedChart {
  const lit = new Set(highlight);
  const rank = (n: number) => t(locale, `charts:rank.${ORDINAL.select(n)}`, { n });
  const figure = (kind: 'count' | 'rank', n: number) => (kind === 'rank' ? rank(n) : NUMBER[locale].format(n));
  const panels = chart.panels.map((panel): LocalisedPanel => {
    const rows = panel.rows.map((row): LocalisedRow => {
      const out: LocalisedRow = {
        entity: row.entity,
        name: row.name[locale],
        value: row.value,
        valueText: figure(panel.kind, row.value),
        highlighted: lit.has(row.entity),
      };
      if (row.before !== undefined) {
        out.before = row.before;
        out.beforeText = figure(panel.kind, row.before);
        if (panel.kind === 'rank') {
          const climbed = row.before - row.value;
          out.change = climbed > 0 ? 'up' : climbed < 0 ? 'down' : 'same';
          out.changeText = t(locale, `charts:change.${out.change}`, { diff: Math.abs(climbed) });
        }
      }
      return out;
    });
    const label = panel.label[locale];
    return {
      kind: panel.kind,
      title: label.charAt(0).toUpperCase() + label.slice(1),
      axis: panel.kind === 'rank' ? t(locale, 'charts:rankAxis', { axis: panel.axis[locale] }) : panel.axis[locale],
      ...(panel.periods ? { periods: { before: panel.periods.before[locale], after: panel.periods.after[locale] } } : {}),
      rows,
      format: (n) => figure(panel.kind, n),
    };
  });
  const drawn = highlight.filter((e) => chart.entities.has(e));
  return {
    id: chart.id,
    locale,
    title: chart.caption[locale],
    panels,
    highlight: drawn,
    ...(drawn.length > 0 ? { highlightNote: t(locale, 'charts:highlight') } : {}),
    asked: t(locale, 'charts:asked'),
    sourceLine: t(locale, 'charts:source', { source: chart.source[locale] }),
    articleLine: t(locale, 'charts:article', { outlet: chart.article.outlet[locale], date: chart.article.date }),
    source: chart.source[locale],
  };
}
