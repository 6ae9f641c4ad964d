// Checks a fact file's chart section against its facts, at every load and reload: every panel draws a
// known measure, for known entities that the chart's facts give a figure for, with one figure each;
// numbers written in its Korean labels are in the article. A chart that would draw a gap or a number
// the article does not give is refused like any other broken fact.
import { chartValues } from './chart-values.ts';
import { articleNumbers, extractNumbers } from './check-numbers.ts';
import type { FactFile } from './schema.ts';

export function checkCharts(data: FactFile, entityIds: ReadonlySet<string>, articleText: string): string[] {
  const problems: string[] = [];
  const measures = new Set(data.measures.map((m) => m.id));
  const known = articleNumbers(articleText);
  for (const chart of data.charts) {
    const at = (field: string) => `chart "${chart.id}" field ${field}`;
    for (const [field, text] of [['caption.ko', chart.caption.ko] as const]) {
      for (const n of extractNumbers(text)) if (!known.has(n.value)) problems.push(`${at(field)}: number ${n.text} not found in the article`);
    }
    chart.panels.forEach((panel, p) => {
      const field = (name: string) => at(`panels[${p}].${name}`);
      if (!measures.has(panel.measure)) {
        problems.push(`${field('measure')}: unknown measure "${panel.measure}" (add it under measures)`);
        return;
      }
      const { values, conflicts } = chartValues(data.facts, chart.id, panel.measure);
      for (const c of conflicts) problems.push(`${field('measure')}: two figures for one row: ${c}`);
      const seen = new Set<string>();
      panel.entities.forEach((entity, i) => {
        if (seen.has(entity)) problems.push(`${field(`entities[${i}]`)}: "${entity}" is listed twice`);
        seen.add(entity);
        if (!entityIds.has(entity)) problems.push(`${field(`entities[${i}]`)}: unknown entity "${entity}"`);
        else if (!values.has(entity)) {
          problems.push(`${field(`entities[${i}]`)}: no fact with chart ${chart.id} gives a ${panel.measure} value for "${entity}"`);
        }
      });
      const hasBefore = panel.entities.some((e) => values.get(e)?.before !== undefined);
      if (hasBefore && !panel.periods) problems.push(`${field('periods')}: the values have a before figure: name both periods (before, after)`);
      const labels: Array<[string, string]> = [['axis.ko', panel.axis.ko]];
      if (panel.periods) labels.push(['periods.before.ko', panel.periods.before.ko], ['periods.after.ko', panel.periods.after.ko]);
      for (const [name, text] of labels) {
        for (const n of extractNumbers(text)) if (!known.has(n.value)) problems.push(`${field(name)}: number ${n.text} not found in the article`);
      }
    });
  }
  return problems;
}
