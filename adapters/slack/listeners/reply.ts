// What a question gets on Slack, for every listener: the chart a request asks for ("차트 보여줘": the
// figures in words, the picture below), the list of charts when it cannot tell which, or the answer and,
// when its figure comes from a chart, that chart below it. The text is posted first; the picture is
// drawn meanwhile (from memory after the first time) and uploaded after, so it never holds up or costs
// the answer.
import type { Answer, ChartView } from '../../../src/index.ts';
import { renderAnswer, type RenderExtras, type SlackMessage } from '../render-answer.ts';
import { renderChartChoices, renderChartMessage } from '../render-chart.ts';
import type { ChartPlace } from '../upload-chart.ts';
import type { SlackDeps } from './listener.ts';

export interface SlackReply {
  message: SlackMessage;
  /** The chart to upload under the message. */
  chart?: ChartView;
}

export function replyFor(question: string, answer: Answer, deps: SlackDeps, extras: RenderExtras = {}): SlackReply {
  const { charts, core } = deps.ctx;
  const request = charts.forRequest(question, answer);
  if (request && 'view' in request) return { message: renderChartMessage(request.view, core.t, extras), chart: request.view };
  if (request) return { message: renderChartChoices(request, core.t) };
  const view = charts.forAnswer(answer);
  return { message: renderAnswer(answer, core.t, extras), ...(view ? { chart: view } : {}) };
}

/** Posts the message with `post`, then uploads its chart to `place` (one warning if that fails). */
export async function postReply(reply: SlackReply, deps: SlackDeps, post: (message: SlackMessage) => Promise<unknown>, place: ChartPlace): Promise<void> {
  const png = reply.chart ? deps.ctx.charts.png(reply.chart) : undefined;
  // Awaited (and a failure reported, once) by the uploader; never an unhandled rejection meanwhile.
  png?.catch(() => {});
  await post(reply.message);
  if (reply.chart && png) await deps.pictures.upload(reply.chart, png, place);
}
