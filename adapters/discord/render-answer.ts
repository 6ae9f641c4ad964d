// An Answer as a Discord embed: the question as title, the answer as description, a Source field
// (the credited source and the chart caption), the article's Korean sentence, and the article in the
// footer. Abstentions and notices list the questions the bot can answer instead. Pure: no client, no I/O.
import { escapeMarkdown, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Answer, ArticleInfo } from '../../src/index.ts';
import { EMBED_LIMITS, fitEmbed, truncate } from './embed-limits.ts';

export const COLORS = { answered: 0x2f80ed, abstained: 0x9b9b9b, notice: 0xf2a33a } as const;

export interface RenderOptions {
  /** The question as the user typed it (shown as the title, markdown escaped). */
  question: string;
  /** The article in the answer's language, for the footer and the link. */
  article: ArticleInfo;
  /** Translation in the answer's language, keys of the `discord` namespace (e.g. 'answer.source'). */
  t: (key: string, vars?: Record<string, unknown>) => string;
}

export function renderAnswer(answer: Answer, { question, article, t }: RenderOptions): APIEmbed {
  const fields: APIEmbedField[] = [];
  if (answer.answered) {
    const sources = unique(answer.citations.map((c) => (c.figure ? `${c.source} · ${t('answer.chart', { figure: c.figure })}` : c.source)));
    if (sources.length > 0) fields.push({ name: t('answer.source'), value: sources.join('\n') });
    const quotes = unique(answer.citations.map((c) => c.quote).filter((q): q is string => Boolean(q)));
    if (quotes.length > 0) fields.push({ name: t('answer.quote'), value: quotes.map((q) => `> ${q}`).join('\n') });
  } else if (answer.suggestions.length > 0) {
    fields.push({ name: t('abstain.suggestions'), value: answer.suggestions.map((s) => `• ${s}`).join('\n') });
  }
  // Cut before escaping: a title shows 256 characters, and escaping a whole 40,000-character paste is slow.
  const title = truncate(oneLine(question.slice(0, EMBED_LIMITS.title * 2)), EMBED_LIMITS.title);
  return fitEmbed({
    ...(title ? { title: escapeMarkdown(title) } : {}),
    description: answer.answered ? answer.body : answer.body || answer.text,
    color: answer.answered ? COLORS.answered : answer.notice ? COLORS.notice : COLORS.abstained,
    ...(fields.length > 0 ? { fields } : {}),
    footer: { text: t('answer.footer', { outlet: article.outlet, date: article.date, title: article.title }) },
    ...(article.url ? { url: article.url } : {}),
  });
}

/** A title is one line: newlines and runs of spaces in the question collapse to one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
