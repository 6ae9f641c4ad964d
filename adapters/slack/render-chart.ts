// A chart as a Slack message: what "차트 보여줘" / "show the chart" posts before the picture itself is
// uploaded below it (upload-chart.ts). The message lists every figure (the alt text), so the request
// is answered in words even when the picture cannot be uploaded. When the request did not say which
// chart and the conversation had none, the message lists the charts to ask for instead.
import type { ChartRequest, ChartView, Core, Locale } from '../../src/index.ts';
import { escapeMrkdwn, truncateEscaped } from './escape.ts';
import { LIMITS, section, shareBlocks, type RenderExtras, type SlackMessage } from './render-answer.ts';

export function renderChartMessage(view: ChartView, t: Core['t'], extras: RenderExtras = {}): SlackMessage {
  const text = escapeMrkdwn(view.altText);
  return { text: truncateEscaped(text, LIMITS.fallbackText), blocks: [section(text), ...shareBlocks(t, view.locale, extras)] };
}

export function renderChartChoices(request: Extract<ChartRequest, { choices: unknown }>, t: Core['t']): SlackMessage {
  const locale: Locale = request.locale;
  const hint = t(locale, 'charts:choose', { count: request.choices.length, example: t(locale, 'charts:chooseExample') });
  const lines = [escapeMrkdwn(hint), ...request.choices.map((c) => `• ${escapeMrkdwn(c.title)}`)];
  return { text: truncateEscaped(escapeMrkdwn(hint), LIMITS.fallbackText), blocks: [section(lines.join('\n'))] };
}
