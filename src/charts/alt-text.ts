// The chart as one sentence for alt text (Slack files, screen readers): every figure the picture shows,
// panel by panel, the asked rows marked. Bounded: Slack and Discord cap descriptions.
import type { LocalisedChart, LocalisedRow } from './localise-chart.ts';

/** Slack's image alt text is capped (2,000 characters for image blocks); stay well inside it. */
export const MAX_ALT_TEXT = 1000;

export function altText(chart: LocalisedChart): string {
  const panels = chart.panels.map((panel) => {
    const periods = panel.periods ? ` (${panel.periods.before} → ${panel.periods.after})` : '';
    const rows = panel.rows.map((r) => `${r.name} ${figures(r)}${r.highlighted ? ` (${chart.asked})` : ''}`);
    return `${panel.axis}${periods}: ${rows.join('; ')}`;
  });
  const text = `${chart.title}. ${panels.join('. ')}. ${chart.sourceLine}. ${chart.articleLine}.`;
  return text.length <= MAX_ALT_TEXT ? text : `${text.slice(0, MAX_ALT_TEXT - 1)}…`;
}

function figures(r: LocalisedRow): string {
  const pair = r.beforeText !== undefined ? `${r.beforeText} → ${r.valueText}` : r.valueText;
  return r.changeText ? `${pair} ${r.changeText}` : pair;
}
