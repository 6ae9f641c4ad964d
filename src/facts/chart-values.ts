// The figures a chart draws, read from the structured `values` of the facts that cite the chart: the
// fact file states each number once (in a fact), and the chart section only says what to draw.
import type { FactValue } from '../types.ts';

interface ChartedFact {
  id: string;
  chart?: string | undefined;
  values: readonly FactValue[];
}

export interface ChartValue {
  value: number;
  before?: number;
  /** The facts that state this figure (several facts may repeat one, e.g. a summary fact). */
  facts: string[];
}

/** entity id -> its figure for `measure`, from the facts of `chartId`; conflicting figures are reported. */
export function chartValues(
  facts: readonly ChartedFact[],
  chartId: string,
  measure: string,
): { values: Map<string, ChartValue>; conflicts: string[] } {
  const values = new Map<string, ChartValue>();
  const conflicts: string[] = [];
  for (const fact of facts) {
    if (fact.chart !== chartId) continue;
    for (const v of fact.values) {
      if (v.measure !== measure) continue;
      const seen = values.get(v.entity);
      if (!seen) {
        values.set(v.entity, { value: v.value, ...(v.before !== undefined ? { before: v.before } : {}), facts: [fact.id] });
      } else if (seen.value !== v.value || (v.before !== undefined && seen.before !== undefined && seen.before !== v.before)) {
        conflicts.push(`fact "${fact.id}" gives ${v.entity} ${v.measure} ${v.value}, fact "${seen.facts[0]}" gives ${seen.value}`);
      } else {
        if (seen.before === undefined && v.before !== undefined) seen.before = v.before;
        seen.facts.push(fact.id);
      }
    }
  }
  return { values, conflicts };
}
