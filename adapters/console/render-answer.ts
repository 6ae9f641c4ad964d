// Plain text for a terminal: the answer with its citation (or the refusal with suggestions), and under
// an answer whose figure comes from a chart, that chart in Unicode block bars with the asked rows marked.
// "차트 보여줘" / "show the chart" prints the chart alone. Control characters from the question never
// reach the screen because answers and charts are built from the fact base, not echoed.
import type { Answer, ChartRenderer, ChartRequest, Core } from '../../src/index.ts';

export interface ConsoleCharts {
  charts: ChartRenderer;
  t: Core['t'];
  /** ANSI colour for the asked rows: only when the output is a terminal. */
  color: boolean;
}

/** What the terminal shows for `question` and its answer: one block of text, written at once. */
export function renderAnswer(question: string, answer: Answer, { charts, t, color }: ConsoleCharts): string {
  const request = charts.forRequest(question, answer);
  if (request) return renderChartRequest(request, charts, t, color);
  const view = charts.forAnswer(answer);
  return view ? `${answer.text}\n\n${charts.text(view, { color })}` : answer.text;
}

function renderChartRequest(request: ChartRequest, charts: ChartRenderer, t: Core['t'], color: boolean): string {
  if ('view' in request) return charts.text(request.view, { color });
  const { locale, choices } = request;
  const hint = t(locale, 'charts:choose', { count: choices.length, example: t(locale, 'charts:chooseExample') });
  return [hint, ...choices.map((c) => `• ${c.title}`)].join('\n');
}
