// A chart on Discord: an embed whose image is the PNG sent with the message (attachment://<file name>),
// the alt text (every figure) as the attachment's description. The text goes first; the picture (from
// memory after the first time) is edited in after (respond.ts), so a chart that cannot be drawn or
// attached never delays or costs the answer.
import { AttachmentBuilder, type APIEmbed } from 'discord.js';
import type { ChartChoice, ChartRenderer, ChartView } from '../../src/index.ts';
import { fitEmbed, truncate } from './embed-limits.ts';
import { COLORS } from './render-answer.ts';
import type { Reply } from './respond.ts';

/** Discord's limit on an attachment's description (its alt text). */
const MAX_ATTACHMENT_DESCRIPTION = 1024;

/** The chart on its own (/chart, "차트 보여줘"): its caption, every figure as text, the credit. */
export function renderChart(view: ChartView): APIEmbed {
  return fitEmbed({ title: view.title, description: view.altText, color: COLORS.answered, footer: { text: view.credit } });
}

/** The charts to choose from, when a request did not say which. */
export function renderChartChoices(choices: ChartChoice[], hint: string): APIEmbed {
  return fitEmbed({ description: [hint, ...choices.map((c) => `• ${c.title}`)].join('\n'), color: COLORS.notice });
}

/**
 * `reply` with its picture to come: the responder calls picture() once the text is delivered, and only
 * then is the PNG asked for (from memory, or drawn: ECharts lays a new chart out on this thread, which
 * must not delay the text). A failed drawing rejects picture() alone.
 */
export function withChart(reply: Reply, view: ChartView, charts: ChartRenderer): Reply {
  return {
    ...reply,
    picture: async () => {
      const png = await charts.png(view);
      const file = new AttachmentBuilder(png, { name: view.fileName, description: truncate(view.altText, MAX_ATTACHMENT_DESCRIPTION) });
      const [first, ...rest] = reply.embeds ?? [];
      const pictured: APIEmbed = { ...first, image: { url: `attachment://${view.fileName}` } };
      return { ...reply, embeds: [pictured, ...rest], files: [file] };
    },
  };
}
