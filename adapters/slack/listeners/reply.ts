// What a question gets on Slack, for every listener: the chart a request asks for ("차트 보여줘": the
// figures in words, the picture below), the list of charts when it cannot tell which, or the answer and,
// when its figure comes from a chart, that chart below it. The text is posted first; only then is the
// picture asked for (from memory, or drawn: ECharts lays a new chart out on this thread, which must not
// delay the text) and uploaded, so it never holds up or costs the answer.
import type { ChartView, HandledAnswer } from '../../../src/index.ts';
import { feedbackValue } from '../feedback-value.ts';
import { renderAnswer, type RenderExtras, type SlackMessage } from '../render-answer.ts';
import { renderChartChoices, renderChartMessage } from '../render-chart.ts';
import type { ChartPlace } from '../upload-chart.ts';
import type { SlackDeps } from './listener.ts';

export interface SlackReply {
  message: SlackMessage;
  /** The chart to upload under the message. */
  chart?: ChartView;
}

export function replyFor(question: string, answer: HandledAnswer, deps: SlackDeps, given: RenderExtras = {}): SlackReply {
  const { charts, core } = deps.ctx;
  // 👍/👎 under every answer the question log recorded (a shared copy brings the original's).
  const feedback = given.feedback ?? feedbackValue(question, answer);
  const extras: RenderExtras = { ...given, ...(feedback ? { feedback } : {}) };
  const request = charts.forRequest(question, answer);
  if (request && 'view' in request) return { message: renderChartMessage(request.view, core.t, extras), chart: request.view };
  if (request) return { message: renderChartChoices(request, core.t) };
  const view = charts.forAnswer(answer);
  return { message: renderAnswer(answer, core.t, extras), ...(view ? { chart: view } : {}) };
}

/** Posts the message with `post`, then uploads its chart to `place` (one warning if that fails). */
export async function postReply(reply: SlackReply, deps: SlackDeps, post: (message: SlackMessage) => Promise<unknown>, place: ChartPlace): Promise<void> {
  await post(reply.message);
  if (reply.chart) await deps.pictures.upload(reply.chart, deps.ctx.charts.png(reply.chart), place);
}
